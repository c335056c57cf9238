-- One row per accepted row of a taalaanbieder export, as it arrived (the source's grain),
-- validated and pseudonymised. kern.nt2_meting, kern.nt2_uren and kern.leerling are built from it.
-- A template: the staged fields (the place in double braces) come from velden.py (sql_velden.py).
CREATE TABLE IF NOT EXISTS staging.nt2_rapportage (
    {{velden}},
    taalaanbieder VARCHAR NOT NULL,
    id_soort VARCHAR NOT NULL,
    bestand VARCHAR NOT NULL,
    bronregel BIGINT NOT NULL
);
