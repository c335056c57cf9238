-- Warehouse layout. Run on every start; only creates what is missing.
--   staging : rows as they arrived, per source file, already validated and pseudonymised
--   controle: the bookkeeping of every load: files, quarantine, normalisations
--   kern    : clean, de-duplicated tables promoted from staging after the checks passed
--   mart    : answers for jobcoaches and data teams, built from kern
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS controle;
CREATE SCHEMA IF NOT EXISTS kern;
CREATE SCHEMA IF NOT EXISTS mart;

CREATE TABLE IF NOT EXISTS controle.ingelezen_bestand (
    bestand          VARCHAR PRIMARY KEY,  -- path relative to the landing folder
    bron             VARCHAR NOT NULL,     -- 'taalaanbieder' or 'werkplek'
    taalaanbieder    VARCHAR,
    sha256           VARCHAR NOT NULL,
    rijen_gelezen    BIGINT NOT NULL,
    rijen_geladen    BIGINT NOT NULL,
    rijen_quarantaine BIGINT NOT NULL,
    geladen_op       TIMESTAMP NOT NULL,
    grootte_bytes    BIGINT,               -- size and modification time when loaded: a file
    gewijzigd_ns     BIGINT                -- with both unchanged is not read again
);
-- Warehouses from before these two columns get them; their files are hashed once more.
ALTER TABLE controle.ingelezen_bestand ADD COLUMN IF NOT EXISTS grootte_bytes BIGINT;
ALTER TABLE controle.ingelezen_bestand ADD COLUMN IF NOT EXISTS gewijzigd_ns BIGINT;

CREATE TABLE IF NOT EXISTS controle.quarantaine (
    bestand VARCHAR NOT NULL,
    regel   BIGINT NOT NULL,
    reden   VARCHAR NOT NULL,
    PRIMARY KEY (bestand, regel)
);

