-- Werkplekken a placement or vakwoorden file may refer to, with their sector.
SELECT werkplek, any_value(sector) AS sector
FROM staging.werkplek
WHERE bestand <> ?
GROUP BY werkplek;
