-- What is known of the last load of one file: its content hash, size and modification time.
SELECT sha256, grootte_bytes, gewijzigd_ns
FROM controle.ingelezen_bestand
WHERE bestand = $bestand;
