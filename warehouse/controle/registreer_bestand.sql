INSERT OR REPLACE INTO controle.ingelezen_bestand
    (bestand, bron, taalaanbieder, sha256, rijen_gelezen, rijen_geladen, rijen_quarantaine, geladen_op,
     grootte_bytes, gewijzigd_ns)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
