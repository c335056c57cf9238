-- Rows in quarantine now for the files of one source ($bron), whichever run put them there.
SELECT count(*)
FROM controle.quarantaine AS q
WHERE q.bestand IN (SELECT bestand FROM controle.ingelezen_bestand WHERE bron = $bron);
