-- Replace every accepted identifier in the oordeel by its keyed pseudonym: HMAC-SHA256 (RFC 2104)
-- computed from the two keyed blocks privacy.hmac_blokken() gives ($binnen, $buiten), cut to
-- $lengte hex characters. Refused identifiers are blanked: they are never needed again.
UPDATE oordeel
SET tekst = CASE
    WHEN reden IS NULL AND tekst IS NOT NULL
        THEN left(sha256($buiten || unhex(sha256($binnen || encode(tekst)))), $lengte)
    END
WHERE veld = 'id';
