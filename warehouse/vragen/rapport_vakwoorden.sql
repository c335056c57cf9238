-- Report: the vakwoorden of the learner's running placements: safety first, then by theme.
SELECT woord, thema, veiligheid, geoefend, beheerst, herhalingen, kans_herinnerd, werkplek
FROM mart.plaatsing_vakwoord
WHERE leerling = ?
ORDER BY veiligheid DESC, thema_volgorde NULLS LAST, woord;
