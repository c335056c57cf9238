-- Vraag: hoeveel aanwezige lesuren kost één ERK-niveau groei, per taalaanbieder en leerroute?
-- Antwoord: per taalaanbieder en leerroute de aanwezige uren en de groei van de leerlingen van wie
-- beide bekend zijn, en de uren per niveau (leeg als er geen groei is). 'leerlingen' is het aantal
-- waarop het cijfer berust: vergelijk alleen groepen van voldoende grootte, en bij voorkeur per
-- startniveau (mart.taalaanbieder_prestatie).
SELECT
    taalaanbieder,
    naam,
    leerroute,
    sum(leerlingen_met_uren)::BIGINT AS leerlingen,
    round(sum(uren_aanwezig)) AS uren_aanwezig,
    round(sum(niveaus_gegroeid), 1) AS niveaus_gegroeid,
    CASE WHEN sum(niveaus_gegroeid) > 0 THEN round(sum(uren_aanwezig) / sum(niveaus_gegroeid)) END
        AS uren_per_niveau
FROM mart.taalaanbieder_prestatie
WHERE leerlingen_met_uren > 0
GROUP BY taalaanbieder, naam, leerroute
ORDER BY taalaanbieder, leerroute;
