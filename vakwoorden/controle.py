"""Checking the vakwoorden lists against FORMAT.md: ``vakwoorden controleer``.

API (also for the Dagster asset checks):

- ``controleer_bestand(pad, sector=None) -> list[Probleem]`` checks one list file;
- ``controleer_alles(map_=None) -> list[Probleem]`` checks every sector (``woorden.csv``, or while
  that does not exist yet the drafts ``woorden.deel-*.csv``), including duplicates across files;
- ``als_rijen(problemen) -> list[dict]`` gives the problems as rows for ``polars.DataFrame``.

Both raise ``spelling.HunspellOntbreekt`` when hunspell-nl is not installed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import hashlib
import io
import json
import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from vakwoorden import instellingen, spelling
from vakwoorden.lijst import (
    BASIS_KOLOMMEN,
    EXTRA_KOLOMMEN,
    KOLOMMEN,
    LIJSTEN_MAP,
    NIVEAUS,
    SECTOREN,
    STATUSSEN,
    TALEN,
    WOORDSOORTEN,
    lees_rijen,
    lijst_pad,
)

Ernst = Literal["fout", "waarschuwing"]
FOUT: Ernst = "fout"
WAARSCHUWING: Ernst = "waarschuwing"

MINIMUM_WOORDEN = 300
MAX_UITLEG = 200
MAX_VOORBEELDZIN = 160
MAX_VERTALING = 60
LIDWOORDEN = ("de", "het", "de/het")
JA_NEE = ("ja", "nee")
VERPLICHT = ("woord", "woordsoort", "thema", "uitleg", "voorbeeldzin", "niveau", "veiligheid") + tuple(
    f"{taal}_status" for taal in TALEN
)
ZELFSTANDIG = "zelfstandig naamwoord"
UITDRUKKING = "uitdrukking"
OPSLAAN_UTF8 = (
    "sla het bestand op als UTF-8: in Excel 'Opslaan als' → 'CSV UTF-8 (door komma's gescheiden)', "
    "in LibreOffice 'Tekenset: Unicode (UTF-8)'"
)


@dataclass(frozen=True, order=True)
class Probleem:
    """One finding. ``regel`` is the line in the file (header = 1; 0 = the file as a whole)."""

    bestand: str
    regel: int
    kolom: str
    melding: str
    oplossing: str
    ernst: Ernst = FOUT

    def __str__(self) -> str:
        plaats = f"{self.bestand}:{self.regel}" if self.regel else self.bestand
        soort = "waarschuwing: " if self.ernst == WAARSCHUWING else ""
        return f"{plaats}: {soort}{self.melding} → oplossing: {self.oplossing}"

    def als_dict(self) -> dict[str, str | int]:
        return dict(asdict(self))


def als_rijen(problemen: Iterable[Probleem]) -> list[dict[str, str | int]]:
    """Problems as plain rows (bestand, regel, kolom, melding, oplossing, ernst) for Polars."""
    return [p.als_dict() for p in problemen]


# --------------------------------------------------------------------------------------------
# Reading a file into rows, with the file-level problems
# --------------------------------------------------------------------------------------------


@dataclass
class _Rij:
    regel: int
    ruw: dict[str, str]
    velden: dict[str, str] = field(default_factory=dict)  # stripped and NFC

    def __getitem__(self, kolom: str) -> str:
        return self.velden.get(kolom, "")


@dataclass
class _Bestand:
    pad: Path
    naam: str  # as shown to the user
    sector: str
    kolommen: list[str] = field(default_factory=list)
    rijen: list[_Rij] = field(default_factory=list)
    problemen: list[Probleem] = field(default_factory=list)

    def meld(self, regel: int, kolom: str, melding: str, oplossing: str, ernst: Ernst = FOUT) -> None:
        self.problemen.append(Probleem(self.naam, regel, kolom, melding, oplossing, ernst))


def toon_pad(pad: Path) -> str:
    """The path as the user should see it: relative to the working directory when inside it."""
    try:
        return str(pad.resolve().relative_to(Path.cwd().resolve())) if pad.is_absolute() else str(pad)
    except ValueError:
        return str(pad)


def _decodeer(b: _Bestand, data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        b.meld(0, "", "het bestand is opgeslagen als UTF-16 ('Unicode-tekst'), niet als UTF-8", OPSLAAN_UTF8)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = data.count(b"\n", 0, fout.start) + 1
        byte = data[fout.start : fout.start + 1].hex().upper()
        b.meld(
            regel,
            "",
            f"het bestand is geen UTF-8: onleesbaar teken (byte 0x{byte}) op regel {regel}; "
            "waarschijnlijk is het opgeslagen als Windows-1252/ANSI",
            OPSLAAN_UTF8,
        )
        return None


def _controleer_kop(b: _Bestand, kop: list[str]) -> None:
    """The original columns in their order, then any of the later columns, in their order."""
    verwacht = [*BASIS_KOLOMMEN, *(k for k in EXTRA_KOLOMMEN if k in kop)]
    if kop == verwacht:
        return
    if len(kop) == 1 and ";" in kop[0]:
        b.meld(
            1,
            "",
            "de kolommen zijn gescheiden door puntkomma's (;) in plaats van komma's",
            "sla op als 'CSV UTF-8 (door komma's gescheiden)' of kies in LibreOffice als scheidingsteken de komma",
        )
        return
    ontbrekend = [k for k in verwacht if k not in kop]
    onbekend = [k for k in kop if k not in verwacht]
    for kolom in onbekend:
        if not kolom.strip():
            b.meld(
                1,
                kolom,
                "de kopregel heeft een kolom zonder naam (vaak een komma te veel aan het eind)",
                "haal de lege kolom weg",
            )
            continue
        mogelijk = ontbrekend + [k for k in EXTRA_KOLOMMEN if k not in kop]
        lijkt = difflib.get_close_matches(kolom.strip().casefold(), mogelijk, n=1, cutoff=0.6)
        if lijkt:
            b.meld(1, kolom, f"kolomnaam '{kolom}' is verkeerd gespeld", f"noem de kolom '{lijkt[0]}'")
            if lijkt[0] in ontbrekend:
                ontbrekend.remove(lijkt[0])
        else:
            b.meld(
                1, kolom, f"onbekende kolom '{kolom}'", "haal deze kolom weg; de kolommen staan in FORMAT.md"
            )
    for kolom in ontbrekend:
        b.meld(
            1, kolom, f"kolom '{kolom}' ontbreekt", f"voeg de kolom '{kolom}' toe op de plaats uit FORMAT.md"
        )
    dubbel = sorted({k for k in kop if kop.count(k) > 1})
    for kolom in dubbel:
        b.meld(
            1, kolom, f"kolom '{kolom}' staat er meer dan één keer in", "laat de kolom maar één keer staan"
        )
    if not ontbrekend and not onbekend and not dubbel:
        b.meld(
            1,
            "",
            "de kolommen staan in de verkeerde volgorde",
            "zet de kolommen in deze volgorde: " + ",".join(verwacht),
        )


def _lees(pad: Path, sector: str) -> _Bestand:
    b = _Bestand(pad, toon_pad(pad), sector)
    try:
        data = pad.read_bytes()
    except OSError as fout:
        bestaat = pad.exists()
        melding = "het bestand is niet te lezen" if bestaat else "het bestand bestaat niet"
        b.meld(0, "", f"{melding} ({fout.strerror})", "controleer de naam en de map van het bestand")
        return b
    tekst = _decodeer(b, data)
    if tekst is None:
        return b
    lezer = csv.reader(io.StringIO(tekst, newline=""))
    vorige = 0
    try:
        for velden in lezer:
            begin, vorige = vorige + 1, lezer.line_num
            if not b.kolommen:
                b.kolommen = velden
                _controleer_kop(b, velden)
                if b.problemen and len(velden) == 1:
                    return b  # not a comma-separated file: nothing else to say
                continue
            if not any(v.strip() for v in velden):
                b.meld(begin, "", "lege regel", "haal de lege regel weg", WAARSCHUWING)
                continue
            if len(velden) != len(b.kolommen):
                b.meld(
                    begin,
                    "",
                    f"de regel heeft {len(velden)} velden, de kop heeft er {len(b.kolommen)}",
                    'zet tekst met een komma tussen dubbele aanhalingstekens ("...") en controleer '
                    "of er geen komma's ontbreken of te veel zijn",
                )
                continue
            ruw = dict(zip(b.kolommen, velden, strict=True))
            schoon = {k: unicodedata.normalize("NFC", v.strip()) for k, v in ruw.items()}
            b.rijen.append(_Rij(begin, ruw, schoon))
    except csv.Error as fout:
        b.meld(
            lezer.line_num,
            "",
            f"het CSV-bestand is kapot ({fout})",
            "controleer de aanhalingstekens op deze regel",
        )
    if not b.kolommen:
        b.meld(0, "", "het bestand is leeg", "begin met de kopregel uit FORMAT.md")
    return b


# --------------------------------------------------------------------------------------------
# Checks per row
# --------------------------------------------------------------------------------------------


def _suggestie(waarde: str, mogelijk: Sequence[str]) -> str:
    keuze = ", ".join(f"'{m}'" for m in mogelijk)
    op_naam = {m.casefold(): m for m in mogelijk}
    lijkt = difflib.get_close_matches(waarde.strip().casefold(), list(op_naam), n=1, cutoff=0.6)
    return f"bedoelt u '{op_naam[lijkt[0]]}'? Kies uit: {keuze}" if lijkt else f"kies uit: {keuze}"


def _controleer_tekst(b: _Bestand, rij: _Rij) -> None:
    niet_nfc: list[str] = []
    for kolom, ruw in rij.ruw.items():
        if kolom not in KOLOMMEN:
            continue
        if ruw != ruw.strip():
            b.meld(
                rij.regel,
                kolom,
                f"'{kolom}' begint of eindigt met een spatie: '{ruw}'",
                "haal de spaties aan het begin en het eind weg",
            )
        if "\n" in ruw or "\r" in ruw:
            b.meld(rij.regel, kolom, f"'{kolom}' bevat een regelovergang", "zet de tekst op één regel")
        if unicodedata.normalize("NFC", ruw) != ruw:
            niet_nfc.append(kolom)
    if niet_nfc:
        b.meld(
            rij.regel,
            niet_nfc[0],
            f"tekst in {', '.join(repr(k) for k in niet_nfc)} is niet in Unicode-NFC "
            "(een letter als ë is opgeslagen als e + los trema)",
            "sla op als NFC (Unicode-normalisatie C); in Python: unicodedata.normalize('NFC', tekst)",
        )


def _controleer_waarden(b: _Bestand, rij: _Rij, themas: dict[str, int] | None, themas_naam: str) -> None:
    for kolom in VERPLICHT:
        if kolom in rij.ruw and not rij[kolom]:
            b.meld(rij.regel, kolom, f"'{kolom}' is leeg", f"vul '{kolom}' in (zie FORMAT.md)")
    keuzes: list[tuple[str, Sequence[str]]] = [
        ("woordsoort", WOORDSOORTEN),
        ("niveau", NIVEAUS),
        ("veiligheid", JA_NEE),
        *((f"{taal}_status", STATUSSEN) for taal in TALEN),
    ]
    for kolom, mogelijk in keuzes:
        waarde = rij[kolom]
        if waarde and waarde not in mogelijk:
            b.meld(
                rij.regel,
                kolom,
                f"'{waarde}' is geen geldige waarde voor '{kolom}'",
                _suggestie(waarde, mogelijk),
            )
    lidwoord = rij["lidwoord"]
    if lidwoord and lidwoord not in LIDWOORDEN:
        b.meld(
            rij.regel, "lidwoord", f"'{lidwoord}' is geen geldig lidwoord", _suggestie(lidwoord, LIDWOORDEN)
        )
    thema = rij["thema"]
    if thema and themas is not None and thema not in themas:
        b.meld(
            rij.regel,
            "thema",
            f"thema '{thema}' staat niet in {themas_naam}",
            _suggestie(thema, list(themas)) + f" (of voeg het thema toe aan {themas_naam})",
        )
    for kolom, grens in (("uitleg", MAX_UITLEG), ("voorbeeldzin", MAX_VOORBEELDZIN)):
        lengte = len(rij[kolom])
        if lengte > grens:
            b.meld(
                rij.regel,
                kolom,
                f"'{kolom}' is te lang: {lengte} tekens (hoogstens {grens})",
                f"maak de tekst korter, tot {grens} tekens",
            )


_SCHRIFT = {"ar": "ARABIC", "fa": "ARABIC", "uk": "CYRILLIC", "ti": "ETHIOPIC"}
_SCHRIFT_NAAM = {
    "ARABIC": "Arabisch",
    "CYRILLIC": "Cyrillisch",
    "ETHIOPIC": "Ge'ez (Ethiopisch)",
    "LATIN": "Latijns",
}


def _controleer_vertalingen(b: _Bestand, rij: _Rij) -> None:
    for taal in TALEN:
        if taal not in rij.ruw:
            continue
        tekst = rij[taal]
        if not tekst:
            if rij[f"{taal}_status"] == "gecontroleerd":
                b.meld(
                    rij.regel,
                    taal,
                    f"vertaling '{taal}' is leeg maar staat op 'gecontroleerd'",
                    f"vul de vertaling in of zet '{taal}_status' op 'ongecontroleerd'",
                )
            else:
                b.meld(rij.regel, taal, f"vertaling '{taal}' ontbreekt", "vul de vertaling in", WAARSCHUWING)
            continue
        _controleer_beoordeling(b, rij, taal)
        schrift = _SCHRIFT.get(taal, "LATIN")
        letters = [c for c in tekst if c.isalpha()]
        if letters and not any(unicodedata.name(c, "").startswith(schrift) for c in letters):
            b.meld(
                rij.regel,
                taal,
                f"vertaling '{taal}' bevat geen {_SCHRIFT_NAAM[schrift]} schrift: '{tekst}'",
                "controleer of de vertaling in de goede kolom staat",
                WAARSCHUWING,
            )
        if len(tekst) > MAX_VERTALING:
            b.meld(
                rij.regel,
                taal,
                f"vertaling '{taal}' is lang ({len(tekst)} tekens)",
                "geef alleen het woord of een korte woordgroep, geen zin",
                WAARSCHUWING,
            )


def _controleer_beoordeling(b: _Bestand, rij: _Rij, taal: str) -> None:
    """Only `vakwoorden vertalingen import` makes a translation 'gecontroleerd', with reviewer and date."""
    beoordelaar, datum = rij[f"{taal}_beoordelaar"], rij[f"{taal}_beoordeeld_op"]
    if rij[f"{taal}_status"] == "gecontroleerd" and not (beoordelaar and datum):
        b.meld(
            rij.regel,
            f"{taal}_status",
            f"vertaling '{taal}' staat op 'gecontroleerd' zonder beoordelaar en datum",
            "laat een moedertaalspreker de vertaling nakijken: 'vakwoorden vertalingen export --taal "
            f"{taal}' en daarna 'vakwoorden vertalingen import BESTAND --beoordelaar NAAM'; zet de status "
            "tot dan op 'ongecontroleerd'",
        )
    if datum:
        try:
            dt.date.fromisoformat(datum)
        except ValueError:
            b.meld(
                rij.regel,
                f"{taal}_beoordeeld_op",
                f"'{datum}' is geen datum als JJJJ-MM-DD",
                "schrijf de datum als 2026-11-30",
            )


_AFKORTING = re.compile(r"[A-Z]{2,}(?![a-z])")  # VCA, BHV'er, CO2-melder


def _controleer_woordvorm(b: _Bestand, rij: _Rij, controle: spelling.Spellingcontrole) -> None:
    woord, lidwoord, meervoud, soort = rij["woord"], rij["lidwoord"], rij["meervoud"], rij["woordsoort"]
    if not woord:
        return
    if woord[:1].isupper() and not _AFKORTING.match(woord):
        b.meld(
            rij.regel,
            "woord",
            f"'{woord}' begint met een hoofdletter",
            "schrijf het woord met een kleine letter, tenzij het een eigennaam is",
            WAARSCHUWING,
        )
    if soort == ZELFSTANDIG:
        if not lidwoord:
            b.meld(
                rij.regel,
                "lidwoord",
                f"zelfstandig naamwoord '{woord}' heeft geen lidwoord",
                "vul 'de', 'het' of 'de/het' in",
            )
        if not meervoud:
            b.meld(
                rij.regel,
                "meervoud",
                f"zelfstandig naamwoord '{woord}' heeft geen meervoud",
                "vul het meervoud in, of '-' als het woord geen meervoud heeft",
            )
    elif soort in WOORDSOORTEN and soort != UITDRUKKING:
        if lidwoord:
            b.meld(
                rij.regel,
                "lidwoord",
                f"een {soort} heeft geen lidwoord, maar '{woord}' heeft '{lidwoord}'",
                "maak 'lidwoord' leeg (of kies de goede woordsoort)",
            )
        if meervoud:
            b.meld(
                rij.regel,
                "meervoud",
                f"een {soort} heeft geen meervoud, maar '{woord}' heeft '{meervoud}'",
                "maak 'meervoud' leeg (of kies de goede woordsoort)",
            )
    elif soort == UITDRUKKING and meervoud and not lidwoord:
        b.meld(
            rij.regel,
            "meervoud",
            f"uitdrukking '{woord}' heeft een meervoud maar geen lidwoord",
            "maak 'meervoud' leeg, of vul het lidwoord in als het een naamwoord is",
        )
    if soort == "werkwoord" and not woord.casefold().endswith("n"):
        b.meld(
            rij.regel,
            "woord",
            f"werkwoord '{woord}' staat niet in de infinitief (hele werkwoord eindigt op -en of -n)",
            "schrijf het hele werkwoord, bijvoorbeeld 'lassen' in plaats van 'last'",
            WAARSCHUWING,
        )
    if lidwoord in LIDWOORDEN and soort == ZELFSTANDIG:
        regel = spelling.vereist_lidwoord(woord)
        if regel and regel[0] != lidwoord:
            b.meld(
                rij.regel,
                "lidwoord",
                f"lidwoord '{lidwoord}' past niet bij '{woord}': {regel[1]} krijgen altijd '{regel[0]}'",
                f"verander het lidwoord in '{regel[0]}'",
            )
    if meervoud and meervoud != "-" and soort in (ZELFSTANDIG, UITDRUKKING):
        _controleer_meervoud(b, rij, woord, meervoud, controle)


def _controleer_meervoud(
    b: _Bestand, rij: _Rij, woord: str, meervoud: str, controle: spelling.Spellingcontrole
) -> None:
    if meervoud.casefold() == woord.casefold():
        b.meld(
            rij.regel,
            "meervoud",
            f"meervoud '{meervoud}' is hetzelfde als het woord",
            "vul het echte meervoud in, of '-' als het woord geen meervoud heeft",
            WAARSCHUWING,
        )
        return
    laatste_woord, laatste_meervoud = woord.split()[-1], meervoud.split()[-1]
    # hunspell's analysis (-m) can only confirm a plural the rules do not know: it lacks many
    # (schepen → schip) and has a few odd ones (breekmezen), so it never rejects one.
    if not spelling.meervoud_past(woord, meervoud) and not spelling.is_meervoud_volgens_woordenboek(
        laatste_woord, laatste_meervoud, controle.analyseer([laatste_meervoud])[laatste_meervoud]
    ):
        b.meld(
            rij.regel,
            "meervoud",
            f"meervoud '{meervoud}' past niet bij '{woord}' (een meervoud eindigt meestal op -en, -s of "
            "-'s en begint met hetzelfde woord)",
            "controleer het meervoud op woordenlijst.org; '-' als er geen meervoud is",
        )
        return
    # spaCy reduces diminutives to their base (kluisjes → kluis): only a lemma that is not the
    # start of the word is a real disagreement.
    lemma = spelling.lemma_volgens_spacy(laatste_meervoud)
    if (
        lemma
        and lemma.casefold() != laatste_meervoud.casefold()
        and not laatste_woord.casefold().startswith(lemma.casefold())
    ):
        b.meld(
            rij.regel,
            "meervoud",
            f"volgens de spaCy-woordtabel is '{laatste_meervoud}' het meervoud van '{lemma}', niet van "
            f"'{laatste_woord}'",
            "controleer woord en meervoud op woordenlijst.org",
            WAARSCHUWING,
        )


def _controleer_voorbeeldzin(b: _Bestand, rij: _Rij) -> None:
    woord, zin = rij["woord"], rij["voorbeeldzin"]
    if not woord or not zin:
        return
    from vakwoorden.taal.matcher import komt_voor  # spaCy: loaded when a list is checked, not for `--help`

    if not komt_voor(zin, woord, rij["meervoud"], rij["woordsoort"]):
        b.meld(
            rij.regel,
            "voorbeeldzin",
            f"de voorbeeldzin gebruikt het woord '{woord}' niet",
            "schrijf een voorbeeldzin met het woord (of het meervoud, of een vorm van het werkwoord)",
            WAARSCHUWING,
        )


# --------------------------------------------------------------------------------------------
# Verbs, the level rule, the explanation's words
# --------------------------------------------------------------------------------------------

WERKWOORD = "werkwoord"
NIVEAUREGEL = (
    "volgens de niveauregel in vakwoorden/FORMAT.md is een woord dat je in een veiligheidsinstructie "
    "tegenkomt A1 of A2"
)


def _controleer_werkwoord(b: _Bestand, rij: _Rij) -> None:
    """``vervoeging`` ("hees, gehesen") and ``scheidbaar`` (ja/nee) belong to verbs, and agree."""
    soort, vervoeging, scheidbaar = rij["woordsoort"], rij["vervoeging"], rij["scheidbaar"]
    if soort != WERKWOORD:
        for kolom, waarde in (("vervoeging", vervoeging), ("scheidbaar", scheidbaar)):
            if waarde:
                b.meld(rij.regel, kolom, f"'{kolom}' is alleen voor werkwoorden", f"maak '{kolom}' leeg")
        return
    if "vervoeging" in rij.ruw and not vervoeging:
        b.meld(
            rij.regel,
            "vervoeging",
            f"werkwoord '{rij['woord']}' heeft geen vervoeging",
            "vul de verleden tijd en het voltooid deelwoord in, bijvoorbeeld 'hees, gehesen'",
            WAARSCHUWING,
        )
    if scheidbaar and scheidbaar not in JA_NEE:
        b.meld(
            rij.regel, "scheidbaar", f"'{scheidbaar}' is geen geldige waarde", _suggestie(scheidbaar, JA_NEE)
        )
    if not vervoeging:
        return
    delen = [d.strip() for d in vervoeging.split(",")]
    if len(delen) != 2 or not all(delen):
        b.meld(
            rij.regel,
            "vervoeging",
            f"vervoeging '{vervoeging}' is niet 'verleden tijd, voltooid deelwoord'",
            "schrijf twee vormen met een komma ertussen, bijvoorbeeld 'hees, gehesen' of 'viel, is gevallen'",
        )
        return
    verleden, deelwoord = delen[0], delen[1].removeprefix("is ").strip()
    if scheidbaar == "ja" and (" " not in verleden or " " in deelwoord):
        b.meld(
            rij.regel,
            "vervoeging",
            f"'{rij['woord']}' is scheidbaar, maar de vervoeging '{vervoeging}' splitst het niet",
            "schrijf het deel apart in de verleden tijd en vast in het deelwoord: 'draaide aan, aangedraaid'",
            WAARSCHUWING,
        )
    elif scheidbaar == "nee" and " " in verleden:
        b.meld(
            rij.regel,
            "scheidbaar",
            f"de vervoeging '{vervoeging}' is die van een scheidbaar werkwoord",
            "zet 'scheidbaar' op 'ja', of verbeter de vervoeging",
            WAARSCHUWING,
        )


def _controleer_niveauregel(b: _Bestand, rij: _Rij) -> None:
    if rij["veiligheid"] == "ja" and rij["niveau"] in ("B1", "B2"):
        b.meld(
            rij.regel,
            "niveau",
            f"'{rij['woord']}' is een veiligheidswoord maar heeft niveau {rij['niveau']}; {NIVEAUREGEL}",
            "zet het niveau op A2 (of A1 als een beginner het op de eerste dag hoort)",
            WAARSCHUWING,
        )


BASISWOORDEN = Path(__file__).resolve().parent / "basiswoorden.txt"
_WOORDEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def lees_basiswoorden(pad: Path = BASISWOORDEN) -> frozenset[str]:
    """The basic vocabulary (one word a line, ``#`` starts a comment), in lower case."""
    if not pad.is_file():
        return frozenset()
    regels = (r.partition("#")[0].strip() for r in pad.read_text(encoding="utf-8").splitlines())
    return frozenset(unicodedata.normalize("NFC", r).casefold() for r in regels if r)


def _vormen(woord: str) -> list[str]:
    """``woord`` and the base forms it may be an inflection of (plural, adjective -e, verb forms)."""
    vormen = [woord]
    lemma = spelling.lemma_volgens_spacy(woord)
    if lemma:
        vormen.append(lemma.casefold())
    for eind, vervang in (
        ("ende", "en"),
        ("en", ""),
        ("es", ""),
        ("s", ""),
        ("e", ""),
        ("de", "en"),
        ("te", "en"),
        ("t", "en"),
        ("", "en"),
    ):
        if woord.endswith(eind) and len(woord) - len(eind) >= 3:
            stam = woord[: len(woord) - len(eind)]
            vormen.append(stam + vervang)
            if len(stam) > 3 and stam[-1] == stam[-2]:  # platte -> plat
                vormen.append(stam[:-1] + vervang)
            if re.search(r"(?:^|[^aeiou])[aeou][^aeiouy]$", stam):  # strepen -> streep, zolen -> zool
                vormen.append(stam[:-1] + stam[-2] + stam[-1] + vervang)
    if woord.startswith("ge") and woord.endswith(("d", "t")) and len(woord) > 5:  # gekleurd -> kleuren
        vormen.append(woord[2:-1] + "en")
    return vormen


def _is_bekend(woord: str, bekend: frozenset[str] | set[str]) -> bool:
    if any(v in bekend for v in _vormen(woord)):
        return True
    # a compound or a verb with its particle of two known parts: binnen|kant, op|vangt
    for i in range(2, len(woord) - 2):
        kop, staart = woord[:i], woord[i:]
        if (kop in bekend or kop in spelling.SCHEIDBARE_DELEN) and any(v in bekend for v in _vormen(staart)):
            return True
    return False


def _kopwoorden(bestanden: Iterable[_Bestand]) -> set[str]:
    """Headwords and plurals of the checked lists and of the project's lists: learners learn them."""
    woorden: set[str] = set()
    rijen = [(r["woord"], r["meervoud"]) for b in bestanden for r in b.rijen]
    for sector in SECTOREN:
        pad = lijst_pad(sector)
        if pad.is_file():
            rijen += [(r.get("woord", ""), r.get("meervoud", "")) for _, r in lees_rijen(pad)]
    for woord, meervoud in rijen:
        woorden.update(w.casefold() for w in woord.split())
        if meervoud and meervoud != "-":
            woorden.update(w.casefold() for w in meervoud.split())
    return woorden


def _controleer_uitleg(b: _Bestand, rij: _Rij, bekend: frozenset[str] | set[str]) -> None:
    """The explanation does not use the word itself, and uses basic words (or listed words)."""
    woord, uitleg = rij["woord"], rij["uitleg"]
    ruw = rij.ruw.get("uitleg", "")
    if not woord or not uitleg or len(uitleg) > MAX_UITLEG or unicodedata.normalize("NFC", ruw) != ruw:
        return  # first the error in the text itself
    tokens = [t.casefold() for t in _WOORDEN.findall(uitleg)]
    zelf = {woord.casefold()} | ({rij["meervoud"].casefold()} if rij["meervoud"] not in ("", "-") else set())
    tekst = " ".join(tokens)
    if any(f" {z} " in f" {tekst} " for z in zelf):
        b.meld(
            rij.regel,
            "uitleg",
            f"de uitleg van '{woord}' gebruikt het woord zelf",
            "leg het woord uit met andere, eenvoudige woorden",
            WAARSCHUWING,
        )
    if not bekend:
        return
    moeilijk = list(
        dict.fromkeys(t for t in tokens if len(t) > 2 and t not in zelf and not _is_bekend(t, bekend))
    )
    if moeilijk:
        b.meld(
            rij.regel,
            "uitleg",
            f"moeilijke woorden in de uitleg van '{woord}' (niet in de basiswoordenlijst en niet in de "
            f"lijsten): {', '.join(moeilijk[:4])}",
            "gebruik een eenvoudiger woord of een woord uit de lijst; is het toch een basiswoord, zet het dan in "
            "vakwoorden/basiswoorden.txt",
            WAARSCHUWING,
        )


def maak_basiswoorden(pad: Path = BASISWOORDEN, aantal: int = 6000) -> int:
    """Write the basic vocabulary: the ``aantal`` most frequent Dutch words in wordfreq (offline data)
    with their lemmas, plus the hand-picked words at the top of the existing file. Returns the count."""
    from wordfreq import top_n_list  # only needed to rebuild the list

    eigen_kop: list[str] = []
    eigen: list[str] = []
    if pad.is_file():
        deel = "kop"
        for regel in pad.read_text(encoding="utf-8").splitlines():
            if regel.startswith("# ---- wordfreq"):
                break
            if deel == "kop" and regel.startswith("#"):
                eigen_kop.append(regel)
                continue
            deel = "eigen"
            eigen.append(regel)
    frequent = [w for w in top_n_list("nl", aantal) if w.isalpha() and w == w.casefold()]
    lemmas = {(spelling.lemma_volgens_spacy(w) or w).casefold() for w in frequent}
    al = {e.partition("#")[0].strip() for e in eigen}
    rest = sorted((set(frequent) | lemmas) - al)
    tekst = "\n".join(
        [
            *eigen_kop,
            *eigen,
            f"# ---- wordfreq: de {aantal} meest gebruikte Nederlandse woorden en hun lemma's",
            *rest,
        ]
    )
    pad.write_text(tekst + "\n", encoding="utf-8")
    lees_basiswoorden.cache_clear()
    return len(lees_basiswoorden(pad))


def _controleer_afbeelding(b: _Bestand, rij: _Rij) -> None:
    naam, licentie = rij["afbeelding"], rij["afbeelding_licentie"]
    if not naam:
        if licentie:
            b.meld(
                rij.regel,
                "afbeelding_licentie",
                "er is een licentie ingevuld maar geen afbeelding",
                "vul de afbeelding in of maak 'afbeelding_licentie' leeg",
                WAARSCHUWING,
            )
        return
    map_ = b.pad.parent / "afbeeldingen"
    if Path(naam).name != naam or not (map_ / naam).is_file():
        b.meld(
            rij.regel,
            "afbeelding",
            f"afbeelding '{naam}' staat niet in {toon_pad(map_)}/",
            "zet het bestand in de map afbeeldingen/ of verbeter de bestandsnaam (zonder mapnaam)",
        )
    if not licentie:
        b.meld(
            rij.regel,
            "afbeelding_licentie",
            f"afbeelding '{naam}' heeft geen licentie",
            "vul de licentie in, bijvoorbeeld 'CC0' of 'CC BY 4.0 <maker>'",
        )


# --------------------------------------------------------------------------------------------
# Checks over rows: spelling (one hunspell run), duplicates, compounds, order, size
# --------------------------------------------------------------------------------------------


def _spellingwoorden(rij: _Rij) -> list[tuple[str, str]]:
    paren = [("woord", w) for w in spelling.woorden_in(rij["woord"])]
    if rij["meervoud"] != "-":
        paren += [("meervoud", w) for w in spelling.woorden_in(rij["meervoud"])]
    return paren


def _controleer_spelling(bestanden: list[_Bestand], controle: spelling.Spellingcontrole) -> None:
    alle = [w for b in bestanden for rij in b.rijen for _, w in _spellingwoorden(rij)]
    onbekend = controle.controleer(alle)  # one hunspell run for everything
    for b in bestanden:
        for rij in b.rijen:
            for kolom, woord in _spellingwoorden(rij):
                if woord not in onbekend:
                    continue
                suggesties = onbekend[woord][:3]
                bedoelt = f"bedoelt u {' of '.join(repr(s) for s in suggesties)}? " if suggesties else ""
                b.meld(
                    rij.regel,
                    kolom,
                    f"'{woord}' staat niet in het Nederlandse woordenboek (hunspell-nl)",
                    f"{bedoelt}Verbeter de spelling; is het een echt vakwoord, zet het dan met een reden "
                    "in vakwoorden/toegestane_woorden.txt",
                )


def _sleutel(woord: str) -> str:
    return unicodedata.normalize("NFC", woord).casefold()


def _controleer_dubbel(bestanden: list[_Bestand]) -> None:
    eerste: dict[str, tuple[_Bestand, int]] = {}
    for b in bestanden:
        for rij in b.rijen:
            if not rij["woord"]:
                continue
            sleutel = _sleutel(rij["woord"])
            if sleutel not in eerste:
                eerste[sleutel] = (b, rij.regel)
                continue
            ander, regel = eerste[sleutel]
            waar = f"regel {regel}" if ander is b else f"{ander.naam}:{regel}"
            b.meld(
                rij.regel,
                "woord",
                f"'{rij['woord']}' staat dubbel in sector {b.sector}: op {waar} en op regel {rij.regel}",
                "voeg de twee regels samen tot één regel",
            )


_GEEN_EERSTE_DEEL = frozenset({"ver", "ont", "her", "be", "ge", "er"})


def _splitsingen(woord: str, naamwoorden: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Ways to read ``woord`` as <first part><listed noun>, longest listed last part first: per
    way the last part and the spellings the first part may have (with or without a linking s/e/en)."""
    splitsingen = []
    for begin in range(3, len(woord) - 2):
        staart = woord[begin:]
        if staart not in naamwoorden:
            continue
        kop = woord[:begin].rstrip("-")
        vormen = {kop}
        for tussen in ("s", "e", "en"):
            if kop.endswith(tussen) and len(kop) - len(tussen) >= 3:
                vormen.add(kop[: len(kop) - len(tussen)])
        vormen -= _GEEN_EERSTE_DEEL
        if vormen:
            splitsingen.append((staart, sorted(vormen)))
    return splitsingen


_Samenstelling = tuple[_Bestand, _Rij, list[tuple[str, list[str]]], dict[str, str]]


def _samenstellingen(bestanden: list[_Bestand]) -> list[_Samenstelling]:
    """Nouns that end in another listed noun of the same sector, with the possible splits."""
    naamwoorden: dict[str, str] = {}
    enkel = [
        (b, rij)
        for b in bestanden
        for rij in b.rijen
        if rij["woordsoort"] == ZELFSTANDIG and rij["lidwoord"] in ("de", "het") and " " not in rij["woord"]
    ]
    for _, rij in enkel:
        naamwoorden.setdefault(rij["woord"].casefold(), rij["lidwoord"])
    kandidaten: list[_Samenstelling] = []
    for b, rij in enkel:
        splitsingen = _splitsingen(rij["woord"].casefold(), naamwoorden)
        if splitsingen:
            kandidaten.append((b, rij, splitsingen, naamwoorden))
    return kandidaten


def _controleer_samenstellingen(
    kandidaten: list[_Samenstelling], controle: spelling.Spellingcontrole
) -> None:
    """A compound gets the article of its last part: veiligheidsbril ← de bril (warning).

    A split only counts when the first part is a word itself, so that 'slijmvlies' is not read as
    slijmv + lies.
    """
    fout = controle.controleer(_eerste_delen(kandidaten), suggesties=False)
    for b, rij, splitsingen, naamwoorden in kandidaten:
        for staart, vormen in splitsingen:
            if all(v in fout for v in vormen) and not any(v in naamwoorden for v in vormen):
                continue
            lidwoord, verwacht = rij["lidwoord"], naamwoorden[staart]
            if lidwoord != verwacht:
                b.meld(
                    rij.regel,
                    "lidwoord",
                    f"'{lidwoord} {rij['woord']}' eindigt op '{staart}', en dat is '{verwacht} {staart}' in "
                    "deze lijst; een samenstelling krijgt het lidwoord van het laatste deel",
                    f"controleer het lidwoord van '{rij['woord']}' en van '{staart}'",
                    WAARSCHUWING,
                )
            break  # the longest real last part decides


def _eerste_delen(kandidaten: list[_Samenstelling]) -> list[str]:
    return [v for _, _, splitsingen, _ in kandidaten for _, vormen in splitsingen for v in vormen]


def _controleer_volgorde(b: _Bestand, themas: dict[str, int]) -> None:
    vorige: tuple[int, int] | None = None
    for rij in b.rijen:
        if rij["thema"] not in themas or rij["veiligheid"] not in JA_NEE:
            continue
        sleutel = (themas[rij["thema"]], 0 if rij["veiligheid"] == "ja" else 1)
        if vorige is not None and sleutel < vorige:
            b.meld(
                rij.regel,
                "thema",
                "de lijst is vanaf hier niet goed gesorteerd (eerst op volgorde van thema, dan de "
                "veiligheidswoorden van dat thema)",
                "sorteer op de volgorde uit themas.csv en zet binnen een thema 'veiligheid = ja' bovenaan",
                WAARSCHUWING,
            )
            return
        vorige = sleutel


def _controleer_aantal(bestanden: list[_Bestand], sector: str) -> None:
    aantal = sum(len(b.rijen) for b in bestanden)
    if bestanden and aantal < MINIMUM_WOORDEN:
        bestanden[0].meld(
            0,
            "",
            f"sector {sector} heeft {aantal} woorden; het doel is minstens {MINIMUM_WOORDEN}",
            "vul de lijst aan met woorden die op de werkvloer nodig zijn",
            WAARSCHUWING,
        )


def _themas(pad: Path, sector: str) -> tuple[dict[str, int] | None, Path]:
    kandidaten = [pad.parent / "themas.csv"]
    if sector in SECTOREN:
        kandidaten.append(LIJSTEN_MAP / sector / "themas.csv")
    for themas_pad in kandidaten:
        if themas_pad.is_file():
            rijen = lees_rijen(themas_pad)
            return {
                r["thema"].strip(): int(r["volgorde"])
                for _, r in rijen
                if r.get("volgorde", "").strip().isdigit()
            }, themas_pad
    return None, kandidaten[0]


def _controleer_groep(
    bestanden: list[_Bestand],
    sector: str,
    heel: bool,
    samenstellingen: list[_Samenstelling],
    controle: spelling.Spellingcontrole,
) -> None:
    """Check the files of one sector together; ``heel``: they make up the whole sector list."""
    basis = lees_basiswoorden()
    bekend = basis | _kopwoorden(bestanden) if basis else frozenset()
    for b in bestanden:
        if not b.rijen:
            continue
        themas, themas_pad = _themas(b.pad, sector)
        themas_naam = toon_pad(themas_pad)
        if themas is None:
            b.meld(
                0,
                "thema",
                f"onbekende sector '{sector}': er is geen themas.csv, dus de thema's zijn niet gecontroleerd",
                "zet het bestand in vakwoorden/<sector>/ of geef de sector op met --sector",
                WAARSCHUWING,
            )
        for rij in b.rijen:
            _controleer_tekst(b, rij)
            _controleer_waarden(b, rij, themas, themas_naam)
            _controleer_woordvorm(b, rij, controle)
            _controleer_voorbeeldzin(b, rij)
            _controleer_afbeelding(b, rij)
            _controleer_vertalingen(b, rij)
            _controleer_werkwoord(b, rij)
            _controleer_niveauregel(b, rij)
            _controleer_uitleg(b, rij, bekend)
        if themas:
            _controleer_volgorde(b, themas)
    _controleer_spelling(bestanden, controle)
    _controleer_dubbel(bestanden)
    _controleer_samenstellingen(samenstellingen, controle)
    if heel:
        _controleer_aantal(bestanden, sector)


# Same word in two sectors: same grammar (an error to differ), same level and safety flag (a warning),
# unless one of the entries marks it as a homonym in the column 'homoniem'.
_OVER_SECTOREN: tuple[tuple[str, Ernst], ...] = (
    ("lidwoord", FOUT),
    ("meervoud", FOUT),
    ("woordsoort", FOUT),
    ("vervoeging", FOUT),
    ("niveau", WAARSCHUWING),
    ("veiligheid", WAARSCHUWING),
)


def _controleer_over_sectoren(groepen: list[tuple[str, list[_Bestand]]]) -> None:
    """The same woord means the same in every sector list: compare each entry with the first."""
    per_woord: dict[str, list[tuple[str, _Bestand, _Rij]]] = {}
    for sector, bestanden in groepen:
        for b in bestanden:
            for rij in b.rijen:
                if rij["woord"]:
                    per_woord.setdefault(_sleutel(rij["woord"]), []).append((sector, b, rij))
    for gevonden in per_woord.values():
        sectoren = {sector for sector, _, _ in gevonden}
        if len(sectoren) < 2 or any(rij["homoniem"] for _, _, rij in gevonden):
            continue
        eerste_sector, eerste_b, eerste = gevonden[0]
        for sector, b, rij in gevonden[1:]:
            if sector == eerste_sector:
                continue
            for kolom, ernst in _OVER_SECTOREN:
                if kolom not in rij.ruw or kolom not in eerste.ruw or rij[kolom] == eerste[kolom]:
                    continue
                b.meld(
                    rij.regel,
                    kolom,
                    f"'{rij['woord']}' heeft {kolom} '{rij[kolom]}' in {sector}, maar '{eerste[kolom]}' in "
                    f"{eerste_sector} ({eerste_b.naam}:{eerste.regel})",
                    f"maak '{kolom}' in alle sectoren gelijk; betekent het woord hier iets anders, vul dan "
                    "'homoniem' in met het verschil",
                    ernst,
                )


def _gesorteerd(bestanden: Iterable[_Bestand]) -> list[Probleem]:
    return sorted((p for b in bestanden for p in b.problemen), key=lambda p: (p.bestand, p.regel, p.kolom))


def _voorbereid(groepen: list[tuple[str, list[Path], bool]]) -> list[Probleem]:
    controle = spelling.standaard_controle()
    gelezen = [
        (sector, bestanden, heel, _samenstellingen(bestanden))
        for sector, paden, heel in groepen
        for bestanden in [[_lees(pad, sector) for pad in paden]]
    ]
    rijen = [rij for _, bestanden, _, _ in gelezen for b in bestanden for rij in b.rijen]
    woorden = [w for rij in rijen for _, w in _spellingwoorden(rij)]
    eerste_delen = [w for *_, kandidaten in gelezen for w in _eerste_delen(kandidaten)]
    # One hunspell run for every word of every file; then suggestions for the unknown list words
    # only, and an analysis only of the plurals that the rules do not recognise.
    controle.controleer([*woorden, *eerste_delen], suggesties=False)
    controle.controleer(woorden)
    controle.analyseer(w for rij in rijen for w in _onbekende_meervouden(rij))
    for sector, bestanden, heel, kandidaten in gelezen:
        _controleer_groep(bestanden, sector, heel, kandidaten, controle)
    _controleer_over_sectoren([(sector, bestanden) for sector, bestanden, _, _ in gelezen])
    return _gesorteerd(b for _, bestanden, _, _ in gelezen for b in bestanden)


def _onbekende_meervouden(rij: _Rij) -> list[str]:
    """The last word of a plural that the rules do not accept (hunspell may still confirm it)."""
    woord, meervoud = rij["woord"], rij["meervoud"]
    if not woord or not meervoud or meervoud == "-" or spelling.meervoud_past(woord, meervoud):
        return []
    return [meervoud.split()[-1]]


def controleer_bestand(pad: Path, sector: str | None = None) -> list[Probleem]:
    """All problems in one list file. The sector is the folder name unless given.

    A file named ``woorden.csv`` is taken to be the whole sector list (so it also gets the
    warning when it has fewer than 300 words).
    """
    sector = sector or pad.resolve().parent.name
    return _voorbereid([(sector, [pad], pad.name == "woorden.csv")])


def lijstbestanden(sector: str, map_: Path | None = None) -> list[Path]:
    """The files that make up a sector list: woorden.csv, or the drafts woorden.deel-*.csv."""
    volledig = lijst_pad(sector, map_)
    if volledig.exists():
        return [volledig]
    return sorted(volledig.parent.glob("woorden.deel-*.csv"))


def controleer_alles(map_: Path | None = None) -> list[Probleem]:
    """All problems in the lists of every sector, including duplicates across a sector's files.

    The answer is kept (in this process and in the cache folder, see :func:`_vingerafdruk`): the
    pipeline checks the lists on every run, and the full check takes seconds (hunspell, spaCy).
    """
    sleutel = _vingerafdruk(map_)
    if sleutel in _UITKOMSTEN:
        return list(_UITKOMSTEN[sleutel])
    bewaard = _lijstcontrole_map() / f"{sleutel}.json"
    try:
        problemen = [Probleem(**p) for p in json.loads(bewaard.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        problemen, _ = _controleer_alles(map_)
        from vakwoorden.anki.grootboek import tijdelijk_pad  # after a check: its imports are loaded anyway

        try:
            bewaard.parent.mkdir(parents=True, exist_ok=True)
            tijdelijk = tijdelijk_pad(bewaard)
            tijdelijk.write_text(json.dumps([asdict(p) for p in problemen], ensure_ascii=False), encoding="utf-8")
            os.replace(tijdelijk, bewaard)
        except OSError:
            pass  # a cache that cannot be written only costs time
    _UITKOMSTEN[sleutel] = tuple(problemen)
    return problemen


_UITKOMSTEN: dict[str, tuple[Probleem, ...]] = {}
_TAALPAKKETTEN = ("spacy", "spacy-lookups-data", "wordfreq")


def _lijstcontrole_map() -> Path:
    """Next to the audio cache (VAKWOORDEN_CACHE, else ~/.cache/vakwoorden/audio): …/lijstcontrole."""
    return instellingen.audiocache().parent / "lijstcontrole"


def _vingerafdruk(map_: Path | None) -> str:
    """Everything the check's answer depends on, hashed: the lists (``map_`` or the bundled ones,
    where they are and what they hold), every file of the word library (code, allow-list, basic
    vocabulary), hunspell and its Dutch dictionaries, and the versions of the language packages.
    Any change gives a new key."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    # The findings show paths as given and relative to the working folder (toon_pad): both count.
    h.update(f"{map_}\0{Path.cwd().resolve()}\0".encode())
    bibliotheek = Path(__file__).resolve().parent
    mappen = [bibliotheek] + ([Path(map_).resolve()] if map_ is not None else [])
    for map_i in mappen:
        for pad in sorted(p for p in map_i.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            # The full path: the findings name the files, so the same lists elsewhere are checked anew.
            h.update(str(pad).encode("utf-8") + b"\0" + pad.read_bytes() + b"\0")
    programma = shutil.which("hunspell")
    woordenboeken = [Path(programma)] if programma else []
    for basis in (Path("/usr/share/hunspell"), Path("/usr/share/myspell"), Path("/usr/share/myspell/dicts")):
        woordenboeken += sorted(basis.glob("nl*")) if basis.is_dir() else []
    for pad in woordenboeken:
        stand = pad.stat()
        h.update(f"{pad}:{stand.st_size}:{stand.st_mtime_ns}".encode())
    for pakket in _TAALPAKKETTEN:
        try:
            h.update(f"{pakket}={version(pakket)}".encode())
        except PackageNotFoundError:
            h.update(f"{pakket}=-".encode())
    return h.hexdigest()[:40]


def _controleer_alles(map_: Path | None) -> tuple[list[Probleem], int]:
    groepen: list[tuple[str, list[Path], bool]] = []
    ontbrekend: list[Probleem] = []
    for sector in SECTOREN:
        paden = lijstbestanden(sector, map_)
        if paden:
            groepen.append((sector, paden, True))
        else:
            ontbrekend.append(
                Probleem(
                    toon_pad(lijst_pad(sector, map_)),
                    0,
                    "",
                    f"de woordenlijst van sector {sector} ontbreekt",
                    "maak het bestand volgens vakwoorden/FORMAT.md",
                )
            )
    aantal = sum(len(paden) for _, paden, _ in groepen)
    return sorted(ontbrekend + _voorbereid(groepen)), aantal


# --------------------------------------------------------------------------------------------
# Pronunciation: vakwoorden controleer --uitspraak
# --------------------------------------------------------------------------------------------

# Parts of loanwords that espeak-ng's Dutch rules read letter by letter the Dutch way.
ENGELSE_DELEN: tuple[str, ...] = (
    "airco",
    "coat",
    "container",
    "cutter",
    "design",
    "meeting",
    "overall",
    "pallet",
    "safety",
    "scoot",
    "spray",
    "tape",
    "timer",
    "tool",
    "trainer",
    "update",
)
LEENPATRONEN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"oa[tdckls]"), "'oa' is Engels (zoals in coat)"),
    (re.compile(r"ee[^aeiou]ing"), "'ee…ing' is Engels (zoals in meeting)"),
    (re.compile(r"(?<![aeo])ai(?![il])"), "'ai' is Engels (zoals in container)"),
    (re.compile(r"(?:^|(?<![aeiou]))[öü]"), "'ö' of 'ü' zonder klinker ervoor is Duits of Frans, geen trema"),
    (re.compile(r"[éèêçà]"), "een Franse letter (é, è, ê, ç, à)"),
    (re.compile(r"(?:ll|ff)$"), "een dubbele medeklinker aan het eind is Engels (zoals in overall)"),
)
# First parts that are prefixes, not words: ver|banddoos, mis|handeling, con|tactpersoon.
_VOORVOEGSELS = frozenset({"be", "con", "er", "ge", "her", "mis", "ont", "ver"})
_KLINKERS = re.compile(r"[aeiouyAEIOUY@0-9&]+:?")


