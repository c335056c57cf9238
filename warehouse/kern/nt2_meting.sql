-- One row per measurement of one skill, unpivoted from the reports' level columns.
-- A measurement is one learner, date, skill and kind of measurement. Delivered more than once
-- (the same row in two exports, or a corrected export), the newest delivery wins: the file loaded
-- last (controle.ingelezen_bestand.geladen_op; files are loaded oldest delivery first), never the
-- order of the file names. Deliveries that disagree on the level or the result are kept in
-- controle.meting_conflict, with both files and rows, so the taalaanbieder can be asked.
CREATE OR REPLACE TEMP TABLE meting AS
-- Every level column (niveau_<skill>, declared in pipelines/taalaanbieders/velden.py) is unpivoted;
-- the skill is the column's name without 'niveau_', with spaces ('gesprekken voeren').
WITH m AS (
    SELECT * EXCLUDE (kolom), replace(kolom[length('niveau_') + 1:], '_', ' ') AS vaardigheid
    FROM (UNPIVOT staging.nt2_rapportage ON COLUMNS('^niveau_') INTO NAME kolom VALUE niveau)
)
SELECT
    m.leerling, m.taalaanbieder, m.datum, m.vaardigheid, m.niveau, m.soort_meting, m.instrument, m.uitslag,
    m.bestand, m.bronregel,
    row_number() OVER (
        PARTITION BY m.leerling, m.datum, m.vaardigheid, m.soort_meting
        ORDER BY i.geladen_op DESC NULLS LAST, m.bestand DESC, m.bronregel DESC
    ) AS volgorde
FROM m
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

-- The data dictionary (warehouse/README.md is generated from these comments).
COMMENT ON TABLE controle.meting_conflict IS 'Metingen die meer dan eens zijn aangeleverd met een ander niveau of een andere uitslag: de gekozen levering (het laatst geladen bestand) naast elke andere, om bij de taalaanbieder na te vragen.';
COMMENT ON COLUMN controle.meting_conflict.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN controle.meting_conflict.datum IS 'Datum van de meting.';
COMMENT ON COLUMN controle.meting_conflict.vaardigheid IS 'ERK-vaardigheid.';
COMMENT ON COLUMN controle.meting_conflict.soort_meting IS 'Toets, examen of observatie.';
COMMENT ON COLUMN controle.meting_conflict.gekozen_niveau IS 'Niveau in de levering die telt (in kern.nt2_meting).';
COMMENT ON COLUMN controle.meting_conflict.gekozen_uitslag IS 'Uitslag in de levering die telt.';
COMMENT ON COLUMN controle.meting_conflict.gekozen_bestand IS 'Bestand van de levering die telt.';
COMMENT ON COLUMN controle.meting_conflict.gekozen_regel IS 'Regel in dat bestand.';
COMMENT ON COLUMN controle.meting_conflict.ander_niveau IS 'Niveau in de andere levering.';
COMMENT ON COLUMN controle.meting_conflict.andere_uitslag IS 'Uitslag in de andere levering.';
COMMENT ON COLUMN controle.meting_conflict.ander_bestand IS 'Bestand van de andere levering.';
COMMENT ON COLUMN controle.meting_conflict.andere_regel IS 'Regel in dat bestand.';

COMMENT ON TABLE kern.nt2_meting IS 'Eén rij per meting van één vaardigheid (een leerling, datum, vaardigheid en soort meting). Dezelfde meting uit twee bestanden telt één keer: de laatst geladen levering; verschillen staan in controle.meting_conflict.';
COMMENT ON COLUMN kern.nt2_meting.leerling IS 'Pseudoniem van de leerling.';
COMMENT ON COLUMN kern.nt2_meting.taalaanbieder IS 'Code van de taalaanbieder die de meting rapporteerde.';
COMMENT ON COLUMN kern.nt2_meting.datum IS 'Datum van de meting.';
COMMENT ON COLUMN kern.nt2_meting.vaardigheid IS 'ERK-vaardigheid: lezen, luisteren, spreken, gesprekken voeren of schrijven.';
COMMENT ON COLUMN kern.nt2_meting.niveau IS 'Gemeten ERK-niveau: A0, A1, A2, B1, B2, C1 of C2.';
COMMENT ON COLUMN kern.nt2_meting.niveau_rang IS 'Het niveau als getal: 0 = A0 ... 6 = C2.';
COMMENT ON COLUMN kern.nt2_meting.soort_meting IS 'Toets, examen of observatie.';
COMMENT ON COLUMN kern.nt2_meting.instrument IS 'Naam van de toets of het examen.';
COMMENT ON COLUMN kern.nt2_meting.uitslag IS 'Uitslag bij examens: geslaagd, gezakt of geen.';
COMMENT ON COLUMN kern.nt2_meting.bestand IS 'Het bestand waaruit de meting komt, vanaf de landingsmap.';
COMMENT ON COLUMN kern.nt2_meting.bronregel IS 'Regel in dat bestand.';
