-- One row per measurement of one skill, unpivoted from the reports' level columns.
-- The same measurement delivered twice (in two files) counts once: the newest file wins.
CREATE OR REPLACE TABLE kern.nt2_meting AS
WITH meting AS (
    SELECT
        leerling, taalaanbieder, datum, vaardigheid, niveau, soort_meting, instrument, uitslag, bestand, bronregel
    FROM (
        UNPIVOT staging.nt2_rapportage
        ON niveau_lezen AS 'lezen',
            niveau_luisteren AS 'luisteren',
            niveau_spreken AS 'spreken',
            niveau_gesprekken_voeren AS 'gesprekken voeren',
            niveau_schrijven AS 'schrijven'
        INTO NAME vaardigheid VALUE niveau
    )
)
SELECT
    m.leerling, m.taalaanbieder, m.datum, m.vaardigheid, m.niveau, e.rang AS niveau_rang,
    m.soort_meting, m.instrument, m.uitslag, m.bestand, m.bronregel
FROM meting AS m
JOIN kern.erk_niveau AS e USING (niveau)
QUALIFY row_number() OVER (
    PARTITION BY m.leerling, m.taalaanbieder, m.datum, m.vaardigheid, m.soort_meting, coalesce(m.instrument, '')
    ORDER BY m.bestand DESC, m.bronregel DESC
) = 1
ORDER BY m.leerling, m.vaardigheid, m.datum;
