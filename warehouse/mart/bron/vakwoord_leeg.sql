-- kern.vakwoord has not been built yet (e.g. the 'inlezen' job alone): no themes, no safety flags.
CREATE OR REPLACE TEMP VIEW bron_vakwoord AS
SELECT NULL::VARCHAR AS sector, NULL::VARCHAR AS woord, NULL::VARCHAR AS thema,
       NULL::INTEGER AS thema_volgorde, NULL::BOOLEAN AS veiligheid
WHERE false;
