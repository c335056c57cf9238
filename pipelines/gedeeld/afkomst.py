"""Lineage read from the SQL itself: which warehouse tables a statement reads.

A kern or mart asset's upstream assets follow from the tables its .sql file names, so lineage is
never typed twice: a staging table belongs to the source that declares it (pipelines/bronnen.py),
a kern or mart table to its own asset. Tables that are no asset (kern.erk_niveau, the controle
tables) are not lineage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dagster import AssetKey

from pipelines.gedeeld.bron import Bron

_COMMENTAAR = re.compile(r"--[^\n]*")
_TEKST = re.compile(r"'(?:[^']|'')*'")
_TABEL = re.compile(r"\b(staging|kern|mart)\.([a-z_][a-z0-9_]*)\b", re.IGNORECASE)


def gelezen_tabellen(sql: str) -> set[str]:
    """Every ``schema.table`` of the staging, kern and mart schemas the SQL names (not in comments
    or string literals)."""
    kaal = _TEKST.sub("''", _COMMENTAAR.sub("", sql))
    return {f"{s.lower()}.{t.lower()}" for s, t in _TABEL.findall(kaal)}


def afhankelijkheden(
    sql: str, zelf: str, bronnen: Iterable[Bron], assets: Iterable[str]
) -> list[AssetKey]:
    """The upstream assets of the table ``zelf`` (``schema.table``) whose SQL is ``sql``: the sources
    of the staging tables it reads, and the kern/mart tables it reads that are assets (``assets``)."""
    per_tabel = {tabel: bron.asset for bron in bronnen for tabel in bron.tabellen}
    bekend = set(assets)
    deps: dict[AssetKey, None] = {}
    for tabel in sorted(gelezen_tabellen(sql) - {zelf}):
        if tabel in per_tabel:
            deps[per_tabel[tabel]] = None
        elif tabel in bekend:
            deps[AssetKey(tabel.split("."))] = None
    return list(deps)
