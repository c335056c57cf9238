-- Taalaanbieders eerlijk vergeleken: per taalaanbieder, leerroute en startniveau (zo vergelijk je
-- leerlingen die op dezelfde plek begonnen en hetzelfde doel hebben). Naast elk cijfer staat het
-- aantal leerlingen waarop het berust. Niet om te delen buiten het team: kleine aantallen staan erin;
-- de deelbare versie is mart.taalaanbieder_overzicht.
CREATE OR REPLACE TABLE mart.taalaanbieder_prestatie AS
SELECT
    la.taalaanbieder,
    t.naam,
    coalesce(la.leerroute, 'onbekend') AS leerroute,
    la.start_niveau,
    count(*) AS leerlingen,
    count(la.groei_in_niveaus) AS leerlingen_gemeten,
    round(avg(la.groei_in_niveaus), 2) AS gemiddelde_groei_in_niveaus,
    count(*) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL) AS leerlingen_met_uren,
    sum(la.uren_aanwezig) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL) AS uren_aanwezig,
    sum(la.groei_in_niveaus) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL)
        AS niveaus_gegroeid,
    round(100 * sum(la.groei_in_niveaus) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL)
          / nullif(sum(la.uren_aanwezig) FILTER (WHERE la.uren_aanwezig > 0 AND la.groei_in_niveaus IS NOT NULL), 0), 3)
        AS groei_per_100_uur,
    count(*) FILTER (WHERE la.uren_aangeboden > 0) AS leerlingen_met_rooster,
    round(100 * sum(la.uren_aanwezig) FILTER (WHERE la.uren_aangeboden > 0)
          / nullif(sum(la.uren_aangeboden) FILTER (WHERE la.uren_aangeboden > 0), 0), 1) AS aanwezigheid_procent,
    round(100 * sum(la.afwezig_ongeoorloofd) FILTER (WHERE la.uren_aangeboden > 0)
          / nullif(sum(la.uren_aangeboden) FILTER (WHERE la.uren_aangeboden > 0), 0), 1) AS ongeoorloofd_afwezig_procent,
    count(*) FILTER (WHERE la.termijn_uitkomst_bekend) AS leerlingen_termijn_bekend,
    count(*) FILTER (WHERE la.doel_binnen_termijn) AS doel_binnen_termijn,
    round(100 * count(*) FILTER (WHERE la.doel_binnen_termijn)
          / nullif(count(*) FILTER (WHERE la.termijn_uitkomst_bekend), 0), 1) AS doel_binnen_termijn_procent,
    count(*) FILTER (WHERE la.doel_gehaald_op IS NOT NULL) AS doel_gehaald,
    round(100 * count(*) FILTER (WHERE la.doel_gehaald_op IS NOT NULL) / count(*), 1) AS doel_gehaald_procent,
    count(*) FILTER (WHERE la.examens > 0) AS leerlingen_met_examen,
    sum(la.examens)::BIGINT AS examens,
    sum(la.examens_geslaagd)::BIGINT AS examens_geslaagd,
    round(100 * sum(la.examens_geslaagd) / nullif(sum(la.examens), 0), 1) AS geslaagd_procent
FROM mart.leerling_aanbieder AS la
LEFT JOIN kern.taalaanbieder AS t USING (taalaanbieder)
GROUP BY ALL
ORDER BY ALL;

COMMENT ON TABLE mart.taalaanbieder_prestatie IS 'Per taalaanbieder, leerroute en startniveau: groei per 100 uur, routedoel binnen de termijn, aanwezigheid en examens, met het aantal leerlingen achter elk cijfer.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.taalaanbieder IS 'Code van de taalaanbieder.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.naam IS 'Naam van de taalaanbieder.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.leerroute IS 'Leerroute (onbekend: niet gerapporteerd).';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.start_niveau IS 'Startniveau bij deze taalaanbieder (zie mart.leerling_aanbieder; leeg: alleen uren gerapporteerd).';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.leerlingen IS 'Aantal leerlingen in deze groep.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.leerlingen_gemeten IS 'Leerlingen met metingen: de basis van gemiddelde_groei_in_niveaus.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.gemiddelde_groei_in_niveaus IS 'Gemiddelde groei per leerling in ERK-niveaus.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.leerlingen_met_uren IS 'Leerlingen met metingen en aanwezige uren: de basis van groei_per_100_uur.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.uren_aanwezig IS 'Aanwezige lesuren van die leerlingen samen.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.niveaus_gegroeid IS 'Groei van die leerlingen samen, in ERK-niveaus.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.groei_per_100_uur IS 'ERK-niveaus groei per 100 aanwezige lesuren.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.leerlingen_met_rooster IS 'Leerlingen met aangeboden uren: de basis van de aanwezigheid.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.aanwezigheid_procent IS 'Aanwezige uren als percentage van de aangeboden uren.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.ongeoorloofd_afwezig_procent IS 'Ongeoorloofd afwezige uren als percentage van de aangeboden uren.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.leerlingen_termijn_bekend IS 'Leerlingen van wie vaststaat of ze het routedoel binnen de termijn haalden: de basis van doel_binnen_termijn_procent.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.doel_binnen_termijn IS 'Leerlingen die het routedoel binnen de inburgeringstermijn haalden.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.doel_binnen_termijn_procent IS 'Percentage daarvan onder leerlingen_termijn_bekend.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.doel_gehaald IS 'Leerlingen die het routedoel tot nu toe haalden.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.doel_gehaald_procent IS 'Percentage daarvan onder alle leerlingen van de groep (ook wie nog bezig is).';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.leerlingen_met_examen IS 'Leerlingen met minstens één examenuitslag: de basis van geslaagd_procent.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.examens IS 'Examenonderdelen met uitslag geslaagd of gezakt.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.examens_geslaagd IS 'Waarvan geslaagd.';
COMMENT ON COLUMN mart.taalaanbieder_prestatie.geslaagd_procent IS 'Geslaagde examenonderdelen als percentage.';
