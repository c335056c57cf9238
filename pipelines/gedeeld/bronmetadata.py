"""Dagster metadata for a source's staging asset, the same for every source.

Besides what a run did (its Verslag), a staging asset shows the state of the warehouse after the
run: ``dagster/row_count`` and ``dagster/column_schema`` of the source's main staging table (the
first of ``Bron.tabellen``; every table's row count in ``tabellen``), and the cumulative
``quarantaine_totaal`` (rows in controle.quarantaine for the source's files, whichever run put them
there: a run whose files were unchanged still shows them) and ``geweigerd_totaal`` (refused files
of the source), with a markdown preview of the quarantine: file, row and reason only (reasons never
hold an identifier).
"""

from __future__ import annotations

from typing import Any

import duckdb
from dagster import MetadataValue

from pipelines.gedeeld.woordenboek import EIGENAAR, kolomschema
from pipelines.resources import lees_sql

KINDS = frozenset({"duckdb", "polars"})  # every staging asset; a source adds its file kinds (csv, excel, ...)
EIGENAREN = [EIGENAAR]
VOORBEELD_RIJEN = 20


def _cel(waarde: object) -> str:
    return str(waarde).replace("|", "\\|").replace("\n", " ")


def quarantaine_voorbeeld(con: duckdb.DuckDBPyConnection, bron: str, aantal: int = VOORBEELD_RIJEN) -> str:
    """Markdown table of the first ``aantal`` quarantined rows of the source's files."""
    rijen = con.execute(lees_sql("beschrijving/quarantaine_voorbeeld.sql"), {"bron": bron, "aantal": aantal}).fetchall()
    if not rijen:
        return "Geen rijen in quarantaine."
    regels = ["| bestand | regel | reden |", "|---|---|---|"]
    regels += [f"| {_cel(b)} | {r} | {_cel(reden)} |" for b, r, reden in rijen]
    return "\n".join(regels)


def bron_metadata(con: duckdb.DuckDBPyConnection, bron: str) -> dict[str, Any]:
    """The warehouse-side metadata of source ``bron`` (its name in pipelines/bronnen.py)."""
    from pipelines.bronnen import BRONNEN  # the sources import this module: look them up when used

    declaratie = next((b for b in BRONNEN if b.naam == bron), None)
    if declaratie is None:
        raise ValueError(f"onbekende bron: {bron!r} (zie pipelines/bronnen.py)")
    rijen = {t: int(con.table(t).aggregate("count(*)").fetchall()[0][0]) for t in declaratie.tabellen}
    metadata: dict[str, Any] = {}
    if declaratie.tabellen:
        hoofd = declaratie.tabellen[0]
        metadata["dagster/row_count"] = MetadataValue.int(rijen[hoofd])
        metadata["dagster/column_schema"] = MetadataValue.table_schema(kolomschema(con, hoofd))
        metadata["tabellen"] = MetadataValue.md(
            "| tabel | rijen |\n|---|---|\n" + "\n".join(f"| {t} | {n} |" for t, n in rijen.items())
        )
    totaal = con.execute(lees_sql("beschrijving/quarantaine_totaal.sql"), {"bron": bron}).fetchall()[0][0]
    geweigerd = con.execute(lees_sql("beschrijving/geweigerd_totaal.sql"), {"bron": bron}).fetchall()[0][0]
    metadata["quarantaine_totaal"] = MetadataValue.int(int(totaal))
    metadata["geweigerd_totaal"] = MetadataValue.int(int(geweigerd))
    metadata["quarantaine_voorbeeld"] = MetadataValue.md(quarantaine_voorbeeld(con, bron))
    return metadata
