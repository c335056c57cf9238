-- Report: the learner's placements that run today, with skills and vaktaal readiness.
SELECT werkplek, werkgever, sector, functie, soort, startdatum, einddatum, vca_vereist,
       vaardigheden_met_eis, vaardigheden_op_niveau, vaardigheden_niet_gemeten, taalklaar,
       vakwoorden_nodig, vakwoorden_geoefend, vakwoorden_beheerst,
       veiligheidswoorden_nodig, veiligheidswoorden_geoefend, veiligheidswoorden_beheerst
FROM mart.werkplek_gereedheid
WHERE leerling = ? AND actief
ORDER BY startdatum, werkplek;
