-- Refused text files whose latest version has not been loaded since.
SELECT bestand, arg_max(reden, geweigerd_op) AS reden
FROM controle.geweigerd_bestand
WHERE bestand LIKE 'werkplekken/teksten/%'
GROUP BY bestand
ORDER BY bestand;
