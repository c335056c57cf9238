-- The columns of one mart table, to see which invariants apply to it.
SELECT column_name FROM duckdb_columns() WHERE schema_name = 'mart' AND table_name = ? ORDER BY column_index;
