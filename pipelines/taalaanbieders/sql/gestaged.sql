-- How many rows of one export are in staging, inside the load's transaction (see laden.py).
-- Parameter: $bestand.
SELECT count(*)
FROM staging.nt2_rapportage
WHERE bestand = $bestand;
