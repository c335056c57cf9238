-- Invariant: every percentage column of a mart (…_procent) lies between 0 and 100 (or is empty).
-- One count per percentage column (COLUMNS inside an aggregate's argument: one aggregate per column).
SELECT count_if(COLUMNS('_procent$') NOT BETWEEN 0 AND 100)
FROM query_table(?);
