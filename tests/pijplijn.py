"""Helpers for the pipeline tests: materialize in-process into a tmp_path DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb
from dagster import AssetSelection, ExecuteInProcessResult, materialize

from pipelines.definitions import defs
from pipelines.resources import Landingsplaats, Pseudonimisering, Uitvoer, Warehouse

INLEZEN = AssetSelection.groups("bronnen", "kern", "marts") - AssetSelection.assets(["kern", "vakwoord"])
# Narrower selections for tests that look at one layer: a full run costs seconds of Dagster steps.
TAALAANBIEDERS = AssetSelection.assets(["staging", "taalaanbieders"])  # with its checks
TOT_KERN = AssetSelection.groups("bronnen", "kern") - AssetSelection.assets(["kern", "vakwoord"])
# The taalaanbieder exports up to kern's measurements, learners and hours (and nothing else).
KERN_NT2 = AssetSelection.assets(["kern", "nt2_meting"], ["kern", "leerling"], ["kern", "nt2_uren"]).upstream()
SLEUTEL = "test-sleutel-0123456789abcdef0123456789abcdef"


def draai(
    landing: Path,
    database: Path,
    sleutel: str = SLEUTEL,
    selectie: AssetSelection = INLEZEN,
    uit: Path | None = None,
    run_config: dict | None = None,
) -> ExecuteInProcessResult:
    resources = {
        "warehouse": Warehouse(pad=str(database)),
        "landingsplaats": Landingsplaats(map=str(landing)),
        "pseudonimisering": Pseudonimisering(sleutel=sleutel),
        "uitvoer": Uitvoer(map=str(uit or database.parent / "uit")),
    }
    assets = list(defs.assets or [])
    checks = list(defs.asset_checks or [])
    return materialize(
        [*assets, *checks], resources=resources, selection=selectie, run_config=run_config, raise_on_error=False
    )


def tabellen(database: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without load timestamps: for comparing two runs."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        namen = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() ORDER BY schema_name, table_name"
        ).fetchall()
        inhoud = {}
        for schema, tabel in namen:
            rel = con.table(f"{schema}.{tabel}")
            kolommen = [k for k in rel.columns if k not in ("geladen_op", "geweigerd_op")]
            inhoud[f"{schema}.{tabel}"] = sorted(rel.select(*kolommen).fetchall(), key=repr)
        return inhoud
    finally:
        con.close()


def vraag(database: Path, sql: str, parameters: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        return con.execute(sql, parameters or []).fetchall()
    finally:
        con.close()
