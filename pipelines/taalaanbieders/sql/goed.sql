-- Accepted rows, pseudonymised, one level column per skill: what goes to the warehouse.
SELECT * EXCLUDE (reden)
FROM beoordeeld
WHERE reden = '';
