INSERT OR REPLACE INTO controle.werkplektekst_lijstversie VALUES (1, $versie);
