CREATE OR REPLACE TABLE kern.werkplek_niveau_eis AS
SELECT n.werkplek, n.vaardigheid, n.vereist_niveau, e.rang AS vereist_rang
FROM staging.werkplek_niveau_eis AS n
JOIN kern.erk_niveau AS e ON e.niveau = n.vereist_niveau
QUALIFY row_number() OVER (PARTITION BY n.werkplek, n.vaardigheid ORDER BY n.bestand DESC, n.bronregel DESC) = 1
ORDER BY n.werkplek, n.vaardigheid;

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE kern.werkplek_niveau_eis IS 'Het vereiste ERK-niveau per werkplek en vaardigheid (de laatste levering telt).';
COMMENT ON COLUMN kern.werkplek_niveau_eis.werkplek IS 'Code van de werkplek.';
COMMENT ON COLUMN kern.werkplek_niveau_eis.vaardigheid IS 'ERK-vaardigheid: lezen, luisteren, spreken, gesprekken voeren of schrijven.';
COMMENT ON COLUMN kern.werkplek_niveau_eis.vereist_niveau IS 'Vereist ERK-niveau: A0 t/m C2.';
COMMENT ON COLUMN kern.werkplek_niveau_eis.vereist_rang IS 'Het vereiste niveau als getal: 0 = A0 ... 6 = C2.';
