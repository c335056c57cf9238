-- Per leerling, taalaanbieder en ERK-vaardigheid: het leertraject bij die taalaanbieder.
-- Telt mee: elke toets en observatie, en een gehaald examen (op het niveau van dat examen).
-- datum_a1 ... datum_c2: de eerste datum waarop minstens dat niveau gemeten is; daaruit volgen het
-- niveau op elke datum en de dagen tussen twee niveaus. Eén keer door kern.nt2_meting; de andere
-- marts rekenen verder vanaf deze tabel.
CREATE OR REPLACE TEMP MACRO niveau(r) AS ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'][r + 1];

CREATE OR REPLACE TABLE mart.leertraject AS
WITH meting AS (
    SELECT
        leerling, taalaanbieder, vaardigheid, datum, niveau_rang, soort_meting, uitslag,
        soort_meting <> 'examen' OR uitslag = 'geslaagd' AS telt
    FROM kern.nt2_meting
),
traject AS (
    SELECT
        leerling, taalaanbieder, vaardigheid,
        min(datum) FILTER (WHERE telt) AS start_datum,
        -- Two measurements on one day: the lower one is the start, the higher one the current level.
        arg_min(niveau_rang, (datum, niveau_rang)) FILTER (WHERE telt) AS start_rang,
        max(datum) FILTER (WHERE telt) AS laatste_meting,
        arg_max(niveau_rang, (datum, niveau_rang)) FILTER (WHERE telt) AS huidig_rang,
        count(*) FILTER (WHERE telt) AS metingen,
        min(datum) FILTER (WHERE telt AND niveau_rang >= 1) AS datum_a1,
        min(datum) FILTER (WHERE telt AND niveau_rang >= 2) AS datum_a2,
        min(datum) FILTER (WHERE telt AND niveau_rang >= 3) AS datum_b1,
        min(datum) FILTER (WHERE telt AND niveau_rang >= 4) AS datum_b2,
        min(datum) FILTER (WHERE telt AND niveau_rang >= 5) AS datum_c1,
        min(datum) FILTER (WHERE telt AND niveau_rang >= 6) AS datum_c2,
        count(*) FILTER (WHERE soort_meting = 'examen' AND uitslag IN ('geslaagd', 'gezakt')) AS examens,
        count(*) FILTER (WHERE soort_meting = 'examen' AND uitslag = 'geslaagd') AS examens_geslaagd
    FROM meting
    GROUP BY leerling, taalaanbieder, vaardigheid
)
SELECT
    leerling, taalaanbieder, vaardigheid,
    start_datum, niveau(start_rang) AS start_niveau, start_rang,
    laatste_meting, niveau(huidig_rang) AS huidig_niveau, huidig_rang,
    huidig_rang - start_rang AS groei_in_niveaus,
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
