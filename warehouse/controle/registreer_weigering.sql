INSERT OR IGNORE INTO controle.geweigerd_bestand (bestand, sha256, reden, geweigerd_op, bron)
VALUES (?, ?, ?, ?, ?);
