DELETE FROM staging.anki_beheersing WHERE bestand = $bestand;
