-- Per placement: on how many of the werkplek's required skills the learner is at level.
CREATE OR REPLACE TABLE mart.werkplek_gereedheid AS
WITH huidig AS (
    SELECT leerling, vaardigheid, arg_max(niveau_rang, datum) AS rang
    FROM kern.nt2_meting
    WHERE soort_meting <> 'examen' OR uitslag = 'geslaagd'
    GROUP BY leerling, vaardigheid
)
SELECT
    p.leerling,
    p.werkplek,
    w.werkgever,
    w.sector,
    w.functie,
    p.soort,
    p.startdatum,
    p.einddatum,
    w.vca_vereist,
    count(eis.vaardigheid) AS vaardigheden_met_eis,
    count(eis.vaardigheid) FILTER (WHERE h.rang >= eis.vereist_rang) AS vaardigheden_op_niveau,
    count(eis.vaardigheid) FILTER (WHERE h.rang IS NULL) AS vaardigheden_niet_gemeten,
    count(eis.vaardigheid) = count(eis.vaardigheid) FILTER (WHERE h.rang >= eis.vereist_rang) AS taalklaar
FROM kern.plaatsing AS p
JOIN kern.werkplek AS w USING (werkplek)
LEFT JOIN kern.werkplek_niveau_eis AS eis USING (werkplek)
LEFT JOIN huidig AS h ON h.leerling = p.leerling AND h.vaardigheid = eis.vaardigheid
GROUP BY ALL
ORDER BY p.werkplek, p.leerling, p.startdatum;
