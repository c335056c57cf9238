-- Accepted rows, pseudonymised, one level column per skill: what goes to the warehouse.
-- Named with its database, werk, because it is read after the warehouse is the default again.
SELECT * EXCLUDE (reden)
FROM werk.beoordeeld
WHERE reden = '';
