-- Yardstick: the least any per-learner mart must do, one hash aggregation of every measurement by
-- learner, taalaanbieder and skill (1.25 million groups at 250,000 learners), kept in memory.
CREATE OR REPLACE TEMP TABLE groepering AS
SELECT leerling, taalaanbieder, vaardigheid, count(*) AS metingen, max(niveau_rang) AS hoogste
FROM kern.nt2_meting
GROUP BY leerling, taalaanbieder, vaardigheid;
