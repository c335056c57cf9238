-- Gemeente report: the shareable cohort overview (suppressed).
SELECT * FROM mart.cohort_overzicht ORDER BY startjaar, leerroute, sector;
