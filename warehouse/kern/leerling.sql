-- One row per learner (pseudonym): the latest known leerroute, home language and taalaanbieder.
CREATE OR REPLACE TABLE kern.leerling AS
SELECT
    leerling,
    any_value(id_soort) AS id_soort,
    arg_max(taalaanbieder, datum) AS taalaanbieder,
    arg_max(leerroute, datum) FILTER (WHERE leerroute IS NOT NULL) AS leerroute,
    arg_max(thuistaal, datum) FILTER (WHERE thuistaal IS NOT NULL) AS thuistaal,
    min(datum) AS eerste_datum,
    max(datum) AS laatste_datum
FROM staging.nt2_rapportage
GROUP BY leerling
ORDER BY leerling;
