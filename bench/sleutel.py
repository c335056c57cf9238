"""Benchmark: key rotation on the warehouse of the 2-million-row benchmark export.

    python bench/sleutel.py [--rijen 2000000]

Generates the export of bench/ingest.py, loads it with the pipeline's ingest (key A) into a fresh
DuckDB file, builds the kern tables from it, and then rotates the whole warehouse to key B in one
transaction, as `vakwoorden sleutel roteer` does. Prints the rotation's wall time, the number of
pseudonyms replaced and, per pseudonym column, rows and distinct learners before and after.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipelines.demodata import MAPPINGS, genereer_groot
from pipelines.gedeeld.laden import Landingsbestand, Versie, sha256
from pipelines.resources import Warehouse, lees_sql
from pipelines.sleutels import controleer_sleutel, roteer
from pipelines.taalaanbieders.laden import laad_verwerkt
from pipelines.taalaanbieders.mapping import lees_mapping
from pipelines.taalaanbieders.verwerken import verwerk_bestand

OUD = "bench-oude-sleutel-" + "a" * 32
NIEUW = "bench-nieuwe-sleutel-" + "b" * 32
KERN = ("leerling", "nt2_meting", "nt2_uren")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rijen", type=int, default=2_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp) / "taalaanbieders" / "taalschool-noord"
        map_.mkdir(parents=True)
        (map_ / "mapping.toml").write_text(MAPPINGS["taalschool-noord"], encoding="utf-8")
        pad = map_ / "groot.csv"
        genereer_groot(pad, args.rijen)
        warehouse = Warehouse(pad=str(Path(tmp) / "bench.duckdb"))
        begin = time.perf_counter()
        with warehouse.verbinding() as con, ThreadPoolExecutor(max_workers=1) as hasher:
            keten = controleer_sleutel(con, OUD)
            bestand = Landingsbestand(pad, "taalaanbieders/taalschool-noord/groot.csv", Versie.van(pad), hasher.submit(sha256, pad))
            with verwerk_bestand(con, lees_mapping(map_ / "mapping.toml"), pad, keten) as verwerkt:
                laad_verwerkt(con, verwerkt, bestand)
            for tabel in KERN:
                con.execute(lees_sql(f"kern/{tabel}.sql"))
        print(f"warehouse gebouwd in {time.perf_counter() - begin:.1f} s ({pad.stat().st_size / 1e6:.0f} MB export)")
        with warehouse.verbinding() as con:
            rotatie = roteer(con, OUD, NIEUW)
        print(f"rotatie: {rotatie.seconden:.2f} s, {rotatie.pseudoniemen:,} pseudoniemen vervangen, generatie {rotatie.generatie}")
        for naam, rijen in rotatie.rijen_voor.items():
            print(f"  {naam:<34} rijen {rijen:>11,} -> {rotatie.rijen_na[naam]:>11,}   "
                  f"leerlingen {rotatie.leerlingen_voor[naam]:>9,} -> {rotatie.leerlingen_na[naam]:>9,}")  # fmt: skip


if __name__ == "__main__":
    main()
