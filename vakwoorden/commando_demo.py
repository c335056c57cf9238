"""`vakwoorden demo`: run the main job headless (no UI needed) and print a short summary."""

from __future__ import annotations

import argparse
import os
import sys
import time

from vakwoorden.samenvatting import druk_samenvatting


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "demo",
        help="draai de hoofdtaak (inlezen, warehouse, decks) en toon een samenvatting",
        description=(
            "Draait de Dagster-hoofdtaak zonder de webinterface: leest de landingsmap in "
            "(VAKWOORDEN_DATA, standaard de meegeleverde demogegevens), bouwt het warehouse "
            "(VAKWOORDEN_WAREHOUSE) en schrijft de decks (VAKWOORDEN_UIT). De runs zijn daarna te zien in 'dagster dev'."
        ),
    )
    parser.set_defaults(uitvoeren=voer_uit)


def voer_uit(args: argparse.Namespace) -> int:
    from pipelines.resources import PROJECTMAP

    os.environ.setdefault("DAGSTER_HOME", str(PROJECTMAP / "dagster_home"))
    from dagster import DagsterInstance

    from pipelines.definitions import defs

    begin = time.perf_counter()
    print("Hoofdtaak draait (inlezen, controleren, warehouse, decks)...", flush=True)
    job = defs.resolve_job_def("hoofdtaak")
    with DagsterInstance.get() as instance:
        resultaat = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            # The terminal shows warnings and errors; every detail is in the run log in the UI.
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        )
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
                melding = fout.cause.message if fout and fout.cause else (fout.message if fout else "")
                print(f"Mislukt: {gebeurtenis.step_key}: {melding.strip()}", file=sys.stderr)
        print(
            f"De hoofdtaak is mislukt na {duur:.0f} s. Zie hierboven, of de run in 'dagster dev'.",
            file=sys.stderr,
        )
        return 1
    print(f"Klaar in {duur:.0f} s (run {resultaat.run_id[:8]}).\n")
    defs_resources = defs.resources or {}
    warehouse = defs_resources["warehouse"]
    druk_samenvatting(warehouse.bestand)  # type: ignore[attr-defined]
    return 0
