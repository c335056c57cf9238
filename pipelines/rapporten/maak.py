"""Build the reports from the warehouse: a learner's report for the jobcoach, the gemeente overview.

Everything the reader sees is Dutch; every value from the warehouse is HTML-escaped (Jinja2 with
autoescape). The plots are SVG made by matplotlib, inline in the HTML and also written next to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape

from pipelines.resources import lees_sql
from vakwoorden.rapport import grafiek
from vakwoorden.rapport.tekenen import Grafiek, Tekenaar

MAP = Path(grafiek.__file__).parent  # the templates and style live with the word library: vakwoorden/rapport/
PSEUDONIEM = re.compile(r"[0-9a-f]{20}")


class OnbekendeLeerling(LookupError):
    pass


@dataclass
class Rapport:
    naam: str  # file name without extension
    html: str
    grafieken: dict[str, str] = field(default_factory=dict)  # name -> SVG

    def schrijf(self, map_: Path) -> Path:
        """Write the HTML and each plot as its own SVG next to it; returns the HTML's path."""
        map_.mkdir(parents=True, exist_ok=True)
        for naam, svg in self.grafieken.items():
            (map_ / f"{self.naam}-{naam}.svg").write_text(svg, encoding="utf-8")
        pad = map_ / f"{self.naam}.html"
        pad.write_text(self.html, encoding="utf-8")
        return pad


def _datum(waarde: dt.date | dt.datetime | None) -> str:
    return waarde.strftime("%d-%m-%Y") if waarde else "–"


def _getal(waarde: float | int | None, decimalen: int = 0) -> str:
    if waarde is None:
        return "–"
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


def _cijfer(waarde: float | None, decimalen: int) -> str:
    return _getal(waarde, decimalen)


