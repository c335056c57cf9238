-- Per learner and ERK skill: where they started, where they are, and what their workplace needs.
-- The current level is the latest toets or observatie, or a passed exam at that level.
-- The target is the highest requirement among the learner's latest placement's werkplek.
CREATE OR REPLACE TABLE mart.voortgang_leerling AS
WITH telt AS (
    SELECT * FROM kern.nt2_meting
    WHERE soort_meting <> 'examen' OR uitslag = 'geslaagd'
),
per_vaardigheid AS (
    SELECT
        leerling, vaardigheid,
        arg_min(niveau, datum) AS start_niveau,
        min(datum) AS start_datum,
        arg_max(niveau, datum) AS huidig_niveau,
        arg_max(niveau_rang, datum) AS huidig_rang,
        arg_min(niveau_rang, datum) AS start_rang,
        max(datum) AS laatste_meting,
        count(*) AS metingen
    FROM telt
    GROUP BY leerling, vaardigheid
),
laatste_plaatsing AS (
    SELECT leerling, arg_max(werkplek, startdatum) AS werkplek
    FROM kern.plaatsing
    GROUP BY leerling
)
SELECT
    p.leerling,
    l.taalaanbieder,
    l.leerroute,
    p.vaardigheid,
    p.start_niveau,
    p.start_datum,
    p.huidig_niveau,
    p.laatste_meting,
    p.metingen,
    p.huidig_rang - p.start_rang AS groei_in_niveaus,
    lp.werkplek,
    w.sector,
    eis.vereist_niveau,
    CASE WHEN eis.vereist_rang IS NULL THEN NULL ELSE greatest(eis.vereist_rang - p.huidig_rang, 0) END
        AS niveaus_tekort,
    CASE WHEN eis.vereist_rang IS NULL THEN NULL ELSE p.huidig_rang >= eis.vereist_rang END AS doel_bereikt
FROM per_vaardigheid AS p
LEFT JOIN kern.leerling AS l USING (leerling)
LEFT JOIN laatste_plaatsing AS lp USING (leerling)
LEFT JOIN kern.werkplek AS w USING (werkplek)
LEFT JOIN kern.werkplek_niveau_eis AS eis ON eis.werkplek = lp.werkplek AND eis.vaardigheid = p.vaardigheid
ORDER BY p.leerling, p.vaardigheid;
