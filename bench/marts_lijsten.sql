-- After kern: the word lists (400 words per sector, the first 15 safety words) and Anki mastery for
-- one in five learners with a placement (every word of their werkplek, half of them mastered).
CREATE OR REPLACE TABLE kern.vakwoord AS
SELECT s.sector, 'woord' || j AS woord, 'thema ' || (j // 40) AS thema, j // 40 AS thema_volgorde, j < 15 AS veiligheid
FROM (VALUES ('metaal'), ('zorg'), ('bouw')) AS s (sector) CROSS JOIN range(400) AS w (j);

CREATE OR REPLACE TABLE kern.vakwoord_beheersing AS
SELECT p.leerling, wv.sector, wv.woord, 1 + hash(p.leerling, wv.woord) % 20 AS herhalingen,
       TIMESTAMP '2026-09-01' AS laatste_herhaling, 30.0 AS stabiliteit_dagen,
       0.5 + (hash(wv.woord, p.leerling) % 50) / 100 AS kans_herinnerd,
       hash(wv.woord, p.leerling) % 2 = 0 AS beheerst
FROM kern.plaatsing AS p
JOIN kern.werkplek_vakwoord AS wv USING (werkplek)
WHERE hash(p.leerling) % 5 = 0;
