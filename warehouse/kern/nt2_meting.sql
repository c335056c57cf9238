-- One row per measurement of one skill, unpivoted from the reports' level columns.
-- A measurement is one learner, date, skill and kind of measurement. Delivered more than once
-- (the same row in two exports, or a corrected export), the newest delivery wins: the file loaded
-- last (controle.ingelezen_bestand.geladen_op; files are loaded oldest delivery first), never the
-- order of the file names. Deliveries that disagree on the level or the result are kept in
-- controle.meting_conflict, with both files and rows, so the taalaanbieder can be asked.
CREATE OR REPLACE TEMP TABLE meting AS
SELECT
    m.leerling, m.taalaanbieder, m.datum, m.vaardigheid, m.niveau, m.soort_meting, m.instrument, m.uitslag,
    m.bestand, m.bronregel,
    row_number() OVER (
        PARTITION BY m.leerling, m.datum, m.vaardigheid, m.soort_meting
        ORDER BY i.geladen_op DESC NULLS LAST, m.bestand DESC, m.bronregel DESC
    ) AS volgorde
FROM (
    UNPIVOT staging.nt2_rapportage
    ON niveau_lezen AS 'lezen',
        niveau_luisteren AS 'luisteren',
        niveau_spreken AS 'spreken',
        niveau_gesprekken_voeren AS 'gesprekken voeren',
        niveau_schrijven AS 'schrijven'
    INTO NAME vaardigheid VALUE niveau
) AS m
LEFT JOIN controle.ingelezen_bestand AS i USING (bestand);

CREATE OR REPLACE TABLE controle.meting_conflict AS
SELECT
    w.leerling, w.datum, w.vaardigheid, w.soort_meting,
    w.niveau AS gekozen_niveau, w.uitslag AS gekozen_uitslag, w.bestand AS gekozen_bestand, w.bronregel AS gekozen_regel,
    a.niveau AS ander_niveau, a.uitslag AS andere_uitslag, a.bestand AS ander_bestand, a.bronregel AS andere_regel
FROM meting AS w
JOIN meting AS a
    ON a.leerling = w.leerling AND a.datum = w.datum AND a.vaardigheid = w.vaardigheid
    AND a.soort_meting = w.soort_meting AND a.volgorde > 1
WHERE w.volgorde = 1
    AND (a.niveau IS DISTINCT FROM w.niveau OR a.uitslag IS DISTINCT FROM w.uitslag)
ORDER BY w.leerling, w.datum, w.vaardigheid, a.bestand, a.bronregel;

CREATE OR REPLACE TABLE kern.nt2_meting AS
SELECT
    m.leerling, m.taalaanbieder, m.datum, m.vaardigheid, m.niveau, e.rang AS niveau_rang,
    m.soort_meting, m.instrument, m.uitslag, m.bestand, m.bronregel
FROM meting AS m
JOIN kern.erk_niveau AS e USING (niveau)
WHERE m.volgorde = 1
ORDER BY m.leerling, m.vaardigheid, m.datum;

DROP TABLE meting;
