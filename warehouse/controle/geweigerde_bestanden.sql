-- Refused files whose latest version has not been loaded since. ? = 'taalaanbieder' or 'werkplek'.
SELECT bestand, arg_max(reden, geweigerd_op) AS reden
FROM controle.geweigerd_bestand
WHERE (CASE WHEN bestand LIKE 'taalaanbieders/%' THEN 'taalaanbieder' ELSE 'werkplek' END) = ?
GROUP BY bestand
ORDER BY bestand;
