"""`vakwoorden deck`: build an Anki deck for coordinators (sector, workplace or learner)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from opdrachten.argumenten import keuze
from opdrachten.fouten import beschrijf
from opdrachten.paden import STANDAARD_WAREHOUSE, uitvoer_pad, warehouse_pad
from vakwoorden.domein import THUISTALEN as TAALKEUZES  # Dutch only, or with one translation
from vakwoorden.lijst import SECTOREN, TAALNAMEN, Vakwoord, lees_lijst, lijst_pad

if TYPE_CHECKING:  # the cards code (genanki, spaCy) is imported when a deck is made: `--help` stays quick
    from vakwoorden.anki.deck import DeckResultaat

STANDAARD_DATABASE = Path(STANDAARD_WAREHOUSE)
# Accepted for --taal, case-insensitive: the codes and the languages' Dutch (and English) names.
TAAL_INVOER: dict[str, str] = {
    **{code: code for code in TAALKEUZES},
    **{naam.casefold(): code for code, naam in TAALNAMEN.items()},
    "dari": "fa", "farsi": "fa", "perzisch": "fa", "oekraiens": "uk", "somali": "so",
    "dutch": "nl", "english": "en", "arabic": "ar", "persian": "fa", "turkish": "tr", "ukrainian": "uk",
}  # fmt: skip
SECTOR_INVOER: dict[str, str] = {sector: sector for sector in SECTOREN}

VOORBEELDEN = """voorbeelden:
  vakwoorden deck metaal --taal ar --uit metaal-ar.apkg
  vakwoorden deck zorg --taal nl
  vakwoorden deck --werkplek WP-012 --taal ti
  vakwoorden deck --leerling vos-17 --uit vos-17.apkg

Sector en taal mogen in hoofd- of kleine letters, de taal ook als naam (Arabisch, arabisch, AR).
Zonder --uit komt het deck in $VAKWOORDEN_UIT/decks/ (standaard uit/decks/ in de projectmap).
Bij --leerling is de taal de thuistaal van de leerling in het warehouse, tenzij je --taal geeft.
Bij elk deck komt een woordenlijst om te printen (zelfde naam, .html).
Importeer een nieuwere versie gewoon opnieuw in Anki: de voortgang blijft bewaard."""


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    talen = ", ".join(f"{code} ({TAALNAMEN[code]})" for code in TAALKEUZES)
    parser = sub.add_parser(
        "deck",
        help="Maak een Anki-deck (.apkg) met woordenlijst om te printen.",
        description="Maak een Anki-deck per sector, per werkplek of per leerling, met uitspraak, "
        "vertaling en een woordenlijst om te printen.",
        epilog=VOORBEELDEN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser._positionals.title = "sector"
    parser._optionals.title = "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument(
        "sector", nargs="?", type=keuze(SECTOR_INVOER, "sector"), choices=SECTOREN, help="sector: " + ", ".join(SECTOREN)
    )
    groep = parser.add_mutually_exclusive_group()
    groep.add_argument("--werkplek", metavar="ID", help="deck met precies de woorden van deze werkplek")
    groep.add_argument("--leerling", metavar="PSEUDONIEM", help="deck met de woorden van deze leerling")
    parser.add_argument(
        "--taal",
        default=None,
        type=keuze(TAAL_INVOER, "taal"),
        choices=TAALKEUZES,
        metavar="TAAL",
        help=f"taal van de vertaling; nl = alleen Nederlands (standaard; bij --leerling: de thuistaal). Keuze: {talen}",
    )
    parser.add_argument(
        "--uit", type=Path, metavar="PAD",
        help="het .apkg-bestand (standaard: $VAKWOORDEN_UIT/decks/<naam uit sector en taal>.apkg)",
    )
    parser.add_argument(
        "--titel", metavar="NAAM", help="naam van het deck in Anki (bij --werkplek of --leerling)"
    )
    parser.add_argument(
        "--database",
        type=Path,
        metavar="PAD",
        help=f"datawarehouse voor --werkplek/--leerling (standaard: $VAKWOORDEN_WAREHOUSE of {STANDAARD_DATABASE})",
    )
    parser.add_argument("--lijst", type=Path, metavar="PAD", help="ander woorden.csv-bestand voor de sector")
    parser.add_argument(
        "--lijsten", type=Path, metavar="MAP", help="map met <sector>/woorden.csv en themas.csv"
    )
    parser.add_argument("--zonder-geluid", action="store_true", help="geen uitspraak toevoegen")
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="MAP",
        help="map voor geluidsbestanden (standaard: $VAKWOORDEN_CACHE of ~/.cache/vakwoorden/audio)",
    )
    parser.add_argument(
        "--grootboek",
        type=Path,
        metavar="MAP",
        help="map die bijhoudt welke woorden veranderd zijn (standaard: vakwoorden-grootboek naast het deck)",
    )
    lijst = parser.add_mutually_exclusive_group()
    lijst.add_argument("--woordenlijst", type=Path, metavar="PAD", help="waar de woordenlijst (HTML) komt")
    lijst.add_argument(
        "--geen-woordenlijst", action="store_true", help="geen woordenlijst om te printen maken"
    )
    parser.set_defaults(uitvoeren=uitvoeren)


class Voortgangsbalk:
    """Simple text progress on stderr: a redrawn bar on a terminal, one line per step otherwise."""

    def __init__(self, stroom: TextIO | None = None, breedte: int = 30) -> None:
        self.stroom = stroom if stroom is not None else sys.stderr
        self.breedte = breedte
        self.terminal = self.stroom.isatty()
        self._laatste: tuple[str, int] | None = None

    def __call__(self, stap: str, gedaan: int, totaal: int) -> None:
        if totaal <= 0:
            return
        if not self.terminal:
            if gedaan == totaal:
                print(f"{stap}: {gedaan}/{totaal}", file=self.stroom)
            return
        gevuld = self.breedte * gedaan // totaal
        if self._laatste == (stap, gevuld) and gedaan != totaal:
            return
        self._laatste = (stap, gevuld)
        balk = "#" * gevuld + "." * (self.breedte - gevuld)
        einde = "\n" if gedaan == totaal else ""
        self.stroom.write(f"\r{stap}: [{balk}] {gedaan}/{totaal}{einde}")
        self.stroom.flush()


def _bestandsnaam(tekst: str) -> str:
    return re.sub(r"[^\w.-]+", "-", tekst).strip("-") or "deck"


def _database(args: argparse.Namespace) -> Path:
    """--database (relative to the current folder), else $VAKWOORDEN_WAREHOUSE, else the project's warehouse."""
    return warehouse_pad(args.database)


