-- Voorgestelde nieuwe vakwoorden per werkplek: zelfstandige naamwoorden uit de teksten van de werkplek die in geen enkele vakwoordenlijst staan, met hoe vaak ze voorkomen en hoe gewoon ze zijn in algemeen Nederlands (algemene_frequentie, Zipf-schaal van wordfreq: 0 = zeldzaam, 7 = heel gewoon).
CREATE OR REPLACE TABLE kern.werkplek_termsuggestie AS
SELECT
    werkplek,
    term,
    sum(aantal)::BIGINT AS aantal,
    max(algemene_frequentie) AS algemene_frequentie
FROM staging.werkplek_termsuggestie
GROUP BY werkplek, term
ORDER BY werkplek, aantal DESC, algemene_frequentie, term;

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.werkplek_termsuggestie IS 'Voorgestelde nieuwe vakwoorden per werkplek: zelfstandige naamwoorden uit de teksten van de werkplek die in geen enkele vakwoordenlijst staan. Woorden met een hoofdletter (namen) worden nooit voorgesteld.';
COMMENT ON COLUMN kern.werkplek_termsuggestie.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN kern.werkplek_termsuggestie.term IS 'Het zelfstandig naamwoord (grondvorm, kleine letters).';
COMMENT ON COLUMN kern.werkplek_termsuggestie.aantal IS 'Hoe vaak de teksten van de werkplek de term gebruiken.';
COMMENT ON COLUMN kern.werkplek_termsuggestie.algemene_frequentie IS 'Hoe gewoon het woord is in algemeen Nederlands (Zipf-waarde volgens wordfreq): 0 = zeldzaam, 7 = heel gewoon, zoals ''de''.';
