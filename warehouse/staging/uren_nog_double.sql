-- Whether staging.nt2_rapportage still keeps hours as DOUBLE (a warehouse from before DECIMAL).
SELECT count(*) > 0
FROM duckdb_columns()
WHERE schema_name = 'staging' AND table_name = 'nt2_rapportage'
    AND column_name LIKE '%uren%' AND data_type = 'DOUBLE';
