-- An export file as text columns k0, k1, ... in file order. DuckDB's own CSV reader; the
-- Python read_csv() only accepts UTF-8, so files in Latin-1 are read through this statement.
-- Parameters: $pad, $scheidingsteken, $codering ('utf-8' or 'latin-1'), $kolommen (name -> type).
SELECT *
FROM read_csv(
    $pad,
    header = true,
    sep = $scheidingsteken,
    quote = '"',
    escape = '"',
    encoding = $codering,
    columns = $kolommen,
    auto_detect = false
);
