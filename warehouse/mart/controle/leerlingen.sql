-- Invariant: every learner in a mart exists in kern (as a learner of a taalaanbieder or in a placement).
SELECT count(DISTINCT t.leerling)
FROM query_table(?) AS t
WHERE t.leerling NOT IN (SELECT leerling FROM kern.leerling UNION ALL SELECT leerling FROM kern.plaatsing);
