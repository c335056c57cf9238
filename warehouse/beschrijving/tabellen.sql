-- The tables of one schema (?) with their DuckDB COMMENT, for the data dictionary.
SELECT table_name, comment
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = ? AND NOT temporary
ORDER BY table_name;
