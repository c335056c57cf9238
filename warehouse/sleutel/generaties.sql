-- Every key generation, oldest first.
SELECT generatie, vingerafdruk, eerdere_sleutels, sinds
FROM controle.sleutel
ORDER BY generatie;
