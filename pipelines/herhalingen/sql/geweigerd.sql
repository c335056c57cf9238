-- Refused Anki sources whose latest version has not been loaded since.
SELECT bestand, arg_max(reden, geweigerd_op) AS reden
FROM controle.geweigerd_bestand
WHERE bestand LIKE 'anki/%'
GROUP BY bestand
ORDER BY bestand;
