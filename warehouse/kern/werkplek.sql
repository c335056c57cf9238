CREATE OR REPLACE TABLE kern.werkplek AS
SELECT werkplek, werkgever, sector, functie, vca_vereist
FROM staging.werkplek
QUALIFY row_number() OVER (PARTITION BY werkplek ORDER BY bestand DESC, bronregel DESC) = 1
ORDER BY werkplek;

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.werkplek IS 'De werkplekken, één rij per werkplekcode (de laatste levering telt).';
COMMENT ON COLUMN kern.werkplek.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN kern.werkplek.werkgever IS 'Naam van de werkgever.';
COMMENT ON COLUMN kern.werkplek.sector IS 'Sector: metaal, zorg of bouw.';
COMMENT ON COLUMN kern.werkplek.functie IS 'Functie op de werkplek.';
COMMENT ON COLUMN kern.werkplek.vca_vereist IS 'De werkplek vraagt een VCA-diploma.';
