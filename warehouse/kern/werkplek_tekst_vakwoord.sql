-- Vakwoorden uit de lijst van de sector die de eigen teksten van een werkplek gebruiken (werkinstructies, veiligheidsinstructies, VCA-toolbox, vacaturetekst, zorgplan): per woord hoe vaak, in hoeveel bestanden. Alleen woorden en tellingen, geen tekst.
CREATE OR REPLACE TABLE kern.werkplek_tekst_vakwoord AS
SELECT
    werkplek,
    sector,
    woord,
    sum(aantal)::BIGINT AS aantal,
    count(DISTINCT bestand)::BIGINT AS bestanden
FROM staging.werkplek_tekst_vakwoord
GROUP BY werkplek, sector, woord
ORDER BY werkplek, aantal DESC, woord;
