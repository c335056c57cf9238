"""A sensor that starts the ingest when a file the ingest reads appears, changes or disappears.

It watches exactly the files the sources read, as each source declares them (pipelines/bronnen.py):
per taalaanbieder its mapping.toml and the exports its pattern matches (subfolders included when
the pattern says so), the werkplek templates, the werkplek texts and the Anki backups. Anything else in
the landing folder (a LEESMIJ.txt, a spreadsheet someone parks there) starts nothing.
"""

import hashlib
import json
from pathlib import Path

from dagster import (
    DefaultSensorStatus,
    JobDefinition,
    RunRequest,
    SensorDefinition,
    SensorEvaluationContext,
    SkipReason,
    sensor,
)
from dagster._core.definitions.unresolved_asset_job_definition import UnresolvedAssetJobDefinition

from pipelines import bronnen
from pipelines.resources import Landingsplaats


def gelezen_bestanden(basis: Path) -> list[Path]:
    """Every file the ingest of this landing folder reads: what each source declares (pipelines/bronnen.py)."""
    bestanden = {p for bron in bronnen.BRONNEN for p in bron.bestanden(basis)}
    return sorted(p for p in bestanden if p.is_file())


def vingerafdruk(landingsplaats: Landingsplaats) -> dict[str, list[int]]:
    """Size and modification time of every file that the ingest would read."""
    basis = landingsplaats.pad
    uitkomst = {}
    for p in gelezen_bestanden(basis):
        try:
            stat = p.stat()
        except FileNotFoundError:  # removed while we looked: the next tick sees it gone
            continue
        uitkomst[p.relative_to(basis).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return uitkomst


def verschil(vorige: dict[str, list[int]], nu: dict[str, list[int]]) -> tuple[list[str], list[str], list[str]]:
    """(new, changed, deleted) file names."""
    nieuw = sorted(nu.keys() - vorige.keys())
    gewijzigd = sorted(k for k in nu.keys() & vorige.keys() if nu[k] != vorige[k])
    weg = sorted(vorige.keys() - nu.keys())
    return nieuw, gewijzigd, weg


def _lees_cursor(cursor: str | None) -> tuple[dict[str, list[int]], int]:
    if not cursor:
        return {}, 0
    inhoud = json.loads(cursor)
    if "bestanden" in inhoud and isinstance(inhoud["bestanden"], dict):
        return inhoud["bestanden"], int(inhoud.get("volgnummer", 0))
    return inhoud, 0  # the cursor of an earlier version: only the files


def maak_landingssensor(job: JobDefinition | UnresolvedAssetJobDefinition) -> SensorDefinition:
    @sensor(
        name="nieuwe_bestanden",
        job=job,
        minimum_interval_seconds=60,
        default_status=DefaultSensorStatus.RUNNING,
        description=(
            "Start het inlezen zodra een bestand dat de pijplijn leest (exports volgens de mapping, "
            "werkplekbestanden, werkplekteksten, Anki-back-ups) bijkomt, verandert of verdwijnt."
        ),
    )
    def nieuwe_bestanden(context: SensorEvaluationContext, landingsplaats: Landingsplaats):  # type: ignore[no-untyped-def]
        if not landingsplaats.pad.is_dir():
            return SkipReason(f"De landingsmap {landingsplaats.pad} bestaat niet.")
        nu = vingerafdruk(landingsplaats)
        vorige, volgnummer = _lees_cursor(context.cursor)
        nieuw, gewijzigd, weg = verschil(vorige, nu)
        if not (nieuw or gewijzigd or weg):
            return SkipReason("Geen nieuwe, gewijzigde of verwijderde bestanden.")
        volgnummer += 1
        context.update_cursor(json.dumps({"bestanden": nu, "volgnummer": volgnummer}, sort_keys=True))
        # The sequence number makes the key unique, also when the folder returns to an earlier state.
        inhoud = hashlib.sha256(json.dumps(nu, sort_keys=True).encode()).hexdigest()[:16]
        return RunRequest(
            run_key=f"{volgnummer}-{inhoud}",
            tags={"nieuwe_bestanden": str(len(nieuw)), "gewijzigde_bestanden": str(len(gewijzigd)),
                  "verwijderde_bestanden": str(len(weg))},
        )  # fmt: skip

    return nieuwe_bestanden
