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

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.werkplek_tekst_vakwoord IS 'Vakwoorden uit de lijst van de sector die de eigen teksten van een werkplek gebruiken (<landingsmap>/werkplekken/teksten/<werkplek>/: .txt, .md, .docx, .pdf), per woord hoe vaak en in hoeveel bestanden. Geen tekst: alleen woorden en tellingen.';
COMMENT ON COLUMN kern.werkplek_tekst_vakwoord.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN kern.werkplek_tekst_vakwoord.sector IS 'Sector van de werkplek: die vakwoordenlijst is doorzocht.';
COMMENT ON COLUMN kern.werkplek_tekst_vakwoord.woord IS 'Trefwoord uit de vakwoordenlijst.';
COMMENT ON COLUMN kern.werkplek_tekst_vakwoord.aantal IS 'Hoe vaak de teksten het woord gebruiken, in welke vorm ook.';
COMMENT ON COLUMN kern.werkplek_tekst_vakwoord.bestanden IS 'In hoeveel tekstbestanden het woord voorkomt.';
