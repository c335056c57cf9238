-- Per taalaanbieder in totaal: leerlingen, groei, uren, aanwezigheid en examens. Let op: dit telt
-- leerlingen met verschillende leerroutes en startniveaus samen; vergelijk taalaanbieders met
-- mart.taalaanbieder_prestatie.
CREATE OR REPLACE TABLE mart.voortgang_taalaanbieder AS
WITH per_aanbieder AS (
    SELECT
        taalaanbieder,
        count(groei_in_niveaus) AS leerlingen,
        avg(groei_in_niveaus) AS gemiddelde_groei,
        sum(uren_aangeboden) AS uren_aangeboden,
        sum(uren_aanwezig) AS uren_aanwezig,
        sum(afwezig_ongeoorloofd) AS afwezig_ongeoorloofd,
        count(*) FILTER (WHERE uren_aanwezig > 0 AND groei_in_niveaus IS NOT NULL) AS leerlingen_met_uren,
        sum(groei_in_niveaus) FILTER (WHERE uren_aanwezig > 0 AND groei_in_niveaus IS NOT NULL) AS groei_met_uren,
        sum(uren_aanwezig) FILTER (WHERE uren_aanwezig > 0 AND groei_in_niveaus IS NOT NULL) AS uren_met_groei,
        sum(examens)::BIGINT AS examens,
        sum(examens_geslaagd)::BIGINT AS geslaagd
    FROM mart.leerling_aanbieder
    GROUP BY taalaanbieder
)
SELECT
    t.taalaanbieder,
    t.naam,
    coalesce(a.leerlingen, 0) AS leerlingen,
    round(a.gemiddelde_groei, 2) AS gemiddelde_groei_in_niveaus,
    a.uren_aangeboden,
    a.uren_aanwezig,
    round(100 * a.uren_aanwezig / nullif(a.uren_aangeboden, 0), 1) AS aanwezigheid_procent,
    round(100 * a.afwezig_ongeoorloofd / nullif(a.uren_aangeboden, 0), 1) AS ongeoorloofd_afwezig_procent,
    coalesce(a.examens, 0) AS examens,
    round(100 * a.geslaagd / nullif(a.examens, 0), 1) AS geslaagd_procent,
    coalesce(a.leerlingen_met_uren, 0) AS leerlingen_met_uren,
    round(100 * a.groei_met_uren / nullif(a.uren_met_groei, 0), 3) AS groei_per_100_uur
FROM kern.taalaanbieder AS t
LEFT JOIN per_aanbieder AS a USING (taalaanbieder)
ORDER BY t.taalaanbieder;

COMMENT ON TABLE mart.voortgang_taalaanbieder IS 'Per taalaanbieder in totaal (alle leerroutes en startniveaus samen); vergelijk met mart.taalaanbieder_prestatie.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.taalaanbieder IS 'Code van de taalaanbieder.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.naam IS 'Naam van de taalaanbieder.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.leerlingen IS 'Leerlingen met metingen bij deze taalaanbieder.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.gemiddelde_groei_in_niveaus IS 'Gemiddelde groei per leerling (gemiddeld over de vaardigheden), in ERK-niveaus.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.uren_aangeboden IS 'Aangeboden lesuren, alle leerlingen samen.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.uren_aanwezig IS 'Aanwezige lesuren, alle leerlingen samen.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.aanwezigheid_procent IS 'Aanwezig als percentage van aangeboden.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.ongeoorloofd_afwezig_procent IS 'Ongeoorloofd afwezig als percentage van aangeboden.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.examens IS 'Examenonderdelen met uitslag geslaagd of gezakt.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.geslaagd_procent IS 'Geslaagde examenonderdelen als percentage.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.leerlingen_met_uren IS 'Leerlingen met metingen en aanwezige uren: de basis van groei_per_100_uur.';
COMMENT ON COLUMN mart.voortgang_taalaanbieder.groei_per_100_uur IS 'ERK-niveaus groei per 100 aanwezige lesuren (vervangt groei_per_100_uur_per_100_leerlingen).';
