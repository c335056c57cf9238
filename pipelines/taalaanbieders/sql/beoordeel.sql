-- Every row of one export, judged: its canonical values and, when it must go to quarantine,
-- all reasons in plain Dutch. A view in the in-memory database werk, on
--   bron         : the export's rows as text, one column per canonical field (see beoordelen.py)
--   oordeel      : every distinct value of every field, judged once (see beoordelen.py)
--   instellingen : niveau_verplicht (a wide export without hours must have at least one level)
-- A field without oordeel rows (its join then costs next to nothing) is one the mapping does not
-- fill, so its column in bron is null, or a text field whose every value is accepted as it
-- arrived (see Oordeel.doorgeven): either way the column in bron is already the canonical value
-- (CASE WHEN o_x.veld IS NULL THEN b.x ...), its reasons are absent, and it is empty where bron
-- is null (coalesce(o_x.leeg, b.x IS NULL)).
-- A view, not a table: the accepted rows stream from the join into staging, and only the few
-- quarantined rows are judged a second time, for their reasons (see quarantaine.sql).
-- A long export (a skill column and a level column) is turned wide here: one level column per
-- skill, so that everything downstream handles one shape.
-- A template: the lines per field (the places in double braces) are generated from the field
-- declarations in velden.py (see sql_velden.py); rules across fields are in kruisregels.sql.
CREATE OR REPLACE VIEW beoordeeld AS
SELECT
    b.bronregel,
    {{kolommen}},
    -- The same list twice: coalesce() finds the few bad rows cheaply, and only for those
    -- concat_ws() builds the text (CASE evaluates a branch only for the rows that take it).
    CASE WHEN coalesce({{redenen}}, {{kruisregels}}) IS NOT NULL
        THEN concat_ws('; ', {{redenen}}, {{kruisregels}})
        ELSE ''
    END AS reden
FROM bron AS b
CROSS JOIN instellingen AS i
{{joins}};
