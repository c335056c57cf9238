-- Deelbaar overzicht per cohort: jaar van de eerste rapportage, leerroute en sector (van de laatste
-- plaatsing; 'geen plaatsing' zonder). Elk aantal onder de 10 staat als '<10'; een gemiddelde of
-- percentage staat er alleen als elk aantal waaruit het berekend is minstens 10 is (anders leeg).
-- Geen totaalregels, zodat een afgeschermd aantal niet terug te rekenen is.
CREATE OR REPLACE TEMP MACRO afgeschermd(n) AS CASE WHEN n < 10 THEN '<10' ELSE n::VARCHAR END;

CREATE OR REPLACE TABLE mart.cohort_overzicht AS
WITH laatste_plaatsing AS (
    SELECT p.leerling, arg_max(w.sector, (p.startdatum, p.werkplek)) AS sector,
           bool_or(p.startdatum <= current_date AND (p.einddatum IS NULL OR p.einddatum >= current_date)) AS actief
    FROM kern.plaatsing AS p JOIN kern.werkplek AS w USING (werkplek)
    GROUP BY p.leerling
),
taalklaar AS (
    SELECT leerling, bool_and(taalklaar) AS taalklaar
    FROM mart.werkplek_gereedheid WHERE actief GROUP BY leerling
),
aanbieder AS (
    SELECT leerling, sum(uren_aanwezig) AS uren_aanwezig, sum(examens_geslaagd) > 0 AS examen_geslaagd,
           bool_or(doel_gehaald_op IS NOT NULL) AS doel_gehaald
    FROM mart.leerling_aanbieder GROUP BY leerling
),
groei AS (
    SELECT leerling, avg(groei_in_niveaus) AS groei FROM mart.voortgang_leerling GROUP BY leerling
),
per_leerling AS (
    SELECT
        year(l.eerste_datum) AS startjaar,
        coalesce(l.leerroute, 'onbekend') AS leerroute,
        coalesce(lp.sector, 'geen plaatsing') AS sector,
        coalesce(lp.actief, false) AS actief,
        tk.taalklaar,
        a.uren_aanwezig,
        coalesce(a.examen_geslaagd, false) AS examen_geslaagd,
        coalesce(a.doel_gehaald, false) AS doel_gehaald,
        g.groei
    FROM kern.leerling AS l
    LEFT JOIN laatste_plaatsing AS lp USING (leerling)
    LEFT JOIN taalklaar AS tk USING (leerling)
    LEFT JOIN aanbieder AS a USING (leerling)
    LEFT JOIN groei AS g USING (leerling)
),
groep AS (
    SELECT
        startjaar, leerroute, sector,
        count(*) AS leerlingen,
        count(groei) AS gemeten,
        avg(groei) AS groei,
        count(*) FILTER (WHERE uren_aanwezig > 0) AS met_uren,
        avg(uren_aanwezig) FILTER (WHERE uren_aanwezig > 0) AS uren,
        count(*) FILTER (WHERE doel_gehaald) AS doel_gehaald,
        count(*) FILTER (WHERE examen_geslaagd) AS examen_geslaagd,
        count(*) FILTER (WHERE actief) AS actief,
        count(*) FILTER (WHERE actief AND taalklaar) AS taalklaar
    FROM per_leerling
    GROUP BY ALL
)
SELECT
    startjaar,
    leerroute,
    sector,
    afgeschermd(leerlingen) AS leerlingen,
    afgeschermd(gemeten) AS leerlingen_gemeten,
    CASE WHEN gemeten >= 10 THEN round(groei, 2) END AS gemiddelde_groei_in_niveaus,
    afgeschermd(met_uren) AS leerlingen_met_uren,
    CASE WHEN met_uren >= 10 THEN round(uren, 0) END AS gemiddeld_uren_aanwezig,
    afgeschermd(doel_gehaald) AS routedoel_gehaald,
    CASE WHEN doel_gehaald >= 10 AND leerlingen >= 10 THEN round(100 * doel_gehaald / leerlingen, 1) END
        AS routedoel_gehaald_procent,
    afgeschermd(examen_geslaagd) AS examen_geslaagd,
    CASE WHEN examen_geslaagd >= 10 AND leerlingen >= 10 THEN round(100 * examen_geslaagd / leerlingen, 1) END
        AS examen_geslaagd_procent,
    afgeschermd(actief) AS met_lopende_plaatsing,
    afgeschermd(taalklaar) AS taalklaar,
    CASE WHEN taalklaar >= 10 AND actief >= 10 THEN round(100 * taalklaar / actief, 1) END AS taalklaar_procent
FROM groep
ORDER BY startjaar, leerroute, sector;

COMMENT ON TABLE mart.cohort_overzicht IS 'DEELBAAR. Per startjaar, leerroute en sector; aantallen onder 10 als <10, afgeleide cijfers dan leeg.';
COMMENT ON COLUMN mart.cohort_overzicht.startjaar IS 'Jaar van de eerste rapportage over de leerling.';
COMMENT ON COLUMN mart.cohort_overzicht.leerroute IS 'Leerroute.';
COMMENT ON COLUMN mart.cohort_overzicht.sector IS 'Sector van de laatste plaatsing (geen plaatsing: nooit geplaatst).';
COMMENT ON COLUMN mart.cohort_overzicht.leerlingen IS 'Aantal leerlingen (tekst: <10 bij minder dan 10).';
COMMENT ON COLUMN mart.cohort_overzicht.leerlingen_gemeten IS 'Leerlingen met metingen (basis van de gemiddelde groei).';
COMMENT ON COLUMN mart.cohort_overzicht.gemiddelde_groei_in_niveaus IS 'Gemiddelde groei per leerling in ERK-niveaus.';
COMMENT ON COLUMN mart.cohort_overzicht.leerlingen_met_uren IS 'Leerlingen met aanwezige lesuren (basis van het gemiddelde).';
COMMENT ON COLUMN mart.cohort_overzicht.gemiddeld_uren_aanwezig IS 'Gemiddeld aantal aanwezige lesuren per leerling.';
COMMENT ON COLUMN mart.cohort_overzicht.routedoel_gehaald IS 'Leerlingen die het doel van hun leerroute op elke gemeten vaardigheid haalden.';
COMMENT ON COLUMN mart.cohort_overzicht.routedoel_gehaald_procent IS 'Percentage van alle leerlingen in het cohort.';
COMMENT ON COLUMN mart.cohort_overzicht.examen_geslaagd IS 'Leerlingen met minstens één gehaald examenonderdeel.';
COMMENT ON COLUMN mart.cohort_overzicht.examen_geslaagd_procent IS 'Percentage van alle leerlingen in het cohort.';
COMMENT ON COLUMN mart.cohort_overzicht.met_lopende_plaatsing IS 'Leerlingen met een plaatsing die vandaag loopt.';
COMMENT ON COLUMN mart.cohort_overzicht.taalklaar IS 'Waarvan op elke vereiste vaardigheid op niveau.';
COMMENT ON COLUMN mart.cohort_overzicht.taalklaar_procent IS 'Percentage van met_lopende_plaatsing.';
