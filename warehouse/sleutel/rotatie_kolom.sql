-- Replace every pseudonym in one column by its successor from temp.rotatie.
-- {tabel} and {kolom} are quoted identifiers taken from the catalog (pseudoniem_kolommen.sql).
UPDATE {tabel} AS t
SET {kolom} = r.nieuw
FROM temp.rotatie AS r
WHERE t.{kolom} = r.oud;