def _uit(args: argparse.Namespace, naam: str) -> Path:
    if args.uit:
        return Path(args.uit)
    map_ = uitvoer_pad() / "decks"
    map_.mkdir(parents=True, exist_ok=True)
    return map_ / naam


def _fout(tekst: str) -> int:
    print(f"Fout: {tekst}", file=sys.stderr)
    return 1


def _waarschuw(tekst: str) -> None:
    print(f"Let op: {tekst}", file=sys.stderr)


def _zoek_paren(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(sector, woord) pairs from the warehouse; imported when needed, so that `vakwoorden deck
    metaal` does not load the pipeline."""
    from pipelines import opzoeken

    database = _database(args)
    if args.werkplek:
        return list(opzoeken.woorden_voor_werkplek(database, args.werkplek))
    return list(opzoeken.woorden_voor_leerling(database, args.leerling))


def _bekende_werkplekken(args: argparse.Namespace) -> list[str]:
    from pipelines import opzoeken

    return list(opzoeken.werkplekken(_database(args)))


def _thuistaal(args: argparse.Namespace) -> str | None:
    from pipelines import opzoeken

    taal = opzoeken.thuistaal(_database(args), args.leerling)
    return taal if taal in TAALKEUZES else None


def _lees_lijsten(sectoren: set[str], lijsten: Path | None) -> dict[str, list[Vakwoord]]:
    resultaat: dict[str, list[Vakwoord]] = {}
    for sector in sorted(sectoren):
        if sector not in SECTOREN:
            _waarschuw(f"onbekende sector '{sector}' in het datawarehouse; overgeslagen.")
            continue
        pad = lijst_pad(sector, lijsten)
        if not pad.is_file():
            raise FileNotFoundError(f"de woordenlijst van {sector} ontbreekt: {pad}")
        resultaat[sector] = lees_lijst(sector, lijsten)
    return resultaat


def uitvoeren(args: argparse.Namespace) -> int:
    persoonlijk = bool(args.werkplek or args.leerling)
    if persoonlijk and args.sector:
        return _fout("kies een sector óf --werkplek óf --leerling, niet allebei.")
    if not persoonlijk and not args.sector:
        return _fout("geef een sector (" + ", ".join(SECTOREN) + "), --werkplek ID of --leerling PSEUDONIEM.")
    if persoonlijk and args.lijst:
        return _fout("--lijst kan alleen bij een sector; gebruik --lijsten MAP.")

    if args.taal is None:
        args.taal = "nl"
        if args.leerling:
            try:
                thuistaal = _thuistaal(args)
            except Exception:  # the lookup of the words below reports an unreadable warehouse
                thuistaal = None
            if thuistaal:
                args.taal = thuistaal
                print(f"Taal: {TAALNAMEN[thuistaal]} (de thuistaal van de leerling in het warehouse; "
                      "kies een andere met --taal).", file=sys.stderr)  # fmt: skip
    opties: dict[str, Any] = {
        "taal": args.taal,
        "geluid": not args.zonder_geluid,
        "cache": args.cache,
        "grootboek": args.grootboek,
        "woordenlijst": False if args.geen_woordenlijst else (args.woordenlijst or True),
        "lijsten_map": args.lijsten,
        "voortgang": Voortgangsbalk(),
        "melden": _waarschuw,
    }
    resultaat: DeckResultaat | None
    try:
        if persoonlijk:
            resultaat = _bouw_persoonlijk(args, opties)
        else:
            resultaat = _bouw_sector(args, opties)
    except (ValueError, OSError) as fout:
        return _fout(beschrijf(fout))
    if resultaat is None:
        return 1
    toon_samenvatting(resultaat)
    return 0


def _bouw_sector(args: argparse.Namespace, opties: dict[str, Any]) -> DeckResultaat | None:
    uit = _uit(args, f"{args.sector}-{args.taal}.apkg")
    pad = args.lijst or lijst_pad(args.sector, args.lijsten)
    if not pad.is_file():
        _fout(f"de woordenlijst van {args.sector} ontbreekt: {pad}")
        return None
    woorden = lees_lijst(args.sector, pad=pad)
    from vakwoorden.anki.deck import bouw_sector_deck

    return bouw_sector_deck(args.sector, uit, woorden=woorden, **opties)


def _bouw_persoonlijk(args: argparse.Namespace, opties: dict[str, Any]) -> DeckResultaat | None:
    from vakwoorden.anki.deck import bouw_deck, leerling_titel, werkplek_titel, woorden_bij_sleutels

    wie = f"werkplek {args.werkplek}" if args.werkplek else f"leerling {args.leerling}"
    try:
        paren = _zoek_paren(args)
    except ImportError:
        _fout("de koppeling met het datawarehouse (pipelines.opzoeken) is niet beschikbaar.")
        return None
    except FileNotFoundError as fout:  # says which file and what to do
        _fout(beschrijf(fout))
        return None
    except Exception as fout:  # the warehouse module's own errors (DuckDB, ...)
        _fout(f"het datawarehouse {_database(args)} kon niet gelezen worden: {beschrijf(fout)}")
        return None
    if not paren:
        melding = f"geen woorden gevonden voor {wie} in {_database(args)}."
        if args.werkplek:
            try:
                bekend = _bekende_werkplekken(args)
            except Exception:
                bekend = []
            gelijk = [w for w in bekend if w.casefold() == args.werkplek.strip().casefold()]
            if len(gelijk) == 1 and gelijk[0] != args.werkplek:  # wp-me01 for WP-ME01
                args.werkplek = gelijk[0]
                return _bouw_persoonlijk(args, opties)
            if bekend and args.werkplek not in bekend:
                lijst = ", ".join(bekend[:40]) + (f" (en nog {len(bekend) - 40})" if len(bekend) > 40 else "")
                melding = f"onbekende werkplek '{args.werkplek}' in {_database(args)}. Bekende werkplekken: {lijst}."
        _fout(melding)
        return None
    lijsten = _lees_lijsten({sector for sector, _ in paren}, args.lijsten)
    woorden, ontbrekend = woorden_bij_sleutels(paren, lijsten)
    if ontbrekend:
        voorbeeld = ", ".join(f"{w} ({s})" for s, w in ontbrekend[:5])
        meer = f" en nog {len(ontbrekend) - 5}" if len(ontbrekend) > 5 else ""
        _waarschuw(f"{len(ontbrekend)} woorden van {wie} staan niet (meer) in de lijsten: {voorbeeld}{meer}.")
    if not woorden:
        _fout(f"geen van de woorden van {wie} staat in de lijsten.")
        return None
    if args.werkplek:
        titel = args.titel or werkplek_titel(args.werkplek)
        uit = _uit(args, f"werkplek-{_bestandsnaam(args.werkplek)}-{args.taal}.apkg")
    else:
        titel = args.titel or leerling_titel()
        uit = _uit(args, f"leerling-{_bestandsnaam(args.leerling)}-{args.taal}.apkg")
    return bouw_deck(woorden, titel, uit, **opties)


def toon_samenvatting(resultaat: DeckResultaat, stroom: TextIO | None = None) -> None:
    uit = stroom if stroom is not None else sys.stdout
    taal = "alleen Nederlands" if resultaat.taal == "nl" else f"vertaling: {TAALNAMEN[resultaat.taal]}"
    regels = [
        f"Deck klaar: {resultaat.pad}",
        f"  Naam in Anki:                 {resultaat.titel} ({taal})",
        f"  Woorden (notities):           {resultaat.notities} ({resultaat.kaarten} kaarten)",
        f"  Met uitspraak:                {resultaat.met_geluid}",
        f"  Met afbeelding:               {resultaat.met_afbeelding}",
    ]
    if resultaat.taal != "nl":
        regels += [
            f"  Vertaling niet gecontroleerd: {resultaat.ongecontroleerd}",
            f"  Zonder vertaling:             {resultaat.zonder_vertaling}",
        ]
    regels.append(f"  Nieuw of gewijzigd:           {resultaat.gewijzigd}")
    if resultaat.woordenlijst is not None:
        regels.append(f"Woordenlijst om te printen: {resultaat.woordenlijst}")
    if resultaat.grootboek is not None:
        regels.append(f"Grootboek (bewaren voor de volgende versie): {resultaat.grootboek}")
    print("\n".join(regels), file=uit)
