"""The per-taalaanbieder mapping file: how to read one provider's exports.

Every provider exports differently. A new provider is a new folder with a ``mapping.toml``
(see README "Een nieuwe taalaanbieder toevoegen"), never new code. The mapping names only the
columns we need; every other column (names, addresses, notes) is never read.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.paden import BUITEN_LANDINGSMAP, binnen
from pipelines.privacy import ID_SOORTEN
from pipelines.taalaanbieders.normaliseren import VAARDIGHEDEN
from pipelines.taalaanbieders.velden import CANONIEKE_VELDEN

MAPPING_BESTAND = "mapping.toml"

FORMATEN = ("csv", "xlsx")
VROEGSTE_DATUM = dt.date(2000, 1, 1)  # an earlier date is taken for a typing error (setting: vroegste_datum)


@dataclass(frozen=True)
class Mapping:
    code: str  # folder name, used as the taalaanbieder's key in the warehouse
    naam: str
    instellingsnummer: str
    formaat: str
    patroon: str
    codering: str
    scheidingsteken: str
    decimaalteken: str
    datumformaat: str
    vroegste_datum: dt.date
    blad: str | None
    id_soort: str
    id_kolom: str
    kolommen: dict[str, str] = field(default_factory=dict)
    vaardigheden: dict[str, str] = field(default_factory=dict)
    vast: dict[str, str] = field(default_factory=dict)
    pad: Path = Path()

    @property
    def is_breed(self) -> bool:
        """A wide export has one column per skill instead of a skill and a level column."""
        return bool(self.vaardigheden)

    def bronkolommen(self) -> list[str]:
        """Every export column this mapping reads, in a stable order."""
        kolommen = [self.id_kolom, *self.kolommen.values(), *self.vaardigheden.values()]
        return list(dict.fromkeys(kolommen))


def _fout(pad: Path, melding: str) -> OnleesbaarBestand:
    return OnleesbaarBestand(pad, f"{melding} Pas {pad.name} in de map van deze taalaanbieder aan (zie README, 'Add a new taalaanbieder').")


def _tabel(pad: Path, gegevens: dict[str, Any], naam: str) -> dict[str, Any]:
    waarde = gegevens.get(naam, {})
    if not isinstance(waarde, dict):
        raise _fout(pad, f"[{naam}] moet een tabel zijn (een kop [{naam}] met regels sleutel = \"waarde\" eronder).")
    return waarde


def _teksten(pad: Path, gegevens: dict[str, Any], naam: str) -> dict[str, str]:
    """A table of text values, such as [kolommen]: field = "column in the export"."""
    tabel = _tabel(pad, gegevens, naam)
    fout = [str(k) for k, v in tabel.items() if not isinstance(v, str) or not v.strip()]
    if fout:
        raise _fout(pad, f"in [{naam}] moet elke waarde een niet-lege tekst tussen aanhalingstekens zijn: {', '.join(fout)}.")
    return {str(k): v for k, v in tabel.items()}


def _tekst(pad: Path, tabel: dict[str, Any], sleutel: str, standaard: str, sectie: str) -> str:
    waarde = tabel.get(sleutel, standaard)
    if not isinstance(waarde, str):
        raise _fout(pad, f"'{sleutel}' in [{sectie}] moet een tekst tussen aanhalingstekens zijn.")
    return waarde


def controleer_patroon(pad: Path, patroon: str) -> str:
    """A file pattern stays inside the taalaanbieder's folder: relative, without '..'."""
    delen = PurePosixPath(patroon.replace("\\", "/")).parts
    if not patroon.strip() or patroon.startswith(("/", "\\", "~")) or ":" in patroon or ".." in delen:
        raise _fout(
            pad,
            "'patroon' in [bestand] moet een bestandsnaam of patroon binnen de map van de taalaanbieder zijn, "
            "zoals \"*.csv\" of \"exports/*.csv\" (geen pad dat begint met / of ~, geen '..').",
        )
    return patroon


