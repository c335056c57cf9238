-- One row per accepted row of a taalaanbieder export, as it arrived (the source's grain),
-- validated and pseudonymised. kern.nt2_meting, kern.nt2_uren and kern.leerling are built from it.
-- A template: the staged fields and their comments (the places in double braces) come from
-- velden.py (sql_velden.py); the comments of the columns every export gets are here.
BEGIN TRANSACTION;  -- one commit for the table and its comments (run at the start of every session)
CREATE TABLE IF NOT EXISTS staging.nt2_rapportage (
    {{velden}},
    taalaanbieder VARCHAR NOT NULL,
    id_soort VARCHAR NOT NULL,
    bestand VARCHAR NOT NULL,
    bronregel BIGINT NOT NULL
);
COMMENT ON TABLE staging.nt2_rapportage IS 'Eén rij per goedgekeurde rij van een export van een taalaanbieder, zoals die binnenkwam: gecontroleerd, genormaliseerd en gepseudonimiseerd. Een export met een regel per vaardigheid vult één van de vijf niveaukolommen. kern.nt2_meting, kern.nt2_uren en kern.leerling worden hieruit gebouwd.';
{{commentaar}}
COMMENT ON COLUMN staging.nt2_rapportage.taalaanbieder IS 'Code van de taalaanbieder (de naam van zijn map).';
COMMENT ON COLUMN staging.nt2_rapportage.id_soort IS 'Soort identificatie waaruit het pseudoniem is gemaakt: bsn, vnummer of leerlingnummer.';
COMMENT ON COLUMN staging.nt2_rapportage.bestand IS 'Het bestand, vanaf de landingsmap.';
COMMENT ON COLUMN staging.nt2_rapportage.bronregel IS 'Rijnummer in het bestand zoals een spreadsheet het toont (kopregel = 1).';
COMMIT;
