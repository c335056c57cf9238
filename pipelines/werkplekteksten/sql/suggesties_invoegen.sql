INSERT INTO staging.werkplek_termsuggestie BY NAME SELECT * FROM nieuw;