def _lettergrepen(fonemen: str) -> list[int]:
    """Start positions of the syllable nuclei in espeak-ng's -x phonemes."""
    return [m.start() for m in _KLINKERS.finditer(fonemen)]


def _klemtoon_lettergreep(fonemen: str) -> int | None:
    """Index of the syllable with the primary stress (espeak marks it with ' before the syllable)."""
    positie = fonemen.find("'")
    if positie < 0:
        return None
    return sum(1 for k in _lettergrepen(fonemen) if k < positie)


def leenwoord_redenen(woord: str) -> list[str]:
    w = woord.casefold()
    redenen = [reden for patroon, reden in LEENPATRONEN if patroon.search(w)]
    # at the start or after a first part of three letters or more (not s|tape|len)
    delen = [d for d in ENGELSE_DELEN if (i := w.find(d)) == 0 or i >= 3]
    if delen:
        redenen.append(f"'{delen[0]}' is een Engels woord")
    return redenen


def _kop_vormen(kop: str) -> list[str]:
    vormen = [kop]
    for tussen in ("s", "e", "en"):
        if kop.endswith(tussen) and len(kop) - len(tussen) >= 3:
            vormen.append(kop[: len(kop) - len(tussen)])
    return vormen


def _splitsingen_woordenboek(
    woorden: list[str], controle: spelling.Spellingcontrole
) -> dict[str, tuple[str, str]]:
    """Per word the split into <first part><last part> with both parts in hunspell-nl (3+ letters),
    the shortest first part first; words that are no compound are left out."""
    kandidaten = {
        # last parts of four letters or more: 'ier', 'age', 'let' are endings more often than words
        w: [(w[:i], w[i:]) for i in range(3, len(w) - 3)]
        for w in woorden
        if "-" not in w and " " not in w
    }
    delen = {d for paren in kandidaten.values() for kop, staart in paren for d in (*_kop_vormen(kop), staart)}
    fout = controle.controleer(sorted(delen), suggesties=False)
    gevonden: dict[str, tuple[str, str]] = {}
    for w, paren in kandidaten.items():
        for kop, staart in paren:
            if kop in _VOORVOEGSELS:
                continue
            if staart not in fout and any(v not in fout for v in _kop_vormen(kop)):
                gevonden[w] = (kop, staart)
                break
    return gevonden


