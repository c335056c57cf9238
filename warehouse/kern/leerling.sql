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

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.leerling IS 'Eén rij per leerling, met de laatst bekende leerroute, thuistaal en taalaanbieder.';
COMMENT ON COLUMN kern.leerling.leerling IS 'Pseudoniem van de leerling (HMAC van BSN, V-nummer of leerlingnummer).';
COMMENT ON COLUMN kern.leerling.id_soort IS 'Soort identificatie waaruit het pseudoniem is gemaakt: bsn, vnummer of leerlingnummer.';
COMMENT ON COLUMN kern.leerling.taalaanbieder IS 'Laatst bekende taalaanbieder (van de laatste rapportage).';
COMMENT ON COLUMN kern.leerling.leerroute IS 'Laatst bekende leerroute: B1-route, onderwijsroute of Z-route.';
COMMENT ON COLUMN kern.leerling.thuistaal IS 'Laatst bekende taal waarin de leerling kaarten wil: nl, en, ar, ti, so, fa, tr of uk.';
COMMENT ON COLUMN kern.leerling.eerste_datum IS 'Datum van de eerste meting over de leerling.';
COMMENT ON COLUMN kern.leerling.laatste_datum IS 'Datum van de laatste meting over de leerling.';
