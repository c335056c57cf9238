CREATE OR REPLACE TABLE kern.taalaanbieder AS
SELECT taalaanbieder, naam, instellingsnummer, formaat
FROM staging.taalaanbieder
ORDER BY taalaanbieder;

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.taalaanbieder IS 'De taalaanbieders, één rij per map met een geldige mapping.toml.';
COMMENT ON COLUMN kern.taalaanbieder.taalaanbieder IS 'Code van de taalaanbieder: de naam van zijn map in de landingsmap.';
COMMENT ON COLUMN kern.taalaanbieder.naam IS 'Naam van de taalaanbieder.';
COMMENT ON COLUMN kern.taalaanbieder.instellingsnummer IS 'Instellingsnummer of Blik op Werk-nummer.';
COMMENT ON COLUMN kern.taalaanbieder.formaat IS 'Bestandsformaat van de exports: csv of xlsx.';
