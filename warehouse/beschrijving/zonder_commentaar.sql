-- Tables and columns of the warehouse's own schemas that carry no DuckDB COMMENT (should be none).
SELECT schema_name, table_name, NULL AS column_name
FROM duckdb_tables()
WHERE database_name = current_database() AND NOT temporary
    AND schema_name IN ('staging', 'controle', 'kern', 'mart') AND comment IS NULL
UNION ALL
SELECT schema_name, table_name, column_name
FROM duckdb_columns()
WHERE database_name = current_database()
    AND schema_name IN ('staging', 'controle', 'kern', 'mart') AND comment IS NULL
ORDER BY ALL;
