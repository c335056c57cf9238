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
    ONLEESBAAR,
    Landingsbestand,
    Versie,
    registreer_weigering,
    sha256,
    versie_bijwerken,
    vorige_lading,
)
from pipelines.gedeeld.notatie import getal, grootte
from pipelines.gedeeld.paden import BUITEN_LANDINGSMAP, NIET_GELEZEN, binnen
from pipelines.gedeeld.waarden import kort


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


def afleveringsvolgorde(bestanden: list[Path]) -> list[Path]:
    """Oldest delivery first (by modification time, then path), so that a file delivered later is
    also loaded later: where two deliveries disagree about a measurement, the later load wins
    (kern.nt2_meting orders by controle.ingelezen_bestand.geladen_op), never the path's sort order."""

    def sleutel(pad: Path) -> tuple[int, str]:
        try:
            return pad.stat().st_mtime_ns, pad.as_posix()
        except OSError:
            return 0, pad.as_posix()

    return sorted(bestanden, key=sleutel)


def _veilige_sha(bestand: Landingsbestand) -> str:
    try:
        return bestand.sha256
    except OSError:
        return ONLEESBAAR


def weiger(
    con: duckdb.DuckDBPyConnection,
    verslag: Verslag,
    naam: str,
    sha: str,
    melding: str,
    *,
    bron: str,
    soort: str = "Bestand",
) -> None:
    """Refuse one file (or mapping) of source ``bron``: logged, in the run's metadata and in
    controle.geweigerd_bestand."""
    melding = kort(melding)
    get_dagster_logger().error(f"{soort} geweigerd: {naam}: {melding}")
    verslag.geweigerd[naam] = melding
    registreer_weigering(con, naam, sha, melding, bron)


def verwerk_bestanden(
    con: duckdb.DuckDBPyConnection,
    landingsplaats: Path,
    bestanden: list[Path],
    laad: Callable[[Landingsbestand], tuple[int, int]],
    verslag: Verslag,
    *,
    bron: str,
) -> None:
    """Load every file of source ``bron`` not loaded before in this exact version; refuse unreadable ones whole.

    ``laad(bestand)`` loads one file and returns (rows read, rows quarantined).

    A file whose size and modification time are those of its last load is not read at all. A
    known file that was touched is hashed first: the same content is not loaded again. A new or
    changed file is hashed in a background thread while ``laad`` reads it.

    One file can never stop another: any error while reading, judging or loading it, expected or
    not, refuses that file alone (its earlier load, if any, stays as it was, because a load is one
    transaction). It is tried again on the next run.
    """
    log = get_dagster_logger()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256") as hasher:
        for pad in bestanden:
            naam = relatief(pad, landingsplaats)
            if not binnen(pad, landingsplaats):  # a symbolic link to elsewhere: never opened, whatever the source
                weiger(con, verslag, naam, NIET_GELEZEN, BUITEN_LANDINGSMAP, bron=bron)
                continue
            try:
                versie = Versie.van(pad)
            except OSError:
                log.warning(f"{naam}: verdwenen of niet te openen tijdens het inlezen; volgende keer opnieuw.")
                continue
            vorige = vorige_lading(con, naam)
            if vorige is not None and vorige.versie == versie:
                verslag.ongewijzigd.append(naam)
                continue
            bestand = Landingsbestand(pad, naam, versie, hasher.submit(sha256, pad))
            try:
                if vorige is not None and bestand.sha256 == vorige.sha256:
                    versie_bijwerken(con, naam, versie)  # touched, not changed
                    verslag.ongewijzigd.append(naam)
                    continue
                log.info(f"{naam}: inlezen ({grootte(versie.grootte_bytes)})")
                begin = time.perf_counter()
                gelezen, quarantaine = laad(bestand)
            except OnleesbaarBestand as fout:
                weiger(con, verslag, naam, _veilige_sha(bestand), fout.melding, bron=bron)
                continue
            except Exception as fout:  # noqa: BLE001 - whatever it is, it stops this file only
                # The exception's text may quote the file's content: only its kind is shown.
                _herstel(con)
                weiger(
                    con, verslag, naam, _veilige_sha(bestand), bron=bron, melding=
                    f"onverwachte fout bij het verwerken ({type(fout).__name__}); het bestand is niet geladen en "
                    "wordt bij de volgende run opnieuw geprobeerd. Blijft dit gebeuren, meld het dan aan de beheerder.",
                )  # fmt: skip
                continue
            verslag.geladen.append(naam)
            verslag.rijen_gelezen += gelezen
            verslag.rijen_quarantaine += quarantaine
            verslag.rijen_geladen += gelezen - quarantaine
            log.info(
                f"{naam}: {getal(gelezen)} rijen gelezen, {getal(gelezen - quarantaine)} geladen, "
                f"{getal(quarantaine)} in quarantaine ({getal(time.perf_counter() - begin, 1)} s)"
            )


def _herstel(con: duckdb.DuckDBPyConnection) -> None:
    """After an unexpected error: no transaction left open, the warehouse the default database."""
    try:
        con.rollback()
    except duckdb.Error:
        pass  # no transaction was open
