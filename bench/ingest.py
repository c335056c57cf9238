"""Benchmark: the pipeline's ingest of one large taalaanbieder file vs. a bare DuckDB read_csv.

    python bench/ingest.py [--rijen 2000000]

Both load the same ';'-separated Windows-1252 file (Taalschool Noord's format) into a fresh
DuckDB file. The pipeline additionally checks the encoding strictly, validates every row
(11-proef, dates, levels, hours), pseudonymises with HMAC and loads staging, quarantine and
normalisation log in one transaction. Prints each round (wall time, ratio, CPU time), the ratio
of the best times (target: <= 2x), the median of the per-round ratios and of the CPU times, and,
separately, the time of the next step downstream (unpivoting into kern.nt2_meting) after the
last round.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

import duckdb

from pipelines.demodata import MAPPINGS, genereer_groot
from pipelines.gedeeld.laden import Landingsbestand, Versie, sha256
from pipelines.resources import lees_sql, maak_schema
from pipelines.taalaanbieders.laden import laad_verwerkt
from pipelines.taalaanbieders.mapping import lees_mapping
from pipelines.taalaanbieders.verwerken import verwerk_bestand

P = ParamSpec("P")
R = TypeVar("R")


def cpu() -> float:
    """CPU seconds this process used so far, in all its threads (DuckDB's included)."""
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    return gebruik.ru_utime + gebruik.ru_stime


def gemeten(functie: Callable[P, R], *argumenten: P.args, **benoemd: P.kwargs) -> tuple[R, float]:
    """(result, CPU seconds) of one call."""
    begin = cpu()
    uitkomst = functie(*argumenten, **benoemd)
    return uitkomst, cpu() - begin


def kaal_duckdb(pad: Path, database: Path) -> float:
    begin = time.perf_counter()
    con = duckdb.connect(str(database))
    con.execute(
        "CREATE TABLE ruw AS SELECT * FROM read_csv(?, delim = ';', header = true, all_varchar = true, encoding = 'latin-1')",
        [str(pad)],
    )
    con.close()
    return time.perf_counter() - begin


def pijplijn(pad: Path, mapping_pad: Path, database: Path) -> tuple[float, int, int]:
    begin = time.perf_counter()
    mapping = lees_mapping(mapping_pad)
    con = duckdb.connect(str(database))
    maak_schema(con)
    bestand = "taalaanbieders/taalschool-noord/groot.csv"
    with ThreadPoolExecutor(max_workers=1) as hasher:  # as verwerk_bestanden does for a new file
        landingsbestand = Landingsbestand(pad, bestand, Versie.van(pad), hasher.submit(sha256, pad))
        with verwerk_bestand(con, mapping, pad, "bench-sleutel-" + "x" * 32) as verwerkt:
            laad_verwerkt(con, verwerkt, landingsbestand)
    geladen = con.execute("SELECT count(*) FROM staging.nt2_rapportage").fetchall()[0][0]
    con.close()
    return time.perf_counter() - begin, verwerkt.rijen_gelezen, int(geladen)


def kern_metingen(database: Path) -> tuple[float, int]:
    """The next step downstream (not part of the ingest): one row per measurement in kern."""
    begin = time.perf_counter()
    con = duckdb.connect(str(database))
    con.execute(lees_sql("kern/nt2_meting.sql"))
    metingen = con.execute("SELECT count(*) FROM kern.nt2_meting").fetchall()[0][0]
    con.close()
    return time.perf_counter() - begin, int(metingen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rijen", type=int, default=2_000_000)
    parser.add_argument("--herhalingen", type=int, default=5, help="rounds; the best of each counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp) / "taalaanbieders" / "taalschool-noord"
        map_.mkdir(parents=True)
        (map_ / "mapping.toml").write_text(MAPPINGS["taalschool-noord"], encoding="utf-8")
        pad = map_ / "groot.csv"
        begin = time.perf_counter()
        genereer_groot(pad, args.rijen)
        print(f"bestand: {args.rijen:,} rijen, {pad.stat().st_size / 1e6:.0f} MB, gemaakt in {time.perf_counter() - begin:.1f} s")
        kaal_tijden, pijp_tijden, kaal_cpu, pijp_cpu = [], [], [], []
        for i in range(args.herhalingen):
            for db in Path(tmp).glob("*.duckdb*"):
                db.unlink()
            kaal, cpu_kaal = gemeten(kaal_duckdb, pad, Path(tmp) / f"kaal{i}.duckdb")
            kaal_tijden.append(kaal)
            kaal_cpu.append(cpu_kaal)
            database = Path(tmp) / f"pijp{i}.duckdb"
            (tijd, gelezen, geladen), cpu_pijp = gemeten(pijplijn, pad, map_ / "mapping.toml", database)
            pijp_tijden.append(tijd)
            pijp_cpu.append(cpu_pijp)
            print(f"ronde {i + 1}: duckdb read_csv {kaal:.2f} s, pijplijn {tijd:.2f} s "
                  f"({gelezen:,} rijen gelezen, {geladen:,} geladen), verhouding {tijd / kaal:.2f}x; "
                  f"cpu-tijd {cpu_kaal:.1f} s tegen {cpu_pijp:.1f} s")  # fmt: skip
        kern_tijd, metingen = kern_metingen(database)
        print(f"daarna (geen deel van de verhouding): kern.nt2_meting in {kern_tijd:.2f} s ({metingen:,} metingen)")
        kaal, pijp = min(kaal_tijden), min(pijp_tijden)
        mediaan = statistics.median(p / k for p, k in zip(pijp_tijden, kaal_tijden, strict=True))
        print(f"beste: duckdb read_csv {kaal:.2f} s, pijplijn {pijp:.2f} s, verhouding {pijp / kaal:.2f}x (doel <= 2x); "
              f"mediaan per ronde {mediaan:.2f}x")  # fmt: skip
        # How much work each did, in all threads; on a shared machine this varies from round to round too.
        print(f"cpu-tijd (mediaan): duckdb read_csv {statistics.median(kaal_cpu):.1f} s, "
              f"pijplijn {statistics.median(pijp_cpu):.1f} s")  # fmt: skip

if __name__ == "__main__":
    main()
