"""The per-taalaanbieder mapping file: how to read one provider's exports.

Every provider exports differently. A new provider is a new folder with a ``mapping.toml``
(see README "Een nieuwe taalaanbieder toevoegen"), never new code. The mapping names only the
columns we need; every other column (names, addresses, notes) is never read.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.privacy import ID_SOORTEN
from pipelines.taalaanbieders.normaliseren import VAARDIGHEDEN

MAPPING_BESTAND = "mapping.toml"

# Canonical fields a mapping may fill from a column ([kolommen]) or with a fixed value ([vast]).
CANONIEKE_VELDEN: dict[str, str] = {
    "datum": "datum van de meting (verplicht)",
    "vaardigheid": "ERK-vaardigheid, bij een export met een regel per vaardigheid",
    "niveau": "ERK-niveau, bij een export met een regel per vaardigheid",
    "soort_meting": "toets, examen of observatie (verplicht: kolom of vaste waarde)",
    "instrument": "naam van de toets of het examen, bijvoorbeeld 'Staatsexamen NT2 I'",
    "uitslag": "uitslag van een examen: geslaagd, gezakt of geen",
    "leerroute": "B1-route, onderwijsroute of Z-route",
    "thuistaal": "taal waarin de leerling kaarten wil (en, ar, ti, so, fa, tr, uk of nl)",
    "periode_start": "eerste dag van de rapportageperiode",
    "periode_eind": "laatste dag van de rapportageperiode",
    "uren_aangeboden": "lesuren aangeboden in de periode",
    "uren_aanwezig": "lesuren aanwezig in de periode",
    "afwezig_geoorloofd": "uren geoorloofd afwezig in de periode",
    "afwezig_ongeoorloofd": "uren ongeoorloofd afwezig in de periode",
}
FORMATEN = ("csv", "xlsx")


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
    return OnleesbaarBestand(pad, f"{melding} Pas {pad} aan (zie README, 'Een nieuwe taalaanbieder toevoegen').")


def lees_mapping(pad: Path) -> Mapping:
    """Read and check a mapping.toml; every mistake is reported in plain Dutch."""
    try:
        gegevens = tomllib.loads(pad.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as fout:
        raise _fout(pad, f"De mapping is geen geldige TOML ({fout}).") from fout
    except UnicodeDecodeError as fout:
        raise _fout(pad, "De mapping is niet in UTF-8 opgeslagen.") from fout

    bestand = gegevens.get("bestand", {})
    identificatie = gegevens.get("identificatie", {})
    kolommen = {str(k): str(v) for k, v in gegevens.get("kolommen", {}).items()}
    vaardigheden = {str(k): str(v) for k, v in gegevens.get("vaardigheden", {}).items()}
    vast = {str(k): str(v) for k, v in gegevens.get("vast", {}).items()}

    formaat = str(bestand.get("formaat", "csv")).lower()
    if formaat not in FORMATEN:
        raise _fout(pad, f"Onbekend formaat '{formaat}' in [bestand]; kies csv of xlsx.")
    id_soort = str(identificatie.get("soort", "")).lower()
    if id_soort not in ID_SOORTEN:
        raise _fout(pad, f"[identificatie] soort is '{id_soort}'; kies bsn, vnummer of leerlingnummer.")
    if not identificatie.get("kolom"):
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
    decimaalteken = str(bestand.get("decimaalteken", "."))
    if decimaalteken not in (".", ","):
        raise _fout(pad, f"decimaalteken '{decimaalteken}' is ongeldig; kies '.' of ','.")

    return Mapping(
        code=pad.parent.name,
        naam=str(gegevens.get("naam", pad.parent.name)),
        instellingsnummer=str(gegevens.get("instellingsnummer", "")),
        formaat=formaat,
        patroon=str(bestand.get("patroon", "*.xlsx" if formaat == "xlsx" else "*.csv")),
        codering=str(bestand.get("codering", "utf-8")),
        scheidingsteken=str(bestand.get("scheidingsteken", ",")),
        decimaalteken=decimaalteken,
        datumformaat=str(bestand.get("datumformaat", "%Y-%m-%d")),
        blad=bestand.get("blad"),
        id_soort=id_soort,
        id_kolom=str(identificatie["kolom"]),
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
            mappings.append(lees_mapping(pad))
        except OnleesbaarBestand as fout:
            fouten.append(fout)
    return mappings, fouten
