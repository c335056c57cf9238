"""A demo warehouse built once per test session for the marts, export and report tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from dagster import AssetSelection, ExecuteInProcessResult
from pijplijn import draai

from pipelines.demodata import genereer

SELECTIE = AssetSelection.groups("bronnen", "kern", "marts") | AssetSelection.key_prefixes(["rapporten"])


@dataclass
class Demo:
    landing: Path
    database: Path
    uit: Path
    resultaat: ExecuteInProcessResult

    def lees(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.database), read_only=True)


_GEBOUWD: list[Demo] = []


def bouw_demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """Build the demo warehouse once per session (test modules register this as their fixture)."""
    if _GEBOUWD:
        return _GEBOUWD[0]
    map_ = tmp_path_factory.mktemp("marts")
    landing = map_ / "landing"
    genereer(landing, leerlingen=150, zaad=15)
    database = map_ / "wh.duckdb"
    uit = map_ / "uit"
    resultaat = draai(landing, database, selectie=SELECTIE, uit=uit)
    assert resultaat.success, [e for e in resultaat.all_events if e.is_step_failure][:1]
    _GEBOUWD.append(Demo(landing, database, uit, resultaat))
    return _GEBOUWD[0]
