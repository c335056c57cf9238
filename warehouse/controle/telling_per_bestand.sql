-- Reconciliation: every row read from a file is either staged or quarantined, exactly once.
-- Staged rows are counted on the source's tables with one row per accepted source row
-- ($tabellen, declared by the source, see pipelines/gedeeld/bron.py). Parameters: $bron, $tabellen.
WITH per_bestand AS (
    SELECT bestand, count(*) AS n FROM query_table($tabellen::VARCHAR[], true) GROUP BY bestand
),
quarantaine AS (SELECT bestand, count(*) AS n FROM controle.quarantaine GROUP BY bestand)
SELECT
    i.bestand,
    i.rijen_gelezen,
    coalesce(g.n, 0) AS gestaged,
    coalesce(q.n, 0) AS in_quarantaine
FROM controle.ingelezen_bestand AS i
LEFT JOIN per_bestand AS g USING (bestand)
LEFT JOIN quarantaine AS q USING (bestand)
WHERE i.bron = $bron
ORDER BY i.bestand;
