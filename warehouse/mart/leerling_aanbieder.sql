-- Per leerling en taalaanbieder: één regel met wat die taalaanbieder bereikte, de bouwsteen om
-- taalaanbieders eerlijk te vergelijken. Startniveau: het gemiddelde van de startniveaus over de
-- gemeten vaardigheden, naar beneden afgerond. Groei: gemiddeld over de vaardigheden. Routedoel
-- gehaald: op elke gemeten vaardigheid minstens het doel van de leerroute (mart.leerroute_doel);
-- binnen de termijn als dat uiterlijk drie jaar na de eerste rapportage van de leerling was.
CREATE OR REPLACE TEMP MACRO niveau(r) AS (SELECT list(niveau ORDER BY rang) FROM kern.erk_niveau)[r + 1];

CREATE OR REPLACE TABLE mart.leerling_aanbieder AS
WITH leerling AS (
    SELECT l.leerling, l.leerroute, l.eerste_datum,
           d.doel_rang, l.eerste_datum + to_years(d.termijn_jaren) AS termijn_einde
    FROM kern.leerling AS l
    LEFT JOIN mart.leerroute_doel AS d USING (leerroute)
),
metingen AS (
    SELECT
        t.leerling, t.taalaanbieder,
        min(t.start_datum) AS start_datum,
        floor(avg(t.start_rang))::INTEGER AS start_rang,
        avg(t.groei_in_niveaus)::DECIMAL(9, 4) AS groei_in_niveaus,  -- exact, so sums over learners are the same in every run
        count(t.start_rang) AS vaardigheden_gemeten,
        count(CASE l.doel_rang
            WHEN 0 THEN t.start_datum WHEN 1 THEN t.datum_a1 WHEN 2 THEN t.datum_a2 WHEN 3 THEN t.datum_b1
            WHEN 4 THEN t.datum_b2 WHEN 5 THEN t.datum_c1 WHEN 6 THEN t.datum_c2 END) AS vaardigheden_op_doel,
        max(CASE l.doel_rang
            WHEN 0 THEN t.start_datum WHEN 1 THEN t.datum_a1 WHEN 2 THEN t.datum_a2 WHEN 3 THEN t.datum_b1
            WHEN 4 THEN t.datum_b2 WHEN 5 THEN t.datum_c1 WHEN 6 THEN t.datum_c2 END) AS laatste_op_doel,
        sum(t.examens)::BIGINT AS examens,
        sum(t.examens_geslaagd)::BIGINT AS examens_geslaagd
    FROM mart.leertraject AS t
    JOIN leerling AS l USING (leerling)
    GROUP BY t.leerling, t.taalaanbieder
),
uren AS (
    SELECT leerling, taalaanbieder,
           sum(uren_aangeboden) AS uren_aangeboden,
           sum(uren_aanwezig) AS uren_aanwezig,
           sum(afwezig_ongeoorloofd) AS afwezig_ongeoorloofd
    FROM kern.nt2_uren
    GROUP BY leerling, taalaanbieder
),
samen AS (
    SELECT
        coalesce(m.leerling, u.leerling) AS leerling,
        coalesce(m.taalaanbieder, u.taalaanbieder) AS taalaanbieder,
        m.* EXCLUDE (leerling, taalaanbieder),
        u.uren_aangeboden, u.uren_aanwezig, u.afwezig_ongeoorloofd
    FROM metingen AS m
    FULL JOIN uren AS u ON u.leerling = m.leerling AND u.taalaanbieder = m.taalaanbieder
)
SELECT
    s.leerling,
    s.taalaanbieder,
    l.leerroute,
    year(l.eerste_datum) AS startjaar,
    s.start_datum,
    niveau(s.start_rang) AS start_niveau,
    s.start_rang,
    s.groei_in_niveaus,
    coalesce(s.vaardigheden_gemeten, 0) AS vaardigheden_gemeten,
    s.uren_aangeboden,
    s.uren_aanwezig,
    s.afwezig_ongeoorloofd,
    coalesce(s.examens, 0) AS examens,
    coalesce(s.examens_geslaagd, 0) AS examens_geslaagd,
    niveau(l.doel_rang) AS doel_niveau,
    CASE WHEN s.vaardigheden_gemeten > 0 AND s.vaardigheden_op_doel = s.vaardigheden_gemeten
        THEN s.laatste_op_doel END AS doel_gehaald_op,
    l.termijn_einde,
    coalesce(s.vaardigheden_gemeten > 0 AND s.vaardigheden_op_doel = s.vaardigheden_gemeten
             AND s.laatste_op_doel <= l.termijn_einde, false) AS doel_binnen_termijn,
    -- Known: reached within the term, or the term is over. Learners still inside it are left out.
    coalesce(s.vaardigheden_gemeten > 0 AND s.vaardigheden_op_doel = s.vaardigheden_gemeten
             AND s.laatste_op_doel <= l.termijn_einde, false)
        OR l.termijn_einde < current_date AS termijn_uitkomst_bekend
