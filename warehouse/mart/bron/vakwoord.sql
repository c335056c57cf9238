-- The word lists (kern.vakwoord, built by the vakwoorden asset) as the marts read them.
CREATE OR REPLACE TEMP VIEW bron_vakwoord AS
SELECT sector, woord, thema, thema_volgorde, veiligheid FROM kern.vakwoord;
