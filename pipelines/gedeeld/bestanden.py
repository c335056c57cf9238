"""Walking the landing folder and loading each new or changed file."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from dagster import get_dagster_logger

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.laden import (
    Landingsbestand,
    Versie,
    registreer_weigering,
    sha256,
    versie_bijwerken,
    vorige_lading,
)
from pipelines.gedeeld.notatie import getal, grootte


@dataclass
class Verslag:
    """What a load did, for the asset's metadata and the CLI summary. No personal data."""

    geladen: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    geweigerd: dict[str, str] = field(default_factory=dict)
    rijen_gelezen: int = 0
    rijen_geladen: int = 0
    rijen_quarantaine: int = 0

    def metadata(self) -> dict[str, Any]:
        return {
            "bestanden_geladen": len(self.geladen),
            "bestanden_ongewijzigd": len(self.ongewijzigd),
            "bestanden_geweigerd": len(self.geweigerd),
            "rijen_gelezen": self.rijen_gelezen,
            "rijen_geladen": self.rijen_geladen,
            "rijen_quarantaine": self.rijen_quarantaine,
            "geweigerd": "\n".join(f"{b}: {r}" for b, r in self.geweigerd.items()) or "geen",
        }


def relatief(pad: Path, landingsplaats: Path) -> str:
    return pad.relative_to(landingsplaats).as_posix()


def verwerk_bestanden(
    con: duckdb.DuckDBPyConnection,
    landingsplaats: Path,
    bestanden: list[Path],
    laad: Callable[[Landingsbestand], tuple[int, int]],
    verslag: Verslag,
) -> None:
    """Load every file not loaded before in this exact version; refuse unreadable ones whole.

    ``laad(bestand)`` loads one file and returns (rows read, rows quarantined).

    A file whose size and modification time are those of its last load is not read at all. A
    known file that was touched is hashed first: the same content is not loaded again. A new or
    changed file is hashed in a background thread while ``laad`` reads it.
    """
    log = get_dagster_logger()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256") as hasher:
        for pad in bestanden:
            naam = relatief(pad, landingsplaats)
            versie = Versie.van(pad)
            vorige = vorige_lading(con, naam)
            if vorige is not None and vorige.versie == versie:
                verslag.ongewijzigd.append(naam)
                continue
            bestand = Landingsbestand(pad, naam, versie, hasher.submit(sha256, pad))
            if vorige is not None and bestand.sha256 == vorige.sha256:
                versie_bijwerken(con, naam, versie)  # touched, not changed
                verslag.ongewijzigd.append(naam)
                continue
            log.info(f"{naam}: inlezen ({grootte(versie.grootte_bytes)})")
            begin = time.perf_counter()
            try:
                gelezen, quarantaine = laad(bestand)
            except OnleesbaarBestand as fout:
                log.error(f"Bestand geweigerd: {naam}: {fout.melding}")
                verslag.geweigerd[naam] = fout.melding
                registreer_weigering(con, naam, bestand.sha256, fout.melding)
                continue
            verslag.geladen.append(naam)
            verslag.rijen_gelezen += gelezen
            verslag.rijen_quarantaine += quarantaine
            verslag.rijen_geladen += gelezen - quarantaine
            log.info(
                f"{naam}: {getal(gelezen)} rijen gelezen, {getal(gelezen - quarantaine)} geladen, "
                f"{getal(quarantaine)} in quarantaine ({getal(time.perf_counter() - begin, 1)} s)"
            )
