-- One row per measurement: the same measurement delivered twice (in two files) counts once.
CREATE OR REPLACE TABLE kern.nt2_meting AS
SELECT
    m.leerling, m.taalaanbieder, m.datum, m.vaardigheid, m.niveau, e.rang AS niveau_rang,
    m.soort_meting, m.instrument, m.uitslag, m.bestand, m.bronregel
FROM staging.nt2_meting AS m
JOIN kern.erk_niveau AS e USING (niveau)
QUALIFY row_number() OVER (
    PARTITION BY m.leerling, m.taalaanbieder, m.datum, m.vaardigheid, m.soort_meting, coalesce(m.instrument, '')
    ORDER BY m.bestand DESC, m.bronregel DESC
) = 1
ORDER BY m.leerling, m.vaardigheid, m.datum;
