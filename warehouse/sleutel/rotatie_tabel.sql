-- The rotation step for every distinct pseudonym in temp.oude_pseudoniemen(oud): the HMAC-SHA256
-- (RFC 2104, keyed blocks $binnen and $buiten from privacy.hmac_blokken with soort 'keten') of the
-- old pseudonym, cut to $lengte hex characters.
CREATE OR REPLACE TEMP TABLE rotatie AS
SELECT oud, left(sha256($buiten || unhex(sha256($binnen || encode(oud)))), $lengte) AS nieuw
FROM (SELECT DISTINCT oud FROM temp.oude_pseudoniemen WHERE oud IS NOT NULL);
