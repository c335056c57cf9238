-- Text files loaded before: to find the ones that were removed from the landing folder.
SELECT bestand FROM controle.ingelezen_bestand WHERE bron = $bron;
