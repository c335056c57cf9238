-- Replace the vocabulary tables from the registered frames 'woorden' and 'vertalingen'.
CREATE OR REPLACE TABLE kern.vakwoord AS SELECT * FROM woorden ORDER BY sector, thema_volgorde, regel;
CREATE OR REPLACE TABLE kern.vakwoord_vertaling AS SELECT * FROM vertalingen ORDER BY sector, woord, taal;
