-- Learners with at least one placement, with the language they study in (default Dutch).
SELECT p.leerling, coalesce(l.thuistaal, 'nl') AS taal
FROM (SELECT DISTINCT leerling FROM kern.plaatsing) AS p
LEFT JOIN kern.leerling AS l USING (leerling)
ORDER BY p.leerling;
