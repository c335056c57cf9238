"""Pseudonymisation of learner identifiers.

A plain hash of a BSN is reversible (there are only about 10^8 valid BSNs, so a table of all
hashes is quickly made). We use HMAC-SHA256 with a secret key (VAKWOORDEN_SLEUTEL) instead:
without the key nobody can link a pseudonym back to a person, and with the same key the same
person gets the same pseudonym in every source, so taalaanbieder and werkplek data join.

The identifier type is part of the message, so a BSN and a V-nummer that happen to share
digits never collide, and a provider's own learner number is scoped to that provider.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

import polars as pl

DEMO_SLEUTEL = "demo-sleutel-alleen-voor-nepgegevens"
PSEUDONIEM_LENGTE = 20  # hex characters = 80 bits; collisions are negligible at millions of learners
ID_SOORTEN = ("bsn", "vnummer", "leerlingnummer")
ID = "__identificatie"  # working column of a cleaned raw identifier; replaced by the pseudonym


class SleutelOntbreekt(RuntimeError):
    """Raised when real data would be processed without a pseudonymisation key."""


def pseudoniemen(sleutel: str, id_soort: str, identificaties: Iterable[str], bereik: str = "") -> dict[str, str]:
    """Pseudonyms for many identifiers at once, computing each distinct value only once."""
    # The HMAC state after key and prefix is computed once and copied per value: the same
    # HMAC-SHA256 as hmac.digest(sleutel, prefix + waarde), at a third of the cost.
    begin = hmac.new(sleutel.encode(), f"{id_soort}:{bereik}:".encode(), "sha256")
    uitkomst = {}
    for waarde in set(identificaties):
        h = begin.copy()
        h.update(waarde.encode())
        uitkomst[waarde] = h.hexdigest()[:PSEUDONIEM_LENGTE]
    return uitkomst


def hmac_blokken(sleutel: str, id_soort: str, bereik: str = "") -> tuple[bytes, bytes]:
    """The two keyed blocks of HMAC-SHA256 (RFC 2104), for computing pseudonyms inside DuckDB.

    HMAC(K, m) = SHA256((K ^ opad) || SHA256((K ^ ipad) || m)). Returns ((K ^ ipad) || prefix,
    K ^ opad), where prefix is what :func:`pseudoniemen` puts before every identifier, so
    ``sha256(buiten || unhex(sha256(binnen || waarde)))`` equals :func:`pseudoniemen`'s result.
    """
    sleutel_bytes = sleutel.encode()
    if len(sleutel_bytes) > 64:  # SHA-256's block size; longer keys are hashed first
        sleutel_bytes = hashlib.sha256(sleutel_bytes).digest()
    blok = sleutel_bytes.ljust(64, b"\0")
    binnen = bytes(b ^ 0x36 for b in blok) + f"{id_soort}:{bereik}:".encode()
    return binnen, bytes(b ^ 0x5C for b in blok)


def pseudonimiseer_kolom(
    frame: pl.DataFrame, kolom: str, sleutel: str, id_soort: str, bereik: str = "", doel: str = "leerling"
) -> pl.DataFrame:
    """Replace ``kolom`` (raw identifiers) by the pseudonym column ``doel``; nulls stay null."""
    uniek = frame.get_column(kolom).drop_nulls().unique().to_list()
    tabel = pseudoniemen(sleutel, id_soort, uniek, bereik)
    koppel = pl.DataFrame(
        {kolom: list(tabel.keys()), doel: list(tabel.values())},
        schema={kolom: pl.String, doel: pl.String},
    )
    return frame.join(koppel, on=kolom, how="left").drop(kolom)


ONGELDIG_BSN = "ongeldig BSN (11-proef)"
ONGELDIG_VNUMMER = "ongeldig V-nummer (verwacht 10 cijfers)"


def schoon_nummer(kolom: pl.Expr, is_bsn: pl.Expr | bool) -> pl.Expr:
    """An identifier without spaces, dots and dashes (null when empty).

    Spreadsheets drop the leading zero of a BSN, so an 8-digit BSN gets it back. Compute this
    once into a column: the 11-proef reads it nine times.
    """
    ruw = kolom.cast(pl.String).str.replace_all(r"[\s.\-]", "")
    ruw = pl.when(ruw == "").then(None).otherwise(ruw)
    bsn = is_bsn if isinstance(is_bsn, pl.Expr) else pl.lit(is_bsn)
    return pl.when(bsn & ruw.str.contains(r"^\d{8}$")).then(pl.lit("0") + ruw).otherwise(ruw)


def is_vnummer(expressie: pl.Expr) -> pl.Expr:
    return expressie.str.contains(r"^\d{10}$")


def bsn_elfproef(expressie: pl.Expr) -> pl.Expr:
    """True when a 9-digit string passes the 11-proef (weights 9..2, and -1 on the last digit)."""
    gewichten = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    som = pl.lit(0, dtype=pl.Int64)
    for positie, gewicht in enumerate(gewichten):
        som = som + expressie.str.slice(positie, 1).cast(pl.Int64, strict=False) * gewicht
    return expressie.str.contains(r"^\d{9}$") & (som % 11 == 0) & (som != 0)
