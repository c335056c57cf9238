-- Forget every Anki source that is no longer wanted: the learner withdrew consent or was removed, or
-- the file is gone. `actueel` (registered by the asset) lists the sources of consenting learners.
DELETE FROM staging.anki_beheersing
WHERE bestand NOT IN (SELECT bestand FROM actueel);
DELETE FROM controle.ingelezen_bestand
WHERE bron = 'anki' AND bestand NOT IN (SELECT bestand FROM actueel);
DELETE FROM controle.geweigerd_bestand
WHERE bestand LIKE 'anki/%' AND bestand NOT IN (SELECT bestand FROM actueel);  -- a fixed deelnemers.csv too
