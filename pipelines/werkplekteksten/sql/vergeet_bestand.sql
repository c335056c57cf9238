-- A text file that is gone from the landing folder, or must be read again because the word lists
-- changed: its load record goes, so that it is read anew (or no longer counted).
DELETE FROM controle.ingelezen_bestand WHERE bestand = $bestand AND bron = $bron;
