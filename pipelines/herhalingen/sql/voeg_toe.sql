INSERT INTO staging.anki_beheersing BY NAME
SELECT *, $leerling AS leerling, $bron AS bron, $bestand AS bestand FROM nieuw;
