-- Rows with at least one reason, for controle.quarantaine. Parameter: $bestand.
SELECT $bestand AS bestand, bronregel AS regel, reden
FROM beoordeeld
WHERE reden <> ''
ORDER BY bronregel;
