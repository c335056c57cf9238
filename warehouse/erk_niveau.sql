-- The ERK levels in order (vakwoorden/domein.py NIVEAUS), their rank being their place from 0.
-- Parameter: $niveaus.
INSERT OR IGNORE INTO kern.erk_niveau
SELECT unnest($niveaus) AS niveau, generate_subscripts($niveaus, 1) - 1 AS rang;