def controleer_uitspraak(map_: Path | None = None) -> list[Probleem]:
    """Entries whose espeak-ng pronunciation is probably wrong (warnings): loan spellings that the
    Dutch rules misread, and compound nouns whose primary stress is not on the first part. Entries
    with an ``uitspraak`` are checked instead for phonemes espeak-ng does not know."""
    from vakwoorden.anki.audio import fonemen

    bestanden = [_lees(pad, sector) for sector in SECTOREN for pad in lijstbestanden(sector, map_)]
    rijen = [(b, rij) for b in bestanden for rij in b.rijen if rij["woord"]]
    zonder = [rij["woord"] for _, rij in rijen if not rij["uitspraak"]]
    zelfstandig = [
        rij["woord"].casefold()
        for _, rij in rijen
        if not rij["uitspraak"] and rij["woordsoort"] == ZELFSTANDIG
    ]
    splitsingen = _splitsingen_woordenboek(sorted(set(zelfstandig)), spelling.standaard_controle())
    opgegeven = [
        rij["uitspraak"].split(";")[0].strip() for _, rij in rijen if rij["uitspraak"].startswith("[[")
    ]
    klank = fonemen(
        [*zonder, *(k for k, _ in splitsingen.values()), *(s for _, s in splitsingen.values()), *opgegeven]
    )
    if not klank:
        return [Probleem("", 0, "uitspraak", "espeak-ng is niet geïnstalleerd", "installeer espeak-ng")]
    for b, rij in rijen:
        woord, uitspraak = rij["woord"], rij["uitspraak"]
        if uitspraak:
            eerste = uitspraak.split(";")[0].strip()
            if eerste.startswith("[["):
                binnen = eerste.removeprefix("[[").removesuffix("]]")
                if not eerste.endswith("]]") or klank.get(eerste, "").replace("_!", "") != binnen.replace(
                    "_!", ""
                ):
                    b.meld(
                        rij.regel,
                        "uitspraak",
                        f"espeak-ng leest de fonemen van '{woord}' anders dan bedoeld: {eerste} wordt "
                        f"[{klank.get(eerste, '')}]",
                        "gebruik alleen fonemen die espeak-ng kent (zie 'espeak-ng -x -v nl'), tussen [[ en ]]",
                        WAARSCHUWING,
                    )
            continue
        gezegd = klank.get(woord, "")
        redenen = leenwoord_redenen(woord)
        voorstel = ""
        splitsing = splitsingen.get(woord.casefold()) if rij["woordsoort"] == ZELFSTANDIG else None
        if splitsing and gezegd:
            kop, staart = splitsing
            kop_klank = klank.get(kop, "")
            klemtoon = _klemtoon_lettergreep(gezegd)
            if kop_klank and klemtoon is not None and klemtoon >= len(_lettergrepen(kop_klank)):
                redenen.append(f"de klemtoon valt op '{staart}', maar hoort bij een samenstelling op '{kop}'")
                voorstel = f", bijvoorbeeld [[{kop_klank}{klank.get(staart, '').replace(chr(39), ',')}]]"
        if redenen:
            b.meld(
                rij.regel,
                "uitspraak",
                f"espeak-ng zegt '{woord}' als [{gezegd}]: {'; '.join(redenen)}",
                f"luister (espeak-ng -v nl '{woord}') en vul als het fout klinkt 'uitspraak' in{voorstel}",
                WAARSCHUWING,
            )
    return _gesorteerd(bestanden)


