CREATE OR REPLACE TABLE kern.taalaanbieder AS
SELECT taalaanbieder, naam, instellingsnummer, formaat
FROM staging.taalaanbieder
ORDER BY taalaanbieder;
