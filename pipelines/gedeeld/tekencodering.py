"""Checking a file's character encoding before DuckDB reads it, without slowing big files down.

Exports come in UTF-8 (with or without BOM) or Windows-1252. A file in the wrong encoding is
refused whole: reading it anyway would put garbled text in the warehouse. The checks work on
the raw bytes with NumPy, because decoding hundreds of megabytes in Python costs seconds.

DuckDB reads UTF-8 and Latin-1 itself. Windows-1252 equals Latin-1 except for the bytes
0x80-0x9F ('€', curly quotes), which DuckDB's Latin-1 reader refuses, so a Windows-1252 file
without those bytes is handed to DuckDB as Latin-1 directly; any other file is decoded here
once and handed over as UTF-8.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipelines.gedeeld.fouten import OnleesbaarBestand

# Bytes Windows-1252 does not define; Python's strict decoder refuses them too.
_CP1252_ONGEDEFINIEERD = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_BLOK = 1 << 16
_WITRUIMTE = np.frombuffer(b" \t\r\n\x0b\x0c", dtype=np.uint8)


@dataclass(frozen=True)
class Leesbron:
    """What DuckDB's CSV reader gets: the file itself or a decoded copy in memory."""

    bron: str | io.BytesIO
    codering: str  # 'utf-8' or 'latin-1', the two DuckDB reads natively
    kopregel: str  # the first line, decoded


def _codec(pad: Path, codering: str) -> codecs.CodecInfo:
    try:
        return codecs.lookup(codering)
    except LookupError as fout:
        raise OnleesbaarBestand(pad, f"onbekende tekencodering '{codering}' in de mapping.") from fout


def _ongeldige_byte(pad: Path, codec: str, positie: int) -> OnleesbaarBestand:
    return OnleesbaarBestand(
        pad,
        f"het bestand is niet te lezen als {codec} (ongeldige byte op positie {positie}). "
        f"Sla het op als {codec}, of zet de juiste 'codering' in de mapping.",
    )


def _zonder_lege_regels(tekst: str, scheidingsteken: str, kolommen: int) -> str:
    """Blank lines become rows of empty fields, so they keep their line number (and are then dropped)."""
    lege_rij = scheidingsteken * (kolommen - 1)
    tekst = tekst.replace("\r\n", "\n")  # one kind of line end, as DuckDB's strict parser wants
    return re.sub(r"(?m)^$", lege_rij, tekst.rstrip("\n")) + "\n"


@dataclass
class Kenmerken:
    """What the encoding checks need to know about a file's bytes, found in one pass."""

    leeg: bool = True  # nothing but spaces and line ends
    ascii: bool = True
    lege_regels: bool = False  # a blank line: two line ends in a row (LF LF, or LF CR LF)
    c1: bool = False  # a byte in 0x80-0x9F, where Windows-1252 differs from Latin-1
    cp1252_ongeldig: int | None = None  # position of the first byte Windows-1252 does not define
    utf8_achtig: bool = False  # UTF-8's 'ë' (C3 AB) read as Windows-1252 shows as 'Ã«'

    def noteer(self, blok: bytearray, lengte: int, staart: int, positie: int) -> None:
        """Take in one block: ``blok[staart:lengte]`` (new bytes, starting at ``positie`` in the
        file) preceded by the last ``staart`` bytes of the block before, as a blank line or a UTF-8
        pair may straddle the two. A finding, once made, is not looked for again."""
        stuk = np.frombuffer(blok, dtype=np.uint8, count=lengte)
        nieuw = stuk[staart:]
        if self.leeg and not np.isin(nieuw, _WITRUIMTE).all():
            self.leeg = False
        if self.ascii and nieuw.size and nieuw.max() >= 0x80:
            self.ascii = False
        if not self.lege_regels:
            lf = stuk == 0x0A
            om_een = lf[2:] & lf[:-2]  # LF x LF: a one-character line, blank only when x is CR (rare)
            self.lege_regels = bool((lf[1:] & lf[:-1]).any()) or (
                bool(om_een.any()) and bool((om_een & (stuk[1:-1] == 0x0D)).any())
            )
        if self.cp1252_ongeldig is None:
            c1 = (nieuw & 0xE0) == 0x80
            if c1.any():
                self.c1 = True
                posities = np.flatnonzero(c1)
                ongeldig = posities[np.isin(nieuw[posities], _CP1252_ONGEDEFINIEERD)]
                if ongeldig.size:
                    self.cp1252_ongeldig = positie + int(ongeldig[0])
        # memchr first: C2 and C3 are rare in Windows-1252 text, so the pair check seldom runs.
        if not self.utf8_achtig and (blok.find(b"\xc3", 0, lengte) >= 0 or blok.find(b"\xc2", 0, lengte) >= 0):
            lead = np.flatnonzero((stuk[:-1] & 0xFE) == 0xC2)
            self.utf8_achtig = bool(lead.size) and bool(((stuk[lead + 1] & 0xC0) == 0x80).any())


