-- Edge cases on top of bench/marts_genereer.sql, for bench/marts_vergelijk.py: the generated data
-- is regular (one taalaanbieder and at most one placement per learner), so two builds of the marts
-- could agree on it and still differ on real data. Each case touches a few percent of the learners.

-- A second taalaanbieder: one in 17 learners is later measured by another one too (other dates, a level
-- higher, a C1 now and then), with hours there, and one in 19 has only a failed exam there.
INSERT INTO staging.nt2_rapportage BY NAME
SELECT * REPLACE (
    'aanbieder-' || ((hash(leerling) % 4 + 1 + right(taalaanbieder, 1)::INTEGER) % 5) AS taalaanbieder,
    datum + 3 AS datum,
    ['A1', 'A2', 'B1', 'B2', 'C1', 'C1'][list_position(['A0', 'A1', 'A2', 'B1', 'B2'], niveau_lezen)] AS niveau_lezen,
    ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'][list_position(['A0', 'A1', 'A2', 'B1', 'B2'], niveau_spreken)]
        AS niveau_spreken,
    'tweede/export.csv' AS bestand
)
FROM staging.nt2_rapportage
WHERE hash(leerling) % 17 = 0 AND datum >= DATE '2024-01-01';

INSERT INTO staging.nt2_rapportage BY NAME
SELECT * REPLACE (
    'aanbieder-' || ((right(taalaanbieder, 1)::INTEGER + 2) % 5) AS taalaanbieder,
    datum + 1 AS datum, 'examen' AS soort_meting, 'Staatsexamen' AS instrument, 'gezakt' AS uitslag,
    NULL AS uren_aangeboden, NULL AS uren_aanwezig, NULL AS afwezig_geoorloofd, NULL AS afwezig_ongeoorloofd,
    'B1' AS niveau_lezen, 'B1' AS niveau_luisteren, NULL AS niveau_spreken, NULL AS niveau_gesprekken_voeren,
    NULL AS niveau_schrijven, 'examens/export.csv' AS bestand
)
FROM staging.nt2_rapportage
WHERE hash(leerling) % 19 = 0 AND datum = (SELECT max(datum) FROM staging.nt2_rapportage AS r2 WHERE r2.leerling = staging.nt2_rapportage.leerling);

-- Two measurements of one skill on one day (a test and an observation at another level): the first and
-- latest measurement must take the lower and the higher one.
INSERT INTO staging.nt2_rapportage BY NAME
SELECT * REPLACE (
    'observatie' AS soort_meting, 'Observatie' AS instrument, NULL AS uitslag,
    CASE WHEN niveau_lezen = 'A0' THEN 'A2' ELSE 'A0' END AS niveau_lezen,
    CASE WHEN niveau_schrijven = 'B2' THEN 'A1' ELSE 'B2' END AS niveau_schrijven,
    NULL AS niveau_luisteren, 'observaties/export.csv' AS bestand
)
FROM staging.nt2_rapportage
WHERE hash(leerling) % 13 = 0 AND bestand LIKE '%/export.csv' AND bestand NOT LIKE 'tweede/%'
    AND bestand NOT LIKE 'examens/%';

-- Hours without any level (a report of attendance only), at a taalaanbieder without measurements.
INSERT INTO staging.nt2_rapportage BY NAME
SELECT * REPLACE (
    'aanbieder-' || ((right(taalaanbieder, 1)::INTEGER + 3) % 5) AS taalaanbieder,
    NULL AS niveau_lezen, NULL AS niveau_luisteren, NULL AS niveau_spreken, NULL AS niveau_gesprekken_voeren,
    NULL AS niveau_schrijven, 'uren/export.csv' AS bestand
)
FROM staging.nt2_rapportage
WHERE hash(leerling) % 23 = 0;

-- No leerroute known for some learners; no hours reported for some reports.
UPDATE staging.nt2_rapportage SET leerroute = NULL WHERE hash(leerling) % 29 = 0;
UPDATE staging.nt2_rapportage
SET uren_aangeboden = NULL, uren_aanwezig = NULL, afwezig_geoorloofd = NULL, afwezig_ongeoorloofd = NULL
WHERE hash(leerling, datum) % 31 = 0;

-- Werkplekken with C1 requirements, one without any requirement, and placements: a second running one
-- on the same day at another werkplek (ties), one that started earlier, one that has not started,
-- one at a werkplek that is not in the werkplek list, and placements of learners without reports.
INSERT INTO staging.werkplek VALUES
    ('WP-ZZ01', 'Werkgever zonder eisen', 'zorg', 'functie zonder eisen', false, 'werkplekken/extra.csv', 2),
    ('WP-ZZ02', 'Werkgever met hoge eisen', 'metaal', 'functie met hoge eisen', true, 'werkplekken/extra.csv', 3);
INSERT INTO staging.werkplek_niveau_eis VALUES
    ('WP-ZZ02', 'lezen', 'C1', 'werkplekken/extra.csv', 2),
    ('WP-ZZ02', 'spreken', 'C2', 'werkplekken/extra.csv', 3),
    ('WP-ZZ02', 'schrijven', 'A0', 'werkplekken/extra.csv', 4);
INSERT INTO staging.werkplek_vakwoord VALUES
    ('WP-ZZ02', 'metaal', 'Woord3', 'werkplekken/extra.csv', 2),
    ('WP-ZZ02', 'metaal', 'woord399', 'werkplekken/extra.csv', 3),
    ('WP-ZZ02', 'metaal', 'onbekend woord', 'werkplekken/extra.csv', 4);

INSERT INTO staging.plaatsing BY NAME
SELECT * REPLACE (
    CASE hash(leerling) % 4 WHEN 0 THEN 'WP-ZZ01' WHEN 1 THEN 'WP-ZZ02' WHEN 2 THEN 'WP-BO07' ELSE 'WP-ONBEKEND' END
        AS werkplek,
    'extra/plaatsingen.csv' AS bestand
)
FROM staging.plaatsing
WHERE hash(leerling) % 7 = 0;

INSERT INTO staging.plaatsing BY NAME
SELECT * REPLACE (
    'WP-ME0' || (hash(leerling) % 9 + 1) AS werkplek,
    startdatum - (hash(leerling) % 60)::INTEGER AS startdatum,
    CASE WHEN hash(leerling) % 2 = 0 THEN startdatum + 10 END AS einddatum,
    'extra/plaatsingen.csv' AS bestand
)
FROM staging.plaatsing
WHERE hash(leerling) % 11 = 0;

INSERT INTO staging.plaatsing BY NAME
SELECT * REPLACE (current_date + 30 AS startdatum, NULL AS einddatum, 'extra/plaatsingen.csv' AS bestand)
FROM staging.plaatsing
WHERE hash(leerling) % 37 = 0;

INSERT INTO staging.plaatsing BY NAME
SELECT * REPLACE ('zonder-rapportage-' || bronregel AS leerling, 'extra/plaatsingen.csv' AS bestand)
FROM staging.plaatsing
WHERE hash(leerling) % 41 = 0;