FROM samen AS s
JOIN leerling AS l USING (leerling);

COMMENT ON TABLE mart.leerling_aanbieder IS 'Per leerling en taalaanbieder: startniveau, groei, uren, examens en routedoel bij die taalaanbieder.';
COMMENT ON COLUMN mart.leerling_aanbieder.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN mart.leerling_aanbieder.taalaanbieder IS 'Code van de taalaanbieder.';
COMMENT ON COLUMN mart.leerling_aanbieder.leerroute IS 'Laatst bekende leerroute.';
COMMENT ON COLUMN mart.leerling_aanbieder.startjaar IS 'Jaar van de eerste rapportage over de leerling (bij welke taalaanbieder ook).';
COMMENT ON COLUMN mart.leerling_aanbieder.start_datum IS 'Eerste meting bij deze taalaanbieder.';
COMMENT ON COLUMN mart.leerling_aanbieder.start_niveau IS 'Gemiddeld startniveau over de vaardigheden, naar beneden afgerond (A0 t/m C2).';
COMMENT ON COLUMN mart.leerling_aanbieder.start_rang IS 'Startniveau als getal: 0 = A0 ... 6 = C2.';
COMMENT ON COLUMN mart.leerling_aanbieder.groei_in_niveaus IS 'Groei bij deze taalaanbieder in ERK-niveaus, gemiddeld over de vaardigheden.';
COMMENT ON COLUMN mart.leerling_aanbieder.vaardigheden_gemeten IS 'Aantal vaardigheden met minstens één meting die meetelt.';
COMMENT ON COLUMN mart.leerling_aanbieder.uren_aangeboden IS 'Lesuren aangeboden door deze taalaanbieder (leeg: niet gerapporteerd).';
COMMENT ON COLUMN mart.leerling_aanbieder.uren_aanwezig IS 'Lesuren aanwezig.';
COMMENT ON COLUMN mart.leerling_aanbieder.afwezig_ongeoorloofd IS 'Lesuren ongeoorloofd afwezig.';
COMMENT ON COLUMN mart.leerling_aanbieder.examens IS 'Examenonderdelen met uitslag geslaagd of gezakt.';
COMMENT ON COLUMN mart.leerling_aanbieder.examens_geslaagd IS 'Waarvan geslaagd.';
COMMENT ON COLUMN mart.leerling_aanbieder.doel_niveau IS 'Doelniveau van de leerroute.';
COMMENT ON COLUMN mart.leerling_aanbieder.doel_gehaald_op IS 'Datum waarop elke gemeten vaardigheid het doelniveau had (leeg: nog niet).';
COMMENT ON COLUMN mart.leerling_aanbieder.termijn_einde IS 'Einde van de inburgeringstermijn: eerste rapportage plus drie jaar.';
COMMENT ON COLUMN mart.leerling_aanbieder.doel_binnen_termijn IS 'Het routedoel is binnen de inburgeringstermijn gehaald.';
COMMENT ON COLUMN mart.leerling_aanbieder.termijn_uitkomst_bekend IS 'Of het doel binnen de termijn gehaald is, staat vast (gehaald, of de termijn is voorbij).';
