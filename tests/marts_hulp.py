"""A demo warehouse built once per test session for the marts, export and report tests."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from dagster import AssetSelection, DagsterEvent
from dagster._core.execution.execution_result import ExecutionResult
from dagster_shared.serdes import deserialize_value, serialize_value
from pijplijn import draai

from pipelines.demodata import genereer

SELECTIE = AssetSelection.groups("bronnen", "kern", "marts") | AssetSelection.key_prefixes(["rapporten"])


class VastgelegdeRun(ExecutionResult):
    """A finished run's events, read back from a file: the questions the tests ask of a run
    (check evaluations, materializations per node) without the run object itself."""

    def __init__(self, events: Sequence[DagsterEvent]) -> None:
        self._events = list(events)

    @property
    def all_events(self) -> Sequence[DagsterEvent]:
        return self._events

    @property
    def success(self) -> bool:
        return not any(e.is_step_failure for e in self._events)

    @property
    def run_id(self) -> str:
        return self._events[0].run_id if self._events else ""  # type: ignore[attr-defined]

    @property
    def job_def(self):  # type: ignore[no-untyped-def]
        raise NotImplementedError

    @property
    def dagster_run(self):  # type: ignore[no-untyped-def]
        raise NotImplementedError

    def _get_output_for_handle(self, handle, output_name):  # type: ignore[no-untyped-def]
        raise NotImplementedError


@dataclass
class Demo:
    landing: Path
    database: Path
    uit: Path
    resultaat: ExecutionResult

    def lees(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.database), read_only=True)


_GEBOUWD: list[Demo] = []


def bouw_demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """Build the demo warehouse once per session (test modules register this as their fixture).

    With pytest-xdist the workers share one build: the first builds it under a file lock and keeps
    the run's events; the others wait for it and read them. The tests only read the warehouse (or a
    copy of it), which any number of processes may do at once.
    """
    if _GEBOUWD:
        return _GEBOUWD[0]
    basis = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        basis = basis.parent  # shared by every worker of this session
    map_ = basis / "demo-marts"
    landing, database, uit, gebeurtenissen = map_ / "landing", map_ / "wh.duckdb", map_ / "uit", map_ / "run.json"
    with (basis / "demo-marts.lock").open("w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not gebeurtenissen.exists():
            genereer(landing, leerlingen=150, zaad=15)
            resultaat = draai(landing, database, selectie=SELECTIE, uit=uit)
            assert resultaat.success, [e for e in resultaat.all_events if e.is_step_failure][:1]
            gebeurtenissen.write_text(serialize_value(list(resultaat.all_events)), encoding="utf-8")
        events = deserialize_value(gebeurtenissen.read_text(encoding="utf-8"), as_type=list)
    _GEBOUWD.append(Demo(landing, database, uit, VastgelegdeRun(events)))
    return _GEBOUWD[0]
