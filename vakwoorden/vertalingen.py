"""Native review of translations: ``vakwoorden vertalingen export`` and ``... import``.

A coordinator exports one language to a spreadsheet (xlsx, or CSV with ``--csv``); a native
speaker fills in a correction or marks the current translation as right, with a comment if needed;
the import writes the result back into the sector lists. Only an import sets a translation to
``gecontroleerd``, and it records the reviewer and the date in ``<taal>_beoordelaar`` and
``<taal>_beoordeeld_op`` (FORMAT.md).

The export has one row per entry: the key (sector, woord, taal), what the reviewer needs to judge
the translation (lidwoord, uitleg, voorbeeldzin, the English translation as a bridge), the current
translation, and the columns to fill in. The import refuses a row whose current translation in the
list is no longer the one that was exported (someone changed it in between), so a review is never
applied to a text the reviewer did not see.

Cells that a spreadsheet program could read as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) are written as text: in xlsx as a string cell with Excel's quote prefix, in
CSV with a leading apostrophe, which the import removes again.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vakwoorden.lijst import (
    KOLOMMEN,
    LIJSTEN_MAP,
    RECHTS_NAAR_LINKS,
    SECTOREN,
    TAALNAMEN,
    TALEN,
    lees_rijen,
    lijst_pad,
    schrijf_rijen,
)

# Column headers of the review sheet, in order. The first three are the key.
SECTOR, WOORD, TAAL = "sector", "woord", "taal"
LIDWOORD, UITLEG, VOORBEELDZIN, ENGELS = "lidwoord", "uitleg", "voorbeeldzin", "Engels (ter vergelijking)"
HUIDIG, STATUS = "huidige vertaling", "status"
AKKOORD, VERBETERING, OPMERKING = "akkoord (ja)", "verbetering", "opmerking"
KOPPEN: tuple[str, ...] = (
    SECTOR,
    WOORD,
    TAAL,
    LIDWOORD,
    UITLEG,
    VOORBEELDZIN,
    ENGELS,
    HUIDIG,
    STATUS,
    AKKOORD,
    VERBETERING,
    OPMERKING,
)
IN_TE_VULLEN: tuple[str, ...] = (AKKOORD, VERBETERING, OPMERKING)
VERPLICHTE_KOPPEN: tuple[str, ...] = (SECTOR, WOORD, TAAL, HUIDIG, AKKOORD, VERBETERING, OPMERKING)
BLAD = "vertalingen"
UITLEG_BLAD = "uitleg"
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
JA = frozenset({"ja", "j", "x", "yes", "y", "ok", "✓", "✔"})
MAX_VERTALING = 60

INSTRUCTIE = (
    "Controle van vertalingen",
    "",
    "Elke regel is één vakwoord met een korte uitleg in eenvoudig Nederlands en een voorbeeldzin.",
    "In de kolom 'huidige vertaling' staat de vertaling die nu op de kaart staat.",
    "",
    "Is de vertaling goed? Zet 'ja' in de kolom 'akkoord (ja)'.",
    "Is de vertaling niet goed? Schrijf de goede vertaling in de kolom 'verbetering'.",
    "Kort: alleen het woord of een korte woordgroep, geen zin.",
    "Wilt u iets uitleggen of twijfelt u? Schrijf het in de kolom 'opmerking'.",
    "Laat een regel leeg als u hem niet hebt nagekeken.",
    "Verander de kolommen sector, woord, taal en huidige vertaling niet.",
    "",
    "Review of translations (English): put 'ja' under 'akkoord (ja)' when the current translation is",
    "right, or write the right translation under 'verbetering'. Leave a row empty if you did not check it.",
)


class BestandFout(Exception):
    """The review file cannot be used at all; the message is for the user, in Dutch."""


# --------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------


def _regels_voor_export(
    taal: str, sectoren: Sequence[str] | None, map_: Path | None, alles: bool
) -> list[dict[str, str]]:
    """The rows to review; without ``sectoren`` every sector whose list exists."""
    regels: list[dict[str, str]] = []
    for sector in sectoren or SECTOREN:
        pad = lijst_pad(sector, map_)
        if not pad.is_file():
            if sectoren is None:
                continue
            raise BestandFout(f"de woordenlijst {pad} bestaat niet")
        for _, rij in lees_rijen(pad):
            if not alles and rij.get(f"{taal}_status", "").strip() == "gecontroleerd":
                continue
            regels.append(
                {
                    SECTOR: sector,
                    WOORD: rij.get("woord", ""),
                    TAAL: taal,
                    LIDWOORD: rij.get("lidwoord", ""),
                    UITLEG: rij.get("uitleg", ""),
                    VOORBEELDZIN: rij.get("voorbeeldzin", ""),
                    ENGELS: rij.get("en", "") if taal != "en" else "",
                    HUIDIG: rij.get(taal, ""),
                    STATUS: rij.get(f"{taal}_status", "") or "ongecontroleerd",
                    AKKOORD: "",
                    VERBETERING: "",
                    OPMERKING: "",
                }
            )
    return regels


def lijkt_formule(tekst: str) -> bool:
    return tekst.startswith(FORMULE_BEGIN)


def neutraliseer(tekst: str) -> str:
    """A CSV cell that a spreadsheet will not read as a formula (OWASP: a leading apostrophe)."""
    return "'" + tekst if lijkt_formule(tekst) else tekst


def ontneutraliseer(tekst: str) -> str:
    """Undo ``neutraliseer``: a leading apostrophe before a formula character is removed."""
    return tekst[1:] if tekst.startswith("'") and lijkt_formule(tekst[1:]) else tekst


def schrijf_csv(pad: Path, regels: list[dict[str, str]]) -> None:
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(KOPPEN)
    for regel in regels:
        schrijver.writerow([neutraliseer(regel[k]) for k in KOPPEN])
    # UTF-8 with a BOM, so that Excel opens Ge'ez and Arabic script correctly.
    pad.write_text(uit.getvalue(), encoding="utf-8-sig", newline="")


def schrijf_xlsx(pad: Path, regels: list[dict[str, str]], taal: str) -> None:
    import xlsxwriter  # only needed for the export

    boek = xlsxwriter.Workbook(str(pad), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        kop = boek.add_format({"bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"})
        tekst = boek.add_format({"text_wrap": True, "valign": "top"})
        in_te_vullen = boek.add_format({"text_wrap": True, "valign": "top", "bg_color": "#FFF2CC"})
        eigen = {"text_wrap": True, "valign": "top", "font_size": 12}
        if taal in RECHTS_NAAR_LINKS:
            eigen["reading_order"] = 2
        vertaling = boek.add_format(eigen)
        formaten = {HUIDIG: vertaling, VERBETERING: boek.add_format({**eigen, "bg_color": "#FFF2CC"})}
        for kolom in (AKKOORD, OPMERKING):
            formaten[kolom] = in_te_vullen
        # the same formats with Excel's quote prefix, for text that looks like a formula
        als_tekst = {
            id(f): boek.add_format({**eigen, "quote_prefix": True}) for f in (tekst, vertaling, in_te_vullen)
        }

        blad = boek.add_worksheet(BLAD)
        breedtes = {SECTOR: 9, WOORD: 22, TAAL: 6, LIDWOORD: 8, UITLEG: 45, VOORBEELDZIN: 45, ENGELS: 20}
        breedtes |= {HUIDIG: 28, STATUS: 15, AKKOORD: 12, VERBETERING: 28, OPMERKING: 35}
        for kolom_nr, naam in enumerate(KOPPEN):
            blad.write_string(0, kolom_nr, naam, kop)
            blad.set_column(kolom_nr, kolom_nr, breedtes[naam])
        for rij_nr, regel in enumerate(regels, 1):
            for kolom_nr, naam in enumerate(KOPPEN):
                formaat = formaten.get(naam, tekst)
                waarde = regel[naam]
                if lijkt_formule(waarde):
                    formaat = als_tekst[id(formaat)]
                # write_string: never a formula, a number or a link, whatever the text is
                blad.write_string(rij_nr, kolom_nr, waarde, formaat)
        blad.freeze_panes(1, 2)
        if regels:
            kolom_akkoord = KOPPEN.index(AKKOORD)
            blad.data_validation(
                1,
                kolom_akkoord,
                len(regels),
                kolom_akkoord,
                {"validate": "list", "source": ["ja"], "ignore_blank": True},
            )
            blad.autofilter(0, 0, len(regels), len(KOPPEN) - 1)

        hulp = boek.add_worksheet(UITLEG_BLAD)
        hulp.set_column(0, 0, 100)
        for nr, regel_tekst in enumerate((*INSTRUCTIE, "", f"Taal: {TAALNAMEN[taal]} ({taal})")):
            hulp.write_string(nr, 0, regel_tekst, kop if nr == 0 else tekst)
    finally:
        boek.close()


def exporteer(
    taal: str,
    uit: Path,
    *,
    sectoren: Sequence[str] | None = None,
    map_: Path | None = None,
    als_csv: bool = False,
    alles: bool = False,
) -> int:
    """Write the review sheet for ``taal``; returns the number of rows."""
    if taal not in TALEN:
        raise BestandFout(f"onbekende taal '{taal}'; kies uit: {', '.join(TALEN)}")
    regels = _regels_voor_export(taal, sectoren, map_, alles)
    if als_csv:
        schrijf_csv(uit, regels)
    else:
        schrijf_xlsx(uit, regels, taal)
    return len(regels)


# --------------------------------------------------------------------------------------------
# Import
# --------------------------------------------------------------------------------------------


@dataclass
class Importresultaat:
    taal: str
    gecontroleerd: int = 0  # approved as they were
    verbeterd: int = 0  # replaced by the reviewer's correction
    leeg: int = 0  # rows the reviewer did not fill in
    meldingen: list[str] = field(default_factory=list)  # rows not applied, with the reason
    opmerkingen: list[str] = field(default_factory=list)  # the reviewer's comments
    bestanden: list[Path] = field(default_factory=list)  # lists that were rewritten


def _cel(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return unicodedata.normalize("NFC", str(waarde).strip())


def _lees_xlsx(pad: Path) -> list[list[str]]:
    import fastexcel  # Polars' xlsx reader (calamine)

    try:
        lezer = fastexcel.read_excel(str(pad))
    except Exception as fout:  # fastexcel raises its own error types for every kind of damage
        raise BestandFout(
            f"{pad} is geen leesbaar Excel-bestand (.xlsx): {fout}. Bewaar het in Excel of LibreOffice "
            "opnieuw als 'Excel-werkmap (.xlsx)'"
        ) from fout
    if BLAD not in lezer.sheet_names:
        raise BestandFout(
            f"{pad} heeft geen tabblad '{BLAD}' (wel: {', '.join(lezer.sheet_names)}); gebruik het "
            "bestand dat 'vakwoorden vertalingen export' maakte"
        )
    blad = lezer.load_sheet(BLAD, header_row=None, dtypes="string")
    frame = blad.to_polars()
    return [[_cel(v) for v in rij] for rij in frame.iter_rows()]


def _lees_csv(pad: Path) -> list[list[str]]:
    data = pad.read_bytes()
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise BestandFout(
            f"{pad} is geen UTF-8-tekst; bewaar het als 'CSV UTF-8 (door komma's gescheiden)'"
        ) from fout
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    try:
        return [
            [_cel(v) for v in rij] for rij in csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
        ]
    except csv.Error as fout:
        raise BestandFout(f"{pad} is geen geldig CSV-bestand ({fout})") from fout


def lees_beoordeling(pad: Path) -> list[dict[str, str]]:
    """The rows of a filled-in review file (xlsx or CSV), keyed by the export's column names."""
    if not pad.exists():
        raise BestandFout(f"het bestand {pad} bestaat niet")
    if pad.is_dir():
        raise BestandFout(f"{pad} is een map, geen bestand")
    soort = pad.suffix.casefold()
    if soort in (".xlsx", ".xlsm"):
        if not zipfile.is_zipfile(pad):
            raise BestandFout(
                f"{pad} heet .xlsx maar is geen Excel-werkmap; bewaar het opnieuw als 'Excel-werkmap (.xlsx)'"
            )
        cellen = _lees_xlsx(pad)
    elif soort in (".csv", ".txt"):
        cellen = _lees_csv(pad)
    elif soort in (".xls", ".ods", ".numbers"):
        raise BestandFout(
            f"{pad.name}: dit soort bestand ({soort}) kan niet worden gelezen; bewaar het als .xlsx"
        )
    else:
        raise BestandFout(f"{pad.name} is geen .xlsx- of .csv-bestand")
    cellen = [rij for rij in cellen if any(rij)]
    if not cellen:
        raise BestandFout(f"{pad} is leeg")
    kop = [k.casefold() for k in cellen[0]]
    ontbrekend = [k for k in VERPLICHTE_KOPPEN if k.casefold() not in kop]
    if ontbrekend:
        raise BestandFout(
            f"in {pad.name} ontbreekt de kolom {', '.join(repr(k) for k in ontbrekend)}; gebruik het bestand "
            "dat 'vakwoorden vertalingen export' maakte en verander de kopregel niet"
        )
    plaats = {k: kop.index(k.casefold()) for k in KOPPEN if k.casefold() in kop}
    regels = []
    for rij in cellen[1:]:
        regels.append({k: (ontneutraliseer(rij[i]) if i < len(rij) else "") for k, i in plaats.items()})
    return regels


