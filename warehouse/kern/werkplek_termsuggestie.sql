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
