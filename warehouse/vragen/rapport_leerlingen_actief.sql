-- Report: every learner with a placement that runs today (one report each).
SELECT DISTINCT leerling FROM mart.werkplek_gereedheid WHERE actief ORDER BY leerling;
