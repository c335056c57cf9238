INSERT INTO staging.werkplek_tekst_vakwoord BY NAME SELECT * FROM nieuw;
