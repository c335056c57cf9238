"""Pseudonymisation of learner identifiers.

A plain hash of a BSN is reversible (there are only about 10^8 valid BSNs, so a table of all
hashes is quickly made). We use HMAC-SHA256 with a secret key (VAKWOORDEN_SLEUTEL) instead:
without the key nobody can link a pseudonym back to a person, and with the same key the same
person gets the same pseudonym in every source, so taalaanbieder and werkplek data join.

The identifier type is part of the message, so a BSN and a V-nummer that happen to share
digits never collide, and a provider's own learner number is scoped to that provider.

Key rotation. The warehouse never holds a raw identifier, so a new key cannot be applied to the
raw identifiers again. Rotation therefore chains: the new pseudonym is the HMAC, with the new key,
of the old pseudonym (``pseudoniem_n = HMAC(sleutel_n, "keten::" + pseudoniem_n-1)``). Newly
arriving identifiers get the same chain: HMAC with the first key, then one step per later key.
A :class:`Sleutelketen` carries those keys; the warehouse keeps the earlier keys encrypted under
the newest one (see :func:`verpak`), so an operator only ever needs the current key, and a leaked
old key alone links nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Sequence

import polars as pl

DEMO_SLEUTEL = "demo-sleutel-alleen-voor-nepgegevens"
PSEUDONIEM_LENGTE = 20  # hex characters = 80 bits; collisions are negligible at millions of learners
ID_SOORTEN = ("bsn", "vnummer", "leerlingnummer")
ID = "__identificatie"  # working column of a cleaned raw identifier; replaced by the pseudonym


MINIMALE_SLEUTELLENGTE = 32
KETEN = "keten"  # the id_soort of a rotation step: HMAC(new key, "keten::" + old pseudonym)
_VINGERAFDRUK_LABEL = b"vakwoorden:vingerafdruk-van-de-sleutel:v1"


class SleutelOntbreekt(RuntimeError):
    """Raised when real data would be processed without a pseudonymisation key."""


class SleutelKloptNiet(RuntimeError):
    """Raised when the key is too short, public, or not the key the warehouse was built with."""


class Sleutelketen(str):
    """The first key (its string value) plus the keys of later rotations, oldest first.

    A ``str``, so every function that takes a key takes a chain; :func:`pseudoniemen` and
    :func:`pseudonimiseer_kolom` apply the whole chain, :func:`hmac_stappen` gives its steps for SQL.
    """

    volgende: tuple[str, ...]

    def __new__(cls, eerste: str, volgende: Sequence[str] = ()) -> Sleutelketen:
        keten = super().__new__(cls, eerste)
        keten.volgende = tuple(volgende)
        return keten

    @property
    def sleutels(self) -> tuple[str, ...]:
        return (str(self), *self.volgende)

    @property
    def huidige(self) -> str:
        return self.sleutels[-1]


def latere_sleutels(sleutel: str) -> tuple[str, ...]:
    return sleutel.volgende if isinstance(sleutel, Sleutelketen) else ()


def vingerafdruk(sleutel: str) -> str:
    """What the warehouse stores to recognise a key: an HMAC of a fixed label (never the key)."""
    return hmac.new(sleutel.encode(), _VINGERAFDRUK_LABEL, "sha256").hexdigest()


def _hmac_eenmaal(sleutel: str, id_soort: str, waarden: Iterable[str], bereik: str) -> dict[str, str]:
    # The HMAC state after key and prefix is computed once and copied per value: the same
    # HMAC-SHA256 as hmac.digest(sleutel, prefix + waarde), at a third of the cost.
    begin = hmac.new(sleutel.encode(), f"{id_soort}:{bereik}:".encode(), "sha256")
    uitkomst = {}
    for waarde in set(waarden):
        h = begin.copy()
        h.update(waarde.encode())
        uitkomst[waarde] = h.hexdigest()[:PSEUDONIEM_LENGTE]
    return uitkomst


def pseudoniemen(sleutel: str, id_soort: str, identificaties: Iterable[str], bereik: str = "") -> dict[str, str]:
    """Pseudonyms for many identifiers at once, computing each distinct value only once.

    With a :class:`Sleutelketen` every later key is applied as a rotation step.
    """
    uitkomst = _hmac_eenmaal(str(sleutel), id_soort, identificaties, bereik)
    for later in latere_sleutels(sleutel):
        stap = _hmac_eenmaal(later, KETEN, uitkomst.values(), "")
        uitkomst = {waarde: stap[p] for waarde, p in uitkomst.items()}
    return uitkomst


def hmac_stappen(sleutel: str, id_soort: str, bereik: str = "") -> list[tuple[bytes, bytes]]:
    """The keyed blocks (see :func:`hmac_blokken`) of every step of the chain, in order.

    Apply them one after another: ``p = left(sha256(buiten || unhex(sha256(binnen || p))), 20)``,
    starting from the raw identifier.
    """
    return [
        _blokken(str(sleutel), id_soort, bereik),
        *(_blokken(later, KETEN, "") for later in latere_sleutels(sleutel)),
    ]


def sleutelfout(sleutel: str) -> str | None:
    """Why a key may not be used (Dutch), or None."""
    if len(sleutel) < MINIMALE_SLEUTELLENGTE:
        return (
            f"De sleutel (VAKWOORDEN_SLEUTEL) is {len(sleutel)} tekens lang; hij moet minstens "
            f"{MINIMALE_SLEUTELLENGTE} tekens hebben, anders is hij te raden. Maak een nieuwe met: "
            "python3 -c 'import secrets; print(secrets.token_hex(32))'"
        )
    if sleutel == DEMO_SLEUTEL:
        return (
            "De demosleutel staat openbaar in de broncode en mag alleen voor de meegeleverde demogegevens "
            "gebruikt worden. Maak een eigen geheime sleutel met: "
            "python3 -c 'import secrets; print(secrets.token_hex(32))'"
        )
    return None


def _stroom(sleutel: str, doel: bytes, lengte: int) -> bytes:
    blokken = (hmac.digest(sleutel.encode(), doel + i.to_bytes(4, "big"), "sha256") for i in range(lengte // 32 + 1))
    return b"".join(blokken)[:lengte]


def verpak(sleutels: Sequence[str], met: str) -> str:
    """Encrypt the earlier keys of a chain under the newest key (HMAC-SHA256 as stream cipher and MAC)."""
    tekst = json.dumps(list(sleutels)).encode()
    nonce = secrets.token_bytes(16)
    geheim = bytes(a ^ b for a, b in zip(tekst, _stroom(met, b"keten-stroom:" + nonce, len(tekst)), strict=True))
    label = hmac.digest(met.encode(), b"keten-label:" + nonce + geheim, "sha256")
    return (nonce + geheim + label).hex()


def pak_uit(verpakt: str, met: str) -> list[str]:
    """The keys :func:`verpak` encrypted; ValueError when ``met`` is not the key they were encrypted under."""
    ruw = bytes.fromhex(verpakt)
    nonce, geheim, label = ruw[:16], ruw[16:-32], ruw[-32:]
    if not hmac.compare_digest(label, hmac.digest(met.encode(), b"keten-label:" + nonce + geheim, "sha256")):
        raise ValueError("de sleutelketen in het warehouse past niet bij deze sleutel")
    tekst = bytes(a ^ b for a, b in zip(geheim, _stroom(met, b"keten-stroom:" + nonce, len(geheim)), strict=True))
    return [str(s) for s in json.loads(tekst)]


def hmac_blokken(sleutel: str, id_soort: str, bereik: str = "") -> tuple[bytes, bytes]:
    """The keyed blocks of the first step; a rotated :class:`Sleutelketen` needs :func:`hmac_stappen`."""
    if latere_sleutels(sleutel):
        raise ValueError("deze sleutel is geroteerd: gebruik hmac_stappen(), die de hele keten toepast")
    return _blokken(sleutel, id_soort, bereik)


def _blokken(sleutel: str, id_soort: str, bereik: str = "") -> tuple[bytes, bytes]:
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
