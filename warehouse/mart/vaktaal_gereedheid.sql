-- Per placement: how many of the werkplek's vakwoorden the learner has studied in Anki and how many are
-- beheerst (kern.vakwoord_beheersing), with the safety words counted separately and named: which of this
-- werkplek's safety words the learner knows and which not yet. Learners without consent count as not studied.
-- Reads the word lists and mastery through the views bron_vakwoord / bron_vakwoord_beheersing (pipelines/marts.py),
-- which are empty while kern.vakwoord or kern.vakwoord_beheersing do not exist yet.
CREATE OR REPLACE TABLE mart.vaktaal_gereedheid AS
WITH nodig AS (
    SELECT DISTINCT wv.werkplek, wv.sector, coalesce(v.woord, wv.woord) AS woord, coalesce(v.veiligheid, false) AS veiligheid
    FROM kern.werkplek_vakwoord AS wv
    LEFT JOIN bron_vakwoord AS v ON v.sector = wv.sector AND lower(v.woord) = lower(wv.woord)
),
per_woord AS (
    SELECT
        p.leerling, p.werkplek, p.soort, p.startdatum, p.einddatum, n.sector, n.woord, n.veiligheid,
        coalesce(b.herhalingen, 0) > 0 AS bestudeerd,
        coalesce(b.beheerst, false) AS beheerst
    FROM kern.plaatsing AS p
    JOIN nodig AS n USING (werkplek)
    LEFT JOIN bron_vakwoord_beheersing AS b
        ON b.leerling = p.leerling AND b.sector = n.sector AND b.woord = n.woord
)
SELECT
    leerling,
    werkplek,
    any_value(sector) AS sector,
    soort,
    startdatum,
    einddatum,
    startdatum <= current_date AND (einddatum IS NULL OR einddatum >= current_date) AS lopend,
    count(*) AS woorden_nodig,
    count(*) FILTER (WHERE bestudeerd) AS woorden_bestudeerd,
    count(*) FILTER (WHERE beheerst) AS woorden_beheerst,
    round(count(*) FILTER (WHERE beheerst) / count(*), 3) AS aandeel_beheerst,
    count(*) FILTER (WHERE veiligheid) AS veiligheidswoorden_nodig,
    count(*) FILTER (WHERE veiligheid AND bestudeerd) AS veiligheidswoorden_bestudeerd,
    count(*) FILTER (WHERE veiligheid AND beheerst) AS veiligheidswoorden_beheerst,
    coalesce(list(woord ORDER BY woord) FILTER (WHERE veiligheid AND beheerst), []) AS veiligheidswoorden_gekend,
    coalesce(list(woord ORDER BY woord) FILTER (WHERE veiligheid AND NOT beheerst), []) AS veiligheidswoorden_nog_niet
FROM per_woord
GROUP BY leerling, werkplek, soort, startdatum, einddatum
ORDER BY werkplek, leerling, startdatum;

COMMENT ON TABLE mart.vaktaal_gereedheid IS 'Per plaatsing: vakwoorden van de werkplek bestudeerd en beheerst in Anki, veiligheidswoorden apart.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.lopend IS 'De plaatsing loopt vandaag.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.woorden_nodig IS 'Vakwoorden die de werkplek vraagt (kern.werkplek_vakwoord).';
COMMENT ON COLUMN mart.vaktaal_gereedheid.woorden_bestudeerd IS 'Daarvan minstens één keer herhaald in Anki.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.woorden_beheerst IS 'Daarvan beheerst (kans herinnerd >= 0,9 en stabiliteit >= 21 dagen).';
COMMENT ON COLUMN mart.vaktaal_gereedheid.veiligheidswoorden_gekend IS 'De veiligheidswoorden van de werkplek die de leerling beheerst.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.veiligheidswoorden_nog_niet IS 'De veiligheidswoorden van de werkplek die de leerling nog niet beheerst.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.sector IS 'Sector van de werkplek.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.soort IS 'Soort plaatsing.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.startdatum IS 'Begin van de plaatsing.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.einddatum IS 'Einde van de plaatsing (leeg = loopt nog).';
COMMENT ON COLUMN mart.vaktaal_gereedheid.aandeel_beheerst IS 'woorden_beheerst als deel van woorden_nodig, 0 tot 1.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.veiligheidswoorden_nodig IS 'Veiligheidswoorden die de werkplek vraagt.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.veiligheidswoorden_bestudeerd IS 'Daarvan minstens één keer herhaald in Anki.';
COMMENT ON COLUMN mart.vaktaal_gereedheid.veiligheidswoorden_beheerst IS 'Daarvan beheerst.';
