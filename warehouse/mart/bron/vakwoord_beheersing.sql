-- Mastery per learner and vakwoord from the learners' Anki reviews (kern.vakwoord_beheersing).
CREATE OR REPLACE TEMP VIEW bron_vakwoord_beheersing AS
SELECT leerling, sector, woord, herhalingen, laatste_herhaling, kans_herinnerd, beheerst
FROM kern.vakwoord_beheersing;
