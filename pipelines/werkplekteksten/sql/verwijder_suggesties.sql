DELETE FROM staging.werkplek_termsuggestie WHERE bestand = $bestand;
