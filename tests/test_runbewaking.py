"""Run monitoring: a run whose process is killed (kill -9) is marked failed by the daemon, and the
next queued run starts; with the real instance configuration (dagster_home/dagster.yaml)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dagster import DagsterEventType, DagsterInstance, DagsterRunStatus, RunsFilter

PROJECT = Path(__file__).parent.parent
# The `dagster` command, waiting for a signal file (argv[1]) before it runs with the arguments after it.
LANCEER = """
import os, sys, time
from dagster._cli import main
sein = sys.argv.pop(1)
while not os.path.exists(sein):
    time.sleep(0.05)
sys.argv[0] = "dagster"
main()
"""


def _wacht(voorwaarde, seconden: float, wat: str):  # type: ignore[no-untyped-def]
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            uitkomst = voorwaarde()
        except Exception as fout:  # SQLite busy while the daemon writes: ask again
            if "locked" not in str(fout):
                raise
            uitkomst = None
        if uitkomst:
            return uitkomst
        time.sleep(0.5)
    raise AssertionError(f"wachten op {wat} duurde langer dan {seconden} s")


def test_gecrashte_run_houdt_de_wachtrij_niet_op(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """kill -9 of a run's process: the daemon marks the run failed and the next queued run completes.

    The crashed run runs in its own process, as `vakwoorden demo` or `dagster asset materialize` do (no
    code server that could notice), so only run monitoring with our launcher's health check can free
    the queue. The real instance configuration (dagster_home/dagster.yaml: a queue of one run, run
    monitoring, our launcher), with the check interval shortened from 30 s to 2 s and the queue
    looked at every second for the test.
    """
    home = tmp_path / "home"
    home.mkdir()
    configuratie = (PROJECT / "dagster_home" / "dagster.yaml").read_text(encoding="utf-8")
    assert "poll_interval_seconds: 30" in configuratie and "max_resume_run_attempts: 0" in configuratie
    interval = os.environ.get("VAKWOORDEN_TEST_MONITORING_SECONDEN", "2")  # 30 to measure the real setting
    assert "    max_concurrent_runs: 1\n" in configuratie
    # The queue is also looked at every second instead of Dagster's default 5 s (the test's wait below is 2 s).
    configuratie = configuratie.replace("    max_concurrent_runs: 1\n", "    max_concurrent_runs: 1\n    dequeue_interval_seconds: 1\n")
    (home / "dagster.yaml").write_text(configuratie.replace("poll_interval_seconds: 30", f"poll_interval_seconds: {interval}"))
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    omgeving = {**os.environ, "PYTHONPATH": str(PROJECT)}
    bin_ = Path(sys.executable).parent
    code = ["-f", str(Path(__file__).parent / "runbewaking_taken.py"), "--working-directory", str(PROJECT)]
    DagsterInstance.from_config(str(home)).dispose()  # create the SQLite storage once, before processes race to
    log = (tmp_path / "daemon.log").open("w")
    daemon = subprocess.Popen(
        [str(bin_ / "dagster-daemon"), "run", *code], env=omgeving, cwd=PROJECT, start_new_session=True,
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    werker = subprocess.Popen(
        [str(bin_ / "dagster"), "job", "execute", *code, "-j", "slapen"], env=omgeving, cwd=PROJECT,
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    # `dagster job launch -j snel`, started now so that it loads Dagster while the first run starts;
    # it launches once the first run is running (the signal file).
    sein = tmp_path / "lanceer"
    lanceerder = subprocess.Popen(
        [sys.executable, "-c", LANCEER, str(sein), "job", "launch", *code, "-j", "snel"], env=omgeving,
        cwd=PROJECT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        with DagsterInstance.from_config(str(home)) as instance:

            def run_van(taak: str):  # type: ignore[no-untyped-def]
                runs = instance.get_runs(RunsFilter(job_name=taak))
                return runs[0] if runs else None

            def gestart() -> bool:
                run = run_van("slapen")
                return bool(run and instance.all_logs(run.run_id, of_type=DagsterEventType.STEP_START))

            def toestand(fout: AssertionError) -> AssertionError:
                staat = [(r.job_name, r.status) for r in instance.get_runs()]
                return AssertionError(f"{fout}: {staat}\n{(tmp_path / 'daemon.log').read_text()[-3000:]}")

            try:
                _wacht(gestart, 120, "de start van de eerste run")  # the machine may be busy
            except AssertionError as fout:
                raise toestand(fout) from fout
            sein.touch()
            _, fout = lanceerder.communicate(timeout=120)
            assert lanceerder.returncode == 0, fout[-3000:]
            time.sleep(2)  # two looks at the queue (every second here)
            assert run_van("snel").status == DagsterRunStatus.QUEUED  # waits behind the first run
            os.killpg(werker.pid, signal.SIGKILL)
            werker.wait()
            gedood = time.time()
            try:
                _wacht(lambda: run_van("slapen").status == DagsterRunStatus.FAILURE, 30, "de gecrashte run als mislukt")
                _wacht(lambda: run_van("snel").status == DagsterRunStatus.SUCCESS, 120, "de volgende run")
            except AssertionError as fout:
                raise toestand(fout) from fout
            (mislukt,) = instance.all_logs(run_van("slapen").run_id, of_type=DagsterEventType.RUN_FAILURE)
            (volgende_start,) = instance.all_logs(run_van("snel").run_id, of_type=DagsterEventType.RUN_START)
            print(f"gecrashte run mislukt na {mislukt.timestamp - gedood:.1f} s; "
                  f"volgende run gestart na {volgende_start.timestamp - gedood:.1f} s")  # fmt: skip
            interval = float(re.search(r"poll_interval_seconds: (\d+)", (home / "dagster.yaml").read_text())[1])  # type: ignore[index]
            assert mislukt.timestamp - gedood < interval + 8  # at most the check interval (2 s here, 30 s in dagster.yaml)
            assert f"Het proces van deze run (pid {werker.pid}) bestaat niet meer" in (mislukt.dagster_event.message or "")  # type: ignore[union-attr]
    finally:
        for proces in (werker, lanceerder, daemon):
            if proces.poll() is None:
                os.killpg(proces.pid, signal.SIGTERM)
                try:
                    proces.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proces.pid, signal.SIGKILL)
                    proces.wait()
        log.close()
