-- The vakwoorden a werkplek asks for, as (sector, woord).
SELECT sector, woord FROM kern.werkplek_vakwoord WHERE werkplek = ? ORDER BY woord;
