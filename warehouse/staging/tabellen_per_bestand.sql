-- The staging tables whose rows keep the file they came from (a column 'bestand').
SELECT table_name
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'staging' AND column_name = 'bestand'
ORDER BY table_name;
