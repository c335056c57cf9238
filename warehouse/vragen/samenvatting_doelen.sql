-- Learners with a placement: how many reach their werkplek's level per skill.
SELECT vaardigheid,
       count(*) FILTER (WHERE doel_bereikt) AS op_niveau,
       count(*) FILTER (WHERE doel_bereikt IS NOT NULL) AS met_doel
FROM mart.voortgang_leerling
GROUP BY vaardigheid
ORDER BY vaardigheid;
