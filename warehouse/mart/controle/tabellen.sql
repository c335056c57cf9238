-- The mart tables with their DuckDB COMMENT, for the generated data dictionary.
SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'mart' ORDER BY table_name;
