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

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.nt2_uren IS 'Lesuren per leerling, taalaanbieder en rapportageperiode; een periode die twee keer is gerapporteerd, telt één keer. Een rapportage zonder eigen periode telt voor de dag van de meting.';
COMMENT ON COLUMN kern.nt2_uren.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN kern.nt2_uren.taalaanbieder IS 'Code van de taalaanbieder.';
COMMENT ON COLUMN kern.nt2_uren.periode_start IS 'Eerste dag van de rapportageperiode.';
COMMENT ON COLUMN kern.nt2_uren.periode_eind IS 'Laatste dag van de rapportageperiode.';
COMMENT ON COLUMN kern.nt2_uren.uren_aangeboden IS 'Lesuren aangeboden in de periode.';
COMMENT ON COLUMN kern.nt2_uren.uren_aanwezig IS 'Lesuren aanwezig in de periode.';
COMMENT ON COLUMN kern.nt2_uren.afwezig_geoorloofd IS 'Uren geoorloofd afwezig in de periode.';
COMMENT ON COLUMN kern.nt2_uren.afwezig_ongeoorloofd IS 'Uren ongeoorloofd afwezig in de periode.';
COMMENT ON COLUMN kern.nt2_uren.bestand IS 'Het bestand waaruit de uren komen, vanaf de landingsmap.';
COMMENT ON COLUMN kern.nt2_uren.bronregel IS 'Regel in dat bestand.';
