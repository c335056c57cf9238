CREATE OR REPLACE TABLE kern.plaatsing AS
SELECT leerling, werkplek, soort, startdatum, einddatum
FROM staging.plaatsing
QUALIFY row_number() OVER (PARTITION BY leerling, werkplek, startdatum ORDER BY bestand DESC, bronregel DESC) = 1
ORDER BY leerling, startdatum;

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.plaatsing IS 'Plaatsingen van leerlingen op werkplekken, één rij per leerling, werkplek en startdatum (de laatste levering telt).';
COMMENT ON COLUMN kern.plaatsing.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN kern.plaatsing.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN kern.plaatsing.soort IS 'Soort plaatsing: stage, proefplaatsing, leerwerkplek, dienstverband of vrijwilligerswerk.';
COMMENT ON COLUMN kern.plaatsing.startdatum IS 'Begin van de plaatsing.';
COMMENT ON COLUMN kern.plaatsing.einddatum IS 'Einde van de plaatsing (leeg = loopt nog).';
