-- Files of one source ($bron) that are refused now (a file leaves the list once a good version loads).
SELECT count(*) FROM controle.geweigerd_bestand WHERE bron = $bron;
