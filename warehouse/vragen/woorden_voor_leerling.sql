-- The vakwoorden of every werkplek where the learner (pseudonym) has been placed, latest placement first.
SELECT wv.sector, wv.woord
FROM kern.plaatsing AS p
JOIN kern.werkplek_vakwoord AS wv USING (werkplek)
WHERE p.leerling = ?
GROUP BY wv.sector, wv.woord
ORDER BY max(p.startdatum) DESC, wv.woord;
