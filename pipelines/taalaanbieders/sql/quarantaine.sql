-- Every row of the export that did not go to staging goes to quarantine, with its reasons.
-- Runs in the load's transaction, after the accepted rows were staged: the rows that are missing
-- there are found with a cheap anti join on line numbers, and only those are judged again.
-- Skipped when staging already holds as many rows as the file (see laden.py): nothing is missing.
-- Parameter: $bestand.
INSERT INTO controle.quarantaine (bestand, regel, reden)
SELECT $bestand, bronregel, left(reden, 300)  -- a reason is at most 300 characters (waarden.py)
FROM werk.beoordeeld
WHERE bronregel IN (
    SELECT bronregel FROM werk.bron
    ANTI JOIN (SELECT bronregel FROM staging.nt2_rapportage WHERE bestand = $bestand) USING (bronregel)
)
ORDER BY bronregel;