@cache
def _omgeving() -> Environment:
    omgeving = Environment(
        loader=FileSystemLoader(MAP),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    omgeving.globals.update(
        datum=_datum, getal=_getal, cijfer=_cijfer, css=(MAP / "rapport.css").read_text("utf-8")
    )
    return omgeving


def _rijen(
    con: duckdb.DuckDBPyConnection, naam: str, parameters: list[Any] | None = None
) -> list[dict[str, Any]]:
    cursor = con.execute(lees_sql(f"vragen/{naam}.sql"), parameters or [])
    kolommen = [k[0] for k in cursor.description or []]
    return [dict(zip(kolommen, rij, strict=True)) for rij in cursor.fetchall()]


def _als_datum(waarde: dt.date | dt.datetime) -> dt.date:
    return waarde.date() if isinstance(waarde, dt.datetime) else waarde


def _deckadvies(
    woorden: list[dict[str, Any]], leerling: str, werkplekken: list[str], decks: Path | None
) -> dict | None:
    """The deck to study next: the learner's own deck, starting with the theme with most unknown words."""
    open_ = [w for w in woorden if not w["beheerst"]]
    if not open_:
        return None
    per_thema: dict[str, list[dict[str, Any]]] = {}
    for w in open_:
        per_thema.setdefault(w["thema"] or "overig", []).append(w)
    # Safety words first, then the theme with most words still to learn.
    thema, lijst = max(
        per_thema.items(), key=lambda kv: (sum(w["veiligheid"] for w in kv[1]), len(kv[1]), kv[0])
    )
    # The least known first: safety words, never studied, lowest chance of recall.
    volgorde = sorted(
        lijst, key=lambda w: (not w["veiligheid"], w["geoefend"], w["kans_herinnerd"] or 0.0, w["woord"])
    )
    bestand = None
    deck = "Vakwoorden – Mijn woorden (eigen deck van de leerling)"
    if decks is not None:
        eigen = decks / "leerlingen" / f"{leerling}.apkg"
        if eigen.exists():
            bestand = str(eigen)
        else:
            werkplek = next((decks / "werkplekken" / f"{w}-nl.apkg" for w in werkplekken
                             if (decks / "werkplekken" / f"{w}-nl.apkg").exists()), None)  # fmt: skip
            if werkplek is not None:
                deck, bestand = f"Vakwoorden – Werkplek {werkplek.stem.removesuffix('-nl')}", str(werkplek)
    return {
        "deck": deck,
        "bestand": bestand,
        "thema": thema,
        "aantal": len(lijst),
        "veilig": sum(1 for w in lijst if w["veiligheid"]),
        "woorden": [w["woord"] for w in volgorde[:12]],
    }


@dataclass
class Leerlinggegevens:
    """What a learner's report shows, read from the warehouse: the page's values and its plots."""

    naam: str
    waarden: dict[str, Any]
    grafieken: dict[str, Grafiek]


def leerlingrapport(
    con: duckdb.DuckDBPyConnection,
    leerling: str,
    decks: Path | None = None,
    vandaag: dt.date | None = None,
    eerder: Path | None = None,
) -> Rapport:
    """A learner's report (1-2 A4 pages). ``leerling`` is a pseudonym, never a BSN or name.

    ``eerder``: the folder the reports were written to before; plots whose data did not change are
    taken from there instead of drawn again.
    """
    return leerlingrapporten(con, [leerling], decks, vandaag, eerder)[0]


def leerlingrapporten(
    con: duckdb.DuckDBPyConnection,
    leerlingen: list[str],
    decks: Path | None = None,
    vandaag: dt.date | None = None,
    eerder: Path | None = None,
) -> list[Rapport]:
    """The reports of ``leerlingen``. Each learner's two plots are drawn (by worker processes when
    there are many, see :class:`Tekenaar`) while the next learner is read."""
    vandaag = vandaag or dt.date.today()
    with Tekenaar() as tekenaar:
        tekenaar.verwacht(2 * len(leerlingen))
        klaar = [_teken(tekenaar, lees_leerling(con, leerling, decks, vandaag, eerder)) for leerling in leerlingen]
        return [rapport() for rapport in klaar]


def _teken(tekenaar: Tekenaar, gegevens: Leerlinggegevens) -> Callable[[], Rapport]:
    """Start drawing a learner's plots; the returned function gives the report when they are ready."""
    uitkomsten = {naam: tekenaar.teken(g) for naam, g in gegevens.grafieken.items()}

    def rapport() -> Rapport:
        svg = {naam: uitkomst() for naam, uitkomst in uitkomsten.items()}
        html = (
            _omgeving()
            .get_template("leerling.html")
            .render(**gegevens.waarden, grafiek_niveaus=svg["niveaus"], grafiek_uren=svg["aanwezigheid"])
        )
        return Rapport(gegevens.naam, html, svg)

    return rapport


def lees_leerling(
    con: duckdb.DuckDBPyConnection, leerling: str, decks: Path | None, vandaag: dt.date, eerder: Path | None
) -> Leerlinggegevens:
    """Everything a learner's report shows, from the warehouse; raises OnbekendeLeerling."""
    if not PSEUDONIEM.fullmatch(leerling):
        raise OnbekendeLeerling(
            "Geef het pseudoniem van de leerling (20 tekens 0-9 en a-f, zoals in het warehouse), geen BSN of naam."
        )
    gegevens = _rijen(con, "rapport_leerling", [leerling])
    plaatsingen = _rijen(con, "rapport_plaatsingen", [leerling])
    if not gegevens and not plaatsingen:
        raise OnbekendeLeerling(f"Leerling {leerling} staat niet in het warehouse.")
    kop = gegevens[0] if gegevens else {"leerling": leerling, "laatste_datum": None}
    metingen: dict[str, list[tuple[dt.date, int]]] = {}
    for rij in _rijen(con, "rapport_metingen", [leerling]):
        metingen.setdefault(rij["vaardigheid"], []).append((rij["datum"], rij["rang"]))
    doelen: dict[str, list[grafiek.Doel]] = {}
    eisen_nu: dict[str, str] = {}
    tekort_nu: dict[str, int | None] = {}
    for rij in _rijen(con, "rapport_doelen", [leerling]):
        doelen.setdefault(rij["vaardigheid"], []).append(
            grafiek.Doel(
                rij["vereist_rang"], rij["startdatum"], rij["einddatum"], rij["actief"], rij["werkplek"]
            )
        )
        if rij["actief"] and (
            rij["vaardigheid"] not in eisen_nu or rij["vereist_niveau"] > eisen_nu[rij["vaardigheid"]]
        ):
            eisen_nu[rij["vaardigheid"]] = rij["vereist_niveau"]
            tekort_nu[rij["vaardigheid"]] = rij["niveaus_tekort"]
    vaardigheden = []
    for v in grafiek.VAARDIGHEDEN:
        reeks = metingen.get(v, [])
        vaardigheden.append({
            "vaardigheid": v,
            "start": grafiek.NIVEAUS[reeks[0][1]] if reeks else None,
            "huidig": grafiek.NIVEAUS[reeks[-1][1]] if reeks else None,
            "eis": eisen_nu.get(v),
            "tekort": tekort_nu.get(v),
        })  # fmt: skip
    woorden = _rijen(con, "rapport_vakwoorden", [leerling])
    veilig = [w for w in woorden if w["veiligheid"]]
    urenrijen = _rijen(con, "rapport_uren", [leerling])
    aangeboden = sum(r["uren_aangeboden"] or 0.0 for r in urenrijen)
    aanwezig = sum(r["uren_aanwezig"] or 0.0 for r in urenrijen)
    uren = {
        "aangeboden": aangeboden,
        "aanwezig": aanwezig,
        "ongeoorloofd": sum(r["afwezig_ongeoorloofd"] or 0.0 for r in urenrijen),
        "procent": 100 * aanwezig / aangeboden if aangeboden else None,
    }
    perioden = [
        (_als_datum(r["periode_start"]), r["uren_aangeboden"] or 0.0, r["uren_aanwezig"] or 0.0)
        for r in urenrijen
    ]
    naam = f"leerling-{leerling}"
    grafieken = {
        "niveaus": Grafiek(grafiek.niveaus_per_vaardigheid, (metingen, doelen, vandaag),
                           eerder and eerder / f"{naam}-niveaus.svg"),
        "aanwezigheid": Grafiek(grafiek.aanwezigheid, (perioden,), eerder and eerder / f"{naam}-aanwezigheid.svg"),
    }  # fmt: skip
    waarden = {
        "leerling": kop,
        "vandaag": vandaag,
        "plaatsingen": plaatsingen,
        "vaardigheden": vaardigheden,
        "woorden": woorden,
        "geoefend": sum(1 for w in woorden if w["geoefend"]),
        "beheerst": sum(1 for w in woorden if w["beheerst"]),
        "veilig": veilig,
        "veilig_beheerst": sum(1 for w in veilig if w["beheerst"]),
        "heeft_beheersing": any(w["geoefend"] for w in woorden),
        "uren": uren,
        "advies": _deckadvies(woorden, leerling, [p["werkplek"] for p in plaatsingen], decks),
    }
    return Leerlinggegevens(naam, waarden, grafieken)


def leerlingen_met_lopende_plaatsing(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r["leerling"] for r in _rijen(con, "rapport_leerlingen_actief")]


_GETAL_IN_CEL = re.compile(r"^(\d+)$|^(\d+) \(|\((\d+)\)")


def kleine_aantallen(html: str) -> list[str]:
    """Number cells of a report that show a count below 10 (a count alone, 'n (…)' or '(n)')."""
    fout = []
    for cel in re.findall(r'<td class="getal">(.*?)</td>', html):
        for groepen in _GETAL_IN_CEL.findall(cel):
            if int(next(g for g in groepen if g)) < 10:
                fout.append(cel)
    return fout


def gemeenterapport(con: duckdb.DuckDBPyConnection, vandaag: dt.date | None = None) -> Rapport:
    """The shareable overview: only the suppressed marts (mart.cohort_overzicht, mart.taalaanbieder_overzicht)."""
    vandaag = vandaag or dt.date.today()
    aanbieders = _rijen(con, "rapport_taalaanbieders")
    cohorten = _rijen(con, "rapport_cohorten")
    svg = grafiek.groei_per_aanbieder(
        [(r["naam"] or r["taalaanbieder"], r["leerroute"], r["groei_per_100_uur"], r["leerlingen_met_uren"])
         for r in aanbieders]
    )  # fmt: skip
    html = (
        _omgeving()
        .get_template("gemeente.html")
        .render(vandaag=vandaag, aanbieders=aanbieders, cohorten=cohorten, grafiek=svg)
    )
    return Rapport("gemeente-overzicht", html, {"groei": svg})
