"""Kern: clean, de-duplicated tables promoted from staging once the blocking checks passed.

The SQL is in warehouse/kern/<table>.sql; the lineage follows from the tables each file reads
(pipelines/gedeeld/afkomst.py): no dependency is typed by hand.
"""

from __future__ import annotations

from dagster import AssetKey

from pipelines import groepen
from pipelines.bronnen import BRONNEN
from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.afkomst import afhankelijkheden
from pipelines.gedeeld.sql_assets import sql_assets
from pipelines.resources import WAREHOUSE_SQL

KERN_SQL = WAREHOUSE_SQL / "kern"
KERN_TABELLEN = sorted(f"kern.{p.stem}" for p in KERN_SQL.glob("*.sql"))


def kern(naam: str) -> AssetKey:
    return AssetKey(["kern", naam])


KERN_ASSETS = sql_assets(
    "kern",
    {
        tabel.removeprefix("kern."): afhankelijkheden(
            sqlbestanden.lees(KERN_SQL / f"{tabel.removeprefix('kern.')}.sql"), tabel, BRONNEN, KERN_TABELLEN
        )
        for tabel in KERN_TABELLEN
    },
    groep=groepen.KERN,
)
