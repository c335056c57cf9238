-- Report: every measurement that counts (toets, observatie, passed exam) of one learner, per skill.
SELECT vaardigheid, datum, max(niveau_rang) AS rang
FROM kern.nt2_meting
WHERE leerling = ? AND (soort_meting <> 'examen' OR uitslag = 'geslaagd')
GROUP BY vaardigheid, datum
ORDER BY vaardigheid, datum;
