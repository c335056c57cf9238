-- Deelbaar overzicht van taalaanbieders per leerroute, om buiten het team te delen. Elk aantal onder
-- de 10 staat als '<10'; een gemiddelde of percentage staat er alleen als elk aantal waaruit het
-- berekend is minstens 10 is (anders leeg). Geen totaalregels, zodat een afgeschermd aantal niet
-- terug te rekenen is uit een totaal.
CREATE OR REPLACE TEMP MACRO afgeschermd(n) AS CASE WHEN n < 10 THEN '<10' ELSE n::VARCHAR END;

CREATE OR REPLACE TABLE mart.taalaanbieder_overzicht AS
WITH groep AS (
    SELECT
        la.taalaanbieder,
        t.naam,
        coalesce(la.leerroute, 'onbekend') AS leerroute,
        count(*) AS leerlingen,
        count(la.groei_in_niveaus) AS gemeten,
        avg(la.groei_in_niveaus) AS groei,
        count(*) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL) AS met_uren,
        100 * sum(la.groei_in_niveaus) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL)
            / nullif(sum(la.uren_aanwezig) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL), 0)
            AS groei_per_100_uur,
        count(*) FILTER (WHERE la.uren_aangeboden > 0) AS met_rooster,
        100 * sum(la.uren_aanwezig) FILTER (WHERE la.uren_aangeboden > 0)
            / nullif(sum(la.uren_aangeboden) FILTER (WHERE la.uren_aangeboden > 0), 0) AS aanwezigheid,
        count(*) FILTER (WHERE la.doel_gehaald_op IS NOT NULL) AS doel_gehaald,
        count(*) FILTER (WHERE la.termijn_uitkomst_bekend) AS termijn_bekend,
        count(*) FILTER (WHERE la.doel_binnen_termijn) AS binnen_termijn,
        count(*) FILTER (WHERE la.examens > 0) AS met_examen,
        count(*) FILTER (WHERE la.examens_geslaagd > 0) AS geslaagd
    FROM mart.leerling_aanbieder AS la
    LEFT JOIN kern.taalaanbieder AS t USING (taalaanbieder)
    GROUP BY ALL
)
SELECT
    taalaanbieder,
    naam,
    leerroute,
    afgeschermd(leerlingen) AS leerlingen,
    afgeschermd(gemeten) AS leerlingen_gemeten,
    CASE WHEN gemeten >= 10 THEN round(groei, 2) END AS gemiddelde_groei_in_niveaus,
    afgeschermd(met_uren) AS leerlingen_met_uren,
    CASE WHEN met_uren >= 10 THEN round(groei_per_100_uur, 3) END AS groei_per_100_uur,
    afgeschermd(met_rooster) AS leerlingen_met_rooster,
    CASE WHEN met_rooster >= 10 THEN round(aanwezigheid, 1) END AS aanwezigheid_procent,
    afgeschermd(doel_gehaald) AS doel_gehaald,
    CASE WHEN doel_gehaald >= 10 AND leerlingen >= 10 THEN round(100 * doel_gehaald / leerlingen, 1) END
        AS doel_gehaald_procent,
    afgeschermd(termijn_bekend) AS leerlingen_termijn_bekend,
    afgeschermd(binnen_termijn) AS doel_binnen_termijn,
    CASE WHEN binnen_termijn >= 10 AND termijn_bekend >= 10 THEN round(100 * binnen_termijn / termijn_bekend, 1) END
        AS doel_binnen_termijn_procent,
    afgeschermd(met_examen) AS leerlingen_met_examen,
    afgeschermd(geslaagd) AS leerlingen_geslaagd,
    CASE WHEN geslaagd >= 10 AND met_examen >= 10 THEN round(100 * geslaagd / met_examen, 1) END
        AS leerlingen_geslaagd_procent
FROM groep
ORDER BY taalaanbieder, leerroute;

COMMENT ON TABLE mart.taalaanbieder_overzicht IS 'DEELBAAR. Per taalaanbieder en leerroute; aantallen onder 10 als <10, afgeleide cijfers dan leeg.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.taalaanbieder IS 'Code van de taalaanbieder.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.naam IS 'Naam van de taalaanbieder.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerroute IS 'Leerroute.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen IS 'Aantal leerlingen (tekst: <10 bij minder dan 10).';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen_gemeten IS 'Leerlingen met metingen (basis van de gemiddelde groei).';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.gemiddelde_groei_in_niveaus IS 'Gemiddelde groei per leerling in ERK-niveaus (leeg bij minder dan 10 leerlingen).';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen_met_uren IS 'Leerlingen met metingen en aanwezige uren (basis van groei per 100 uur).';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.groei_per_100_uur IS 'ERK-niveaus groei per 100 aanwezige lesuren.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen_met_rooster IS 'Leerlingen met aangeboden uren (basis van de aanwezigheid).';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.aanwezigheid_procent IS 'Aanwezige als percentage van aangeboden lesuren.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.doel_gehaald IS 'Leerlingen die het routedoel tot nu toe haalden.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.doel_gehaald_procent IS 'Percentage van alle leerlingen.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen_termijn_bekend IS 'Leerlingen van wie vaststaat of ze het doel binnen de termijn haalden.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.doel_binnen_termijn IS 'Leerlingen die het routedoel binnen de inburgeringstermijn haalden.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.doel_binnen_termijn_procent IS 'Percentage van leerlingen_termijn_bekend.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen_met_examen IS 'Leerlingen met minstens één examenuitslag.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen_geslaagd IS 'Leerlingen met minstens één gehaald examenonderdeel.';
COMMENT ON COLUMN mart.taalaanbieder_overzicht.leerlingen_geslaagd_procent IS 'Percentage van leerlingen_met_examen.';
