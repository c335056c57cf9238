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
from pipelines.gedeeld.regeltelling import Regelteller, tel_records

# Bytes Windows-1252 does not define; Python's strict decoder refuses them too.
_CP1252_ONGEDEFINIEERD = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_BLOK = 1 << 18  # 256 KiB: measured fastest for the scan with the record count (0.41 s at 269 MB)
MAX_KOPREGEL = 64 * 1024  # a header line longer than this is not a header line
_WITRUIMTE = np.frombuffer(b" \t\r\n\x0b\x0c", dtype=np.uint8)


@dataclass(frozen=True)
class Leesbron:
    """What DuckDB's CSV reader gets: the file itself or a decoded copy in memory."""

    bron: str | io.BytesIO
    codering: str  # 'utf-8' or 'latin-1', the two DuckDB reads natively
    kopregel: str  # the first line, decoded
    records: int | None = None  # counted on the bytes DuckDB gets, header included
    open_aanhalingsteken: bool = False  # those bytes end inside a quoted field


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
    bom: str | None = None  # 'utf-8', 'utf-16-le' or 'utf-16-be': the file says so itself
    cr_los: bool = False  # a CR not followed by LF: a line end of an old Mac (or of a mixed file)
    nul: int = 0  # NUL bytes: text in UTF-16 without a BOM, or not text at all
    records: int | None = None  # records counted on the bytes (see regeltelling.py), header included
    open_aanhalingsteken: bool = False  # the file ends inside a quoted field

    def noteer(self, blok: bytearray, lengte: int, staart: int, positie: int) -> None:
        """Take in one block: ``blok[staart:lengte]`` (new bytes, starting at ``positie`` in the
        file) preceded by the last ``staart`` bytes of the block before, as a blank line or a UTF-8
        pair may straddle the two. A finding, once made, is not looked for again."""
        stuk = np.frombuffer(blok, dtype=np.uint8, count=lengte)
        nieuw = stuk[staart:]
        if positie == 0:
            begin = bytes(nieuw[:3])
            if begin.startswith(codecs.BOM_UTF8):
                self.bom = "utf-8"
            elif begin.startswith(codecs.BOM_UTF16_LE):
                self.bom = "utf-16-le"
            elif begin.startswith(codecs.BOM_UTF16_BE):
                self.bom = "utf-16-be"
        if self.leeg and not np.isin(nieuw, _WITRUIMTE).all():
            self.leeg = False
        if self.ascii and nieuw.size and nieuw.max() >= 0x80:
            self.ascii = False
        if blok.find(b"\x00", staart, lengte) >= 0:
            self.nul += int(np.count_nonzero(nieuw == 0))
        if not self.cr_los and blok.find(b"\r", 0, lengte) >= 0:
            cr = np.flatnonzero(stuk[:-1] == 0x0D)
            self.cr_los = bool((stuk[cr + 1] != 0x0A).any())
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


def kenmerken(pad: Path, blok: int = _BLOK, scheidingsteken: str | None = None) -> Kenmerken:
    """Read ``pad`` once, in blocks of 256 KiB, and note what the checks need; with
    ``scheidingsteken``, also count the records (see regeltelling.py).

    Each block is checked while it is in the CPU cache, so a few hundred megabytes take a fraction
    of a second, and the file is never copied into memory whole. A file that is rewritten while it
    is read gives a wrong answer at worst (then its sha256 differs and it is read again next run),
    never a crash, as a memory-mapped file that shrinks would.
    """
    gevonden = Kenmerken()
    teller = Regelteller(ord(scheidingsteken)) if scheidingsteken else None
    buffer = bytearray(blok + 2)
    staart = 0  # bytes kept from the block before, in front of the buffer
    positie = 0
    with pad.open("rb", buffering=0) as bestand:
        while gelezen := bestand.readinto(memoryview(buffer)[staart:]):
            lengte = staart + gelezen
            gevonden.noteer(buffer, lengte, staart, positie)
            if teller is not None:
                teller.voed(np.frombuffer(buffer, dtype=np.uint8, count=lengte)[staart:])
            positie += gelezen
            nieuwe_staart = min(2, lengte)
            buffer[:nieuwe_staart] = buffer[lengte - nieuwe_staart : lengte]
            staart = nieuwe_staart
    if positie and buffer[staart - 1] == 0x0D:
        gevonden.cr_los = True  # the file ends in a bare CR
    if teller is not None:
        teller.sluit()
        gevonden.records = teller.records
        gevonden.open_aanhalingsteken = teller.binnen_aanhalingstekens
    return gevonden


def _eerste_regel(pad: Path) -> bytes:
    """The header line's bytes, read no further than MAX_KOPREGEL (a file without any line end
    must not be read whole into one line)."""
    with pad.open("rb") as bestand:
        begin = bestand.read(MAX_KOPREGEL + 1)
    einde = len(begin)
    for teken in (b"\n", b"\r"):
        gevonden = begin.find(teken)
        if gevonden >= 0:
            einde = min(einde, gevonden)
    if einde > MAX_KOPREGEL:
        raise _kopregel_te_lang(pad)
    return begin[:einde]


