"""Benchmark: how cheap the decks are to rebuild (issue 16.8), on the bundled demo data.

    python bench/decks.py [--opwarmen] [--map MAP]
    python bench/decks.py --alleen-decks --map MAP    # only the deck assets, on MAP's warehouse

Runs the main job (`hoofdtaak`, in process, as `vakwoorden demo` does) twice in a fresh temporary
project state (warehouse, output folder, Dagster home; the audio cache is the normal one, see
``vakwoorden/anki/audio.py``):

1. a first run into an empty output folder (with ``--opwarmen`` preceded by a run that only fills
   the audio cache, so this run has a warm cache);
2. a second run with nothing changed.

Prints per run the wall time of the whole job and of the three deck steps, how many decks were
(re)built, and the size of the output folder (files counted once, however many hard links point
at them). Targets (issue 16): output under 100 MB, the main job under 20 s with a warm audio
cache, a second unchanged run under 5 s of deck work.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path


def grootte(map_: Path) -> tuple[int, int]:
    """(bytes, files) under ``map_``, each file counted once (hard links share one inode)."""
    gezien: set[tuple[int, int]] = set()
    totaal = bestanden = 0
    for pad in map_.rglob("*"):
        if pad.is_file() and not pad.is_symlink():
            stat = pad.stat()
            if (stat.st_dev, stat.st_ino) not in gezien:
                gezien.add((stat.st_dev, stat.st_ino))
                totaal += stat.st_size
                bestanden += 1
    return totaal, bestanden


def draai(naam: str) -> dict[str, float]:
    """One run of the main job; wall time of the job and of each deck step, in seconds."""
    from dagster import DagsterEventType, DagsterInstance

    from pipelines.definitions import defs

    job = defs.resolve_job_def("hoofdtaak")
    begin = time.perf_counter()
    with DagsterInstance.get() as instance:
        resultaat = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}},
        )
        duur = time.perf_counter() - begin
        starts: dict[str, float] = {}
        stappen: dict[str, float] = {}
        for regel in instance.all_logs(resultaat.run_id):
            gebeurtenis = regel.dagster_event
            if gebeurtenis is None or not gebeurtenis.step_key:
                continue
            if gebeurtenis.event_type == DagsterEventType.STEP_START:
                starts[gebeurtenis.step_key] = regel.timestamp
            elif gebeurtenis.event_type in (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE):
                stappen[gebeurtenis.step_key] = regel.timestamp - starts.get(
                    gebeurtenis.step_key, regel.timestamp
                )
        overgeslagen = gebouwd = 0
        for gebeurtenis in resultaat.get_asset_materialization_events():
            sleutel = gebeurtenis.asset_key.to_user_string() if gebeurtenis.asset_key else ""
            if sleutel.startswith("decks/"):
                metadata = gebeurtenis.materialization.metadata
                aantal = metadata.get("decks")
                niet = metadata.get("ongewijzigd_niet_herbouwd")
                if aantal is not None and niet is not None:
                    overgeslagen += int(niet.value)  # type: ignore[arg-type]
                    gebouwd += int(aantal.value) - int(niet.value)  # type: ignore[arg-type]
    if not resultaat.success:
        raise SystemExit(f"{naam}: de hoofdtaak is mislukt")
    decks = {k: v for k, v in stappen.items() if k.startswith("decks")}
    print(
        f"{naam}: hoofdtaak {duur:.1f} s; decks {sum(decks.values()):.1f} s "
        f"({', '.join(f'{k} {v:.1f} s' for k, v in sorted(decks.items()))}); "
        f"{gebouwd} decks gebouwd, {overgeslagen} ongewijzigd gelaten",
        flush=True,
    )
    return {"hoofdtaak": duur, "decks": sum(decks.values())}


def alleen_decks(naam: str, werkmap: Path) -> dict[str, float]:
    """Only the three deck assets (warehouse already built in ``werkmap``): wall and CPU time."""
    from dagster import materialize

    from pipelines.decks.assets import DECK_ASSETS
    from pipelines.resources import Uitvoer, Warehouse

    begin, cpu_begin = time.perf_counter(), time.process_time()
    resultaat = materialize(
        DECK_ASSETS,
        resources={
            "warehouse": Warehouse(pad=str(werkmap / "warehouse" / "vakwoorden.duckdb")),
            "uitvoer": Uitvoer(map=str(werkmap / "uit")),
        },
        raise_on_error=True,
    )
    duur, cpu = time.perf_counter() - begin, time.process_time() - cpu_begin
    gebouwd = overgeslagen = 0
    for gebeurtenis in resultaat.get_asset_materialization_events():
        metadata = gebeurtenis.materialization.metadata
        decks, niet = metadata.get("decks"), metadata.get("ongewijzigd_niet_herbouwd")
        if decks is not None and niet is not None:
            overgeslagen += int(niet.value)  # type: ignore[arg-type]
            gebouwd += int(decks.value) - int(niet.value)  # type: ignore[arg-type]
    print(
        f"{naam}: decks {duur:.1f} s ({cpu:.1f} s CPU); {gebouwd} gebouwd, {overgeslagen} ongewijzigd",
        flush=True,
    )
    return {"decks": duur, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--opwarmen", action="store_true", help="eerst een run die alleen de geluidscache vult"
    )
    parser.add_argument("--map", type=Path, help="werkmap (standaard: een tijdelijke map, daarna weg)")
    parser.add_argument(
        "--alleen-decks",
        action="store_true",
        help="alleen de deck-assets, op het warehouse in --map (uitvoer eerst leeg)",
    )
    args = parser.parse_args()
    if args.alleen_decks:
        if args.map is None:
            parser.error("--alleen-decks vraagt --map met een gebouwd warehouse")
        os.environ.setdefault("DAGSTER_HOME", str(args.map / "dagster_home"))
        shutil.rmtree(args.map / "uit", ignore_errors=True)
        alleen_decks("eerste keer (lege uitvoermap)", args.map)
        bytes_, bestanden = grootte(args.map / "uit")
        print(f"uitvoermap: {bytes_ / 1e6:.1f} MB in {bestanden} bestanden (harde links één keer geteld)")
        for sub in sorted((args.map / "uit" / "decks").glob("*/")):
            b, n = grootte(sub)
            print(f"  {sub.name}: {b / 1e6:.1f} MB in {n} bestanden")
        alleen_decks("tweede keer (niets veranderd)", args.map)
        return
    werkmap = args.map or Path(tempfile.mkdtemp(prefix="vakwoorden-bench-decks-"))
    werkmap.mkdir(parents=True, exist_ok=True)
    os.environ["VAKWOORDEN_WAREHOUSE"] = str(werkmap / "warehouse" / "vakwoorden.duckdb")
    os.environ["VAKWOORDEN_UIT"] = str(werkmap / "uit")
    os.environ["DAGSTER_HOME"] = str(werkmap / "dagster_home")
    (werkmap / "dagster_home").mkdir(exist_ok=True)
    from vakwoorden.anki.audio import standaard_cache

    cache = standaard_cache()
    voor = len(list(cache.glob("*.mp3"))) if cache.is_dir() else 0
    print(f"Werkmap {werkmap}; geluidscache {cache} ({voor} bestanden)", flush=True)
    try:
        if args.opwarmen:
            draai("opwarmen")
            shutil.rmtree(werkmap / "uit", ignore_errors=True)
            print(f"geluidscache nu {len(list(cache.glob('*.mp3')))} bestanden", flush=True)
        eerste = draai("eerste run (lege uitvoermap)")
        bytes_, bestanden = grootte(werkmap / "uit")
        print(f"uitvoermap: {bytes_ / 1e6:.1f} MB in {bestanden} bestanden (harde links één keer geteld)")
        for sub in (
            sorted((werkmap / "uit" / "decks").iterdir()) if (werkmap / "uit" / "decks").is_dir() else []
        ):
            if sub.is_dir():
                b, n = grootte(sub)
                print(f"  {sub.name}: {b / 1e6:.1f} MB in {n} bestanden")
        tweede = draai("tweede run (niets veranderd)")
        print(
            f"Samenvatting: uitvoer {bytes_ / 1e6:.1f} MB (doel < 100), hoofdtaak {eerste['hoofdtaak']:.1f} s "
            f"(doel < 20 met warme cache), tweede run decks {tweede['decks']:.1f} s (doel < 5)"
        )
    finally:
        if args.map is None:
            shutil.rmtree(werkmap, ignore_errors=True)


if __name__ == "__main__":
    main()