CREATE TABLE IF NOT EXISTS controle.normalisatie (
    bestand        VARCHAR NOT NULL,
    kolom          VARCHAR NOT NULL,
    origineel      VARCHAR NOT NULL,
    genormaliseerd VARCHAR NOT NULL,
    aantal         BIGINT NOT NULL,
    eerste_regel   BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS staging.taalaanbieder (
    taalaanbieder     VARCHAR PRIMARY KEY,
    naam              VARCHAR NOT NULL,
    instellingsnummer VARCHAR,
    formaat           VARCHAR NOT NULL
);

-- Warehouses from before version 2 staged taalaanbieder rows in three tables (nt2_meting,
-- nt2_uren, leerling). Drop them and forget those loads, so the next run loads every taalaanbieder
-- file again into staging.nt2_rapportage. Nothing is lost: the exports are still in the landing folder.
DELETE FROM controle.ingelezen_bestand
WHERE bron = 'taalaanbieder'
    AND EXISTS (SELECT 1 FROM duckdb_tables() WHERE schema_name = 'staging' AND table_name = 'nt2_meting');
DROP TABLE IF EXISTS staging.nt2_meting;
DROP TABLE IF EXISTS staging.nt2_uren;
DROP TABLE IF EXISTS staging.leerling;

-- staging.nt2_rapportage (one row per accepted row of a taalaanbieder export) is declared by its
-- source: pipelines/taalaanbieders/velden.py, created with this schema (resources.maak_schema).

CREATE TABLE IF NOT EXISTS staging.werkplek (
    werkplek     VARCHAR NOT NULL,
    werkgever    VARCHAR NOT NULL,
    sector       VARCHAR NOT NULL,
    functie      VARCHAR NOT NULL,
    vca_vereist  BOOLEAN NOT NULL,
    bestand      VARCHAR NOT NULL,
    bronregel    BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS staging.werkplek_niveau_eis (
    werkplek       VARCHAR NOT NULL,
    vaardigheid    VARCHAR NOT NULL,
    vereist_niveau VARCHAR NOT NULL,
    bestand        VARCHAR NOT NULL,
    bronregel      BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS staging.werkplek_vakwoord (
    werkplek  VARCHAR NOT NULL,
    sector    VARCHAR NOT NULL,
    woord     VARCHAR NOT NULL,
    bestand   VARCHAR NOT NULL,
    bronregel BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS staging.plaatsing (
    leerling    VARCHAR NOT NULL,
    werkplek    VARCHAR NOT NULL,
    soort       VARCHAR NOT NULL,
    startdatum  DATE NOT NULL,
    einddatum   DATE,
    bestand     VARCHAR NOT NULL,
    bronregel   BIGINT NOT NULL
);

-- A file that could not be read at all. Nothing of it is loaded; this is only the notice.
CREATE TABLE IF NOT EXISTS controle.geweigerd_bestand (
    bestand      VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    reden        VARCHAR NOT NULL,
    geweigerd_op TIMESTAMP NOT NULL,
    bron         VARCHAR,              -- the source's name (pipelines/bronnen.py)
    PRIMARY KEY (bestand, sha256)
);
ALTER TABLE controle.geweigerd_bestand ADD COLUMN IF NOT EXISTS bron VARCHAR;

-- The ERK scale as numbers, so levels can be compared and differences counted; filled from
-- vakwoorden/domein.py by warehouse/erk_niveau.sql (resources.maak_schema).
CREATE TABLE IF NOT EXISTS kern.erk_niveau (niveau VARCHAR PRIMARY KEY, rang INTEGER NOT NULL);

-- Vaktaal mastery per learner and vakwoord from one Anki source (a learner's synced collection or a
-- .colpkg backup), computed with FSRS when the source was read. kern.vakwoord_beheersing keeps one row
-- per learner and word and computes the recall probability for the day it is built.
CREATE TABLE IF NOT EXISTS staging.anki_beheersing (
    leerling           VARCHAR NOT NULL,   -- the same HMAC pseudonym as in the other sources
    sector             VARCHAR NOT NULL,
    woord              VARCHAR NOT NULL,
    herhalingen        BIGINT NOT NULL,    -- answers on any of the word's cards
    laatste_herhaling  TIMESTAMP NOT NULL, -- UTC
    stabiliteit_dagen  DOUBLE NOT NULL,    -- FSRS stability of the word's weakest reviewed card
    verval             DOUBLE NOT NULL,    -- FSRS decay of that card's forgetting curve
    zwakste_herhaling  TIMESTAMP NOT NULL, -- UTC, last answer on that card
    methode            VARCHAR NOT NULL,   -- 'anki' (Anki's stored memory state) or 'fsrs' (from revlog)
    bron               VARCHAR NOT NULL,   -- 'sync' or 'export'
    bestand            VARCHAR NOT NULL
);

-- Tables of the werkplek-text source (pipelines/werkplekteksten). Only terms and counts: the texts
-- themselves (which may name a contact person) are never stored.
CREATE TABLE IF NOT EXISTS staging.werkplek_tekst_vakwoord (
    werkplek VARCHAR NOT NULL,  -- the folder <landing>/werkplekken/teksten/<werkplek>/
    sector   VARCHAR NOT NULL,  -- the werkplek's sector: its list was searched
    woord    VARCHAR NOT NULL,  -- headword of the sector list
    aantal   BIGINT NOT NULL,   -- occurrences in this file, in any form
    bestand  VARCHAR NOT NULL   -- the text file, relative to the landing folder
);
CREATE TABLE IF NOT EXISTS staging.werkplek_termsuggestie (
    werkplek            VARCHAR NOT NULL,
    term                VARCHAR NOT NULL,  -- a noun in no sector list (lemma, lower case)
    aantal              BIGINT NOT NULL,
    algemene_frequentie DOUBLE NOT NULL,   -- wordfreq's Zipf value in general Dutch (0 = rare, 7 = 'de')
    bestand             VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS controle.werkplektekst_lijstversie (
    sleutel INTEGER PRIMARY KEY,
    versie  VARCHAR NOT NULL  -- hash of the word lists and the matcher the texts were analysed with
);
