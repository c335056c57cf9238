"""A sensor that starts the ingest when files in the landing folder appear or change."""


import hashlib
import json

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

from pipelines.resources import Landingsplaats


def vingerafdruk(landingsplaats: Landingsplaats) -> dict[str, list[int]]:
    """Size and modification time of every file that the ingest would read."""
    basis = landingsplaats.pad
    bestanden = [*basis.glob("taalaanbieders/*/*"), *basis.glob("werkplekken/*.csv")]
    return {
        p.relative_to(basis).as_posix(): [p.stat().st_size, p.stat().st_mtime_ns] for p in sorted(bestanden) if p.is_file()
    }


def maak_landingssensor(job: JobDefinition | UnresolvedAssetJobDefinition) -> SensorDefinition:
    @sensor(
        name="nieuwe_bestanden",
        job=job,
        minimum_interval_seconds=60,
        default_status=DefaultSensorStatus.RUNNING,
        description="Start het inlezen zodra er in de landingsmap een bestand bijkomt of verandert.",
    )
    def nieuwe_bestanden(context: SensorEvaluationContext, landingsplaats: Landingsplaats):  # type: ignore[no-untyped-def]
        if not landingsplaats.pad.is_dir():
            return SkipReason(f"De landingsmap {landingsplaats.pad} bestaat niet.")
        nu = vingerafdruk(landingsplaats)
        vorige: dict[str, list[int]] = json.loads(context.cursor) if context.cursor else {}
        nieuw = sorted(k for k, v in nu.items() if vorige.get(k) != v)
        if not nieuw:
            return SkipReason("Geen nieuwe of gewijzigde bestanden.")
        context.update_cursor(json.dumps(nu, sort_keys=True))
        sleutel = hashlib.sha256(json.dumps(nu, sort_keys=True).encode()).hexdigest()[:16]
        return RunRequest(run_key=sleutel, tags={"nieuwe_bestanden": str(len(nieuw))})

    return nieuwe_bestanden
