-- The words found in werkplek texts, per sector (the asset check compares them with the lists).
SELECT DISTINCT werkplek, sector, woord FROM staging.werkplek_tekst_vakwoord ORDER BY ALL;
