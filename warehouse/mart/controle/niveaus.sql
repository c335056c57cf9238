-- Invariant: every level column of a mart (start_, huidig_, vereist_, doel_niveau, niveau_bij_start)
-- holds A0..C2 or nothing. One count per level column of the table named by the parameter
-- (COLUMNS inside an aggregate's argument expands to one aggregate per column).
SELECT count_if(
    COLUMNS('^((start|huidig|vereist|doel)_niveau|niveau_bij_start)$') NOT IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')
)
FROM query_table(?);
