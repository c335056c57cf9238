-- Per lopende plaatsing en vakwoord dat de werkplek vraagt: is het een veiligheidswoord, heeft de
-- leerling het geoefend in Anki, en beheerst hij of zij het (kern.vakwoord_beheersing, uit de
-- herhalingen die leerlingen met toestemming synchroniseren). Zonder beheersingsgegevens telt elk
-- woord als niet geoefend.
CREATE OR REPLACE TABLE mart.plaatsing_vakwoord AS
WITH actief AS (
    SELECT leerling, werkplek, startdatum
    FROM kern.plaatsing
    WHERE startdatum <= current_date AND (einddatum IS NULL OR einddatum >= current_date)
),
nodig AS (
    -- The word as the list writes it (the mastery table uses the list's spelling), matched without case.
    SELECT wv.werkplek, wv.sector, coalesce(v.woord, wv.woord) AS woord, v.thema, v.thema_volgorde,
           coalesce(v.veiligheid, false) AS veiligheid
    FROM kern.werkplek_vakwoord AS wv
    LEFT JOIN bron_vakwoord AS v ON v.sector = wv.sector AND lower(v.woord) = lower(wv.woord)
),
geplaatst AS (
    -- Whether the learner has any mastery data: only their words need the join on learner, sector and
    -- word; everyone else's words are not studied (most learners: the sync needs their consent).
    SELECT *, coalesce(leerling IN (SELECT leerling FROM bron_vakwoord_beheersing), false) AS met_beheersing
    FROM actief
)
SELECT
    a.leerling, a.werkplek, a.startdatum, n.sector, n.woord, n.thema, n.thema_volgorde, n.veiligheid,
    coalesce(b.herhalingen, 0) AS herhalingen,
    b.laatste_herhaling,
    b.kans_herinnerd,
    coalesce(b.herhalingen, 0) > 0 AS geoefend,
    coalesce(b.beheerst, false) AS beheerst
FROM geplaatst AS a
JOIN nodig AS n USING (werkplek)
LEFT JOIN bron_vakwoord_beheersing AS b ON b.leerling = a.leerling AND b.sector = n.sector AND b.woord = n.woord
WHERE a.met_beheersing
UNION ALL
SELECT
    a.leerling, a.werkplek, a.startdatum, n.sector, n.woord, n.thema, n.thema_volgorde, n.veiligheid,
    0 AS herhalingen,
    NULL AS laatste_herhaling,
    NULL AS kans_herinnerd,
    false AS geoefend,
    false AS beheerst
FROM geplaatst AS a
JOIN nodig AS n USING (werkplek)
WHERE NOT a.met_beheersing;

COMMENT ON TABLE mart.plaatsing_vakwoord IS 'Per lopende plaatsing en vakwoord van de werkplek: veiligheidswoord, geoefend en beheerst.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.startdatum IS 'Begin van de plaatsing.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.sector IS 'Sector van het woord.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.woord IS 'Het vakwoord dat de werkplek vraagt.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.thema IS 'Thema in de woordenlijst (leeg: woord staat niet in de lijst).';
COMMENT ON COLUMN mart.plaatsing_vakwoord.thema_volgorde IS 'Volgorde van het thema in het deck.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.veiligheid IS 'Veiligheidskritisch woord (VCA).';
COMMENT ON COLUMN mart.plaatsing_vakwoord.herhalingen IS 'Aantal herhalingen in Anki (0: niet geoefend of geen toestemming).';
COMMENT ON COLUMN mart.plaatsing_vakwoord.laatste_herhaling IS 'Datum van de laatste herhaling.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.kans_herinnerd IS 'Kans dat de leerling het woord vandaag weet (0 tot 1, FSRS).';
COMMENT ON COLUMN mart.plaatsing_vakwoord.geoefend IS 'Minstens één keer herhaald.';
COMMENT ON COLUMN mart.plaatsing_vakwoord.beheerst IS 'Beheerst volgens de regel van kern.vakwoord_beheersing.';
