-- The mart tables to export, and whether each may be shared outside the team (COMMENT 'DEELBAAR. ...').
SELECT table_name, coalesce(starts_with(comment, 'DEELBAAR'), false) AS deelbaar
FROM duckdb_tables()
WHERE schema_name = 'mart'
ORDER BY table_name;
