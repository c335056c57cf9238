-- The first rows in quarantine for the files of one source ($bron): file, row and reason only (the
-- reasons never hold an identifier). At most $aantal rows.
SELECT q.bestand, q.regel, q.reden
FROM controle.quarantaine AS q
WHERE q.bestand IN (SELECT bestand FROM controle.ingelezen_bestand WHERE bron = $bron)
ORDER BY q.bestand, q.regel
LIMIT $aantal;
