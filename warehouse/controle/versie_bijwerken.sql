-- A file was touched but its content is the same: remember its new size and modification time,
-- so the next run does not hash it again.
UPDATE controle.ingelezen_bestand
SET grootte_bytes = $grootte_bytes, gewijzigd_ns = $gewijzigd_ns
WHERE bestand = $bestand;
