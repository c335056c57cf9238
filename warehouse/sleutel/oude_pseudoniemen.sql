-- Collects every pseudonym in the warehouse before a rotation (filled column by column).
CREATE OR REPLACE TEMP TABLE oude_pseudoniemen (oud VARCHAR);
