-- Per learner (pseudonym) and vakwoord: how well the learner knows the word, from their Anki reviews
-- (synced collection or .colpkg backup; when both hold the word, the source with the latest answer counts).
-- kans_herinnerd is the FSRS probability of recall today; beheerst = kans_herinnerd >= 0.9 and
-- stabiliteit_dagen >= 21 (the word is remembered now and will be for weeks). Only learners with consent.
CREATE OR REPLACE TABLE kern.vakwoord_beheersing AS
WITH laatste_bron AS (
    SELECT *
    FROM staging.anki_beheersing
    QUALIFY row_number() OVER (
        PARTITION BY leerling, sector, woord
        ORDER BY laatste_herhaling DESC, bron = 'sync' DESC, bestand DESC
    ) = 1
),
kans AS (
    SELECT
        *,
        -- FSRS forgetting curve: R(t, S) = (1 + F * t / S) ^ -verval, F = 0.9 ^ (-1 / verval) - 1, t in whole days
        power(
            1 + (power(0.9, -1 / verval) - 1) * greatest(date_diff('day', zwakste_herhaling::DATE, current_date), 0)
                / stabiliteit_dagen,
            -verval
        ) AS kans_herinnerd
    FROM laatste_bron
)
SELECT
    leerling,
    sector,
    woord,
    herhalingen,
    laatste_herhaling,
    round(stabiliteit_dagen, 2) AS stabiliteit_dagen,
    round(kans_herinnerd, 4) AS kans_herinnerd,
    kans_herinnerd >= 0.9 AND stabiliteit_dagen >= 21 AS beheerst
FROM kans
ORDER BY leerling, sector, woord;

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.vakwoord_beheersing IS 'Per leerling en vakwoord hoe goed de leerling het woord kent, uit de Anki-herhalingen (alleen leerlingen met toestemming; trekt iemand die in, dan verdwijnen de rijen bij de volgende run). Staat een woord in zowel de gesynchroniseerde collectie als een back-up, dan telt de bron met het laatste antwoord.';
COMMENT ON COLUMN kern.vakwoord_beheersing.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN kern.vakwoord_beheersing.sector IS 'Sector van het vakwoord.';
COMMENT ON COLUMN kern.vakwoord_beheersing.woord IS 'Het vakwoord (trefwoord uit de lijst van de sector).';
COMMENT ON COLUMN kern.vakwoord_beheersing.herhalingen IS 'Alle antwoorden op de kaarten van het woord.';
COMMENT ON COLUMN kern.vakwoord_beheersing.laatste_herhaling IS 'Tijdstip van het laatste antwoord (UTC).';
COMMENT ON COLUMN kern.vakwoord_beheersing.stabiliteit_dagen IS 'FSRS-stabiliteit: na zoveel dagen is de kans op herinneren gezakt tot 90%.';
COMMENT ON COLUMN kern.vakwoord_beheersing.kans_herinnerd IS 'FSRS-kans dat de leerling het woord vandaag weet, 0 tot 1, berekend op de dag dat de tabel gebouwd wordt.';
COMMENT ON COLUMN kern.vakwoord_beheersing.beheerst IS 'kans_herinnerd is minstens 0,9 en stabiliteit_dagen minstens 21: nu gekend en over drie weken nog.';
