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
CREATE OR REPLACE VIEW beoordeeld AS
SELECT
    b.bronregel,
    o_id.tekst AS leerling,
    o_datum.datum AS datum,
    CASE WHEN o_soort_meting.veld IS NULL THEN b.soort_meting ELSE o_soort_meting.tekst END AS soort_meting,
    CASE WHEN o_instrument.veld IS NULL THEN b.instrument ELSE o_instrument.tekst END AS instrument,
    CASE WHEN o_uitslag.veld IS NULL THEN b.uitslag ELSE o_uitslag.tekst END AS uitslag,
    CASE WHEN o_leerroute.veld IS NULL THEN b.leerroute ELSE o_leerroute.tekst END AS leerroute,
    CASE WHEN o_thuistaal.veld IS NULL THEN b.thuistaal ELSE o_thuistaal.tekst END AS thuistaal,
    o_periode_start.datum AS periode_start,
    o_periode_eind.datum AS periode_eind,
    o_uren_aangeboden.getal AS uren_aangeboden,
    o_uren_aanwezig.getal AS uren_aanwezig,
    o_afwezig_geoorloofd.getal AS afwezig_geoorloofd,
    o_afwezig_ongeoorloofd.getal AS afwezig_ongeoorloofd,
    coalesce(
        CASE WHEN o_lezen.veld IS NULL THEN b.niveau_lezen ELSE o_lezen.tekst END,
        CASE WHEN o_vaardigheid.tekst = 'lezen' THEN o_niveau.tekst END
    ) AS niveau_lezen,
    coalesce(
        CASE WHEN o_luisteren.veld IS NULL THEN b.niveau_luisteren ELSE o_luisteren.tekst END,
        CASE WHEN o_vaardigheid.tekst = 'luisteren' THEN o_niveau.tekst END
    ) AS niveau_luisteren,
    coalesce(
        CASE WHEN o_spreken.veld IS NULL THEN b.niveau_spreken ELSE o_spreken.tekst END,
        CASE WHEN o_vaardigheid.tekst = 'spreken' THEN o_niveau.tekst END
    ) AS niveau_spreken,
    coalesce(
        CASE WHEN o_gesprekken_voeren.veld IS NULL THEN b.niveau_gesprekken_voeren ELSE o_gesprekken_voeren.tekst END,
        CASE WHEN o_vaardigheid.tekst = 'gesprekken voeren' THEN o_niveau.tekst END
    ) AS niveau_gesprekken_voeren,
    coalesce(
        CASE WHEN o_schrijven.veld IS NULL THEN b.niveau_schrijven ELSE o_schrijven.tekst END,
        CASE WHEN o_vaardigheid.tekst = 'schrijven' THEN o_niveau.tekst END
    ) AS niveau_schrijven,
    -- The same list twice: coalesce() finds the few bad rows cheaply, and only for those
    -- concat_ws() builds the text (CASE evaluates a branch only for the rows that take it).
    CASE WHEN coalesce(
            o_id.reden,
            o_datum.reden,
            o_soort_meting.reden,
            o_uitslag.reden,
            o_leerroute.reden,
            o_thuistaal.reden,
            o_periode_start.reden,
            o_periode_eind.reden,
            o_uren_aangeboden.reden,
            o_uren_aanwezig.reden,
            o_afwezig_geoorloofd.reden,
            o_afwezig_ongeoorloofd.reden,
            CASE WHEN o_uren_aanwezig.getal > o_uren_aangeboden.getal
                THEN 'meer uren aanwezig dan aangeboden; controleer de uren van deze periode' END,
            o_lezen.reden,
            o_luisteren.reden,
            o_spreken.reden,
            o_gesprekken_voeren.reden,
            o_schrijven.reden,
            CASE WHEN i.niveau_verplicht AND coalesce(o_lezen.leeg, b.niveau_lezen IS NULL) AND coalesce(o_luisteren.leeg, b.niveau_luisteren IS NULL)
                    AND coalesce(o_spreken.leeg, b.niveau_spreken IS NULL) AND coalesce(o_gesprekken_voeren.leeg, b.niveau_gesprekken_voeren IS NULL)
                    AND coalesce(o_schrijven.leeg, b.niveau_schrijven IS NULL)
                THEN 'geen enkel niveau ingevuld' END,
            o_vaardigheid.reden,
            o_niveau.reden
        ) IS NOT NULL
        THEN concat_ws(
            '; ',
            o_id.reden,
            o_datum.reden,
            o_soort_meting.reden,
            o_uitslag.reden,
            o_leerroute.reden,
            o_thuistaal.reden,
            o_periode_start.reden,
            o_periode_eind.reden,
            o_uren_aangeboden.reden,
            o_uren_aanwezig.reden,
            o_afwezig_geoorloofd.reden,
            o_afwezig_ongeoorloofd.reden,
            CASE WHEN o_uren_aanwezig.getal > o_uren_aangeboden.getal
                THEN 'meer uren aanwezig dan aangeboden; controleer de uren van deze periode' END,
            o_lezen.reden,
            o_luisteren.reden,
            o_spreken.reden,
            o_gesprekken_voeren.reden,
            o_schrijven.reden,
            CASE WHEN i.niveau_verplicht AND coalesce(o_lezen.leeg, b.niveau_lezen IS NULL) AND coalesce(o_luisteren.leeg, b.niveau_luisteren IS NULL)
                    AND coalesce(o_spreken.leeg, b.niveau_spreken IS NULL) AND coalesce(o_gesprekken_voeren.leeg, b.niveau_gesprekken_voeren IS NULL)
                    AND coalesce(o_schrijven.leeg, b.niveau_schrijven IS NULL)
                THEN 'geen enkel niveau ingevuld' END,
            o_vaardigheid.reden,
            o_niveau.reden
        )
        ELSE ''
    END AS reden
