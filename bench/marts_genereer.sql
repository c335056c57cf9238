-- Benchmark data for bench/marts.py, generated inside DuckDB (fake, pseudonymous already):
-- getvariable('leerlingen') learners, 8 reports each with all five skills (= 40 measurements per
-- learner: 250,000 learners give 10 million), hours per report, five taalaanbieders, 300 werkplekken
-- (WP-ME01 ... WP-BO100) with requirements and 40 vakwoorden each, one placement for two in three learners.
INSERT INTO staging.taalaanbieder
SELECT 'aanbieder-' || i, 'Taalaanbieder ' || i, 'BOW-' || (10000 + i), 'csv' FROM range(5) AS t (i);

INSERT INTO staging.nt2_rapportage BY NAME
WITH leerling AS (
    SELECT
        l,
        substr(md5('leerling-' || l), 1, 20) AS leerling,
        'aanbieder-' || (l % 5) AS taalaanbieder,
        ['B1-route', 'B1-route', 'B1-route', 'B1-route', 'B1-route', 'B1-route', 'onderwijsroute', 'onderwijsroute',
         'Z-route', 'Z-route'][l % 10 + 1] AS leerroute,
        DATE '2023-01-02' + (l % 730)::INTEGER AS begin,
        0.15 + (l % 7) * 0.05 + (l % 5) * 0.02 AS tempo
    FROM range(getvariable('leerlingen')) AS t (l)
),
rapport AS (
    SELECT ll.*, k, ll.begin + (k * 91)::INTEGER AS datum FROM leerling AS ll CROSS JOIN range(8) AS r (k)
)
SELECT
    leerling, taalaanbieder, 'bsn' AS id_soort, datum,
    CASE WHEN k = 7 AND leerroute = 'B1-route' THEN 'examen' ELSE 'toets' END AS soort_meting,
    CASE WHEN k = 7 AND leerroute = 'B1-route' THEN 'Inburgeringsexamen' ELSE 'Voortgangstoets' END AS instrument,
    CASE WHEN k = 7 AND leerroute = 'B1-route' THEN CASE WHEN l % 3 = 0 THEN 'gezakt' ELSE 'geslaagd' END END
        AS uitslag,
    leerroute, 'ar' AS thuistaal, datum - 90 AS periode_start, datum AS periode_eind, 132 AS uren_aangeboden,
    90 + l % 40 AS uren_aanwezig, 10 AS afwezig_geoorloofd, 32 - l % 40 + 10 AS afwezig_ongeoorloofd,
    ['A0', 'A1', 'A2', 'B1', 'B2'][least(4, (hash(l, 1) % 3)::INTEGER + floor(k * tempo)::INTEGER) + 1] AS niveau_lezen,
    ['A0', 'A1', 'A2', 'B1', 'B2'][least(4, (hash(l, 2) % 3)::INTEGER + floor(k * tempo)::INTEGER) + 1]
        AS niveau_luisteren,
    ['A0', 'A1', 'A2', 'B1', 'B2'][least(4, (hash(l, 3) % 3)::INTEGER + floor(k * tempo * 0.8)::INTEGER) + 1]
        AS niveau_spreken,
    ['A0', 'A1', 'A2', 'B1', 'B2'][least(4, (hash(l, 4) % 3)::INTEGER + floor(k * tempo * 0.8)::INTEGER) + 1]
        AS niveau_gesprekken_voeren,
    ['A0', 'A1', 'A2', 'B1', 'B2'][least(4, (hash(l, 5) % 3)::INTEGER + floor(k * tempo)::INTEGER) + 1]
        AS niveau_schrijven,
    taalaanbieder || '/export.csv' AS bestand, l * 8 + k + 2 AS bronregel
FROM rapport;

INSERT INTO staging.werkplek
SELECT 'WP-' || ['ME', 'ZO', 'BO'][i % 3 + 1] || lpad((i // 3 + 1)::VARCHAR, 2, '0'), 'Werkgever ' || i, ['metaal', 'zorg', 'bouw'][i % 3 + 1], 'functie ' || i,
       i % 3 <> 1, 'werkplekken/werkplekken.csv', i + 2
FROM range(300) AS t (i);

INSERT INTO staging.werkplek_niveau_eis
SELECT 'WP-' || ['ME', 'ZO', 'BO'][i % 3 + 1] || lpad((i // 3 + 1)::VARCHAR, 2, '0'), v,
       CASE WHEN i % 3 = 1 THEN 'B1' WHEN v = 'schrijven' THEN 'A1' ELSE 'A2' END,
       'werkplekken/werkplekken.csv', i + 2
FROM range(300) AS t (i)
CROSS JOIN (VALUES ('lezen'), ('luisteren'), ('spreken'), ('gesprekken voeren'), ('schrijven')) AS s (v);

INSERT INTO staging.werkplek_vakwoord
SELECT 'WP-' || ['ME', 'ZO', 'BO'][i % 3 + 1] || lpad((i // 3 + 1)::VARCHAR, 2, '0'), ['metaal', 'zorg', 'bouw'][i % 3 + 1],
       'woord' || CASE WHEN j < 15 THEN j ELSE 15 + (i * 7 + j) % 385 END,
       'werkplekken/vakwoorden.csv', i * 40 + j + 2
FROM range(300) AS t (i) CROSS JOIN range(40) AS w (j);

INSERT INTO staging.plaatsing
SELECT
    substr(md5('leerling-' || l), 1, 20),
    'WP-' || ['ME', 'ZO', 'BO'][l % 3 + 1] || lpad((l % 300 // 3 + 1)::VARCHAR, 2, '0'),
    'stage',
    DATE '2023-01-02' + (l % 730)::INTEGER + 200,
    CASE WHEN l % 7 < 2 THEN DATE '2023-01-02' + (l % 730)::INTEGER + 380 END,  -- 2 in 7 have ended
    'werkplekken/plaatsingen.csv', l + 2
FROM range(getvariable('leerlingen')) AS t (l)
WHERE l % 3 <> 2;
