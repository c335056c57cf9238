"""Pictures for concrete nouns: which picture belongs to which word, its licence, and the share.

Where pictures come from (in this order):

1. the ``afbeelding`` column of ``<sector>/woorden.csv``: a file in ``<sector>/afbeeldingen/``
   with its licence in ``afbeelding_licentie`` (see FORMAT.md);
2. the picture list ``<sector>/afbeeldingen.csv`` (columns ``woord,afbeelding,licentie``): a file
   under ``vakwoorden/afbeeldingen/`` shipped with the project, e.g. ``openmoji/1F97D.svg``.

The shipped pictures are OpenMoji (https://openmoji.org, CC BY-SA 4.0; ``openmoji/BRONNEN.csv``
names each file's emoji and maker, ``openmoji/LICENSE.txt`` is the licence) and our own drawings
of four GHS hazard pictograms (``ghs/``, CC0, see ``ghs/LEESMIJ.md``). Every deck and printable
list carries ``ATTRIBUTIE``; every card with a picture names its maker and licence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vakwoorden.lijst import LIJSTEN_MAP, SECTOREN, Vakwoord, lees_lijst, lees_rijen

AFBEELDINGEN_MAP = LIJSTEN_MAP / "afbeeldingen"
ATTRIBUTIE = (
    "Afbeeldingen: OpenMoji (openmoji.org), licentie CC BY-SA 4.0 "
    "(creativecommons.org/licenses/by-sa/4.0), makers per afbeelding op de kaart; "
    "GHS-gevarensymbolen: eigen tekeningen, CC0."
)


@dataclass(frozen=True)
class Afbeelding:
    bestand: Path
    licentie: str


def lijst_pad(sector: str, map_: Path | None = None) -> Path:
    return (map_ or LIJSTEN_MAP) / sector / "afbeeldingen.csv"


def _binnen(basis: Path, relatief: str) -> Path | None:
    """``basis / relatief`` when it stays inside ``basis`` (no ``..``, no absolute path)."""
    if not relatief:
        return None
    pad = (basis / relatief).resolve()
    return pad if pad.is_relative_to(basis.resolve()) else None


def lees_afbeeldingen(sector: str, map_: Path | None = None) -> dict[str, Afbeelding]:
    """Word -> picture from ``<sector>/afbeeldingen.csv`` (empty when the file does not exist).

    Rows whose file is missing or points outside ``vakwoorden/afbeeldingen/`` are left out. Read
    once per version of the file (a run builds many decks from the same list).
    """
    pad = lijst_pad(sector, map_)
    try:
        stat = pad.stat()
    except OSError:
        return {}
    return dict(_lees_afbeeldingen(pad, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=64)
def _lees_afbeeldingen(pad: Path, _mtime: int, _grootte: int) -> tuple[tuple[str, Afbeelding], ...]:
    resultaat: dict[str, Afbeelding] = {}
    for _, rij in lees_rijen(pad):
        bestand = _binnen(AFBEELDINGEN_MAP, rij.get("afbeelding", "").strip())
        woord = rij.get("woord", "").strip()
        if woord and bestand is not None and bestand.is_file():
            resultaat[woord] = Afbeelding(bestand, rij.get("licentie", "").strip())
    return tuple(resultaat.items())


class Afbeeldingen:
    """Finds the picture of a word; reads each sector's picture list once."""

    def __init__(self, lijsten_map: Path | None = None) -> None:
        self.lijsten_map = lijsten_map or LIJSTEN_MAP
        self._lijsten: dict[str, dict[str, Afbeelding]] = {}

    def voor(self, woord: Vakwoord) -> Afbeelding | None:
        if woord.afbeelding:
            bestand = _binnen(self.lijsten_map / woord.sector / "afbeeldingen", woord.afbeelding)
            if bestand is not None and bestand.is_file():
                return Afbeelding(bestand, woord.afbeelding_licentie)
            return None
        if woord.sector not in self._lijsten:
            self._lijsten[woord.sector] = lees_afbeeldingen(woord.sector, self.lijsten_map)
        return self._lijsten[woord.sector].get(woord.woord)


def afbeelding_aandeel(map_: Path | None = None) -> dict[str, tuple[int, int]]:
    """Per sector: (entries with a picture, all entries). For ``vakwoorden controleer``."""
    afbeeldingen = Afbeeldingen(map_)
    resultaat: dict[str, tuple[int, int]] = {}
    for sector in SECTOREN:
        try:
            woorden = lees_lijst(sector, map_)
        except FileNotFoundError:
            continue
        met = sum(1 for woord in woorden if afbeeldingen.voor(woord) is not None)
        resultaat[sector] = (met, len(woorden))
    return resultaat


def afbeelding_regel(map_: Path | None = None) -> str:
    """One line in Dutch: the share of entries with a picture, per sector and in total."""
    aandeel = afbeelding_aandeel(map_)
    met = sum(m for m, _ in aandeel.values())
    totaal = sum(t for _, t in aandeel.values())
    delen = ", ".join(f"{sector} {m}/{t}" for sector, (m, t) in aandeel.items())
    procent = f"{100 * met / totaal:.0f}%" if totaal else "0%"
    return f"Woorden met een afbeelding: {met} van {totaal} ({procent}; {delen})."
