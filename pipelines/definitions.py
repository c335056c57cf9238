"""The Dagster code location: every domain's assets and checks, merged, plus jobs and triggers.

Run everything headless with:
    dagster asset materialize -m pipelines.definitions --select '*'
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from dagster import (
    AssetChecksDefinition,
    AssetsDefinition,
    AssetSelection,
    DefaultScheduleStatus,
    Definitions,
    EnvVar,
    ScheduleDefinition,
    define_asset_job,
    in_process_executor,
)

from pipelines import groepen
from pipelines.bronnen import BRONNEN
from pipelines.decks.assets import DECK_ASSETS
from pipelines.gedeeld.bron import Bron
from pipelines.gedeeld.checks import reconciliatie_checks
from pipelines.gedeeld.limieten import STANDAARD_MAX_BESTAND_MB, STANDAARD_MAX_RIJEN, STANDAARD_MAX_XLSX_MB
from pipelines.kern import KERN_ASSETS
from pipelines.marts import MART_ASSETS, MART_CHECKS
from pipelines.publicatie import LEESKOPIE, maak_leeskopie
from pipelines.rapporten.assets import RAPPORT_ASSETS
from pipelines.resources import (
    DEMO_DATA,
    STANDAARD_UITVOER,
    STANDAARD_WAREHOUSE,
    Landingsplaats,
    Pseudonimisering,
    Uitvoer,
    Warehouse,
)
from pipelines.sensors import maak_landingssensor
from pipelines.vakwoorden.assets import VAKWOORDEN_ASSETS, VAKWOORDEN_CHECKS
from vakwoorden import instellingen


def _env(naam: str, standaard: str) -> str | EnvVar:
    """EnvVar when the variable is set (resolved at run time, shown as such in the UI), else the default."""
    return EnvVar(naam) if naam in os.environ else standaard


def _env_getal(naam: str, standaard: int) -> int:
    """As _env, for a whole number (an IntEnvVar is an int)."""
    return EnvVar.int(naam) if naam in os.environ else standaard


hoofdtaak = define_asset_job(
    "hoofdtaak",
    selection=AssetSelection.all(),
    description="Alles: inlezen, kern, marts, vakwoordentabel en decks.",
)
inlezen = define_asset_job(
    "inlezen",
    selection=AssetSelection.groups(groepen.BRONNEN, groepen.KERN, groepen.MARTS) | AssetSelection.assets(LEESKOPIE),
    description="Nieuwe exports inlezen en kern en marts bijwerken (gestart door de sensor).",
)



def bron_assets(bronnen: Sequence[Bron]) -> list[AssetsDefinition]:
    return [a for b in bronnen for a in b.assets]


def bron_checks(bronnen: Sequence[Bron]) -> list[AssetChecksDefinition]:
    """Every source's own checks, plus the shared ones: reconciliation and refused files."""
    return [c for b in bronnen for c in (*reconciliatie_checks(b), *b.checks)]


ASSETS = [*bron_assets(BRONNEN), *KERN_ASSETS, *MART_ASSETS, *VAKWOORDEN_ASSETS, *DECK_ASSETS]

defs = Definitions(
    assets=[*ASSETS, maak_leeskopie(ASSETS), *RAPPORT_ASSETS],  # the read-only copy is published after every writing asset
    asset_checks=[*bron_checks(BRONNEN), *VAKWOORDEN_CHECKS, *MART_CHECKS],
    jobs=[hoofdtaak, inlezen],
    schedules=[
        ScheduleDefinition(
            name="dagelijks",
            job=hoofdtaak,
            cron_schedule="0 6 * * *",
            execution_timezone="Europe/Amsterdam",
            default_status=DefaultScheduleStatus.RUNNING,
            description="Elke ochtend om 6:00 alles bijwerken.",
        )
    ],
    sensors=[maak_landingssensor(inlezen)],
    resources={
        "warehouse": Warehouse(pad=_env(instellingen.WAREHOUSE, STANDAARD_WAREHOUSE)),
        "landingsplaats": Landingsplaats(
            map=_env(instellingen.DATA, str(DEMO_DATA)),
            max_bestand_mb=_env_getal(instellingen.MAX_BESTAND_MB, STANDAARD_MAX_BESTAND_MB),
            max_rijen=_env_getal(instellingen.MAX_RIJEN, STANDAARD_MAX_RIJEN),
            max_xlsx_mb=_env_getal(instellingen.MAX_XLSX_MB, STANDAARD_MAX_XLSX_MB),
        ),
        "pseudonimisering": Pseudonimisering(sleutel=_env(instellingen.SLEUTEL, "")),
        "uitvoer": Uitvoer(map=_env(instellingen.UITVOER, STANDAARD_UITVOER)),
    },
    # One DuckDB writer at a time: assets of a run execute one after another in one process.
    executor=in_process_executor,
)
