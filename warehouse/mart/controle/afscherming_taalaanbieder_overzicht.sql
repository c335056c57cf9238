-- Invariant of a shareable output: every count is '<10' or a whole number of at least 10, and a
-- derived figure is shown only when every count it comes from is at least 10. Returns the rows that
-- break it (none when the suppression holds).
SELECT taalaanbieder, leerroute
FROM mart.taalaanbieder_overzicht
WHERE EXISTS (
        SELECT 1
        FROM (VALUES (leerlingen), (leerlingen_gemeten), (leerlingen_met_uren), (leerlingen_met_rooster),
                     (doel_gehaald), (leerlingen_termijn_bekend), (doel_binnen_termijn),
                     (leerlingen_met_examen), (leerlingen_geslaagd)) AS a (n)
        WHERE n IS NULL OR (n <> '<10' AND coalesce(TRY_CAST(n AS BIGINT) < 10, true))
    )
    OR (leerlingen_gemeten = '<10' AND gemiddelde_groei_in_niveaus IS NOT NULL)
    OR (leerlingen_met_uren = '<10' AND groei_per_100_uur IS NOT NULL)
    OR (leerlingen_met_rooster = '<10' AND aanwezigheid_procent IS NOT NULL)
    OR ('<10' IN (doel_gehaald, leerlingen) AND doel_gehaald_procent IS NOT NULL)
    OR ('<10' IN (doel_binnen_termijn, leerlingen_termijn_bekend) AND doel_binnen_termijn_procent IS NOT NULL)
    OR ('<10' IN (leerlingen_geslaagd, leerlingen_met_examen) AND leerlingen_geslaagd_procent IS NOT NULL);
