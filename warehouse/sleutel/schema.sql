-- controle.sleutel: which key the warehouse's pseudonyms were made with, one row per generation
-- (1 = the first key; every rotation adds one). Never the key itself: its fingerprint, an
-- HMAC-SHA256 of a fixed label with the key. For generation 2 and later, eerdere_sleutels holds
-- the keys of the earlier generations, encrypted under that generation's key, because newly
-- arriving identifiers need the whole chain (see pipelines/privacy.py).
CREATE TABLE IF NOT EXISTS controle.sleutel (
    generatie        INTEGER PRIMARY KEY,
    vingerafdruk     VARCHAR NOT NULL UNIQUE,
    eerdere_sleutels VARCHAR,
    sinds            TIMESTAMP NOT NULL
);
