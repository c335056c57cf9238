-- Report: the history of targets of one learner: per placement and skill the werkplek's requirement.
SELECT vaardigheid, werkplek, startdatum, einddatum, actief, vereist_niveau, e.rang AS vereist_rang,
       huidig_niveau, niveaus_tekort, eis_gehaald_op
FROM mart.plaatsing_doel AS d
JOIN kern.erk_niveau AS e ON e.niveau = d.vereist_niveau
WHERE leerling = ?
ORDER BY vaardigheid, startdatum;
