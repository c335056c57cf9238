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
