"""A small zip writer for Anki packages (.apkg), with each media file read and checksummed once.

An .apkg is a zip: ``collection.anki2`` (compressed), ``media`` (a JSON list of names) and the media
files as ``0``, ``1``, … . The same few thousand sounds go into every language of a sector deck and
into the werkplek and learner decks; Python's ``zipfile`` opens, reads and checksums each of them
again for every package (about 75 µs an entry, 35,000 entries in the demo). Here a media file's
bytes and CRC-32 are kept per process under its media name, and an entry is a header and those
bytes. The format is plain zip (no zip64: at most 65,534 entries and 4 GB, far above any deck).
"""

from __future__ import annotations

import struct
import threading
import time
import zlib
from pathlib import Path
from typing import BinaryIO

MAX_IN_GEHEUGEN = 128 * 1024 * 1024
"""Bytes of media kept in memory at most (the demo's three sectors: about 20 MB of sound)."""
KLEIN_BESTAND = 256 * 1024
"""Media files up to this size are kept; larger ones (a big picture) are read each time."""

_LOKAAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_EINDE = struct.Struct("<IHHHHIIH")
_ZIP_MAX = 0xFFFFFFFF
_OPGESLAGEN, _GECOMPRIMEERD = 0, 8
_UNIX_RW_R_R = 0o100644 << 16

_slot = threading.Lock()
_media: dict[tuple[str, Path], tuple[bytes, int]] = {}
_media_bytes = 0


def media_lid(naam: str, pad: Path) -> tuple[bytes, int]:
    """(bytes, CRC-32) of the media file ``pad`` that the package calls ``naam``.

    Media names are content hashes (pictures) or hashes of the voice settings and the text (sound),
    so a changed file comes under a new name: the name and path together identify the content.
    """
    sleutel = (naam, pad)
    with _slot:
        lid = _media.get(sleutel)
    if lid is not None:
        return lid
    data = pad.read_bytes()
    lid = (data, zlib.crc32(data))
    if len(data) <= KLEIN_BESTAND:
        global _media_bytes
        with _slot:
            if _media_bytes + len(data) > MAX_IN_GEHEUGEN:
                _media.clear()
                _media_bytes = 0
            _media[sleutel] = lid
            _media_bytes += len(data)
    return lid


def _dos_tijd(moment: float) -> tuple[int, int]:
    jaar, maand, dag, uur, minuut, seconde = time.localtime(moment)[:6]
    jaar = min(max(jaar, 1980), 2107)
    return (uur << 11) | (minuut << 5) | (seconde // 2), ((jaar - 1980) << 9) | (maand << 5) | dag


class Archief:
    """Writes zip entries one after the other to ``uit``; ``sluit`` writes the central directory."""

    def __init__(self, uit: BinaryIO, moment: float) -> None:
        self._uit = uit
        self._tijd, self._datum = _dos_tijd(moment)
        self._centraal: list[bytes] = []
        self._positie = 0

    def voeg_toe(self, naam: str, data: bytes, *, crc: int | None = None, comprimeer: bool = False) -> None:
        """Add ``data`` as ``naam`` (ASCII), compressed (deflate) or stored as it is."""
        if len(self._centraal) >= 0xFFFE:
            raise ValueError("Te veel bestanden voor één Anki-pakket (meer dan 65.534).")
        crc = zlib.crc32(data) if crc is None else crc
        inhoud = data
        methode = _OPGESLAGEN
        if comprimeer:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            inhoud = compressor.compress(data) + compressor.flush()
            methode = _GECOMPRIMEERD
        if self._positie + len(inhoud) > _ZIP_MAX or len(data) > _ZIP_MAX:
            raise ValueError("Het Anki-pakket wordt groter dan 4 GB.")
        bnaam = naam.encode("ascii")
        kop = _LOKAAL.pack(
            0x04034B50, 20, 0, methode, self._tijd, self._datum, crc, len(inhoud), len(data), len(bnaam), 0
        )
        self._uit.write(kop)
        self._uit.write(bnaam)
        self._uit.write(inhoud)
        self._centraal.append(
            _CENTRAAL.pack(
                0x02014B50,
                (3 << 8) | 20,
                20,
                0,
                methode,
                self._tijd,
                self._datum,
                crc,
                len(inhoud),
                len(data),
                len(bnaam),
                0,
                0,
                0,
                0,
                _UNIX_RW_R_R,
                self._positie,
            )  # fmt: skip
            + bnaam
        )
        self._positie += len(kop) + len(bnaam) + len(inhoud)

    def sluit(self) -> None:
        begin = self._positie
        centraal = b"".join(self._centraal)
        self._uit.write(centraal)
        aantal = len(self._centraal)
        self._uit.write(_EINDE.pack(0x06054B50, 0, 0, aantal, aantal, len(centraal), begin, 0))