def kenmerken(pad: Path, blok: int = _BLOK) -> Kenmerken:
    """Read ``pad`` once, in blocks of 64 KiB, and note what the checks need.

    Each block is checked while it is in the CPU cache, so a few hundred megabytes take a fraction
    of a second, and the file is never copied into memory whole. A file that is rewritten while it
    is read gives a wrong answer at worst (then its sha256 differs and it is read again next run),
    never a crash, as a memory-mapped file that shrinks would.
    """
    gevonden = Kenmerken()
    buffer = bytearray(blok + 2)
    staart = 0  # bytes kept from the block before, in front of the buffer
    positie = 0
    with pad.open("rb", buffering=0) as bestand:
        while gelezen := bestand.readinto(memoryview(buffer)[staart:]):
            lengte = staart + gelezen
            gevonden.noteer(buffer, lengte, staart, positie)
            positie += gelezen
            nieuwe_staart = min(2, lengte)
            buffer[:nieuwe_staart] = buffer[lengte - nieuwe_staart : lengte]
            staart = nieuwe_staart
    return gevonden


def _eerste_regel(pad: Path) -> bytes:
    with pad.open("rb") as bestand:
        return bestand.readline().rstrip(b"\n")


def kopnamen(kopregel: str, scheidingsteken: str) -> list[str]:
    """The column names in the header line, without surrounding spaces."""
    return [k.strip() for k in next(csv.reader([kopregel.lstrip("\ufeff")], delimiter=scheidingsteken), [])]


def leesbron(pad: Path, k: Kenmerken, codering: str, scheidingsteken: str) -> Leesbron:
    """Check ``pad``, of which :func:`kenmerken` found ``k``, against the mapping's encoding and say
    how DuckDB reads it."""
    codec = _codec(pad, codering)
    eerste_regel = _eerste_regel(pad)
    if k.ascii:
        # Plain ASCII is valid in every supported encoding: nothing to decode or check.
        kopregel = eerste_regel.decode("ascii")
        if not k.lege_regels:
            return Leesbron(str(pad), "utf-8", kopregel)
        tekst = pad.read_bytes().decode("ascii")
    elif codec.name == "utf-8":
        try:
            tekst = pad.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as fout:
            raise _ongeldige_byte(pad, codec.name, fout.start) from fout
        kopregel = tekst.split("\n", 1)[0]
        if not k.lege_regels:
            return Leesbron(str(pad), "utf-8", kopregel)
    else:
        if codec.name == "cp1252" and k.cp1252_ongeldig is not None:
            raise _ongeldige_byte(pad, codec.name, k.cp1252_ongeldig)
        if k.utf8_achtig:
            raise OnleesbaarBestand(
                pad,
                f"het bestand lijkt UTF-8 te zijn, maar de mapping zegt {codec.name} (tekens als 'Ã«'). "
                "Zet codering = \"utf-8\" in de mapping, of lever het bestand aan in de afgesproken codering.",
            )
        kopregel = eerste_regel.decode(codec.name, errors="replace")
        latin1 = codec.name == "iso8859-1" or (codec.name == "cp1252" and not k.c1)
        if latin1 and not k.lege_regels:
            return Leesbron(str(pad), "latin-1", kopregel)
        try:
            tekst = pad.read_bytes().decode(codec.name)
        except UnicodeDecodeError as fout:
            raise _ongeldige_byte(pad, codec.name, fout.start) from fout
    if k.lege_regels:
        tekst = _zonder_lege_regels(tekst, scheidingsteken, len(kopnamen(kopregel, scheidingsteken)))
    return Leesbron(io.BytesIO(tekst.encode("utf-8")), "utf-8", kopregel.lstrip("\ufeff"))
