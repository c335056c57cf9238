"""`vakwoorden deelnemer` (accounts and consent), `vakwoorden syncserver` (Anki's sync server)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from vakwoorden.sync.deelnemers import (
    PROJECTMAP,
    DeelnemerFout,
    landingsmap,
    lees_deelnemers,
    nieuwe_deelnemer,
    schoon_identificatie,
    schrijf_deelnemers,
    syncmap,
    wijzig,
)
from vakwoorden.sync.server import (
    STANDAARD_ADRES,
    STANDAARD_POORT,
    anki_beschikbaar,
    start_server,
    stop_server,
)

STUUR_SCRIPT = PROJECTMAP / "scripts" / "woorden_sturen.py"
HERSTART = "Herstart 'vakwoorden syncserver' zodat de server de wijziging kent."


def _ja_nee(tekst: str) -> bool:
    waarde = tekst.strip().lower()
    if waarde not in ("ja", "nee"):
        raise argparse.ArgumentTypeError("gebruik ja of nee")
    return waarde == "ja"


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError as fout:
        raise argparse.ArgumentTypeError("gebruik jjjj-mm-dd, bijvoorbeeld 2026-11-30") from fout


def _wachtwoord(args: argparse.Namespace, vraag: str = "Wachtwoord: ") -> str:
    """From standard input with --wachtwoord-invoer (scripts), else asked twice without echo."""
    if args.wachtwoord_invoer:
        return sys.stdin.readline().rstrip("\r\n")
    eerste = getpass.getpass(vraag)
    if getpass.getpass("Nog een keer: ") != eerste:
        raise DeelnemerFout("De twee wachtwoorden zijn niet gelijk.")
    return eerste


def _id_argumenten(parser: argparse.ArgumentParser, verplicht: bool) -> None:
    groep = parser.add_mutually_exclusive_group(required=verplicht)
    groep.add_argument("--bsn", metavar="BSN", help="burgerservicenummer (wordt met de 11-proef gecontroleerd)")
    groep.add_argument("--vnummer", metavar="NUMMER", help="vreemdelingennummer (10 cijfers)")


def _identificatie(args: argparse.Namespace) -> tuple[str | None, str | None]:
    if args.bsn is not None:
        return "bsn", args.bsn
    if args.vnummer is not None:
        return "vnummer", args.vnummer
    return None, None


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    deelnemer = sub.add_parser(
        "deelnemer",
        help="Anki-syncaccounts van leerlingen beheren (met toestemming)",
        description=(
            "Accounts voor de Anki-syncserver. Ze staan in <landingsmap>/anki/deelnemers.csv (VAKWOORDEN_DATA), "
            "met het wachtwoord alleen als hash. Alleen van deelnemers met toestemming worden herhalingen ingelezen; "
            "trekt iemand de toestemming in, dan verdwijnen diens gegevens bij de volgende run uit het warehouse."
        ),
    )
    acties = deelnemer.add_subparsers(dest="actie", metavar="ACTIE", required=True)

    toevoegen = acties.add_parser("toevoegen", help="een account aanmaken")
    toevoegen.add_argument("gebruikersnaam")
    _id_argumenten(toevoegen, verplicht=True)
    toevoegen.add_argument("--toestemming", type=_ja_nee, required=True, metavar="ja|nee",
                           help="heeft de leerling toestemming gegeven om de herhalingen te gebruiken?")  # fmt: skip
    toevoegen.add_argument("--datum", type=_datum, help="datum van de toestemming (standaard vandaag)")
    toevoegen.add_argument("--wachtwoord-invoer", action="store_true", help="lees het wachtwoord van standaardinvoer")
    toevoegen.set_defaults(uitvoeren=_toevoegen)

    wijzigen = acties.add_parser("wijzigen", help="wachtwoord, identificatie of toestemming wijzigen")
    wijzigen.add_argument("gebruikersnaam")
    _id_argumenten(wijzigen, verplicht=False)
    wijzigen.add_argument("--toestemming", type=_ja_nee, metavar="ja|nee", help="nieuwe toestemming")
    wijzigen.add_argument("--datum", type=_datum, help="datum van de (nieuwe) toestemming (standaard vandaag)")
    wijzigen.add_argument("--wachtwoord", action="store_true", help="een nieuw wachtwoord instellen")
    wijzigen.add_argument("--wachtwoord-invoer", action="store_true", help="lees het wachtwoord van standaardinvoer")
    wijzigen.set_defaults(uitvoeren=_wijzigen)

    verwijderen = acties.add_parser("verwijderen", help="een account en de collectie op de server verwijderen")
    verwijderen.add_argument("gebruikersnaam")
    verwijderen.set_defaults(uitvoeren=_verwijderen)

    lijst = acties.add_parser("lijst", help="alle accounts tonen (zonder wachtwoord, identificatie gemaskeerd)")
    lijst.set_defaults(uitvoeren=_lijst)

    stuur = acties.add_parser(
        "stuur",
        help="een deck in de collectie van de leerling op de server zetten",
        description=(
            "Zet een deck (.apkg, gemaakt met 'vakwoorden deck ...') via de syncserver in de collectie van de "
            "leerling: bij de volgende synchronisatie heeft de telefoon de woorden. Herhalingen, planning en "
            "eigen wijzigingen van de leerling blijven behouden. De syncserver moet draaien; het wachtwoord van de "
            "leerling is nodig (het staat alleen als hash opgeslagen)."
        ),
    )
    stuur.add_argument("gebruikersnaam")
    stuur.add_argument("--deck", type=Path, required=True, metavar="PAD", help="het deck (.apkg)")
    stuur.add_argument("--server", default=f"http://{STANDAARD_ADRES}:{STANDAARD_POORT}/",
                       help="adres van de syncserver (standaard %(default)s)")  # fmt: skip
    stuur.add_argument("--wachtwoord-invoer", action="store_true", help="lees het wachtwoord van standaardinvoer")
    stuur.set_defaults(uitvoeren=_stuur)

    server = sub.add_parser(
        "syncserver",
        help="Anki's eigen syncserver starten voor de deelnemers",
        description=(
            "Start Anki's syncserver (python -m anki.syncserver, uit het optionele pakket anki: "
            "pip install -e '.[sync]') met de accounts uit deelnemers.csv. De collecties komen in VAKWOORDEN_SYNC "
            "(standaard sync/). Stop met Ctrl+C. Zet hem achter de HTTPS-proxy van de gemeente."
        ),
    )
    server.add_argument("--poort", type=int, default=STANDAARD_POORT, help="poort (standaard %(default)s)")
    server.add_argument("--adres", default=STANDAARD_ADRES,
                        help="adres om op te luisteren (standaard %(default)s; 0.0.0.0 = alle netwerken)")  # fmt: skip
    server.set_defaults(uitvoeren=_syncserver)


def _fout(tekst: str) -> int:
    print(f"Fout: {tekst}", file=sys.stderr)
    return 1


def _toevoegen(args: argparse.Namespace) -> int:
    landing = landingsmap()
    try:
        deelnemers = lees_deelnemers(landing)
        if args.gebruikersnaam in deelnemers:
            return _fout(f"Er is al een deelnemer '{args.gebruikersnaam}'. Gebruik 'vakwoorden deelnemer wijzigen'.")
        soort, waarde = _identificatie(args)
        assert soort is not None and waarde is not None
        for d in deelnemers.values():
            if d.soort_identificatie == soort and d.identificatie == schoon_identificatie(soort, waarde):
                return _fout(f"Deze identificatie hoort al bij deelnemer '{d.gebruikersnaam}'.")
        nieuw = nieuwe_deelnemer(args.gebruikersnaam, _wachtwoord(args), soort, waarde, args.toestemming,
                                 args.datum or dt.date.today())  # fmt: skip
    except DeelnemerFout as fout:
        return _fout(str(fout))
    deelnemers[nieuw.gebruikersnaam] = nieuw
    pad = schrijf_deelnemers(landing, deelnemers)
    print(f"Deelnemer '{nieuw.gebruikersnaam}' toegevoegd in {pad} (toestemming: {'ja' if nieuw.toestemming else 'nee'}).")
    print(HERSTART)
    return 0


def _wijzigen(args: argparse.Namespace) -> int:
    landing = landingsmap()
    try:
        deelnemers = lees_deelnemers(landing)
        oud = deelnemers.get(args.gebruikersnaam)
        if oud is None:
            return _fout(f"Onbekende deelnemer '{args.gebruikersnaam}'. Zie 'vakwoorden deelnemer lijst'.")
        soort, waarde = _identificatie(args)
        if not (args.wachtwoord or waarde or args.toestemming is not None or args.datum):
            return _fout("Niets te wijzigen: geef --wachtwoord, --bsn/--vnummer, --toestemming of --datum.")
        nieuw = wijzig(
            oud,
            wachtwoord=_wachtwoord(args, "Nieuw wachtwoord: ") if args.wachtwoord else None,
            soort=soort,
            identificatie=waarde,
            toestemming=args.toestemming,
            datum=args.datum,
        )
    except DeelnemerFout as fout:
        return _fout(str(fout))
    deelnemers[nieuw.gebruikersnaam] = nieuw
    schrijf_deelnemers(landing, deelnemers)
    print(f"Deelnemer '{nieuw.gebruikersnaam}' gewijzigd (toestemming: {'ja' if nieuw.toestemming else 'nee'}, "
          f"sinds {nieuw.toestemming_datum.isoformat()}).")  # fmt: skip
    if oud.toestemming and not nieuw.toestemming:
        print("De toestemming is ingetrokken: bij de volgende run verdwijnen de gegevens van deze leerling uit het warehouse.")
    if args.wachtwoord:
        print(HERSTART)
    return 0


def _verwijderen(args: argparse.Namespace) -> int:
    landing = landingsmap()
    try:
        deelnemers = lees_deelnemers(landing)
    except DeelnemerFout as fout:
        return _fout(str(fout))
    if deelnemers.pop(args.gebruikersnaam, None) is None:
        return _fout(f"Onbekende deelnemer '{args.gebruikersnaam}'. Zie 'vakwoorden deelnemer lijst'.")
    schrijf_deelnemers(landing, deelnemers)
    collectie = syncmap() / args.gebruikersnaam
    if collectie.is_dir():
        shutil.rmtree(collectie)
        print(f"De collectie op de server ({collectie}) is verwijderd.")
    print(f"Deelnemer '{args.gebruikersnaam}' verwijderd; bij de volgende run verdwijnen de gegevens uit het warehouse.")
    print(HERSTART)
    return 0


def _lijst(args: argparse.Namespace) -> int:
    try:
        deelnemers = lees_deelnemers(landingsmap())
    except DeelnemerFout as fout:
        return _fout(str(fout))
    if not deelnemers:
        print("Nog geen deelnemers. Voeg er een toe met 'vakwoorden deelnemer toevoegen'.")
        return 0
    print(f"{'gebruikersnaam':<24} {'identificatie':<20} {'toestemming':<11} sinds")
    for naam, d in sorted(deelnemers.items()):
        soort = "BSN" if d.soort_identificatie == "bsn" else "V-nummer"
        gemaskeerd = f"{soort} …{d.identificatie[-3:]}"
        print(f"{naam:<24} {gemaskeerd:<20} {'ja' if d.toestemming else 'nee':<11} {d.toestemming_datum.isoformat()}")
    return 0


def _stuur(args: argparse.Namespace) -> int:
    try:
        deelnemers = lees_deelnemers(landingsmap())
    except DeelnemerFout as fout:
        return _fout(str(fout))
    if args.gebruikersnaam not in deelnemers:
        return _fout(f"Onbekende deelnemer '{args.gebruikersnaam}'. Zie 'vakwoorden deelnemer lijst'.")
    if not args.deck.is_file() or args.deck.suffix.lower() != ".apkg":
        return _fout(f"{args.deck}: geen deck gevonden (verwacht een .apkg-bestand van 'vakwoorden deck').")
    if not anki_beschikbaar():
        return _fout("Het pakket 'anki' is niet geïnstalleerd: .venv/bin/pip install -e '.[sync]'")
    if args.wachtwoord_invoer:
        wachtwoord = sys.stdin.readline().rstrip("\r\n")
    else:
        wachtwoord = getpass.getpass(f"Wachtwoord van {args.gebruikersnaam}: ")
    proces = subprocess.run(
        [sys.executable, str(STUUR_SCRIPT), args.gebruikersnaam, str(args.deck.resolve()), args.server],
        input=wachtwoord + "\n",
        text=True,
        check=False,
    )
    return proces.returncode


def _syncserver(args: argparse.Namespace) -> int:
    try:
        deelnemers = lees_deelnemers(landingsmap())
        proces = start_server(deelnemers, syncmap(), args.poort, args.adres)
    except DeelnemerFout as fout:
        return _fout(str(fout))
    print(f"Anki-syncserver voor {len(deelnemers)} deelnemer(s) op http://{args.adres}:{args.poort}/ "
          f"(collecties in {syncmap()}). Stop met Ctrl+C.", flush=True)  # fmt: skip

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    # Ctrl+C, or a service manager stopping us: stop the server too. Set explicitly, because a process
    # started in the background inherits an ignored SIGINT.
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        return proces.wait()
    except KeyboardInterrupt:
        print("Syncserver stoppen...", flush=True)
        return stop_server(proces)
