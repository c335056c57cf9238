-- The example source's staging table: one row per accepted row of an eisen*.csv.
CREATE TABLE IF NOT EXISTS staging.werkplek_extra_eis (
    werkplek  VARCHAR NOT NULL,
    eis       VARCHAR NOT NULL,
    bestand   VARCHAR NOT NULL,
    bronregel BIGINT NOT NULL
);
