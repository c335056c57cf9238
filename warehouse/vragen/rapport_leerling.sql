-- Report: the learner (pseudonym), their taalaanbieder, leerroute and the route's target.
SELECT l.leerling, l.taalaanbieder, t.naam AS naam_taalaanbieder, l.leerroute, d.doel_niveau,
       l.eerste_datum, l.laatste_datum
FROM kern.leerling AS l
LEFT JOIN kern.taalaanbieder AS t USING (taalaanbieder)
LEFT JOIN mart.leerroute_doel AS d USING (leerroute)
WHERE l.leerling = ?;
