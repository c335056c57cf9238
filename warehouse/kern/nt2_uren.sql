-- Lesson hours per learner per reporting period (a period reported twice counts once).
CREATE OR REPLACE TABLE kern.nt2_uren AS
SELECT leerling, taalaanbieder, periode_start, periode_eind, uren_aangeboden, uren_aanwezig,
       afwezig_geoorloofd, afwezig_ongeoorloofd, bestand, bronregel
FROM staging.nt2_uren
QUALIFY row_number() OVER (
    PARTITION BY leerling, taalaanbieder, periode_start, periode_eind ORDER BY bestand DESC, bronregel DESC
) = 1
ORDER BY leerling, periode_start;
