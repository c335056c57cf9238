-- Vraag: welke taalaanbieder laat leerlingen met dezelfde leerroute en hetzelfde startniveau het
-- meest groeien per 100 aanwezige uren, en hoeveel haalt het routedoel?
-- Antwoord: alleen groepen van minstens 10 leerlingen met uren; binnen elke leerroute en elk
-- startniveau de beste eerst.
SELECT
    leerroute,
    start_niveau,
    taalaanbieder,
    leerlingen_met_uren,
    groei_per_100_uur,
    aanwezigheid_procent,
    leerlingen,
    doel_gehaald_procent,
    leerlingen_termijn_bekend,
    doel_binnen_termijn_procent
FROM mart.taalaanbieder_prestatie
WHERE leerlingen_met_uren >= 10
ORDER BY leerroute, start_niveau, groei_per_100_uur DESC;
