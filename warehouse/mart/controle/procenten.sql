-- Invariant: every percentage column of a mart (…_procent) lies between 0 and 100 (or is empty).
SELECT count(*) FILTER (WHERE COLUMNS('_procent$') NOT BETWEEN 0 AND 100)
FROM query_table(?);
