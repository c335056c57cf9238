"""``vakwoorden termen BESTAND... --sector metaal``: the vakwoorden a text uses, its coverage by the
sector list and suggestions for new terms, as a Dutch table or (``--json``) for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from vakwoorden.lijst import SECTOREN

VOORTGANG_VANAF = 5  # files; fewer go too quickly for a progress bar


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "termen",
        help="zoek de vakwoorden van een sector in teksten (.txt, .md, .docx, .pdf) en stel nieuwe termen voor",
        description=(
            "Zoek in werkinstructies, veiligheidsinstructies, vacatureteksten of zorgplannen welke woorden uit de "
            "vakwoordenlijst van een sector er in staan (ook als meervoud, verkleinwoord, vervoegd werkwoord of in "
            "een samenstelling), hoeveel van de tekst de lijst dekt, en welke woorden nog in geen lijst staan."
        ),
    )
    parser.add_argument(
        "bestanden", nargs="+", type=Path, metavar="BESTAND", help="tekstbestand of map met teksten"
    )
    parser.add_argument(
        "--sector", required=True, choices=SECTOREN, help="de vakwoordenlijst om mee te zoeken"
    )
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON (woorden, dekking, suggesties)")
    parser.add_argument("--top", type=int, default=15, metavar="N", help="aantal suggesties (standaard 15)")
    parser.set_defaults(uitvoeren=voer_uit)


def _bestanden(paden: Iterable[Path]) -> list[Path]:
    from vakwoorden.taal.documenten import is_tekstbestand

    uit: list[Path] = []
    for pad in paden:
        if pad.is_dir():
            uit.extend(sorted(p for p in pad.rglob("*") if p.is_file() and is_tekstbestand(p)))
        else:
            uit.append(pad)
    return uit


def _procent(deel: float) -> str:
    return f"{deel * 100:.1f}".replace(".", ",") + "%"


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def voer_uit(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from vakwoorden.taal.documenten import OnleesbaarDocument, lees_document
    from vakwoorden.taal.termen import Documentanalyse, Termzoeker

    bestanden = _bestanden(args.bestanden)
    if not bestanden:
        print("Fout: geen tekstbestanden gevonden (.txt, .md, .docx of .pdf).", file=sys.stderr)
        return 2
    zoeker = Termzoeker.voor_sector(args.sector)
    analyses: list[Documentanalyse] = []
    geweigerd = 0
    with tqdm(
        bestanden,
        desc="teksten",
        unit=" bestand",
        file=sys.stderr,
        disable=len(bestanden) < VOORTGANG_VANAF,
        leave=False,
    ) as voortgang:
        for pad in voortgang:
            try:
                tekst = lees_document(pad)
            except OnleesbaarDocument as fout:
                geweigerd += 1
                voortgang.write(f"{pad}: overgeslagen: {fout.reden}", file=sys.stderr)
                continue
            analyses.append(zoeker.analyseer(tekst, fragmenten=not args.json))
    if not analyses:
        print("Fout: geen enkel bestand kon worden gelezen.", file=sys.stderr)
        return 2
    resultaat = zoeker.samenvatten(analyses, top=args.top)
    if args.json:
        print(json.dumps(resultaat.als_json(args.top), ensure_ascii=False, indent=2))
        return 0
    print(_tabel(resultaat, args.sector, len(analyses), geweigerd))
    return 0


def _tabel(resultaat, sector: str, gelezen: int, geweigerd: int) -> str:  # type: ignore[no-untyped-def]
    regels: list[str] = []
    bestanden = f"{gelezen} {'bestand' if gelezen == 1 else 'bestanden'}"
    if geweigerd:
        bestanden += f", {geweigerd} overgeslagen"
    regels.append(
        f"Vakwoorden uit de lijst {sector} ({bestanden}, {_getal(resultaat.tokens)} woorden en tekens)"
    )
    regels.append("")
    if resultaat.woorden:
        breedte = max(5, *(len(w.woord) for w in resultaat.woorden))
        regels.append(f"  {'woord':<{breedte}}  {'aantal':>6}  {'bestanden':>9}")
        for w in resultaat.woorden:
            regels.append(f"  {w.woord:<{breedte}}  {w.aantal:>6}  {w.bestanden:>9}")
    else:
        regels.append("  (geen woorden uit de lijst gevonden)")
    regels.append("")
    regels.append(
        f"Dekking: {_procent(resultaat.dekking)} ({_getal(resultaat.gedekt)} van de {_getal(resultaat.inhoudswoorden)} "
        f"inhoudswoorden zijn woorden uit de lijst {sector})"
    )
    regels.append("")
    if resultaat.suggesties:
        regels.append(
            "Suggesties: zelfstandige naamwoorden die in geen enkele lijst staan, vaak in de tekst en zeldzaam in "
            "gewoon Nederlands"
        )
        regels.append("(algemeen = hoe gewoon het woord is: 0 = zeldzaam, 7 = heel gewoon, zoals 'de')")
        regels.append("")
        breedte = max(4, *(len(s.term) for s in resultaat.suggesties))
        regels.append(f"  {'term':<{breedte}}  {'aantal':>6}  {'algemeen':>8}  voorbeeld")
        for s in resultaat.suggesties:
            algemeen = f"{s.algemene_frequentie:.1f}".replace(".", ",")
            regels.append(f"  {s.term:<{breedte}}  {s.aantal:>6}  {algemeen:>8}  {s.fragment}")
    else:
        regels.append("Suggesties: geen nieuwe termen gevonden.")
    return "\n".join(regels)
