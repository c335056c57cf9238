-- De vakwoorden die een werkplek vraagt: uit de lijst vakwoorden*.csv (bron 'lijst') en, daarnaast, de woorden uit de vakwoordenlijst die de eigen teksten van de werkplek gebruiken (bron 'tekst', zie kern.werkplek_tekst_vakwoord). Een woord dat in beide staat, telt één keer, als 'lijst'. Werkplekdecks en de gat-marts gebruiken beide.
CREATE OR REPLACE TABLE kern.werkplek_vakwoord AS
WITH lijst AS (
    SELECT DISTINCT werkplek, sector, woord FROM staging.werkplek_vakwoord
),
tekst AS (
    SELECT DISTINCT werkplek, sector, woord FROM staging.werkplek_tekst_vakwoord
)
SELECT werkplek, sector, woord, 'lijst' AS bron FROM lijst
UNION ALL
SELECT t.werkplek, t.sector, t.woord, 'tekst' AS bron
FROM tekst AS t
ANTI JOIN lijst AS l ON l.werkplek = t.werkplek AND l.woord = t.woord
ORDER BY werkplek, woord;

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.werkplek_vakwoord IS 'De vakwoorden die een werkplek vraagt: uit vakwoorden*.csv en uit de eigen teksten van de werkplek. Een woord dat in beide staat, telt één keer, als lijst. Werkplekdecks en de marts gebruiken beide.';
COMMENT ON COLUMN kern.werkplek_vakwoord.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN kern.werkplek_vakwoord.sector IS 'Sector van de werkplek.';
COMMENT ON COLUMN kern.werkplek_vakwoord.woord IS 'Trefwoord uit de vakwoordenlijst van de sector.';
COMMENT ON COLUMN kern.werkplek_vakwoord.bron IS 'lijst: uit vakwoorden*.csv; tekst: alleen gevonden in de eigen teksten van de werkplek (zie kern.werkplek_tekst_vakwoord).';
