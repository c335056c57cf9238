"""`vakwoorden rapport`: a printable report per learner (for the jobcoach) or the gemeente overview."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "rapport",
        help="maak een rapport om te printen: per leerling (jobcoach) of het overzicht voor de gemeente",
        description=(
            "Schrijft een HTML-rapport dat goed op A4 print (open het in een browser en print het): "
            "per leerling het niveau per vaardigheid tegen de eis van de werkplek, de vaktaal, de "
            "aanwezigheid en het deck om nu te oefenen; of het deelbare gemeenteoverzicht (cohorten en "
            "taalaanbieders, aantallen onder 10 afgeschermd). De rapporten komen in <uitvoermap>/rapporten/."
        ),
    )
    keuze = parser.add_mutually_exclusive_group(required=True)
    keuze.add_argument(
        "--leerling",
        metavar="PSEUDONIEM",
        help="het pseudoniem van de leerling (20 tekens, uit het warehouse)",
    )
    keuze.add_argument(
        "--alle", action="store_true", help="een rapport voor elke leerling met een lopende plaatsing"
    )
    keuze.add_argument("--gemeente", action="store_true", help="het deelbare overzicht voor de gemeente")
    parser.add_argument(
        "--warehouse",
        type=Path,
        help="het warehouse (standaard: $VAKWOORDEN_WAREHOUSE of warehouse/vakwoorden.duckdb)",
    )
    parser.add_argument("--uit", type=Path, help="uitvoermap (standaard: $VAKWOORDEN_UIT of uit/)")
    parser.set_defaults(uitvoeren=voer_uit)


def voer_uit(args: argparse.Namespace) -> int:
    import duckdb

    from opdrachten.export import standaard_uitvoer, standaard_warehouse
    from pipelines.rapporten.maak import (
        OnbekendeLeerling,
        gemeenterapport,
        leerlingen_met_lopende_plaatsing,
        leerlingrapporten,
    )
    from pipelines.resources import Warehouse

    database = args.warehouse or standaard_warehouse()
    uit = args.uit or standaard_uitvoer()
    if not Path(database).exists():
        print(
            f"Fout: het warehouse {database} bestaat nog niet. Draai eerst: vakwoorden demo.", file=sys.stderr
        )
        return 1
    map_ = uit / "rapporten"
    try:
        with Warehouse(pad=str(database)).lezen() as con:
            if args.gemeente:
                paden = [gemeenterapport(con).schrijf(map_)]
            else:
                leerlingen = (
                    leerlingen_met_lopende_plaatsing(con) if args.alle else [args.leerling.strip().lower()]
                )
                paden = [r.schrijf(map_) for r in leerlingrapporten(con, leerlingen, uit / "decks", eerder=map_)]
    except OnbekendeLeerling as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 1
    except duckdb.Error as fout:
        print(
            f"Fout: het warehouse kon niet gelezen worden ({fout}). Draai eerst: vakwoorden demo.",
            file=sys.stderr,
        )
        return 1
    if len(paden) == 1:
        print(f"Rapport geschreven: {paden[0]}")
    else:
        print(f"{len(paden)} rapporten geschreven naar {map_}")
    print("Open het in een browser en print het op A4.")
    return 0
