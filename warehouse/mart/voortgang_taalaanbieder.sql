-- Per taalaanbieder: how many learners, how much they grew, attendance and exam results.
-- Growth is counted in ERK levels per learner per skill, from first to latest measurement.
CREATE OR REPLACE TABLE mart.voortgang_taalaanbieder AS
WITH groei AS (
    SELECT
        taalaanbieder, leerling, vaardigheid,
        arg_max(niveau_rang, datum) - arg_min(niveau_rang, datum) AS groei
    FROM kern.nt2_meting
    WHERE soort_meting <> 'examen'
    GROUP BY taalaanbieder, leerling, vaardigheid
),
groei_per_aanbieder AS (
    SELECT taalaanbieder, count(DISTINCT leerling) AS leerlingen, avg(groei) AS gemiddelde_groei
    FROM groei GROUP BY taalaanbieder
),
uren AS (
    SELECT taalaanbieder, sum(uren_aangeboden) AS uren_aangeboden, sum(uren_aanwezig) AS uren_aanwezig,
           sum(afwezig_ongeoorloofd) AS uren_ongeoorloofd_afwezig
    FROM kern.nt2_uren GROUP BY taalaanbieder
),
examens AS (
    SELECT taalaanbieder, count(*) AS examens, count(*) FILTER (WHERE uitslag = 'geslaagd') AS geslaagd
    FROM kern.nt2_meting WHERE soort_meting = 'examen' AND uitslag IN ('geslaagd', 'gezakt')
    GROUP BY taalaanbieder
)
SELECT
    t.taalaanbieder,
    t.naam,
    coalesce(g.leerlingen, 0) AS leerlingen,
    round(g.gemiddelde_groei, 2) AS gemiddelde_groei_in_niveaus,
    u.uren_aangeboden,
    u.uren_aanwezig,
    round(100 * u.uren_aanwezig / nullif(u.uren_aangeboden, 0), 1) AS aanwezigheid_procent,
    round(100 * u.uren_ongeoorloofd_afwezig / nullif(u.uren_aangeboden, 0), 1) AS ongeoorloofd_afwezig_procent,
    coalesce(e.examens, 0) AS examens,
    round(100 * e.geslaagd / nullif(e.examens, 0), 1) AS geslaagd_procent,
    round(100 * g.gemiddelde_groei * g.leerlingen / nullif(u.uren_aanwezig, 0) * 100, 2)
        AS groei_per_100_uur_per_100_leerlingen
FROM kern.taalaanbieder AS t
LEFT JOIN groei_per_aanbieder AS g USING (taalaanbieder)
LEFT JOIN uren AS u USING (taalaanbieder)
LEFT JOIN examens AS e USING (taalaanbieder)
ORDER BY t.taalaanbieder;
