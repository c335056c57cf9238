CREATE OR REPLACE TABLE kern.plaatsing AS
SELECT leerling, werkplek, soort, startdatum, einddatum
FROM staging.plaatsing
QUALIFY row_number() OVER (PARTITION BY leerling, werkplek, startdatum ORDER BY bestand DESC, bronregel DESC) = 1
ORDER BY leerling, startdatum;
