-- Edge cases of the mastery table for bench/marts_vergelijk.py (after bench/marts_lijsten.sql): a row
-- without a learner, a word mastered twice by one learner (as a source might deliver), and mastery of
-- a learner whose placement has ended or not started.
INSERT INTO kern.vakwoord_beheersing
SELECT NULL, sector, woord, 3, TIMESTAMP '2026-09-01', 30.0, 0.9, true FROM kern.vakwoord_beheersing LIMIT 1;

INSERT INTO kern.vakwoord_beheersing
SELECT * REPLACE (herhalingen + 1 AS herhalingen, NOT beheerst AS beheerst)
FROM kern.vakwoord_beheersing
WHERE hash(leerling, woord) % 97 = 0;

INSERT INTO kern.vakwoord_beheersing
SELECT p.leerling, wv.sector, wv.woord, 5, TIMESTAMP '2026-08-01', 20.0, 0.7, false
FROM kern.plaatsing AS p
JOIN kern.werkplek_vakwoord AS wv USING (werkplek)
WHERE (p.einddatum < current_date OR p.startdatum > current_date) AND hash(p.leerling) % 3 = 0;
