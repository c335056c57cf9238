-- Invariant of a shareable output: every count is '<10' or a whole number of at least 10, and a
-- derived figure is shown only when every count it comes from is at least 10. Returns the rows that
-- break it (none when the suppression holds).
SELECT startjaar, leerroute, sector
FROM mart.cohort_overzicht
WHERE EXISTS (
        SELECT 1
        FROM (VALUES (leerlingen), (leerlingen_gemeten), (leerlingen_met_uren), (routedoel_gehaald),
                     (examen_geslaagd), (met_lopende_plaatsing), (taalklaar)) AS a (n)
        WHERE n IS NULL OR (n <> '<10' AND coalesce(TRY_CAST(n AS BIGINT) < 10, true))
    )
    OR (leerlingen_gemeten = '<10' AND gemiddelde_groei_in_niveaus IS NOT NULL)
    OR (leerlingen_met_uren = '<10' AND gemiddeld_uren_aanwezig IS NOT NULL)
    OR ('<10' IN (routedoel_gehaald, leerlingen) AND routedoel_gehaald_procent IS NOT NULL)
    OR ('<10' IN (examen_geslaagd, leerlingen) AND examen_geslaagd_procent IS NOT NULL)
    OR ('<10' IN (taalklaar, met_lopende_plaatsing) AND taalklaar_procent IS NOT NULL);
