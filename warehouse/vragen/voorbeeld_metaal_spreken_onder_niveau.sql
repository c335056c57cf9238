-- Vraag: welke leerlingen met een lopende plaatsing in de metaal zitten onder het niveau dat hun
-- werkplek vraagt voor spreken, en bij welke taalaanbieder leren ze?
-- Antwoord: één regel per lopende plaatsing; wie nog niet gemeten is voor spreken staat bovenaan
-- (huidig_niveau leeg), daarna wie het meeste tekort heeft.
-- Andere sector of vaardigheid: pas de twee waarden hieronder aan.
SET VARIABLE sector = 'metaal';
SET VARIABLE vaardigheid = 'spreken';

SELECT
    d.leerling,
    d.taalaanbieder,
    t.naam AS naam_taalaanbieder,
    d.werkplek,
    d.werkgever,
    d.vereist_niveau,
    d.huidig_niveau,
    d.niveaus_tekort,
    d.laatste_meting
FROM mart.plaatsing_doel AS d
LEFT JOIN kern.taalaanbieder AS t USING (taalaanbieder)
WHERE d.actief
    AND d.sector = getvariable('sector')
    AND d.vaardigheid = getvariable('vaardigheid')
    AND d.doel_bereikt IS NOT TRUE
ORDER BY d.niveaus_tekort DESC NULLS FIRST, d.taalaanbieder, d.leerling;
