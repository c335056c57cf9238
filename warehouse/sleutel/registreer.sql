-- Record a key generation ($generatie, $vingerafdruk, $eerdere_sleutels).
INSERT INTO controle.sleutel (generatie, vingerafdruk, eerdere_sleutels, sinds)
VALUES ($generatie, $vingerafdruk, $eerdere_sleutels, current_localtimestamp());
