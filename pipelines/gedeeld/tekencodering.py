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
import mmap
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipelines.gedeeld.fouten import OnleesbaarBestand

# Bytes Windows-1252 does not define; Python's strict decoder refuses them too.
_CP1252_ONGEDEFINIEERD = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_BLOK = 1 << 16


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


def _lijkt_utf8(ruw: bytes | mmap.mmap, bytes_: np.ndarray) -> bool:
    """UTF-8's 'ë' (C3 AB) read as Windows-1252 shows as 'Ã«': a lead byte C2/C3 and a continuation byte."""
    if ruw.find(b"\xc3") < 0 and ruw.find(b"\xc2") < 0:  # memchr: the usual case costs almost nothing
        return False
    kandidaten = np.flatnonzero((bytes_[:-1] & 0xFE) == 0xC2)
    return bool(kandidaten.size) and bool(((bytes_[kandidaten + 1] & 0xC0) == 0x80).any())


def _zonder_lege_regels(tekst: str, scheidingsteken: str, kolommen: int) -> str:
    """Blank lines become rows of empty fields, so they keep their line number (and are then dropped)."""
    lege_rij = scheidingsteken * (kolommen - 1)
    tekst = tekst.replace("\r\n", "\n")  # one kind of line end, as DuckDB's strict parser wants
    return re.sub(r"(?m)^$", lege_rij, tekst.rstrip("\n")) + "\n"


def _stukken(bytes_: np.ndarray, overlap: int = 0) -> Iterator[np.ndarray]:
    """The bytes in blocks of 64 KiB: NumPy's temporary arrays then stay in the CPU cache, which
    makes a scan of a few hundred megabytes several times faster than one pass over the whole."""
    for begin in range(0, bytes_.size, _BLOK):
        yield bytes_[max(begin - overlap, 0) : begin + _BLOK]


def _heeft_c1(bytes_: np.ndarray) -> bool:
    """True when a byte lies in 0x80-0x9F, where Windows-1252 differs from Latin-1."""
    return any(bool(((stuk & 0xE0) == 0x80).any()) for stuk in _stukken(bytes_))


def _heeft_lege_regels(bytes_: np.ndarray) -> bool:
    """True when a line is empty: two line ends in a row (LF LF, or LF CR LF)."""
    for stuk in _stukken(bytes_, overlap=2):
        lf = stuk == 0x0A
        if (lf[1:] & lf[:-1]).any():
            return True
        om_een = lf[2:] & lf[:-2]  # LF x LF: a one-character line, blank only when x is CR (rare)
        if om_een.any() and (om_een & (stuk[1:-1] == 0x0D)).any():
            return True
    return False


def _is_ascii(bytes_: np.ndarray) -> bool:
    """True when no byte is above 0x7F; stops at the first block that has one."""
    return not any(bool((stuk & 0x80).any()) for stuk in _stukken(bytes_))


def inhoud(pad: Path) -> bytes | mmap.mmap:
    """The file's bytes, mapped into memory rather than copied (a few hundred megabytes cost a
    noticeable fraction of a second to copy). The mapping goes when the last reference goes."""
    with pad.open("rb") as bestand:
        if pad.stat().st_size == 0:
            return b""  # an empty file cannot be mapped
        return mmap.mmap(bestand.fileno(), 0, access=mmap.ACCESS_READ)


def kopnamen(kopregel: str, scheidingsteken: str) -> list[str]:
    """The column names in the header line, without surrounding spaces."""
    return [k.strip() for k in next(csv.reader([kopregel.lstrip("\ufeff")], delimiter=scheidingsteken), [])]


def leesbron(pad: Path, ruw: bytes | mmap.mmap, codering: str, scheidingsteken: str) -> Leesbron:
    """Check ``ruw`` (the file's bytes, see :func:`inhoud`) against the mapping's encoding and say
    how DuckDB reads it."""
    codec = _codec(pad, codering)
    bytes_ = np.frombuffer(ruw, dtype=np.uint8)
    lege_regels = _heeft_lege_regels(bytes_)
    einde = ruw.find(b"\n")
    eerste_regel = ruw[:] if einde < 0 else ruw[:einde]
    if _is_ascii(bytes_):
        # Plain ASCII is valid in every supported encoding: nothing to decode or check.
        kopregel = eerste_regel.decode("ascii")
        if not lege_regels:
            return Leesbron(str(pad), "utf-8", kopregel)
        tekst = str(ruw, "ascii")
    elif codec.name == "utf-8":
        try:
            tekst = str(ruw, "utf-8-sig")
        except UnicodeDecodeError as fout:
            raise _ongeldige_byte(pad, codec.name, fout.start) from fout
        kopregel = tekst.split("\n", 1)[0]
        if not lege_regels:
            return Leesbron(str(pad), "utf-8", kopregel)
    else:
        # Bytes 0x80-0x9F: where Windows-1252 differs from Latin-1, and where its undefined bytes are.
        c1 = _heeft_c1(bytes_)
        if c1 and codec.name == "cp1252":
            fout_posities = np.flatnonzero(np.isin(bytes_, _CP1252_ONGEDEFINIEERD))
            if fout_posities.size:
                raise _ongeldige_byte(pad, codec.name, int(fout_posities[0]))
        if _lijkt_utf8(ruw, bytes_):
            raise OnleesbaarBestand(
                pad,
                f"het bestand lijkt UTF-8 te zijn, maar de mapping zegt {codec.name} (tekens als 'Ã«'). "
                "Zet codering = \"utf-8\" in de mapping, of lever het bestand aan in de afgesproken codering.",
            )
        kopregel = eerste_regel.decode(codec.name, errors="replace")
        latin1 = codec.name == "iso8859-1" or (codec.name == "cp1252" and not c1)
        if latin1 and not lege_regels:
            return Leesbron(str(pad), "latin-1", kopregel)
        try:
            tekst = str(ruw, codec.name)
        except UnicodeDecodeError as fout:
            raise _ongeldige_byte(pad, codec.name, fout.start) from fout
    if lege_regels:
        tekst = _zonder_lege_regels(tekst, scheidingsteken, len(kopnamen(kopregel, scheidingsteken)))
    return Leesbron(io.BytesIO(tekst.encode("utf-8")), "utf-8", kopregel.lstrip("\ufeff"))
