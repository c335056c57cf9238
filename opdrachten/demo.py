"""`vakwoorden demo`: run the main job headless (no UI needed) and print a short summary."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import threading
import time
from typing import Any


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "demo",
        help="draai de hoofdtaak (inlezen, warehouse, decks) en toon een samenvatting",
        description=(
            "Draait de Dagster-hoofdtaak zonder de webinterface: leest de landingsmap in "
            "(VAKWOORDEN_DATA, standaard de meegeleverde demogegevens), bouwt het warehouse "
            "(VAKWOORDEN_WAREHOUSE) en schrijft de decks (VAKWOORDEN_UIT). De runs zijn daarna te zien in 'dagster dev'. "
            "Relatieve paden in deze variabelen (en in DAGSTER_HOME) horen bij de projectmap."
        ),
    )
    parser.set_defaults(uitvoeren=voer_uit)


def _dagster_home() -> None:
    """DAGSTER_HOME as the README says: default the project's dagster_home/, a relative path is the project's."""
    from opdrachten.paden import projectpad

    home = projectpad(os.environ.get("DAGSTER_HOME") or "dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():  # a new home gets the project's settings (queue, run monitoring)
        shutil.copyfile(projectpad("dagster_home") / "dagster.yaml", home / "dagster.yaml")
    os.environ["DAGSTER_HOME"] = str(home)


class Voortgang(threading.Thread):
    """Follows the run's event log while it runs: files and rows read, tables built, decks written.

    The ingest and deck assets log a line per file and per deck; those lines and every finished step
    are shown, so a long run in a terminal is never silent. Nothing personal is in these lines.
    """

    def __init__(self, instance: Any, run_id: str, stroom: Any = None) -> None:
        super().__init__(daemon=True)
        self.instance, self.run_id = instance, run_id
        self.stroom = stroom if stroom is not None else sys.stderr
        self.stop = threading.Event()
        self.cursor: str | None = None
        self.stappen = 0

    def run(self) -> None:
        while not self.stop.wait(0.5):
            self.lees()
        self.lees()

    def lees(self) -> None:
        from dagster import DagsterEventType

        try:
            verbinding = self.instance.get_records_for_run(self.run_id, cursor=self.cursor, limit=500)
        except Exception:  # the run is not stored yet, or SQLite is busy: next time
            return
        self.cursor = verbinding.cursor
        for record in verbinding.records:
            entry = record.event_log_entry
            gebeurtenis = entry.dagster_event
            if gebeurtenis is None:
                if entry.level >= 20 and entry.user_message:  # the assets' own INFO lines
                    print(f"  {entry.step_key or ''}: {entry.user_message}".replace("  : ", "  "), file=self.stroom)
            elif gebeurtenis.event_type == DagsterEventType.STEP_SUCCESS:
                self.stappen += 1
                print(f"[{self.stappen}] klaar: {gebeurtenis.step_key}", file=self.stroom)
        self.stroom.flush()


def voer_uit(args: argparse.Namespace) -> int:
    _dagster_home()
    from dagster import DagsterInstance
    from dagster._core.utils import make_new_run_id

    from opdrachten.paden import warehouse
    from pipelines.definitions import defs

    begin = time.perf_counter()
    print("Hoofdtaak draait (inlezen, controleren, warehouse, decks)...", flush=True)
    job = defs.resolve_job_def("hoofdtaak")
    run_id = make_new_run_id()
    with DagsterInstance.get() as instance:
        voortgang = Voortgang(instance, run_id)
        voortgang.start()
        try:
            resultaat = job.execute_in_process(
                instance=instance,
                run_id=run_id,
                raise_on_error=False,
                # The terminal shows warnings and errors; every detail is in the run log in the UI.
                run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
            )
        finally:
            voortgang.stop.set()
            voortgang.join(timeout=5)
    duur = time.perf_counter() - begin
    mislukte_checks = [e for e in resultaat.get_asset_check_evaluations() if not e.passed]
    for check in mislukte_checks:
        details = "; ".join(f"{k}: {v.value}" for k, v in check.metadata.items())
        print(
            f"Controle niet gehaald: {check.check_name} ({check.asset_key.to_user_string()}): {details}",
            file=sys.stderr,
        )
    if not resultaat.success:
        for gebeurtenis in resultaat.all_events:
            if gebeurtenis.is_step_failure and gebeurtenis.step_failure_data:
                fout = gebeurtenis.step_failure_data.error
                print(f"Mislukt: {gebeurtenis.step_key}: {_melding(fout)}", file=sys.stderr)
        print(
            f"De hoofdtaak is mislukt na {duur:.0f} s. Zie hierboven, of de run in 'dagster dev'.",
            file=sys.stderr,
        )
        return 1
    print(f"Klaar in {duur:.0f} s (run {resultaat.run_id[:8]}).\n")
    from opdrachten.samenvatting import druk_samenvatting

    druk_samenvatting(warehouse())
    return 0


def _melding(fout: Any) -> str:
    """Our own Dutch message (the exception a step raised), without Dagster's wrapper or class names."""
    if fout is None:
        return ""
    # Dagster wraps the step's exception: the cause is ours (a Dutch message), unless it is Dagster's own.
    eigen = fout.cause if fout.cause is not None and "DagsterExecutionStepExecutionError" in fout.cls_name else fout
    melding = re.sub(r"^[\w.]+: ", "", str(eigen.message).strip())
    return melding.split("\n\nStack Trace")[0].strip()
