CREATE OR REPLACE TABLE kern.werkplek_vakwoord AS
SELECT DISTINCT werkplek, sector, woord
FROM staging.werkplek_vakwoord
ORDER BY werkplek, woord;
