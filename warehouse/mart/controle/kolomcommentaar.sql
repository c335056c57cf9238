-- The columns of one mart table with type and COMMENT, for the generated data dictionary.
SELECT column_name, data_type, comment
FROM duckdb_columns()
WHERE schema_name = 'mart' AND table_name = ?
ORDER BY column_index;