def importeer(
    pad: Path,
    beoordelaar: str,
    *,
    datum: dt.date | None = None,
    map_: Path | None = None,
    proef: bool = False,
) -> Importresultaat:
    """Apply a filled-in review file to the sector lists (unless ``proef``)."""
    beoordelaar = " ".join(beoordelaar.split())
    if not beoordelaar:
        raise BestandFout("geef de naam van de beoordelaar op met --beoordelaar NAAM")
    if "," in beoordelaar or lijkt_formule(beoordelaar):
        raise BestandFout("de naam van de beoordelaar mag geen komma bevatten of met = + - @ beginnen")
    datum_tekst = (datum or dt.date.today()).isoformat()
    regels = lees_beoordeling(pad)
    talen = {r[TAAL] for r in regels if r.get(TAAL)}
    onbekend = sorted(talen - set(TALEN))
    if onbekend:
        raise BestandFout(
            f"onbekende taal in de kolom 'taal': {', '.join(onbekend)}; kies uit: {', '.join(TALEN)}"
        )
    if len(talen) != 1:
        raise BestandFout(
            "het bestand moet precies één taal bevatten (kolom 'taal')"
            + (f"; gevonden: {', '.join(sorted(talen))}" if talen else "")
        )
    (taal,) = talen
    resultaat = Importresultaat(taal)

    lijsten: dict[str, tuple[Path, list[dict[str, str]], dict[str, dict[str, str]]]] = {}
    gewijzigd: set[str] = set()
    for nummer, regel in enumerate(regels, 2):
        waar = f"regel {nummer} ({regel.get(WOORD) or '?'})"
        akkoord = regel.get(AKKOORD, "").casefold() in JA
        verbetering = regel.get(VERBETERING, "")
        if regel.get(OPMERKING):
            resultaat.opmerkingen.append(f"{waar}: {regel[OPMERKING]}")
        if not akkoord and not verbetering:
            if regel.get(AKKOORD):
                resultaat.meldingen.append(
                    f"{waar}: 'akkoord' is '{regel[AKKOORD]}'; alleen 'ja' telt als akkoord, dus niets veranderd"
                )
            resultaat.leeg += 1
            continue
        if regel.get(TAAL) != taal:
            resultaat.meldingen.append(f"{waar}: de kolom 'taal' is leeg; overgeslagen")
            continue
        sector = regel.get(SECTOR, "")
        if sector not in SECTOREN:
            resultaat.meldingen.append(f"{waar}: onbekende sector '{sector}'; overgeslagen")
            continue
        if sector not in lijsten:
            lijst = lijst_pad(sector, map_)
            if not lijst.is_file():
                raise BestandFout(f"de woordenlijst {lijst} bestaat niet")
            rijen = [r for _, r in lees_rijen(lijst)]
            lijsten[sector] = (lijst, rijen, {unicodedata.normalize("NFC", r["woord"]): r for r in rijen})
        rij = lijsten[sector][2].get(regel.get(WOORD, ""))
        if rij is None:
            resultaat.meldingen.append(
                f"{waar}: '{regel.get(WOORD)}' staat niet (meer) in de lijst van {sector}; overgeslagen"
            )
            continue
        huidig = unicodedata.normalize("NFC", rij.get(taal, "").strip())
        if huidig != regel.get(HUIDIG, ""):
            resultaat.meldingen.append(
                f"{waar}: de vertaling in de lijst is sinds de export veranderd ('{regel.get(HUIDIG)}' → "
                f"'{huidig}'); overgeslagen, exporteer opnieuw"
            )
            continue
        if verbetering:
            if lijkt_formule(verbetering) or "\n" in verbetering:
                resultaat.meldingen.append(
                    f"{waar}: de verbetering '{verbetering}' begint met = + - @ of heeft een regelovergang; "
                    "overgeslagen"
                )
                continue
            if len(verbetering) > MAX_VERTALING:
                resultaat.meldingen.append(
                    f"{waar}: de verbetering is {len(verbetering)} tekens lang (hoogstens {MAX_VERTALING}: "
                    "een woord of korte woordgroep); overgeslagen"
                )
                continue
            if verbetering != huidig:
                rij[taal] = verbetering
                resultaat.verbeterd += 1
            else:
                resultaat.gecontroleerd += 1
        else:
            if not huidig:
                resultaat.meldingen.append(f"{waar}: akkoord met een lege vertaling; overgeslagen")
                continue
            resultaat.gecontroleerd += 1
        rij[f"{taal}_status"] = "gecontroleerd"
        rij[f"{taal}_beoordelaar"] = beoordelaar
        rij[f"{taal}_beoordeeld_op"] = datum_tekst
        gewijzigd.add(sector)

    if not proef:
        for sector in sorted(gewijzigd):
            lijst, rijen, _ = lijsten[sector]
            schrijf_rijen(lijst, rijen, KOLOMMEN)
            resultaat.bestanden.append(lijst)
    return resultaat


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{tekst}' is geen datum; schrijf bijvoorbeeld 2026-11-30"
        ) from None


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from vakwoorden.controle import _NederlandseHulp

    parser = sub.add_parser(
        "vertalingen",
        formatter_class=_NederlandseHulp,
        help="vertalingen laten nakijken door een moedertaalspreker (export en import)",
        description=(
            "Maak een werkblad waarin een moedertaalspreker de vertalingen van één taal nakijkt, en lees "
            "het ingevulde werkblad terug in de woordenlijsten."
        ),
    )
    acties = parser.add_subparsers(dest="actie", metavar="ACTIE", required=True)

    exp = acties.add_parser(
        "export",
        formatter_class=_NederlandseHulp,
        help="werkblad (.xlsx of .csv) voor één taal maken",
        description="Maak een werkblad om de vertalingen van één taal na te laten kijken.",
    )
    exp.add_argument("--taal", required=True, choices=TALEN, help="de taal die wordt nagekeken")
    exp.add_argument(
        "--uit", type=Path, metavar="PAD", help="het werkblad (standaard: vertalingen-<taal>.xlsx)"
    )
    exp.add_argument("--csv", action="store_true", help="CSV in plaats van Excel (.xlsx)")
    exp.add_argument("--sector", action="append", choices=SECTOREN, help="alleen deze sector (mag vaker)")
    exp.add_argument("--alles", action="store_true", help="ook vertalingen die al gecontroleerd zijn")
    exp.add_argument("--lijsten", type=Path, metavar="MAP", help="map met <sector>/woorden.csv")
    exp.set_defaults(uitvoeren=_voer_export_uit)

    imp = acties.add_parser(
        "import",
        formatter_class=_NederlandseHulp,
        help="een ingevuld werkblad teruglezen in de woordenlijsten",
        description=(
            "Lees een ingevuld werkblad terug. Alleen regels met 'ja' bij akkoord of met een verbetering "
            "worden 'gecontroleerd', met de naam van de beoordelaar en de datum."
        ),
    )
    imp.add_argument("bestand", type=Path, metavar="BESTAND", help="het ingevulde werkblad (.xlsx of .csv)")
    imp.add_argument(
        "--beoordelaar", required=True, metavar="NAAM", help="wie de vertalingen heeft nagekeken"
    )
    imp.add_argument("--datum", type=_datum, metavar="JJJJ-MM-DD", help="standaard: vandaag")
    imp.add_argument("--proef", action="store_true", help="alleen laten zien wat er zou veranderen")
    imp.add_argument("--lijsten", type=Path, metavar="MAP", help="map met <sector>/woorden.csv")
    imp.set_defaults(uitvoeren=_voer_import_uit)


