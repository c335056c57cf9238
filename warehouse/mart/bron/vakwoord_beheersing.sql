-- Mastery per learner and vakwoord from the learners' Anki reviews (kern.vakwoord_beheersing),
-- with fixed types so the marts keep their shape whatever the source stores.
CREATE OR REPLACE TEMP VIEW bron_vakwoord_beheersing AS
SELECT leerling::VARCHAR AS leerling, sector::VARCHAR AS sector, woord::VARCHAR AS woord,
       herhalingen::BIGINT AS herhalingen, laatste_herhaling::TIMESTAMP AS laatste_herhaling,
       kans_herinnerd::DOUBLE AS kans_herinnerd, beheerst::BOOLEAN AS beheerst
FROM kern.vakwoord_beheersing;
