-- Vraag: welke veiligheidswoorden van werkplek WP-ME01 beheerst nog geen enkele leerling die daar nu
-- geplaatst is?
-- Antwoord: één regel per veiligheidswoord van de werkplek dat niemand met een lopende plaatsing daar
-- beheerst, met hoeveel van hen het wel al geoefend hebben. 'Beheerst' komt uit de Anki-herhalingen
-- van leerlingen die toestemming gaven (kern.vakwoord_beheersing); wie niet synchroniseert, telt als
-- 'niet beheerst'.
-- Andere werkplek: pas de waarde hieronder aan.
SET VARIABLE werkplek = 'WP-ME01';

WITH geplaatst AS (
    SELECT count(DISTINCT leerling) AS leerlingen
    FROM kern.plaatsing
    WHERE werkplek = getvariable('werkplek')
        AND startdatum <= current_date AND (einddatum IS NULL OR einddatum >= current_date)
)
SELECT
    v.woord,
    v.thema,
    (SELECT leerlingen FROM geplaatst) AS geplaatste_leerlingen,
    count(DISTINCT pv.leerling) FILTER (WHERE pv.geoefend) AS leerlingen_geoefend
FROM kern.werkplek_vakwoord AS wv
JOIN kern.vakwoord AS v ON v.sector = wv.sector AND lower(v.woord) = lower(wv.woord)
LEFT JOIN mart.plaatsing_vakwoord AS pv ON pv.werkplek = wv.werkplek AND pv.woord = v.woord
WHERE wv.werkplek = getvariable('werkplek') AND v.veiligheid
GROUP BY v.woord, v.thema, v.thema_volgorde
HAVING NOT coalesce(bool_or(pv.beheerst), false)
ORDER BY v.thema_volgorde, v.woord;
