-- Everything one text file contributed before (it is read again, or it was removed).
DELETE FROM staging.werkplek_tekst_vakwoord WHERE bestand = $bestand;
