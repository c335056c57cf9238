"""`vakwoorden genereer`: write fake but realistic exports (demo data or a benchmark file)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "genereer",
        help="maak nepgegevens: een landingsmap voor de demo of een groot bestand voor de benchmark",
        description="Maak realistische nepgegevens met een vast zaad, zodat de uitkomst elke keer gelijk is.",
    )
    parser.add_argument("--uit", type=Path, default=Path("demo"), help="doelmap (standaard: demo)")
    parser.add_argument("--leerlingen", type=int, default=300, help="aantal leerlingen (standaard 300)")
    parser.add_argument("--zaad", type=int, default=2026, help="zaad voor het toeval (standaard 2026)")
    parser.add_argument(
        "--rijen", type=int, default=0,
        help="schrijf in plaats daarvan één groot bestand van Taalschool Noord met zoveel rijen (voor de benchmark)",
    )  # fmt: skip
    parser.set_defaults(uitvoeren=voer_uit)


def voer_uit(args: argparse.Namespace) -> int:
    from pipelines.demodata import genereer, genereer_groot
    from pipelines.gedeeld.notatie import getal

    begin = time.perf_counter()
    if args.rijen:
        pad = args.uit / "taalaanbieders" / "taalschool-noord" / "groot.csv"
        print(f"Bezig: {getal(args.rijen)} rijen schrijven naar {pad} ...", flush=True)
        genereer_groot(pad, args.rijen, args.zaad)
        print(f"{getal(args.rijen)} rijen geschreven naar {pad} in {time.perf_counter() - begin:.1f} s.")
        return 0
    print(f"Bezig: demogegevens voor {args.leerlingen} leerlingen schrijven naar {args.uit} ...", flush=True)
    genereer(args.uit, leerlingen=args.leerlingen, zaad=args.zaad)
    print(
        f"Demogegevens voor {args.leerlingen} leerlingen geschreven naar {args.uit} in {time.perf_counter() - begin:.1f} s."
    )
    return 0
