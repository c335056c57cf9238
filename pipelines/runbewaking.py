"""Crashed runs are marked failed, so the queue continues.

Dagster's run monitoring (``run_monitoring`` in dagster_home/dagster.yaml, done by the daemon)
asks the run launcher whether a STARTED run's worker still lives. Dagster's DefaultRunLauncher
cannot answer (``supports_check_run_worker_health`` is False): with it, a run whose process was
killed (kill -9, out of memory, a reboot) stays STARTED for ever and, with ``max_concurrent_runs:
1``, every later run waits behind it. This launcher is the DefaultRunLauncher plus that answer:
the worker's process id is in the run's RUN_START event (Dagster records the pid of the process
that wrote each event), and on this one machine we can ask the OS whether that process still runs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dagster import DagsterEventType, DagsterRun
from dagster._core.launcher import CheckRunHealthResult, WorkerStatus
from dagster._core.launcher.default_run_launcher import DefaultRunLauncher
from dagster._serdes import ConfigurableClassData

SPELING_SECONDEN = 5.0  # a process that started this much later than the run is another one (pid reused)


def _starttijd(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), from /proc; None when unknown."""
    try:
        velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        opstart = next(
            float(r.split()[1]) for r in Path("/proc/stat").read_text().splitlines() if r.startswith("btime ")
        )
        return opstart + int(velden[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError, StopIteration):
        return None


def _status(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def proces_leeft(pid: int, sinds: float) -> bool:
    """True when process ``pid`` runs and is the one that was running at ``sinds`` (not a reused pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    if _status(pid) in ("Z", "X"):  # killed, not yet reaped by its parent
        return False
    gestart = _starttijd(pid)
    return gestart is None or gestart <= sinds + SPELING_SECONDEN


class BewaakteRunLauncher(DefaultRunLauncher):
    """The DefaultRunLauncher, plus a health check of the run worker's process for run monitoring."""

    @classmethod
    def from_config_value(cls, inst_data: ConfigurableClassData, config_value: Mapping[str, Any]) -> BewaakteRunLauncher:
        return cls(inst_data=inst_data)

    @property
    def supports_check_run_worker_health(self) -> bool:
        return True

    def check_run_worker_health(self, run: DagsterRun) -> CheckRunHealthResult:
        starts = self._instance.all_logs(run.run_id, of_type=DagsterEventType.RUN_START)
        werker = next((e for e in reversed(starts) if e.dagster_event and e.dagster_event.pid), None)
        if werker is None or werker.dagster_event is None or werker.dagster_event.pid is None:
            # Not started yet: run monitoring's start timeout covers a worker that never starts.
            return CheckRunHealthResult(WorkerStatus.RUNNING, "het proces van de run is nog niet bekend")
        pid = werker.dagster_event.pid
        if proces_leeft(pid, werker.timestamp):
            return CheckRunHealthResult(WorkerStatus.RUNNING, f"proces {pid} draait")
        return CheckRunHealthResult(
            WorkerStatus.FAILED,
            f"Het proces van deze run (pid {pid}) bestaat niet meer: het is afgebroken (kill -9, te weinig geheugen "
            "of een herstart). De run is daarom als mislukt gemarkeerd, zodat de volgende runs in de wachtrij "
            "kunnen starten. Het warehouse is niet half bijgewerkt (elke lading is één transactie); start de run "
            "opnieuw als de sensor of het schema dat niet al doet.",
        )
