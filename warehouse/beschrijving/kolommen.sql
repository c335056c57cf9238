-- The columns of one table (schema ?, table ?) with type and COMMENT, in table order.
SELECT column_name, data_type, comment
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = ? AND table_name = ?
ORDER BY column_index;
