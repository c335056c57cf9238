-- Learners with a running placement: how many reach their werkplek's level per skill (mart.voortgang_leerling
-- takes the target from running placements only).
SELECT vaardigheid,
       count(*) FILTER (WHERE doel_bereikt) AS op_niveau,
       count(*) FILTER (WHERE doel_bereikt IS NOT NULL) AS met_doel
FROM mart.voortgang_leerling
GROUP BY vaardigheid
ORDER BY vaardigheid;
