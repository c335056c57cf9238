-- Every value of an accepted row that was changed on arrival ('b1' -> 'B1'), per column, into
-- controle.normalisatie. The oordeel already counts each value over all rows of the file; the
-- quarantined rows (few) are subtracted here, so the big table is not scanned again. Runs in the
-- load's transaction, after quarantaine.sql.
-- eerste_regel is the first line in the file holding the value. Parameter: $bestand.
-- A template: one count per text field (the place in double braces) comes from velden.py (sql_velden.py).
INSERT INTO controle.normalisatie (bestand, kolom, origineel, genormaliseerd, aantal, eerste_regel)
WITH quarantaine AS (
    SELECT *
    FROM werk.bron
    WHERE bronregel IN (SELECT regel FROM controle.quarantaine WHERE bestand = $bestand)
),
in_quarantaine AS (
    {{per_veld}}
),
per_waarde AS (
    SELECT o.kolom, o.van, o.naar, o.aantal - coalesce(q.aantal, 0) AS aantal, o.eerste_regel
    FROM werk.oordeel AS o
    LEFT JOIN in_quarantaine AS q USING (veld, origineel)
    WHERE o.van IS NOT NULL
)
SELECT
    $bestand AS bestand,
    kolom,
    van AS origineel,
    naar AS genormaliseerd,
    sum(aantal)::BIGINT AS aantal,
    min(eerste_regel) AS eerste_regel
FROM per_waarde
GROUP BY kolom, van, naar
HAVING sum(aantal) > 0
ORDER BY kolom, van;
