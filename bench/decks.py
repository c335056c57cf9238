"""Benchmark: how cheap the decks are to rebuild (issue 16.8), on the bundled demo data.

    python bench/decks.py [--opwarmen] [--map MAP]
    python bench/decks.py --alleen-decks --map MAP    # only the deck assets, on MAP's warehouse
    python bench/decks.py --geluid [--sector metaal] [--aantal 50]   # audio settings compared

Runs the main job (`hoofdtaak`, in process, as `vakwoorden demo` does) twice in a fresh temporary
project state (warehouse, output folder, Dagster home; the audio cache is the normal one, see
``vakwoorden/anki/audio.py``), each run in a new Python process as Dagster and `vakwoorden demo`
run it (so nothing one run computed in memory helps the next):

1. a first run into an empty output folder and an empty warehouse (with ``--opwarmen`` preceded by
   a run that only fills the audio cache, whose warehouse, output and Dagster home are then
   removed, so this run has a warm audio cache and nothing else);
2. a second run with nothing changed.

Prints per run the wall time of the whole job and of the three deck steps, how many decks were
(re)built, and the size of the output folder (files counted once, however many hard links point
at them). Targets (issue 16): output under 100 MB, the main job under 20 s with a warm audio
cache, a second unchanged run under 5 s of deck work.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STIL = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


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


def media_in_pakketten(map_: Path) -> tuple[int, int, int]:
    """(bytes of media in all packages, bytes of distinct media, packages); hard links counted once."""
    import json
    import zipfile

    gezien: set[tuple[int, int]] = set()
    totaal, uniek, pakketten = 0, {}, 0
    for pad in sorted(map_.rglob("*.apkg")):
        stat = pad.stat()
        if (stat.st_dev, stat.st_ino) in gezien:
            continue
        gezien.add((stat.st_dev, stat.st_ino))
        pakketten += 1
        with zipfile.ZipFile(pad) as pakket:
            for nummer, naam in json.loads(pakket.read("media")).items():
                grootte = pakket.getinfo(nummer).compress_size
                totaal += grootte
                uniek[naam] = grootte
    return totaal, sum(uniek.values()), pakketten


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
            run_config=STIL,
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
    overig = {k: v for k, v in stappen.items() if k not in decks}
    groot = sorted(((v, k) for k, v in overig.items() if v >= 0.5), reverse=True)
    klein = [v for v in overig.values() if v < 0.5]
    print(
        f"  overige stappen: {', '.join(f'{k} {v:.1f} s' for v, k in groot)}; "
        f"{len(klein)} stappen onder 0,5 s samen {sum(klein):.1f} s; "
        f"buiten de stappen {duur - sum(stappen.values()):.1f} s",
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
        run_config=STIL,
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


def _lees_wav(pad: Path) -> tuple[object, int]:
    import numpy as np

    from vakwoorden.anki.audio import _wav_pcm

    pcm, frequentie = _wav_pcm(pad.read_bytes())
    return np.frombuffer(pcm, dtype="<i2").astype(np.float64), frequentie


def _kwaliteit(referentie: Path, mp3: Path, werkmap: Path) -> tuple[float, float] | None:
    """(PESQ-WB, STOI) of ``mp3`` against ``referentie`` (both at 16 kHz, aligned); None without the tools."""
    try:
        import numpy as np
        from pesq import pesq
        from pystoi import stoi
        from scipy.signal import correlate, resample_poly
    except ImportError:
        return None
    gedecodeerd = werkmap / "gedecodeerd.wav"
    subprocess.run(["lame", "--quiet", "--decode", str(mp3), str(gedecodeerd)], check=True)
    (ref, f_ref), (deg, f_deg) = _lees_wav(referentie), _lees_wav(gedecodeerd)

    def naar_16k(x: object, f: int) -> object:
        from math import gcd

        return x if f == 16000 else resample_poly(x, 16000 // gcd(16000, f), f // gcd(16000, f))

    r, d = naar_16k(ref, f_ref), naar_16k(deg, f_deg)
    n = min(len(r), len(d))  # type: ignore[arg-type]
    verschuiving = int(np.argmax(correlate(d[:n], r[:n], mode="full", method="fft"))) - (n - 1)  # type: ignore[index]
    d = d[verschuiving:] if verschuiving > 0 else np.concatenate([np.zeros(-verschuiving), d])  # type: ignore[index]
    n = min(len(r), len(d))  # type: ignore[arg-type]
    return float(pesq(16000, r[:n], d[:n], "wb")), float(stoi(r[:n], d[:n], 16000))  # type: ignore[index]


def geluid(sector: str, aantal: int) -> None:
    """Bit rate and quality of lame settings on ``aantal`` texts of ``sector`` (half words, half sentences)."""
    from statistics import mean

    from vakwoorden.anki.audio import (
        LAME_OPTIES,
        NASTILTE,
        SNELHEID,
        STEM,
        Uitspraak,
        _wav_pcm,
        kort_stilte_in,
    )
    from vakwoorden.anki.notitietype import uitgesproken_woord
    from vakwoorden.lijst import lees_lijst

    woorden = lees_lijst(sector)
    rng = random.Random(1)
    keuze = rng.sample(woorden, min(aantal // 2, len(woorden)))
    teksten = [uitgesproken_woord(w) for w in keuze] + [w.voorbeeldzin for w in keuze if w.voorbeeldzin]
    uitspraak = Uitspraak(Path(tempfile.mkdtemp()))
    nu = " ".join(LAME_OPTIES[1:])
    instellingen = {
        "48 kbit/s (vorige instelling)": "-m m -b 48 -q 7",
        "32 kbit/s": "-m m -b 32 -q 7",
        f"nu: {nu}": nu,
        "16 kbit/s, 16 kHz": "-m m --resample 16 -b 16 -q 7",
        "8 kbit/s, 8 kHz": "-m m --resample 8 -b 8 -q 7",
    }
    with tempfile.TemporaryDirectory(prefix="vakwoorden-geluid-") as tijdelijk:
        map_ = Path(tijdelijk)
        wavs: list[tuple[Path, float, float]] = []  # file, seconds, seconds after trimming
        for i, tekst in enumerate(teksten):
            wav = subprocess.run(
                ["espeak-ng", "-v", STEM, "-s", str(SNELHEID), "--stdin", "--stdout"],
                input=uitspraak.gesproken(tekst).encode("utf-8"),
                capture_output=True,
                check=True,
            ).stdout
            pcm, frequentie = _wav_pcm(wav)
            kort = kort_stilte_in(pcm, frequentie)
            pad = map_ / f"{i}.wav"
            import wave

            with wave.open(str(pad), "wb") as uit:
                uit.setnchannels(1)
                uit.setsampwidth(2)
                uit.setframerate(frequentie)
                uit.writeframes(kort)
            wavs.append((pad, len(pcm) / 2 / frequentie, len(kort) / 2 / frequentie))
        duur, kort_duur = sum(w[1] for w in wavs), sum(w[2] for w in wavs)
        print(
            f"{len(wavs)} teksten uit {sector}: {duur:.0f} s gesproken, {kort_duur:.0f} s na het inkorten van de "
            f"stilte aan het eind tot {NASTILTE} s ({100 * (1 - kort_duur / duur):.0f}% korter)",
            flush=True,
        )
        for naam, opties in instellingen.items():
            grootte, pesqs, stois = 0, [], []
            for pad, _, _ in wavs:
                mp3 = pad.with_suffix(".mp3")
                subprocess.run(["lame", "--quiet", *opties.split(), str(pad), str(mp3)], check=True)
                grootte += mp3.stat().st_size
                maat = _kwaliteit(pad, mp3, map_)
                if maat is not None:
                    pesqs.append(maat[0])
                    stois.append(maat[1])
            regel = f"  {naam:40s} {grootte * 8 / kort_duur / 1000:5.1f} kbit/s, {grootte / 1e6:.2f} MB"
            if pesqs:
                regel += (
                    f"; PESQ-WB {mean(pesqs):.2f} (laagste {min(pesqs):.2f}), "
                    f"STOI {mean(stois):.3f} (laagste {min(stois):.3f})"
                )
            print(regel, flush=True)
        if not pesqs:
            print("  (PESQ en STOI: installeer pesq, pystoi, numpy en scipy in een aparte omgeving)")


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
    parser.add_argument(
        "--geluid", action="store_true", help="lame-instellingen vergelijken (grootte, kwaliteit)"
    )
    parser.add_argument("--sector", default="metaal", help="bij --geluid: de sector waaruit de teksten komen")
    parser.add_argument("--aantal", type=int, default=50, help="bij --geluid: aantal teksten")
    parser.add_argument("--een-run", nargs=2, metavar=("NAAM", "JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.een_run:  # one run in this (new) process; the figures go to the JSON file
        naam, uitkomst = args.een_run
        Path(uitkomst).write_text(json.dumps(draai(naam)), encoding="utf-8")
        return
    if args.geluid:
        geluid(args.sector, args.aantal)
        return
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

    def nieuw_proces(naam: str) -> dict[str, float]:
        uitkomst = werkmap / "run.json"
        begin = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--een-run", naam, str(uitkomst)], check=True)
        figuren: dict[str, float] = json.loads(uitkomst.read_text(encoding="utf-8"))
        print(
            f"  (het hele proces, met Python en Dagster laden: {time.perf_counter() - begin:.1f} s)",
            flush=True,
        )
        return figuren

    try:
        if args.opwarmen:
            nieuw_proces("opwarmen")
            for map_ in ("uit", "warehouse", "dagster_home"):
                shutil.rmtree(werkmap / map_, ignore_errors=True)
            (werkmap / "dagster_home").mkdir()
            print(f"geluidscache nu {len(list(cache.glob('*.mp3')))} bestanden", flush=True)
        eerste = nieuw_proces("eerste run (lege uitvoermap, leeg warehouse)")
        bytes_, bestanden = grootte(werkmap / "uit")
        print(f"uitvoermap: {bytes_ / 1e6:.1f} MB in {bestanden} bestanden (harde links één keer geteld)")
        media, verschillend, pakketten = media_in_pakketten(werkmap / "uit")
        print(
            f"  geluid en afbeeldingen in de {pakketten} pakketten: {media / 1e6:.1f} MB, "
            f"waarvan {verschillend / 1e6:.1f} MB verschillend (elk pakket draagt zijn eigen media)"
        )
        for sub in (
            sorted((werkmap / "uit" / "decks").iterdir()) if (werkmap / "uit" / "decks").is_dir() else []
        ):
            if sub.is_dir():
                b, n = grootte(sub)
                print(f"  {sub.name}: {b / 1e6:.1f} MB in {n} bestanden")
        tweede = nieuw_proces("tweede run (niets veranderd)")
        print(
            f"Samenvatting: uitvoer {bytes_ / 1e6:.1f} MB (doel < 100), hoofdtaak {eerste['hoofdtaak']:.1f} s "
            f"(doel < 20 met warme cache), tweede run decks {tweede['decks']:.1f} s (doel < 5)"
        )
    finally:
        if args.map is None:
            shutil.rmtree(werkmap, ignore_errors=True)


if __name__ == "__main__":
    main()