def _voer_export_uit(args: argparse.Namespace) -> int:
    uit: Path = args.uit or Path(f"vertalingen-{args.taal}.{'csv' if args.csv else 'xlsx'}")
    try:
        aantal = exporteer(
            args.taal,
            uit,
            sectoren=args.sector,
            map_=args.lijsten or LIJSTEN_MAP,
            als_csv=args.csv,
            alles=args.alles,
        )
    except (BestandFout, OSError) as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    print(f"{aantal} vertalingen ({TAALNAMEN[args.taal]}) om na te kijken geschreven naar {uit}")
    return 0


def _voer_import_uit(args: argparse.Namespace) -> int:
    try:
        resultaat = importeer(
            args.bestand,
            args.beoordelaar,
            datum=args.datum,
            map_=args.lijsten or LIJSTEN_MAP,
            proef=args.proef,
        )
    except (BestandFout, OSError) as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    for melding in resultaat.meldingen:
        print(f"Let op: {melding}", file=sys.stderr)
    if resultaat.opmerkingen:
        print("Opmerkingen van de beoordelaar:")
        for opmerking in resultaat.opmerkingen:
            print(f"  {opmerking}")
    naam = TAALNAMEN[resultaat.taal]
    print(
        f"{naam}: {resultaat.gecontroleerd} goedgekeurd, {resultaat.verbeterd} verbeterd, "
        f"{resultaat.leeg} niet ingevuld, {len(resultaat.meldingen)} overgeslagen."
    )
    if args.proef:
        print("Proef: de woordenlijsten zijn niet veranderd.")
    else:
        for pad in resultaat.bestanden:
            print(f"Bijgewerkt: {pad}")
    return 1 if resultaat.meldingen else 0
