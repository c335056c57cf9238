-- Reconciliation: every row read from a file is either staged or quarantined, exactly once.
-- Staged rows are counted on each source's spine table (one row per accepted source row).
WITH gestaged AS (
    SELECT bestand, count(*) AS n FROM staging.nt2_rapportage GROUP BY bestand
    UNION ALL SELECT bestand, count(*) FROM staging.werkplek GROUP BY bestand
    UNION ALL SELECT bestand, count(*) FROM staging.plaatsing GROUP BY bestand
    UNION ALL SELECT bestand, count(*) FROM staging.werkplek_vakwoord GROUP BY bestand
),
per_bestand AS (SELECT bestand, sum(n) AS n FROM gestaged GROUP BY bestand),
quarantaine AS (SELECT bestand, count(*) AS n FROM controle.quarantaine GROUP BY bestand)
SELECT
    i.bestand,
    i.rijen_gelezen,
    coalesce(g.n, 0) AS gestaged,
    coalesce(q.n, 0) AS in_quarantaine
FROM controle.ingelezen_bestand AS i
LEFT JOIN per_bestand AS g USING (bestand)
LEFT JOIN quarantaine AS q USING (bestand)
WHERE i.bron = ?
ORDER BY i.bestand;
