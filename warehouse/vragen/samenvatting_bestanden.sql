SELECT bestand, rijen_gelezen, rijen_geladen, rijen_quarantaine
FROM controle.ingelezen_bestand
ORDER BY bron DESC, bestand;