# --------------------------------------------------------------------------------------------
# Command line: vakwoorden controleer
# --------------------------------------------------------------------------------------------


class _NederlandseHulp(argparse.HelpFormatter):
    """Help with a Dutch heading for the usage line."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "controleer",
        help="controleer de woordenlijsten (spelling, lidwoorden, meervouden, thema's)",
        description=(
            "Controleer de woordenlijsten van vakwoorden/ volgens vakwoorden/FORMAT.md. Zonder PAD "
            "worden alle lijsten gecontroleerd. Elke fout komt op een regel als bestand:regel, met "
            "de oplossing erbij."
        ),
        formatter_class=_NederlandseHulp,
        add_help=False,
    )
    bestanden = parser.add_argument_group("bestanden")
    bestanden.add_argument(
        "paden",
        nargs="*",
        type=Path,
        metavar="PAD",
        help="een woordenlijst (.csv) of een map met sectormappen",
    )
    opties = parser.add_argument_group("opties")
    opties.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    opties.add_argument("--streng", action="store_true", help="tel waarschuwingen ook als fouten")
    opties.add_argument(
        "--sector", choices=SECTOREN, help="de sector van de bestanden (standaard: de naam van de map)"
    )
    opties.add_argument(
        "--uitspraak",
        action="store_true",
        help="toon ook de woorden die espeak-ng waarschijnlijk verkeerd uitspreekt (leenwoorden, klemtoon)",
    )
    parser.set_defaults(uitvoeren=voer_uit)


def _meervoud(aantal: int, enkel: str, meer: str) -> str:
    return f"{aantal} {enkel if aantal == 1 else meer}"


def samenvatting(problemen: Sequence[Probleem], aantal_bestanden: int) -> str:
    fouten = sum(p.ernst == FOUT for p in problemen)
    waarschuwingen = len(problemen) - fouten
    bestanden = _meervoud(aantal_bestanden, "bestand", "bestanden")
    if not problemen:
        return f"Geen fouten of waarschuwingen in {bestanden}."
    return (
        f"{_meervoud(fouten, 'fout', 'fouten')}, {_meervoud(waarschuwingen, 'waarschuwing', 'waarschuwingen')} "
        f"in {bestanden}"
    )


def niveauverdeling(map_: Path | None = None) -> dict[str, dict[str, int]]:
    """Per sector the number of entries per level (A1, A2, B1, B2), from ``woorden.csv``."""
    verdeling: dict[str, dict[str, int]] = {}
    for sector in SECTOREN:
        pad = lijst_pad(sector, map_)
        if pad.is_file():
            tel = dict.fromkeys(NIVEAUS, 0)
            for _, rij in lees_rijen(pad):
                if rij.get("niveau", "").strip() in tel:
                    tel[rij["niveau"].strip()] += 1
            verdeling[sector] = tel
    return verdeling


def niveau_regel(map_: Path | None = None) -> str:
    """One line for the user: the level distribution and the A1/A2 share per sector."""
    delen = []
    for sector, tel in niveauverdeling(map_).items():
        totaal = sum(tel.values()) or 1
        basis = round(100 * (tel["A1"] + tel["A2"]) / totaal)
        delen.append(f"{sector} " + " ".join(f"{n} {a}" for n, a in tel.items()) + f" (A1+A2 {basis}%)")
    return "Niveaus: " + "; ".join(delen) + "."


def consistentie_regel(map_: Path | None = None) -> str:
    """One line: how many words appear in more than one sector, how many are homonyms, how many differ."""
    per_woord: dict[str, list[dict[str, str]]] = {}
    for sector in SECTOREN:
        pad = lijst_pad(sector, map_)
        if pad.is_file():
            for _, rij in lees_rijen(pad):
                per_woord.setdefault(_sleutel(rij.get("woord", "")), []).append(rij)
    gedeeld = [rijen for rijen in per_woord.values() if len(rijen) > 1]
    homoniemen = [rijen for rijen in gedeeld if any(r.get("homoniem", "").strip() for r in rijen)]
    verschillend = [
        rijen
        for rijen in gedeeld
        if rijen not in homoniemen
        and any(len({r.get(k, "").strip() for r in rijen}) > 1 for k, _ in _OVER_SECTOREN)
    ]
    return (
        f"Woorden in meer dan één sector: {len(gedeeld)}, waarvan {len(homoniemen)} homoniem en "
        f"{len(verschillend)} met verschillen."
    )


def voer_uit(args: argparse.Namespace) -> int:
    paden: list[Path] = args.paden
    try:
        if not paden:
            problemen, aantal = _controleer_alles(None)
        else:
            problemen, aantal = [], 0
            for pad in paden:
                if pad.is_dir():
                    gevonden, n = _controleer_alles(pad)
                else:
                    gevonden, n = controleer_bestand(pad, args.sector), 1
                problemen += gevonden
                aantal += n
        if args.uitspraak:
            uitspraak_map = next((p for p in paden if p.is_dir()), None)
            problemen += controleer_uitspraak(uitspraak_map)
    except spelling.HunspellOntbreekt as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    for probleem in problemen:
        print(probleem)
    mappen = [p for p in paden if p.is_dir()]
    if not paden or mappen:  # the sector lists as a whole: levels and pictures, then the summary
        from vakwoorden.anki.afbeeldingen import afbeelding_regel  # the share of entries with a picture

        map_ = mappen[0] if mappen else None
        print(niveau_regel(map_))
        print(consistentie_regel(map_))
        print(afbeelding_regel(map_))
    print(samenvatting(problemen, aantal))
    fouten = [p for p in problemen if p.ernst == FOUT or args.streng]
    return 1 if fouten else 0
