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
COMMENT ON TABLE controle.sleutel IS 'Met welke sleutel de pseudoniemen gemaakt zijn, één rij per sleutelgeneratie (1 = de eerste sleutel; elke rotatie met vakwoorden sleutel roteer voegt er één toe). Nooit de sleutel zelf.';
COMMENT ON COLUMN controle.sleutel.generatie IS 'Nummer van de sleutelgeneratie, vanaf 1.';
COMMENT ON COLUMN controle.sleutel.vingerafdruk IS 'HMAC-SHA256 van een vaste tekst met de sleutel: zo herkent de pijplijn een andere sleutel en weigert die run voordat er iets geladen is.';
COMMENT ON COLUMN controle.sleutel.eerdere_sleutels IS 'Vanaf generatie 2: de sleutels van de eerdere generaties, versleuteld met de sleutel van deze generatie, zodat nieuwe identificaties dezelfde keten van pseudoniemen krijgen.';
COMMENT ON COLUMN controle.sleutel.sinds IS 'Sinds wanneer deze sleutel geldt.';
