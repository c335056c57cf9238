-- Het doelniveau per leerroute van de Wet inburgering 2021: B1-route en onderwijsroute B1,
-- Z-route A1 (zelfredzaamheid). Met de inburgeringstermijn van drie jaar. Een gemeente die andere
-- doelen hanteert, past alleen deze tabel aan.
CREATE OR REPLACE TABLE mart.leerroute_doel AS
SELECT leerroute, doel_niveau, e.rang AS doel_rang, 3 AS termijn_jaren
FROM (VALUES ('B1-route', 'B1'), ('onderwijsroute', 'B1'), ('Z-route', 'A1')) AS d (leerroute, doel_niveau)
JOIN kern.erk_niveau AS e ON e.niveau = d.doel_niveau
ORDER BY leerroute;

COMMENT ON TABLE mart.leerroute_doel IS 'Doelniveau en inburgeringstermijn per leerroute.';
COMMENT ON COLUMN mart.leerroute_doel.leerroute IS 'B1-route, onderwijsroute of Z-route.';
COMMENT ON COLUMN mart.leerroute_doel.doel_niveau IS 'ERK-niveau dat de route op elke vaardigheid beoogt.';
COMMENT ON COLUMN mart.leerroute_doel.doel_rang IS 'Doelniveau als getal: 0 = A0 ... 6 = C2.';
COMMENT ON COLUMN mart.leerroute_doel.termijn_jaren IS 'Inburgeringstermijn in jaren, gerekend vanaf de eerste rapportage van de leerling.';
