-- The version of the word lists and the matcher that the loaded texts were analysed with.
SELECT versie FROM controle.werkplektekst_lijstversie;
