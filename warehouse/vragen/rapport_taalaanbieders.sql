-- Gemeente report: the shareable provider overview (suppressed), for table and plot.
SELECT * FROM mart.taalaanbieder_overzicht ORDER BY taalaanbieder, leerroute;
