-- Vraag: welke doelen had deze leerling door de tijd (per plaatsing, ook beëindigde), waar stond hij
-- of zij bij de start van elke plaatsing, en wanneer is elke eis gehaald?
-- Antwoord: één regel per plaatsing en vereiste vaardigheid, oudste plaatsing eerst.
-- Andere leerling: zet het pseudoniem hieronder (20 tekens, uit het warehouse, nooit een BSN).
SET VARIABLE leerling = (SELECT min(leerling) FROM kern.plaatsing);

SELECT
    werkplek, sector, soort, startdatum, einddatum, actief,
    vaardigheid, vereist_niveau, niveau_bij_start, huidig_niveau, eis_gehaald_op
FROM mart.plaatsing_doel
WHERE leerling = getvariable('leerling')
ORDER BY startdatum, werkplek, vaardigheid;
