-- Accepted rows, pseudonymised, one level column per skill: what goes to staging.
-- Named with its database, werk, because it is read while the warehouse is the default.
SELECT * EXCLUDE (reden)
FROM werk.beoordeeld
WHERE reden = '';