FROM bron AS b
CROSS JOIN instellingen AS i
LEFT JOIN oordeel AS o_id
    ON o_id.veld = 'id' AND o_id.origineel IS NOT DISTINCT FROM b.id
LEFT JOIN oordeel AS o_datum
    ON o_datum.veld = 'datum' AND o_datum.origineel IS NOT DISTINCT FROM b.datum
LEFT JOIN oordeel AS o_soort_meting
    ON o_soort_meting.veld = 'soort_meting' AND o_soort_meting.origineel IS NOT DISTINCT FROM b.soort_meting
LEFT JOIN oordeel AS o_instrument
    ON o_instrument.veld = 'instrument' AND o_instrument.origineel IS NOT DISTINCT FROM b.instrument
LEFT JOIN oordeel AS o_uitslag
    ON o_uitslag.veld = 'uitslag' AND o_uitslag.origineel IS NOT DISTINCT FROM b.uitslag
LEFT JOIN oordeel AS o_leerroute
    ON o_leerroute.veld = 'leerroute' AND o_leerroute.origineel IS NOT DISTINCT FROM b.leerroute
LEFT JOIN oordeel AS o_thuistaal
    ON o_thuistaal.veld = 'thuistaal' AND o_thuistaal.origineel IS NOT DISTINCT FROM b.thuistaal
LEFT JOIN oordeel AS o_periode_start
    ON o_periode_start.veld = 'periode_start' AND o_periode_start.origineel IS NOT DISTINCT FROM b.periode_start
LEFT JOIN oordeel AS o_periode_eind
    ON o_periode_eind.veld = 'periode_eind' AND o_periode_eind.origineel IS NOT DISTINCT FROM b.periode_eind
LEFT JOIN oordeel AS o_uren_aangeboden
    ON o_uren_aangeboden.veld = 'uren_aangeboden' AND o_uren_aangeboden.origineel IS NOT DISTINCT FROM b.uren_aangeboden
LEFT JOIN oordeel AS o_uren_aanwezig
    ON o_uren_aanwezig.veld = 'uren_aanwezig' AND o_uren_aanwezig.origineel IS NOT DISTINCT FROM b.uren_aanwezig
LEFT JOIN oordeel AS o_afwezig_geoorloofd
    ON o_afwezig_geoorloofd.veld = 'afwezig_geoorloofd'
    AND o_afwezig_geoorloofd.origineel IS NOT DISTINCT FROM b.afwezig_geoorloofd
LEFT JOIN oordeel AS o_afwezig_ongeoorloofd
    ON o_afwezig_ongeoorloofd.veld = 'afwezig_ongeoorloofd'
    AND o_afwezig_ongeoorloofd.origineel IS NOT DISTINCT FROM b.afwezig_ongeoorloofd
LEFT JOIN oordeel AS o_lezen
    ON o_lezen.veld = 'niveau_lezen' AND o_lezen.origineel IS NOT DISTINCT FROM b.niveau_lezen
LEFT JOIN oordeel AS o_luisteren
    ON o_luisteren.veld = 'niveau_luisteren' AND o_luisteren.origineel IS NOT DISTINCT FROM b.niveau_luisteren
LEFT JOIN oordeel AS o_spreken
    ON o_spreken.veld = 'niveau_spreken' AND o_spreken.origineel IS NOT DISTINCT FROM b.niveau_spreken
LEFT JOIN oordeel AS o_gesprekken_voeren
    ON o_gesprekken_voeren.veld = 'niveau_gesprekken_voeren'
    AND o_gesprekken_voeren.origineel IS NOT DISTINCT FROM b.niveau_gesprekken_voeren
LEFT JOIN oordeel AS o_schrijven
    ON o_schrijven.veld = 'niveau_schrijven' AND o_schrijven.origineel IS NOT DISTINCT FROM b.niveau_schrijven
LEFT JOIN oordeel AS o_vaardigheid
    ON o_vaardigheid.veld = 'vaardigheid' AND o_vaardigheid.origineel IS NOT DISTINCT FROM b.vaardigheid
LEFT JOIN oordeel AS o_niveau
    ON o_niveau.veld = 'niveau' AND o_niveau.origineel IS NOT DISTINCT FROM b.niveau;
