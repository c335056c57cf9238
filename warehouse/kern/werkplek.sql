CREATE OR REPLACE TABLE kern.werkplek AS
SELECT werkplek, werkgever, sector, functie, vca_vereist
FROM staging.werkplek
QUALIFY row_number() OVER (PARTITION BY werkplek ORDER BY bestand DESC, bronregel DESC) = 1
ORDER BY werkplek;
