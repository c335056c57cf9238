-- Per leerling, taalaanbieder en ERK-vaardigheid: het leertraject bij die taalaanbieder.
-- Telt mee: elke toets en observatie, en een gehaald examen (op het niveau van dat examen).
-- datum_a1 ... datum_c2: de eerste datum waarop minstens dat niveau gemeten is; daaruit volgen het
-- niveau op elke datum en de dagen tussen twee niveaus. Eén keer door kern.nt2_meting; de andere
-- marts rekenen verder vanaf deze tabel.
CREATE OR REPLACE TEMP MACRO niveau(r) AS (SELECT list(niveau ORDER BY rang) FROM kern.erk_niveau)[r + 1];

CREATE OR REPLACE TABLE mart.leertraject AS
WITH meting AS (
    SELECT
        leerling, taalaanbieder, vaardigheid, datum, niveau_rang, soort_meting, uitslag,
        -- Measurements that count, as one number: days since 1970 times 8 plus the level. Its minimum
        -- is the first measurement (the lower one when two fall on one day), its maximum the latest
        -- (the higher one): cheaper than arg_min/arg_max over (date, level).
        CASE WHEN soort_meting <> 'examen' OR uitslag = 'geslaagd'
            THEN (datum - DATE '1970-01-01') * 8 + niveau_rang END AS sleutel
    FROM kern.nt2_meting
),
traject AS (
    SELECT
        leerling, taalaanbieder, vaardigheid,
        min(sleutel) AS eerste,
        max(sleutel) AS laatste,
        count(sleutel) AS metingen,
        min(datum) FILTER (WHERE sleutel IS NOT NULL AND niveau_rang >= 1) AS datum_a1,
        min(datum) FILTER (WHERE sleutel IS NOT NULL AND niveau_rang >= 2) AS datum_a2,
        min(datum) FILTER (WHERE sleutel IS NOT NULL AND niveau_rang >= 3) AS datum_b1,
        min(datum) FILTER (WHERE sleutel IS NOT NULL AND niveau_rang >= 4) AS datum_b2,
        min(datum) FILTER (WHERE sleutel IS NOT NULL AND niveau_rang >= 5) AS datum_c1,
        min(datum) FILTER (WHERE sleutel IS NOT NULL AND niveau_rang >= 6) AS datum_c2,
        count(*) FILTER (WHERE soort_meting = 'examen' AND uitslag IN ('geslaagd', 'gezakt')) AS examens,
        count(*) FILTER (WHERE soort_meting = 'examen' AND uitslag = 'geslaagd') AS examens_geslaagd
    FROM meting
    GROUP BY leerling, taalaanbieder, vaardigheid
)
SELECT
    leerling, taalaanbieder, vaardigheid,
    DATE '1970-01-01' + (eerste // 8)::INTEGER AS start_datum,
    niveau((eerste % 8)::INTEGER) AS start_niveau,
    (eerste % 8)::INTEGER AS start_rang,
    DATE '1970-01-01' + (laatste // 8)::INTEGER AS laatste_meting,
    niveau((laatste % 8)::INTEGER) AS huidig_niveau,
    (laatste % 8)::INTEGER AS huidig_rang,
    (laatste % 8)::INTEGER - (eerste % 8)::INTEGER AS groei_in_niveaus,
    metingen,
    datum_a1, datum_a2, datum_b1, datum_b2, datum_c1, datum_c2,
    examens, examens_geslaagd
FROM traject;

COMMENT ON TABLE mart.leertraject IS 'Per leerling, taalaanbieder en vaardigheid: start, huidig niveau, groei, eerste datum per niveau en examens bij die taalaanbieder.';
COMMENT ON COLUMN mart.leertraject.leerling IS 'Pseudoniem van de leerling (HMAC, 20 tekens).';
COMMENT ON COLUMN mart.leertraject.taalaanbieder IS 'Code van de taalaanbieder die mat.';
COMMENT ON COLUMN mart.leertraject.vaardigheid IS 'ERK-vaardigheid: lezen, luisteren, spreken, gesprekken voeren of schrijven.';
COMMENT ON COLUMN mart.leertraject.start_datum IS 'Datum van de eerste meting die meetelt (leeg als er alleen gezakte examens zijn).';
COMMENT ON COLUMN mart.leertraject.start_niveau IS 'ERK-niveau bij de eerste meting (A0 t/m C2).';
COMMENT ON COLUMN mart.leertraject.start_rang IS 'Startniveau als getal: 0 = A0 ... 6 = C2.';
COMMENT ON COLUMN mart.leertraject.laatste_meting IS 'Datum van de laatste meting die meetelt.';
COMMENT ON COLUMN mart.leertraject.huidig_niveau IS 'ERK-niveau bij de laatste meting (A0 t/m C2).';
COMMENT ON COLUMN mart.leertraject.huidig_rang IS 'Huidig niveau als getal: 0 = A0 ... 6 = C2.';
COMMENT ON COLUMN mart.leertraject.groei_in_niveaus IS 'Huidig min start, in ERK-niveaus (kan negatief zijn).';
COMMENT ON COLUMN mart.leertraject.metingen IS 'Aantal metingen dat meetelt (toetsen, observaties, gehaalde examens).';
COMMENT ON COLUMN mart.leertraject.datum_a1 IS 'Eerste datum met minstens A1 (leeg: nog niet gemeten).';
COMMENT ON COLUMN mart.leertraject.datum_a2 IS 'Eerste datum met minstens A2.';
COMMENT ON COLUMN mart.leertraject.datum_b1 IS 'Eerste datum met minstens B1.';
COMMENT ON COLUMN mart.leertraject.datum_b2 IS 'Eerste datum met minstens B2.';
COMMENT ON COLUMN mart.leertraject.datum_c1 IS 'Eerste datum met minstens C1.';
COMMENT ON COLUMN mart.leertraject.datum_c2 IS 'Eerste datum met minstens C2.';
COMMENT ON COLUMN mart.leertraject.examens IS 'Aantal examens met uitslag geslaagd of gezakt in deze vaardigheid.';
COMMENT ON COLUMN mart.leertraject.examens_geslaagd IS 'Waarvan geslaagd.';
