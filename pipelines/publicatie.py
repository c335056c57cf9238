"""The last step of a run: publish the warehouse as a read-only copy for readers.

Readers (the data team's notebooks, `vakwoorden deck`, the summary) open the copy, never the
working file, so they never block a run and never see half of one: during a run they see the state
after the previous run, afterwards the new state. The copy depends on every asset that writes the
warehouse, so it is made after all of them, and not at all when a blocking check stopped the run.
"""

from collections.abc import Sequence

from dagster import AssetExecutionContext, AssetKey, AssetsDefinition, MaterializeResult, asset

from pipelines import groepen
from pipelines.resources import Warehouse

LEESKOPIE = AssetKey(["warehouse", "leeskopie"])
GROEP = groepen.UITVOER
NIET_SCHRIJVEND = frozenset({"decks"})  # assets (by the first part of their key) that only read the warehouse


def schrijvende_assets(assets: Sequence[AssetsDefinition]) -> list[AssetKey]:
    return sorted(
        (sleutel for a in assets for sleutel in a.keys if sleutel.path[0] not in NIET_SCHRIJVEND),
        key=lambda k: k.to_user_string(),
    )


def maak_leeskopie(assets: Sequence[AssetsDefinition]) -> AssetsDefinition:
    @asset(
        key=LEESKOPIE,
        deps=schrijvende_assets(assets),
        group_name=GROEP,
        description=(
            "Leeskopie van het warehouse (vakwoorden_lezen.duckdb): aan het eind van elke run in één keer vervangen. "
            "Open deze voor vragen; hij houdt nooit een run op en toont nooit een halve run."
        ),
    )
    def leeskopie(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
        doel = warehouse.publiceer()
        context.log.info(f"Leeskopie bijgewerkt: {doel}")
        return MaterializeResult(metadata={"bestand": str(doel), "bytes": doel.stat().st_size})

    return leeskopie
