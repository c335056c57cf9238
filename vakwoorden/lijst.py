"""Reading the per-sector vakwoorden lists (see FORMAT.md next to this file)."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from vakwoorden.domein import RECHTS_NAAR_LINKS, SECTOREN, TAALNAMEN, TALEN, WOORDNIVEAUS

__all__ = ["RECHTS_NAAR_LINKS", "SECTOREN", "TAALNAMEN", "TALEN"]  # re-exported: many modules import them from here

LIJSTEN_MAP = Path(__file__).resolve().parent
# The original columns, in their order (FORMAT.md).
BASIS_KOLOMMEN: tuple[str, ...] = (
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
# Columns added later, appended after the original ones (FORMAT.md). A file may stop after
# ``afbeelding_licentie`` (older lists, spreadsheets of coordinators): missing columns read as empty.
EXTRA_KOLOMMEN: tuple[str, ...] = (
    "vervoeging",
    "scheidbaar",
    "homoniem",
    "uitspraak",
    *(k for taal in TALEN for k in (f"{taal}_beoordelaar", f"{taal}_beoordeeld_op")),
)
KOLOMMEN: tuple[str, ...] = (*BASIS_KOLOMMEN, *EXTRA_KOLOMMEN)
WOORDSOORTEN: tuple[str, ...] = (
    "zelfstandig naamwoord",
    "werkwoord",
    "bijvoeglijk naamwoord",
    "bijwoord",
    "uitdrukking",
)
NIVEAUS: tuple[str, ...] = WOORDNIVEAUS
STATUSSEN: tuple[str, ...] = ("gecontroleerd", "ongecontroleerd")


@dataclass(frozen=True)
class Vertaling:
    taal: str
    tekst: str
    gecontroleerd: bool
    beoordelaar: str = ""  # who checked it (set by `vakwoorden vertalingen import`)
    beoordeeld_op: str = ""  # ISO date of that check


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
    vervoeging: str = ""  # verbs: past tense and past participle, "hees, gehesen"
    scheidbaar: bool = False  # verbs: separable (aandraaien: draait ... aan)
    homoniem: str = ""  # set when the same woord in another sector means something else
    uitspraak: str = ""  # respelling or espeak-ng phonemes [[...]] when espeak's default is wrong

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
    return _als_tekst(pad.read_bytes())


def _als_tekst(inhoud: bytes) -> str:
    return inhoud.decode("utf-8-sig")


def lees_rijen(pad: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as (line number, row) pairs; the header is line 1."""
    return _rijen(lees_tekst(pad))


def _rijen(tekst: str) -> list[tuple[int, dict[str, str]]]:
    lezer = csv.DictReader(io.StringIO(tekst, newline=""))
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
        taal: Vertaling(
            taal,
            _nfc(rij.get(taal, "")),
            rij.get(f"{taal}_status", "").strip() == "gecontroleerd",
            _nfc(rij.get(f"{taal}_beoordelaar", "")),
            rij.get(f"{taal}_beoordeeld_op", "").strip(),
        )
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
        vervoeging=_nfc(rij.get("vervoeging", "")),
        scheidbaar=rij.get("scheidbaar", "").strip() == "ja",
        homoniem=_nfc(rij.get("homoniem", "")),
        uitspraak=rij.get("uitspraak", "").strip(),
    )


def lees_lijst(sector: str, map_: Path | None = None, pad: Path | None = None) -> list[Vakwoord]:
    """All entries of a sector, in file order (which is study order: safety first).

    A run reads the same lists in many steps (decks, texts, reviews, checks): the same content is
    parsed once per process (keyed by the bytes themselves, so an edit is always seen), and each
    caller gets a list of its own (the entries themselves are frozen).
    """
    return list(lijst_uit(sector, (pad or lijst_pad(sector, map_)).read_bytes()))


@lru_cache(maxsize=32)
def lijst_uit(sector: str, inhoud: bytes) -> tuple[Vakwoord, ...]:
    """The entries in a word list file's bytes (parsed once per process for the same bytes)."""
    return tuple(vakwoord_uit_rij(sector, regel, rij) for regel, rij in _rijen(_als_tekst(inhoud)))


def lees_alle(map_: Path | None = None) -> dict[str, list[Vakwoord]]:
    return {sector: lees_lijst(sector, map_) for sector in SECTOREN}


def schrijf_rijen(pad: Path, rijen: list[dict[str, str]], kolommen: tuple[str, ...] = KOLOMMEN) -> None:
    """Write a word list as FORMAT.md describes (UTF-8 without BOM, LF, minimal quoting), atomically."""
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=list(kolommen), lineterminator="\n", extrasaction="ignore")
    schrijver.writeheader()
    for rij in rijen:
        schrijver.writerow({k: rij.get(k, "") for k in kolommen})
    tijdelijk = pad.with_name(f".{pad.name}.tmp")
    tijdelijk.write_text(uit.getvalue(), encoding="utf-8", newline="")
    tijdelijk.replace(pad)


_MEERVOUD_KLANK = {"s": "s", "'s": "s", "’s": "s", "en": "@n", "n": "n"}


def uitspraak_vormen(woord: str, meervoud: str, uitspraak: str) -> dict[str, str]:
    """The forms an ``uitspraak`` field covers: {vorm: uitspraak}.

    The field holds the pronunciation of the woord, optionally followed by other forms as
    ``; vorm=uitspraak`` (``[[f'Y:n@n]]; föhnt=[[f'Y:nt]]``). A plural made by adding -s, -'s, -en or
    -n gets the same addition unless it is given itself.
    """
    delen = [d.strip() for d in uitspraak.split(";") if d.strip()]
    if not delen or not woord:
        return {}
    vormen = {woord: delen[0]}
    if meervoud and meervoud != "-" and meervoud.startswith(woord):
        achtervoegsel = meervoud[len(woord) :]
        if achtervoegsel in _MEERVOUD_KLANK:
            basis = delen[0]
            if basis.startswith("[[") and basis.endswith("]]"):
                vormen[meervoud] = basis[:-2] + _MEERVOUD_KLANK[achtervoegsel] + "]]"
            else:
                vormen[meervoud] = basis + achtervoegsel.lstrip("'’")
    for deel in delen[1:]:
        vorm, _, klank = deel.partition("=")
        if vorm.strip() and klank.strip():
            vormen[_nfc(vorm)] = klank.strip()
    return vormen


@cache
def uitspraken(map_: Path | None = None) -> dict[str, str]:
    """The pronunciation fixes of every sector list: {form: uitspraak} (see ``uitspraak_vormen``)."""
    tabel: dict[str, str] = {}
    for sector in SECTOREN:
        pad = lijst_pad(sector, map_)
        if pad.is_file():
            for _, rij in lees_rijen(pad):
                vormen = uitspraak_vormen(
                    _nfc(rij.get("woord", "")), _nfc(rij.get("meervoud", "")), rij.get("uitspraak", "")
                )
                for vorm, klank in vormen.items():
                    tabel.setdefault(vorm, klank)
    return tabel
