-- The home language (thuistaal) of one learner (pseudonym), as the taalaanbieder last reported it.
SELECT thuistaal FROM kern.leerling WHERE leerling = ?;