def lees_mapping(pad: Path) -> Mapping:
    """Read and check a mapping.toml; every mistake is reported in plain Dutch."""
    try:
        gegevens = tomllib.loads(pad.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as fout:
        raise _fout(pad, f"De mapping is geen geldige TOML ({fout}).") from fout
    except UnicodeDecodeError as fout:
        raise _fout(pad, "De mapping is niet in UTF-8 opgeslagen.") from fout

    bestand = _tabel(pad, gegevens, "bestand")
    identificatie = _tabel(pad, gegevens, "identificatie")
    kolommen = _teksten(pad, gegevens, "kolommen")
    vaardigheden = _teksten(pad, gegevens, "vaardigheden")
    vast = _teksten(pad, gegevens, "vast")

    formaat = _tekst(pad, bestand, "formaat", "csv", "bestand").lower()
    if formaat not in FORMATEN:
        raise _fout(pad, f"Onbekend formaat '{formaat[:20]}' in [bestand]; kies csv of xlsx.")
    id_soort = _tekst(pad, identificatie, "soort", "", "identificatie").lower()
    if id_soort not in ID_SOORTEN:
        raise _fout(pad, f"[identificatie] soort is '{id_soort[:20]}'; kies bsn, vnummer of leerlingnummer.")
    id_kolom = _tekst(pad, identificatie, "kolom", "", "identificatie")
    if not id_kolom.strip():
        raise _fout(pad, "[identificatie] mist 'kolom': de kolom met het BSN, V-nummer of leerlingnummer.")
    onbekend = sorted(set(kolommen) - set(CANONIEKE_VELDEN)) + sorted(set(vast) - set(CANONIEKE_VELDEN))
    if onbekend:
        raise _fout(pad, f"Onbekend veld {', '.join(repr(v) for v in onbekend)}; kies uit {', '.join(CANONIEKE_VELDEN)}.")
    onbekende_vaardigheden = sorted(set(vaardigheden) - set(VAARDIGHEDEN))
    if onbekende_vaardigheden:
        raise _fout(
            pad,
            f"Onbekende vaardigheid {', '.join(repr(v) for v in onbekende_vaardigheden)} in [vaardigheden]; "
            f"kies uit {', '.join(VAARDIGHEDEN)}.",
        )
    if "datum" not in kolommen:
        raise _fout(pad, "[kolommen] mist 'datum': de kolom met de datum van de meting.")
    if not vaardigheden and not {"vaardigheid", "niveau"} <= set(kolommen):
        raise _fout(
            pad,
            "Geef [vaardigheden] (een kolom per vaardigheid) of in [kolommen] zowel 'vaardigheid' als 'niveau'.",
        )
    if "soort_meting" not in kolommen and "soort_meting" not in vast:
        raise _fout(pad, "Geef 'soort_meting' als kolom in [kolommen] of als vaste waarde in [vast].")
    decimaalteken = _tekst(pad, bestand, "decimaalteken", ".", "bestand")
    if decimaalteken not in (".", ","):
        raise _fout(pad, f"decimaalteken '{decimaalteken[:5]}' is ongeldig; kies '.' of ','.")
    scheidingsteken = _tekst(pad, bestand, "scheidingsteken", ",", "bestand")
    if len(scheidingsteken) != 1 or scheidingsteken in ('"', "\n", "\r"):
        raise _fout(pad, "'scheidingsteken' moet één teken zijn, zoals \";\", \",\" of \"\\t\" (tab).")
    datumformaat = _tekst(pad, bestand, "datumformaat", "%Y-%m-%d", "bestand")
    if not all(d in datumformaat for d in ("%d", "%m")) or not ("%Y" in datumformaat or "%y" in datumformaat):
        raise _fout(pad, "'datumformaat' moet %d, %m en %Y bevatten, bijvoorbeeld \"%d-%m-%Y\".")
    vroegste = _tekst(pad, bestand, "vroegste_datum", VROEGSTE_DATUM.isoformat(), "bestand")
    try:
        vroegste_datum = dt.date.fromisoformat(vroegste)
    except ValueError as fout:
        raise _fout(pad, "'vroegste_datum' moet een datum als \"2000-01-01\" zijn.") from fout
    codering = _tekst(pad, bestand, "codering", "utf-8", "bestand")
    blad = bestand.get("blad")
    if blad is not None and not isinstance(blad, str):
        raise _fout(pad, "'blad' in [bestand] moet de naam van het werkblad zijn, tussen aanhalingstekens.")
    patroon = controleer_patroon(
        pad, _tekst(pad, bestand, "patroon", "*.xlsx" if formaat == "xlsx" else "*.csv", "bestand")
    )

    return Mapping(
        code=pad.parent.name,
        naam=_tekst(pad, gegevens, "naam", pad.parent.name, "algemeen"),
        instellingsnummer=_tekst(pad, gegevens, "instellingsnummer", "", "algemeen"),
        formaat=formaat,
        patroon=patroon,
        codering=codering,
        scheidingsteken=scheidingsteken,
        decimaalteken=decimaalteken,
        datumformaat=datumformaat,
        vroegste_datum=vroegste_datum,
        blad=blad,
        id_soort=id_soort,
        id_kolom=id_kolom,
        kolommen=kolommen,
        vaardigheden=vaardigheden,
        vast=vast,
        pad=pad,
    )


def vind_mappings(landingsplaats: Path) -> tuple[list[Mapping], list[OnleesbaarBestand]]:
    """All taalaanbieders in the landing folder (every folder with a mapping.toml), and why each
    mapping that cannot be used is refused: one broken mapping stops only its own taalaanbieder."""
    map_ = landingsplaats / "taalaanbieders"
    mappings: list[Mapping] = []
    fouten: list[OnleesbaarBestand] = []
    for pad in sorted(map_.glob(f"*/{MAPPING_BESTAND}")) if map_.is_dir() else []:
        try:
            if not binnen(pad, landingsplaats):
                raise _fout(pad, "De map van deze taalaanbieder wijst naar een plek buiten de landingsmap; die wordt niet gelezen.")
            mappings.append(lees_mapping(pad))
        except OnleesbaarBestand as fout:
            fouten.append(fout)
        except Exception as fout:  # whatever else is wrong with it: this taalaanbieder waits, the others load
            fouten.append(_fout(pad, f"De mapping kon niet gelezen worden ({type(fout).__name__})."))
    return mappings, fouten


def bestanden_van(mapping: Mapping, landingsplaats: Path) -> tuple[list[Path], list[OnleesbaarBestand]]:
    """The exports the mapping's pattern finds (subfolders included), and those refused because they
    lead outside the landing folder (a symbolic link): they are never opened."""
    goed: list[Path] = []
    buiten: list[OnleesbaarBestand] = []
    for pad in sorted(mapping.pad.parent.glob(mapping.patroon)):
        if pad.name == MAPPING_BESTAND or not pad.is_file():
            continue
        if binnen(pad, landingsplaats):
            goed.append(pad)
        else:
            buiten.append(OnleesbaarBestand(pad, BUITEN_LANDINGSMAP))
    return goed, buiten
