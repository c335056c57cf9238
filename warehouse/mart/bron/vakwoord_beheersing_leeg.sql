-- No mastery table (yet): every needed word counts as not studied.
CREATE OR REPLACE TEMP VIEW bron_vakwoord_beheersing AS
SELECT NULL::VARCHAR AS leerling, NULL::VARCHAR AS sector, NULL::VARCHAR AS woord, NULL::BIGINT AS herhalingen,
       NULL::TIMESTAMP AS laatste_herhaling, NULL::DOUBLE AS kans_herinnerd, NULL::BOOLEAN AS beheerst
WHERE false;
