-- Every column of a base table that holds a learner's pseudonym: by convention it is called
-- 'leerling' (or 'pseudoniem'). Views are computed from these tables and need nothing.
SELECT c.schema_name, c.table_name, c.column_name
FROM duckdb_columns() AS c
JOIN duckdb_tables() AS t USING (database_name, schema_name, table_name)
WHERE c.database_name = current_database()
    AND NOT t.temporary
    AND c.column_name IN ('leerling', 'pseudoniem')
    AND c.data_type = 'VARCHAR'
ORDER BY ALL;
