"""`vakwoorden sleutel`: show which key generation the warehouse uses, and rotate the key.

The keys are read from environment variables (or typed in at a hidden prompt), never from the
command line, so they do not end up in the shell history or the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

OUDE_VARIABELE = "VAKWOORDEN_SLEUTEL"
NIEUWE_VARIABELE = "VAKWOORDEN_NIEUWE_SLEUTEL"


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "sleutel",
        help="bekijk of vervang de sleutel voor de pseudoniemen (VAKWOORDEN_SLEUTEL)",
        description=(
            "De pseudoniemen in het warehouse zijn gemaakt met VAKWOORDEN_SLEUTEL. 'status' laat zien of de "
            "sleutel klopt; 'roteer' zet het hele warehouse in één transactie over op een nieuwe sleutel."
        ),
    )
    acties = parser.add_subparsers(dest="actie", metavar="ACTIE", required=True)
    status = acties.add_parser("status", help="klopt VAKWOORDEN_SLEUTEL met het warehouse?")
    status.set_defaults(uitvoeren=voer_status_uit)
    roteer = acties.add_parser(
        "roteer",
        help="zet het warehouse over op een nieuwe sleutel",
        description=(
            f"Leest de oude sleutel uit ${OUDE_VARIABELE} en de nieuwe uit ${NIEUWE_VARIABELE} (of vraagt ze, "
            "zonder ze te tonen). Vervangt elk pseudoniem in één transactie; lukt iets niet, dan blijft alles "
            f"zoals het was. Zet daarna {OUDE_VARIABELE} op de nieuwe sleutel; de oude is dan niet meer nodig."
        ),
    )
    roteer.add_argument(
        "--oude-sleutel-variabele", default=OUDE_VARIABELE, metavar="NAAM",
        help=f"omgevingsvariabele met de oude sleutel (standaard {OUDE_VARIABELE})",
    )  # fmt: skip
    roteer.add_argument(
        "--nieuwe-sleutel-variabele", default=NIEUWE_VARIABELE, metavar="NAAM",
        help=f"omgevingsvariabele met de nieuwe sleutel (standaard {NIEUWE_VARIABELE})",
    )  # fmt: skip
    roteer.set_defaults(uitvoeren=voer_roteer_uit)


def _lees_sleutel(variabele: str, omschrijving: str) -> str:
    waarde = os.environ.get(variabele, "")
    if waarde:
        return waarde
    if sys.stdin.isatty():
        return getpass.getpass(f"{omschrijving} (wordt niet getoond): ")
    raise SystemExit(
        f"Fout: de {omschrijving.lower()} ontbreekt. Zet hem in de omgevingsvariabele {variabele} "
        "(niet als argument: dan komt hij in de geschiedenis van de shell), of start het commando in een terminal."
    )


def voer_status_uit(args: argparse.Namespace) -> int:
    from opdrachten.paden import warehouse
    from pipelines.privacy import vingerafdruk
    from pipelines.sleutels import generaties

    wh = warehouse()
    if not wh.bestand.exists():
        print(f"Het warehouse {wh.bestand} bestaat nog niet; de eerste run legt de sleutel vast.")
        return 0
    with wh.lezen() as con:
        bekend = generaties(con) if con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'controle' AND table_name = 'sleutel'"
        ).fetchall()[0][0] else []
    if not bekend:
        print(f"In {wh.bestand} is nog geen sleutel vastgelegd; de volgende run legt hem vast.")
        return 0
    nieuwste = bekend[-1]
    print(f"Warehouse {wh.bestand}: sleutelgeneratie {nieuwste.generatie}, sinds {nieuwste.sinds:%d-%m-%Y %H:%M}.")
    sleutel = os.environ.get(OUDE_VARIABELE, "")
    if not sleutel:
        print(f"{OUDE_VARIABELE} is niet gezet.")
        return 1
    if vingerafdruk(sleutel) == nieuwste.vingerafdruk:
        print(f"{OUDE_VARIABELE} klopt met het warehouse.")
        return 0
    print(f"{OUDE_VARIABELE} klopt NIET met het warehouse: runs met deze sleutel worden geweigerd.", file=sys.stderr)
    return 1


def voer_roteer_uit(args: argparse.Namespace) -> int:
    from opdrachten.paden import warehouse
    from pipelines.gedeeld.notatie import getal
    from pipelines.privacy import SleutelKloptNiet
    from pipelines.resources import WarehouseFout
    from pipelines.sleutels import roteer

    oud = _lees_sleutel(args.oude_sleutel_variabele, "Oude sleutel")
    nieuw = _lees_sleutel(args.nieuwe_sleutel_variabele, "Nieuwe sleutel")
    wh = warehouse()
    if not wh.bestand.exists():
        print(f"Fout: het warehouse {wh.bestand} bestaat niet. Controleer VAKWOORDEN_WAREHOUSE.", file=sys.stderr)
        return 1
    print(f"Sleutel vervangen in {wh.bestand} ...", flush=True)
    try:
        with wh.verbinding() as con:
            rotatie = roteer(con, oud, nieuw)
        wh.publiceer()
    except (SleutelKloptNiet, WarehouseFout) as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        print("Er is niets veranderd.", file=sys.stderr)
        return 1
    print(f"Klaar in {rotatie.seconden:.1f} s: {getal(rotatie.pseudoniemen)} pseudoniemen vervangen; "
          f"sleutelgeneratie {rotatie.generatie}.")  # fmt: skip
    print("Rijen en leerlingen per kolom (voor = na):")
    for naam, rijen in rotatie.rijen_voor.items():
        print(f"  {naam:<44} {getal(rijen):>11} rijen  {getal(rotatie.leerlingen_voor[naam]):>9} leerlingen"
              f"  -> {getal(rotatie.rijen_na[naam]):>11} / {getal(rotatie.leerlingen_na[naam]):>9}")  # fmt: skip
    print(
        f"Zet nu {OUDE_VARIABELE} op de nieuwe sleutel (overal waar de pijplijn draait) en bewaar hem veilig. "
        "Maak de leerlingdecks opnieuw: hun bestandsnamen zijn de pseudoniemen."
    )
    return 0
