-- Refused files of one source whose latest version has not been loaded since. Parameter: $bron.
-- Refusals from before the source was recorded are classified by their folder.
SELECT bestand, arg_max(reden, geweigerd_op) AS reden
FROM controle.geweigerd_bestand
WHERE coalesce(bron, CASE WHEN bestand LIKE 'taalaanbieders/%' THEN 'taalaanbieder' ELSE 'werkplek' END) = $bron
GROUP BY bestand
ORDER BY bestand;
