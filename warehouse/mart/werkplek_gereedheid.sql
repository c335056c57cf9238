-- Per plaatsing: op hoeveel vereiste vaardigheden de leerling op niveau is, en voor lopende
-- plaatsingen de vaktaal: hoeveel woorden de werkplek vraagt, hoeveel de leerling geoefend heeft en
-- beheerst, en dezelfde tellingen voor de veiligheidswoorden.
CREATE OR REPLACE TABLE mart.werkplek_gereedheid AS
WITH eisen AS (
    SELECT leerling, werkplek, startdatum,
           count(*) AS vaardigheden_met_eis,
           count(*) FILTER (WHERE doel_bereikt) AS vaardigheden_op_niveau,
           count(*) FILTER (WHERE huidig_niveau IS NULL) AS vaardigheden_niet_gemeten,
           coalesce(sum(niveaus_tekort), 0)::BIGINT AS niveaus_tekort
    FROM mart.plaatsing_doel
    GROUP BY leerling, werkplek, startdatum
),
woorden AS (
    SELECT leerling, werkplek, startdatum,
           count(*) AS vakwoorden_nodig,
           count(*) FILTER (WHERE geoefend) AS vakwoorden_geoefend,
           count(*) FILTER (WHERE beheerst) AS vakwoorden_beheerst,
           count(*) FILTER (WHERE veiligheid) AS veiligheidswoorden_nodig,
           count(*) FILTER (WHERE veiligheid AND geoefend) AS veiligheidswoorden_geoefend,
           count(*) FILTER (WHERE veiligheid AND beheerst) AS veiligheidswoorden_beheerst
    FROM mart.plaatsing_vakwoord
    GROUP BY leerling, werkplek, startdatum
)
SELECT
    p.leerling,
    l.taalaanbieder,
    p.werkplek,
    w.werkgever,
    w.sector,
    w.functie,
    p.soort,
    p.startdatum,
    p.einddatum,
    p.startdatum <= current_date AND (p.einddatum IS NULL OR p.einddatum >= current_date) AS actief,
    w.vca_vereist,
    coalesce(e.vaardigheden_met_eis, 0) AS vaardigheden_met_eis,
    coalesce(e.vaardigheden_op_niveau, 0) AS vaardigheden_op_niveau,
    coalesce(e.vaardigheden_niet_gemeten, 0) AS vaardigheden_niet_gemeten,
    coalesce(e.niveaus_tekort, 0) AS niveaus_tekort,
    coalesce(e.vaardigheden_op_niveau, 0) = coalesce(e.vaardigheden_met_eis, 0) AS taalklaar,
    wo.vakwoorden_nodig,
    wo.vakwoorden_geoefend,
    wo.vakwoorden_beheerst,
    wo.veiligheidswoorden_nodig,
    wo.veiligheidswoorden_geoefend,
    wo.veiligheidswoorden_beheerst,
    round(100 * wo.vakwoorden_beheerst / nullif(wo.vakwoorden_nodig, 0), 1) AS vakwoorden_beheerst_procent,
    round(100 * wo.veiligheidswoorden_beheerst / nullif(wo.veiligheidswoorden_nodig, 0), 1)
        AS veiligheidswoorden_beheerst_procent
FROM kern.plaatsing AS p
JOIN kern.werkplek AS w USING (werkplek)
LEFT JOIN kern.leerling AS l ON l.leerling = p.leerling
LEFT JOIN eisen AS e ON e.leerling = p.leerling AND e.werkplek = p.werkplek AND e.startdatum = p.startdatum
LEFT JOIN woorden AS wo ON wo.leerling = p.leerling AND wo.werkplek = p.werkplek AND wo.startdatum = p.startdatum;

COMMENT ON TABLE mart.werkplek_gereedheid IS 'Per plaatsing: vaardigheden op niveau en, voor lopende plaatsingen, vaktaal geoefend en beheerst.';
COMMENT ON COLUMN mart.werkplek_gereedheid.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN mart.werkplek_gereedheid.taalaanbieder IS 'Laatst bekende taalaanbieder van de leerling.';
COMMENT ON COLUMN mart.werkplek_gereedheid.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN mart.werkplek_gereedheid.werkgever IS 'Naam van de werkgever.';
COMMENT ON COLUMN mart.werkplek_gereedheid.sector IS 'Sector van de werkplek.';
COMMENT ON COLUMN mart.werkplek_gereedheid.functie IS 'Functie op de werkplek.';
COMMENT ON COLUMN mart.werkplek_gereedheid.soort IS 'Soort plaatsing.';
COMMENT ON COLUMN mart.werkplek_gereedheid.startdatum IS 'Begin van de plaatsing.';
COMMENT ON COLUMN mart.werkplek_gereedheid.einddatum IS 'Einde van de plaatsing (leeg = loopt nog).';
COMMENT ON COLUMN mart.werkplek_gereedheid.actief IS 'De plaatsing loopt vandaag.';
COMMENT ON COLUMN mart.werkplek_gereedheid.vca_vereist IS 'De werkplek vraagt een VCA-diploma.';
COMMENT ON COLUMN mart.werkplek_gereedheid.vaardigheden_met_eis IS 'Aantal vaardigheden waarvoor de werkplek een niveau eist.';
COMMENT ON COLUMN mart.werkplek_gereedheid.vaardigheden_op_niveau IS 'Waarvan de leerling nu op niveau is.';
COMMENT ON COLUMN mart.werkplek_gereedheid.vaardigheden_niet_gemeten IS 'Waarvan de leerling nog niet gemeten is.';
COMMENT ON COLUMN mart.werkplek_gereedheid.niveaus_tekort IS 'Som van de ERK-niveaus tekort over de vereiste vaardigheden.';
COMMENT ON COLUMN mart.werkplek_gereedheid.taalklaar IS 'Op elke vereiste vaardigheid op niveau.';
COMMENT ON COLUMN mart.werkplek_gereedheid.vakwoorden_nodig IS 'Vakwoorden die de werkplek vraagt (alleen lopende plaatsingen).';
COMMENT ON COLUMN mart.werkplek_gereedheid.vakwoorden_geoefend IS 'Waarvan de leerling er in Anki geoefend heeft.';
COMMENT ON COLUMN mart.werkplek_gereedheid.vakwoorden_beheerst IS 'Waarvan de leerling er beheerst.';
COMMENT ON COLUMN mart.werkplek_gereedheid.veiligheidswoorden_nodig IS 'Veiligheidswoorden die de werkplek vraagt.';
COMMENT ON COLUMN mart.werkplek_gereedheid.veiligheidswoorden_geoefend IS 'Waarvan geoefend.';
COMMENT ON COLUMN mart.werkplek_gereedheid.veiligheidswoorden_beheerst IS 'Waarvan beheerst.';
COMMENT ON COLUMN mart.werkplek_gereedheid.vakwoorden_beheerst_procent IS 'Beheerste vakwoorden als percentage van de benodigde (0 tot 100).';
COMMENT ON COLUMN mart.werkplek_gereedheid.veiligheidswoorden_beheerst_procent IS 'Beheerste veiligheidswoorden als percentage (0 tot 100).';
