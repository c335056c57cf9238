"""Walking the landing folder and loading each new or changed file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from dagster import get_dagster_logger

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.laden import al_geladen, registreer_weigering, sha256


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
    laad: Callable[[Path, str, str], tuple[int, int]],
    verslag: Verslag,
) -> None:
    """Load every file not loaded before in this exact version; refuse unreadable ones whole.

    ``laad(pad, bestand, sha)`` loads one file and returns (rows read, rows quarantined).
    """
    log = get_dagster_logger()
    for pad in bestanden:
        bestand = relatief(pad, landingsplaats)
        sha = sha256(pad)
        if al_geladen(con, bestand, sha):
            verslag.ongewijzigd.append(bestand)
            continue
        try:
            gelezen, quarantaine = laad(pad, bestand, sha)
        except OnleesbaarBestand as fout:
            log.error(f"Bestand geweigerd: {bestand}: {fout.melding}")
            verslag.geweigerd[bestand] = fout.melding
            registreer_weigering(con, bestand, sha, fout.melding)
            continue
        verslag.geladen.append(bestand)
        verslag.rijen_gelezen += gelezen
        verslag.rijen_quarantaine += quarantaine
        verslag.rijen_geladen += gelezen - quarantaine
        log.info(f"{bestand}: {gelezen} rijen gelezen, {gelezen - quarantaine} geladen, {quarantaine} in quarantaine")
