-- Per leerling en ERK-vaardigheid: waar de leerling begon, waar hij of zij nu staat, wanneer elk
-- niveau voor het eerst gehaald is, en wat de werkplekken van de lopende plaatsingen vragen.
-- Het doel komt alleen van plaatsingen die vandaag lopen (begonnen, niet beëindigd); bij meer lopende
-- plaatsingen telt de strengste eis. De geschiedenis van doelen staat in mart.plaatsing_doel.
CREATE OR REPLACE TEMP MACRO niveau(r) AS (SELECT list(niveau ORDER BY rang) FROM kern.erk_niveau)[r + 1];

CREATE OR REPLACE TABLE mart.voortgang_leerling AS
WITH traject AS (
    SELECT * FROM mart.leertraject WHERE metingen > 0
),
meer_aanbieders AS (
    -- Learners measured by more than one taalaanbieder: only their skills need combining (few).
    SELECT leerling
    FROM traject
    GROUP BY leerling
    HAVING min(taalaanbieder) <> max(taalaanbieder) OR count(taalaanbieder) < count(*)
),
per_vaardigheid AS (
    -- One taalaanbieder: the skill's leertraject as it is.
    SELECT leerling, vaardigheid, start_datum, start_rang, laatste_meting, huidig_rang, metingen,
           datum_a1, datum_a2, datum_b1, datum_b2, datum_c1, datum_c2
    FROM traject
    ANTI JOIN meer_aanbieders USING (leerling)
    UNION ALL
    -- Over the taalaanbieders: first and latest as one number each (see mart.leertraject).
    SELECT
        leerling, vaardigheid,
        DATE '1970-01-01' + (min((start_datum - DATE '1970-01-01') * 8 + start_rang) // 8)::INTEGER,
        (min((start_datum - DATE '1970-01-01') * 8 + start_rang) % 8)::INTEGER,
        DATE '1970-01-01' + (max((laatste_meting - DATE '1970-01-01') * 8 + huidig_rang) // 8)::INTEGER,
        (max((laatste_meting - DATE '1970-01-01') * 8 + huidig_rang) % 8)::INTEGER,
        sum(metingen)::BIGINT,
        min(datum_a1), min(datum_a2), min(datum_b1), min(datum_b2), min(datum_c1), min(datum_c2)
    FROM traject
    SEMI JOIN meer_aanbieders USING (leerling)
    GROUP BY leerling, vaardigheid
),
actief AS (
    SELECT leerling, werkplek, startdatum
    FROM kern.plaatsing
    WHERE startdatum <= current_date AND (einddatum IS NULL OR einddatum >= current_date)
),
plaatsingen AS (
    SELECT leerling, count(DISTINCT (werkplek, startdatum)) AS actieve_plaatsingen,
           arg_max(werkplek, (startdatum, werkplek)) AS laatste_werkplek
    FROM actief GROUP BY leerling
),
eis AS (
    SELECT a.leerling, a.werkplek, a.startdatum, e.vaardigheid, e.vereist_rang
    FROM actief AS a
    JOIN kern.werkplek_niveau_eis AS e USING (werkplek)
),
doel AS (
    -- One running placement (kern.plaatsing and kern.werkplek_niveau_eis hold one row per placement and
    -- per werkplek and skill): its requirement as it is; several: the strictest, then the latest.
    SELECT e.leerling, e.vaardigheid, e.vereist_rang, e.werkplek
    FROM eis AS e
    SEMI JOIN plaatsingen AS pl ON pl.leerling = e.leerling AND pl.actieve_plaatsingen = 1
    UNION ALL
    SELECT e.leerling, e.vaardigheid, max(e.vereist_rang) AS vereist_rang,
           arg_max(e.werkplek, (e.vereist_rang, e.startdatum, e.werkplek)) AS werkplek
    FROM eis AS e
    SEMI JOIN plaatsingen AS pl ON pl.leerling = e.leerling AND pl.actieve_plaatsingen > 1
    GROUP BY e.leerling, e.vaardigheid
),
per_leerling AS (
    -- What is known per learner (kern.leerling has one row each), joined to the skills once.
    SELECT coalesce(l.leerling, pl.leerling) AS leerling, l.taalaanbieder, l.leerroute,
           pl.actieve_plaatsingen, pl.laatste_werkplek
    FROM kern.leerling AS l
    FULL JOIN plaatsingen AS pl ON pl.leerling = l.leerling
),
samen AS (
    SELECT
        v.*,
        pl.taalaanbieder,
        pl.leerroute,
        coalesce(pl.actieve_plaatsingen, 0) AS actieve_plaatsingen,
        coalesce(d.werkplek, pl.laatste_werkplek) AS werkplek,
        d.vereist_rang
    FROM per_vaardigheid AS v
    LEFT JOIN per_leerling AS pl USING (leerling)
    LEFT JOIN doel AS d USING (leerling, vaardigheid)
),
sinds AS (
    SELECT
        *,
        CASE huidig_rang
            WHEN 0 THEN start_datum WHEN 1 THEN datum_a1 WHEN 2 THEN datum_a2 WHEN 3 THEN datum_b1
            WHEN 4 THEN datum_b2 WHEN 5 THEN datum_c1 ELSE datum_c2
        END AS op_huidig_niveau_sinds
    FROM samen
)
SELECT
    s.leerling,
    s.taalaanbieder,
    s.leerroute,
    s.vaardigheid,
    niveau(s.start_rang) AS start_niveau,
    s.start_datum,
    niveau(s.huidig_rang) AS huidig_niveau,
    s.laatste_meting,
    s.metingen,
    s.huidig_rang - s.start_rang AS groei_in_niveaus,
    s.datum_a1, s.datum_a2, s.datum_b1, s.datum_b2, s.datum_c1, s.datum_c2,
    (s.op_huidig_niveau_sinds - s.start_datum)::INTEGER AS dagen_tot_huidig,
    CASE WHEN s.huidig_rang > s.start_rang
        THEN round((s.op_huidig_niveau_sinds - s.start_datum) / (s.huidig_rang - s.start_rang))::INTEGER
    END AS dagen_per_stap,
    s.actieve_plaatsingen,
    s.werkplek,
    w.sector,
    niveau(s.vereist_rang) AS vereist_niveau,
    CASE WHEN s.vereist_rang IS NOT NULL THEN greatest(s.vereist_rang - s.huidig_rang, 0) END AS niveaus_tekort,
    CASE WHEN s.vereist_rang IS NOT NULL THEN s.huidig_rang >= s.vereist_rang END AS doel_bereikt
FROM sinds AS s
LEFT JOIN kern.werkplek AS w ON w.werkplek = s.werkplek;

COMMENT ON TABLE mart.voortgang_leerling IS 'Per leerling en vaardigheid: start, huidig niveau, groei, datum per niveau en het doel van de lopende plaatsing(en).';
COMMENT ON COLUMN mart.voortgang_leerling.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN mart.voortgang_leerling.taalaanbieder IS 'Laatst bekende taalaanbieder.';
COMMENT ON COLUMN mart.voortgang_leerling.leerroute IS 'Laatst bekende leerroute (B1-route, onderwijsroute, Z-route).';
COMMENT ON COLUMN mart.voortgang_leerling.vaardigheid IS 'ERK-vaardigheid.';
COMMENT ON COLUMN mart.voortgang_leerling.start_niveau IS 'Niveau bij de eerste meting, bij welke taalaanbieder ook.';
COMMENT ON COLUMN mart.voortgang_leerling.start_datum IS 'Datum van de eerste meting.';
COMMENT ON COLUMN mart.voortgang_leerling.huidig_niveau IS 'Niveau bij de laatste toets, observatie of gehaald examen.';
COMMENT ON COLUMN mart.voortgang_leerling.laatste_meting IS 'Datum van de laatste meting.';
COMMENT ON COLUMN mart.voortgang_leerling.metingen IS 'Aantal metingen dat meetelt.';
COMMENT ON COLUMN mart.voortgang_leerling.groei_in_niveaus IS 'Huidig min start, in ERK-niveaus.';
COMMENT ON COLUMN mart.voortgang_leerling.datum_a1 IS 'Eerste datum met minstens A1 (leeg: nooit gemeten).';
COMMENT ON COLUMN mart.voortgang_leerling.datum_a2 IS 'Eerste datum met minstens A2.';
COMMENT ON COLUMN mart.voortgang_leerling.datum_b1 IS 'Eerste datum met minstens B1.';
COMMENT ON COLUMN mart.voortgang_leerling.datum_b2 IS 'Eerste datum met minstens B2.';
COMMENT ON COLUMN mart.voortgang_leerling.datum_c1 IS 'Eerste datum met minstens C1.';
COMMENT ON COLUMN mart.voortgang_leerling.datum_c2 IS 'Eerste datum met minstens C2.';
COMMENT ON COLUMN mart.voortgang_leerling.dagen_tot_huidig IS 'Dagen van de eerste meting tot de eerste meting op het huidige niveau.';
COMMENT ON COLUMN mart.voortgang_leerling.dagen_per_stap IS 'Gemiddeld aantal dagen per gegroeid niveau (leeg zonder groei).';
COMMENT ON COLUMN mart.voortgang_leerling.actieve_plaatsingen IS 'Aantal plaatsingen dat vandaag loopt.';
COMMENT ON COLUMN mart.voortgang_leerling.werkplek IS 'Werkplek van de lopende plaatsing met de strengste eis voor deze vaardigheid (leeg: geen lopende plaatsing).';
COMMENT ON COLUMN mart.voortgang_leerling.sector IS 'Sector van die werkplek.';
COMMENT ON COLUMN mart.voortgang_leerling.vereist_niveau IS 'Strengste eis van de lopende plaatsingen voor deze vaardigheid (leeg: geen eis).';
COMMENT ON COLUMN mart.voortgang_leerling.niveaus_tekort IS 'Hoeveel ERK-niveaus de leerling nog onder de eis zit (0 = op niveau).';
COMMENT ON COLUMN mart.voortgang_leerling.doel_bereikt IS 'Huidig niveau is minstens de eis (leeg: geen eis).';
