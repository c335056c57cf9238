SELECT schema_name || '.' || table_name AS tabel, estimated_size AS rijen
FROM duckdb_tables()
WHERE schema_name IN ('kern', 'mart')
ORDER BY schema_name, table_name;