def _kopregel_te_lang(pad: Path) -> OnleesbaarBestand:
    return OnleesbaarBestand(
        pad,
        f"de eerste regel (de kopregel) is langer dan {MAX_KOPREGEL // 1024} kB, of het bestand heeft geen "
        "regeleinden. Sla de export opnieuw op als CSV, met een kopregel met kolomnamen.",
    )


def kopnamen(kopregel: str, scheidingsteken: str) -> list[str]:
    """The column names in the header line, without surrounding spaces."""
    try:
        velden = next(csv.reader([kopregel.lstrip("\ufeff")], delimiter=scheidingsteken), [])
    except csv.Error:  # e.g. a quote left open: read the names without quoting rules
        velden = kopregel.lstrip("\ufeff").split(scheidingsteken)
    return [k.strip().strip('"').strip() for k in velden]


def _zonder_nul(pad: Path, k: Kenmerken, grootte: int) -> None:
    if k.nul and k.bom not in ("utf-16-le", "utf-16-be"):
        if k.nul * 4 >= grootte:
            raise OnleesbaarBestand(
                pad,
                "het bestand lijkt UTF-16 zonder BOM of is geen tekstbestand (veel NUL-bytes). "
                "Sla het in Excel op als 'CSV UTF-8' of als 'Unicode-tekst' (UTF-16 met BOM).",
            )


def _uit_tekst(pad: Path, tekst: str, scheidingsteken: str) -> Leesbron:
    """A decoded file for DuckDB: one kind of line end (LF), blank lines kept as empty rows, and
    its records counted on the very bytes DuckDB gets."""
    tekst = tekst.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    kopregel = tekst.split("\n", 1)[0]
    if len(kopregel) > MAX_KOPREGEL:
        raise _kopregel_te_lang(pad)
    if "\n\n" in tekst:
        tekst = _zonder_lege_regels(tekst, scheidingsteken, len(kopnamen(kopregel, scheidingsteken)))
    data = tekst.encode("utf-8")
    teller = tel_records(data, scheidingsteken)
    return Leesbron(io.BytesIO(data), "utf-8", kopregel, teller.records, teller.binnen_aanhalingstekens)


def _decodeer(pad: Path, codec: str) -> str:
    try:
        return pad.read_bytes().decode(codec)
    except UnicodeDecodeError as fout:
        raise _ongeldige_byte(pad, codec, fout.start) from fout


def leesbron(pad: Path, k: Kenmerken, codering: str, scheidingsteken: str) -> Leesbron:
    """Check ``pad``, of which :func:`kenmerken` found ``k`` (with records counted), against the
    mapping's encoding and say how DuckDB reads it.

    A byte order mark is certain, so it decides over the mapping: UTF-8 with BOM is read as UTF-8
    and UTF-16 with BOM (what Excel writes as "Unicode-tekst") is decoded here. CR-only and mixed
    line ends are rewritten to LF; row numbers stay the lines a spreadsheet shows.
    """
    _zonder_nul(pad, k, pad.stat().st_size)
    if k.bom in ("utf-16-le", "utf-16-be"):
        return _uit_tekst(pad, _decodeer(pad, "utf-16"), scheidingsteken)
    codec = codecs.lookup("utf-8") if k.bom == "utf-8" else _codec(pad, codering)
    herschrijven = k.lege_regels or k.cr_los
    if k.ascii:
        # Plain ASCII is valid in every supported encoding: nothing to decode or check.
        if not herschrijven:
            return _direct(pad, "utf-8", "ascii", k)
        return _uit_tekst(pad, pad.read_bytes().decode("ascii"), scheidingsteken)
    if codec.name == "utf-8":
        if not herschrijven:
            _decodeer(pad, "utf-8-sig")  # DuckDB would refuse a bad byte with a message quoting the line
            return _direct(pad, "utf-8", "utf-8-sig", k)
        return _uit_tekst(pad, _decodeer(pad, "utf-8-sig"), scheidingsteken)
    if codec.name == "cp1252" and k.cp1252_ongeldig is not None:
        raise _ongeldige_byte(pad, codec.name, k.cp1252_ongeldig)
    if k.utf8_achtig:
        raise OnleesbaarBestand(
            pad,
            f"het bestand lijkt UTF-8 te zijn, maar de mapping zegt {codec.name} (tekens als 'Ã«'). "
            "Zet codering = \"utf-8\" in de mapping, of lever het bestand aan in de afgesproken codering.",
        )
    latin1 = codec.name == "iso8859-1" or (codec.name == "cp1252" and not k.c1)
    if latin1 and not herschrijven:
        return _direct(pad, "latin-1", codec.name, k)
    return _uit_tekst(pad, _decodeer(pad, codec.name), scheidingsteken)


def _direct(pad: Path, duckdb_codering: str, codec: str, k: Kenmerken) -> Leesbron:
    """DuckDB reads the file itself; the header is decoded here, the records were counted by the scan."""
    kopregel = _eerste_regel(pad).decode(codec, errors="replace").lstrip("\ufeff")
    return Leesbron(str(pad), duckdb_codering, kopregel, k.records, k.open_aanhalingsteken)
