-- De geschiedenis van doelen: per plaatsing (lopend of beëindigd) en vereiste vaardigheid de eis van
-- de werkplek, het niveau van de leerling bij de start van de plaatsing en nu, en wanneer de eis is
-- gehaald. 'Niveau op een datum' is het hoogste niveau dat tot die datum is gemeten.
CREATE OR REPLACE TEMP MACRO niveau(r) AS (SELECT list(niveau ORDER BY rang) FROM kern.erk_niveau)[r + 1];

CREATE OR REPLACE TABLE mart.plaatsing_doel AS
WITH plaatsing AS (
    SELECT
        p.leerling, p.werkplek, w.sector, w.werkgever, w.functie, p.soort, p.startdatum, p.einddatum,
        p.startdatum <= current_date AND (p.einddatum IS NULL OR p.einddatum >= current_date) AS actief,
        eis.vaardigheid, eis.vereist_niveau, eis.vereist_rang
    FROM kern.plaatsing AS p
    JOIN kern.werkplek AS w USING (werkplek)
    JOIN kern.werkplek_niveau_eis AS eis USING (werkplek)
)
SELECT
    p.leerling,
    l.taalaanbieder,
    l.leerroute,
    p.werkplek, p.sector, p.werkgever, p.functie, p.soort, p.startdatum, p.einddatum, p.actief,
    p.vaardigheid,
    p.vereist_niveau,
    CASE
        WHEN v.datum_c2 <= p.startdatum THEN 'C2' WHEN v.datum_c1 <= p.startdatum THEN 'C1'
        WHEN v.datum_b2 <= p.startdatum THEN 'B2' WHEN v.datum_b1 <= p.startdatum THEN 'B1'
        WHEN v.datum_a2 <= p.startdatum THEN 'A2' WHEN v.datum_a1 <= p.startdatum THEN 'A1'
        WHEN v.start_datum <= p.startdatum THEN 'A0'
    END AS niveau_bij_start,
    v.huidig_niveau,
    v.laatste_meting,
    CASE WHEN v.huidig_niveau IS NOT NULL THEN greatest(p.vereist_rang - e.rang, 0) END AS niveaus_tekort,
    CASE WHEN v.huidig_niveau IS NOT NULL THEN e.rang >= p.vereist_rang END AS doel_bereikt,
    CASE p.vereist_rang
        WHEN 0 THEN v.start_datum WHEN 1 THEN v.datum_a1 WHEN 2 THEN v.datum_a2 WHEN 3 THEN v.datum_b1
        WHEN 4 THEN v.datum_b2 WHEN 5 THEN v.datum_c1 ELSE v.datum_c2
    END AS eis_gehaald_op
FROM plaatsing AS p
LEFT JOIN mart.voortgang_leerling AS v ON v.leerling = p.leerling AND v.vaardigheid = p.vaardigheid
LEFT JOIN kern.erk_niveau AS e ON e.niveau = v.huidig_niveau
LEFT JOIN kern.leerling AS l ON l.leerling = p.leerling;

COMMENT ON TABLE mart.plaatsing_doel IS 'Per plaatsing (ook beëindigde) en vereiste vaardigheid: eis, niveau bij start en nu, en wanneer de eis gehaald is.';
COMMENT ON COLUMN mart.plaatsing_doel.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN mart.plaatsing_doel.taalaanbieder IS 'Laatst bekende taalaanbieder van de leerling.';
COMMENT ON COLUMN mart.plaatsing_doel.leerroute IS 'Laatst bekende leerroute.';
COMMENT ON COLUMN mart.plaatsing_doel.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN mart.plaatsing_doel.sector IS 'Sector van de werkplek (metaal, zorg, bouw).';
COMMENT ON COLUMN mart.plaatsing_doel.werkgever IS 'Naam van de werkgever.';
COMMENT ON COLUMN mart.plaatsing_doel.functie IS 'Functie op de werkplek.';
COMMENT ON COLUMN mart.plaatsing_doel.soort IS 'Soort plaatsing (stage, proefplaatsing, leerwerkplek, dienstverband, vrijwilligerswerk).';
COMMENT ON COLUMN mart.plaatsing_doel.startdatum IS 'Begin van de plaatsing.';
COMMENT ON COLUMN mart.plaatsing_doel.einddatum IS 'Einde van de plaatsing (leeg = loopt nog).';
COMMENT ON COLUMN mart.plaatsing_doel.actief IS 'De plaatsing loopt vandaag (begonnen en niet beëindigd).';
COMMENT ON COLUMN mart.plaatsing_doel.vaardigheid IS 'ERK-vaardigheid waarvoor de werkplek een eis heeft.';
COMMENT ON COLUMN mart.plaatsing_doel.vereist_niveau IS 'Niveau dat de werkplek vraagt.';
COMMENT ON COLUMN mart.plaatsing_doel.niveau_bij_start IS 'Hoogste niveau gemeten tot de startdatum (leeg: nog niet gemeten).';
COMMENT ON COLUMN mart.plaatsing_doel.huidig_niveau IS 'Niveau bij de laatste meting (leeg: nooit gemeten).';
COMMENT ON COLUMN mart.plaatsing_doel.laatste_meting IS 'Datum van de laatste meting in deze vaardigheid.';
COMMENT ON COLUMN mart.plaatsing_doel.niveaus_tekort IS 'ERK-niveaus onder de eis (0 = op niveau; leeg: niet gemeten).';
COMMENT ON COLUMN mart.plaatsing_doel.doel_bereikt IS 'Huidig niveau is minstens de eis (leeg: niet gemeten).';
COMMENT ON COLUMN mart.plaatsing_doel.eis_gehaald_op IS 'Eerste datum waarop minstens het vereiste niveau gemeten is (leeg: nog niet).';
