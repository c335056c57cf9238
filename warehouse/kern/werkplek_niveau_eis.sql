CREATE OR REPLACE TABLE kern.werkplek_niveau_eis AS
SELECT n.werkplek, n.vaardigheid, n.vereist_niveau, e.rang AS vereist_rang
FROM staging.werkplek_niveau_eis AS n
JOIN kern.erk_niveau AS e ON e.niveau = n.vereist_niveau
QUALIFY row_number() OVER (PARTITION BY n.werkplek, n.vaardigheid ORDER BY n.bestand DESC, n.bronregel DESC) = 1
ORDER BY n.werkplek, n.vaardigheid;
