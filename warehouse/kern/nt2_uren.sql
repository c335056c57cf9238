-- Lesson hours per learner per reporting period (a period reported twice counts once).
-- A report without its own period counts for the day of the measurement.
CREATE OR REPLACE TABLE kern.nt2_uren AS
WITH uren AS (
    SELECT
        leerling, taalaanbieder,
        coalesce(periode_start, datum) AS periode_start,
        coalesce(periode_eind, datum) AS periode_eind,
        uren_aangeboden, uren_aanwezig, afwezig_geoorloofd, afwezig_ongeoorloofd, bestand, bronregel
    FROM staging.nt2_rapportage
    WHERE uren_aangeboden IS NOT NULL
        OR uren_aanwezig IS NOT NULL
        OR afwezig_geoorloofd IS NOT NULL
        OR afwezig_ongeoorloofd IS NOT NULL
)
SELECT leerling, taalaanbieder, periode_start, periode_eind, uren_aangeboden, uren_aanwezig,
       afwezig_geoorloofd, afwezig_ongeoorloofd, bestand, bronregel
FROM uren
QUALIFY row_number() OVER (
    PARTITION BY leerling, taalaanbieder, periode_start, periode_eind ORDER BY bestand DESC, bronregel DESC
) = 1
ORDER BY leerling, periode_start;
