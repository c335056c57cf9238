"""Reading the per-sector vakwoorden lists (see FORMAT.md next to this file)."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

LIJSTEN_MAP = Path(__file__).resolve().parent
SECTOREN: tuple[str, ...] = ("metaal", "zorg", "bouw")
TALEN: tuple[str, ...] = ("en", "ar", "ti", "so", "fa", "tr", "uk")
TAALNAMEN: dict[str, str] = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "ti": "Tigrinya",
    "so": "Somalisch",
    "fa": "Dari/Farsi",
    "tr": "Turks",
    "uk": "Oekraïens",
}
RECHTS_NAAR_LINKS: frozenset[str] = frozenset({"ar", "fa"})
KOLOMMEN: tuple[str, ...] = (
    "woord",
    "lidwoord",
    "meervoud",
    "woordsoort",
    "thema",
    "uitleg",
    "voorbeeldzin",
    "niveau",
    "veiligheid",
    *(k for taal in TALEN for k in (taal, f"{taal}_status")),
    "afbeelding",
    "afbeelding_licentie",
)
WOORDSOORTEN: tuple[str, ...] = (
    "zelfstandig naamwoord",
    "werkwoord",
    "bijvoeglijk naamwoord",
    "bijwoord",
    "uitdrukking",
)
NIVEAUS: tuple[str, ...] = ("A1", "A2", "B1", "B2")
STATUSSEN: tuple[str, ...] = ("gecontroleerd", "ongecontroleerd")


@dataclass(frozen=True)
class Vertaling:
    taal: str
    tekst: str
    gecontroleerd: bool


@dataclass(frozen=True)
class Thema:
    naam: str
    volgorde: int
    omschrijving: str


@dataclass(frozen=True)
class Vakwoord:
    """One entry of a sector list. ``regel`` is the line number in the file (header = 1)."""

    sector: str
    woord: str
    lidwoord: str
    meervoud: str
    woordsoort: str
    thema: str
    uitleg: str
    voorbeeldzin: str
    niveau: str
    veiligheid: bool
    vertalingen: dict[str, Vertaling] = field(default_factory=dict, hash=False, compare=False)
    afbeelding: str = ""
    afbeelding_licentie: str = ""
    regel: int = 0

    @property
    def sleutel(self) -> str:
        """Stable key of the entry within its sector; a note's GUID is derived from it."""
        return f"{self.sector}|{self.woord}"

    @property
    def is_zelfstandig_naamwoord(self) -> bool:
        return self.woordsoort == "zelfstandig naamwoord"

    def vertaling(self, taal: str) -> Vertaling | None:
        return self.vertalingen.get(taal)


def lijst_pad(sector: str, map_: Path | None = None) -> Path:
    return (map_ or LIJSTEN_MAP) / sector / "woorden.csv"


def themas_pad(sector: str, map_: Path | None = None) -> Path:
    return (map_ or LIJSTEN_MAP) / sector / "themas.csv"


def lees_tekst(pad: Path) -> str:
    """Read a UTF-8 file, tolerating the BOM that spreadsheet programs write."""
    return pad.read_bytes().decode("utf-8-sig")


def lees_rijen(pad: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as (line number, row) pairs; the header is line 1."""
    lezer = csv.DictReader(io.StringIO(lees_tekst(pad), newline=""))
    rijen: list[tuple[int, dict[str, str]]] = []
    for rij in lezer:
        # line_num is the line on which the record ends; records here are single lines
        rijen.append((lezer.line_num, {k: (v or "") for k, v in rij.items() if k is not None}))
    return rijen


def lees_themas(sector: str, map_: Path | None = None) -> list[Thema]:
    themas = [
        Thema(rij["thema"], int(rij["volgorde"]), rij.get("omschrijving", ""))
        for _, rij in lees_rijen(themas_pad(sector, map_))
    ]
    return sorted(themas, key=lambda t: t.volgorde)


def _nfc(tekst: str) -> str:
    return unicodedata.normalize("NFC", tekst.strip())


def vakwoord_uit_rij(sector: str, regel: int, rij: dict[str, str]) -> Vakwoord:
    vertalingen = {
        taal: Vertaling(taal, _nfc(rij.get(taal, "")), rij.get(f"{taal}_status", "").strip() == "gecontroleerd")
        for taal in TALEN
        if rij.get(taal, "").strip()
    }
    return Vakwoord(
        sector=sector,
        woord=_nfc(rij.get("woord", "")),
        lidwoord=rij.get("lidwoord", "").strip(),
        meervoud=_nfc(rij.get("meervoud", "")),
        woordsoort=rij.get("woordsoort", "").strip(),
        thema=rij.get("thema", "").strip(),
        uitleg=_nfc(rij.get("uitleg", "")),
        voorbeeldzin=_nfc(rij.get("voorbeeldzin", "")),
        niveau=rij.get("niveau", "").strip(),
        veiligheid=rij.get("veiligheid", "").strip() == "ja",
        vertalingen=vertalingen,
        afbeelding=rij.get("afbeelding", "").strip(),
        afbeelding_licentie=rij.get("afbeelding_licentie", "").strip(),
        regel=regel,
    )


def lees_lijst(sector: str, map_: Path | None = None, pad: Path | None = None) -> list[Vakwoord]:
    """All entries of a sector, in file order (which is study order: safety first)."""
    bron = pad or lijst_pad(sector, map_)
    return [vakwoord_uit_rij(sector, regel, rij) for regel, rij in lees_rijen(bron)]


def lees_alle(map_: Path | None = None) -> dict[str, list[Vakwoord]]:
    return {sector: lees_lijst(sector, map_) for sector in SECTOREN}
