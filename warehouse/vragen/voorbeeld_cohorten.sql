-- Vraag: hoe staan de cohorten ervoor (startjaar, leerroute, sector), in een vorm die buiten het
-- team gedeeld mag worden?
-- Antwoord: mart.cohort_overzicht: elk aantal onder de 10 staat er als '<10', en een percentage of
-- gemiddelde dat uit zo'n klein aantal volgt, is leeg.
SELECT *
FROM mart.cohort_overzicht
ORDER BY startjaar, leerroute, sector;
