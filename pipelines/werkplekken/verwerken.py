"""Werkplek exports (our own template, see README) -> canonical rows plus quarantine.

Three kinds of file, recognised by name: ``werkplekken*.csv`` (employers' places of work and
their language requirements), ``plaatsingen*.csv`` (which learner works or learns where) and
``vakwoorden*.csv`` (the vakwoorden a werkplek needs). UTF-8 (BOM allowed), ',' or ';'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.inlezen import REGEL, CsvOpties, lees_csv
from pipelines.gedeeld.limieten import STANDAARD_LIMIETEN, Limieten
from pipelines.gedeeld.oordeel import ORIGINEEL, Oordeel, Regel, beoordeel_frame
from pipelines.gedeeld.paden import CODEPATROON
from pipelines.gedeeld.waarden import getoond, in_kolom
from pipelines.privacy import (
    ID,
    ONGELDIG_BSN,
    ONGELDIG_VNUMMER,
    bsn_elfproef,
    is_vnummer,
    pseudonimiseer_kolom,
    schoon_nummer,
)
from pipelines.taalaanbieders import normaliseren as nm
from pipelines.taalaanbieders.mapping import VROEGSTE_DATUM
from vakwoorden.domein import REFERENTIENIVEAUS, SECTOREN

PLAATSINGSSOORTEN = ("stage", "proefplaatsing", "leerwerkplek", "dienstverband", "vrijwilligerswerk")
PLAATSINGSSOORT_VARIANTEN = {
    "stage": "stage", "snuffelstage": "stage",
    "proefplaatsing": "proefplaatsing", "proefplaats": "proefplaatsing",
    "leerwerkplek": "leerwerkplek", "leer-werkplek": "leerwerkplek", "leerwerktraject": "leerwerkplek",
    "dienstverband": "dienstverband", "baan": "dienstverband", "betaald werk": "dienstverband",
    "vrijwilligerswerk": "vrijwilligerswerk", "vrijwilliger": "vrijwilligerswerk",
}  # fmt: skip
JA_NEE = {"ja": "true", "j": "true", "nee": "false", "n": "false", "true": "true", "false": "false", "1": "true", "0": "false"}
# Employers often state requirements as mbo referentieniveau (vakwoorden.domein.REFERENTIENIVEAUS).
REFERENTIENIVEAU = REFERENTIENIVEAUS

WERKPLEK_KOLOMMEN = ["werkplek", "werkgever", "sector", "functie", "vca_vereist",
                     *(f"niveau_{v.replace(' ', '_')}" for v in nm.VAARDIGHEDEN)]  # fmt: skip
PLAATSING_KOLOMMEN = ["identificatie", "soort_identificatie", "werkplek", "soort", "startdatum", "einddatum"]
VAKWOORD_KOLOMMEN = ["werkplek", "woord"]


@dataclass
class WerkplekVerwerkt:
    rijen_gelezen: int
    tabellen: dict[str, pl.DataFrame]
    quarantaine: pl.DataFrame
    normalisaties: pl.DataFrame


def soort_bestand(pad: Path) -> str | None:
    naam = pad.name.lower()
    for soort in ("werkplekken", "plaatsingen", "vakwoorden"):
        if naam.startswith(soort) and naam.endswith(".csv"):
            return soort
    return None


def _lees(pad: Path, kolommen: list[str], limieten: Limieten) -> pl.DataFrame:
    with pad.open("rb") as bestand:
        kop = bestand.read(4096).decode("utf-8-sig", errors="replace").splitlines()[:1]
    eerste = kop[0] if kop else ""
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    return lees_csv(pad, CsvOpties("utf-8", scheiding), kolommen, limieten)


def _datum(origineel: pl.Expr) -> pl.Expr:
    """Our template asks for jjjj-mm-dd; dd-mm-jjjj, as Dutch spreadsheets write it, is accepted too."""
    return pl.coalesce(nm.datum(origineel, "%Y-%m-%d"), nm.datum(origineel, "%d-%m-%Y"))


def _niveau_eis(origineel: pl.Expr) -> pl.Expr:
    tekst = nm.schoon(origineel).str.to_uppercase()
    return pl.coalesce(nm.niveau(origineel), tekst.replace_strict(REFERENTIENIVEAU, default=None))


W = ORIGINEEL  # the value as it arrived: every field rule below judges one distinct value (gedeeld/oordeel.py)


def _verplicht(veld: str) -> Oordeel:
    return Oordeel(tekst=nm.schoon(W), regels=(Regel(nm.schoon(W).is_null(), f"{veld} ontbreekt"),))


def _werkplekcode() -> Oordeel:
    """A werkplek code becomes part of file and deck names: only codes of the documented shape."""
    code = nm.schoon(W)
    return Oordeel(
        tekst=code,
        regels=(
            Regel(code.is_null(), "werkplek ontbreekt"),
            Regel(code.is_not_null() & ~code.str.contains(f"^{CODEPATROON.pattern}$"),
                  pl.format("werkplekcode {} voldoet niet aan het patroon: letters, cijfers, - en _, beginnend met "
                            "een letter of cijfer, hoogstens 40 tekens (zoals WP-ME01)", getoond(code, "werkplekcode"))),
        ),
    )  # fmt: skip


def _bekende_werkplek(bekend: Iterable[str]) -> Oordeel:
    code = nm.schoon(W)
    return Oordeel(
        tekst=code,
        regels=(Regel(code.is_null() | ~code.is_in(sorted(bekend)),
                      pl.format("onbekende werkplek {}; voeg hem eerst toe aan werkplekken.csv",
                                getoond(code, "werkplekcode"))),),
    )  # fmt: skip


def _niveau(kolom: str) -> Oordeel:
    tekst = nm.schoon(W)
    return Oordeel(
        tekst=_niveau_eis(W),
        regels=(Regel(tekst.is_not_null() & _niveau_eis(W).is_null(),
                      pl.format("onbekend niveau{}; gebruik A1 t/m C2 of 1F/2F/3F", in_kolom(tekst, "niveau", kolom))),),
        vastleggen=True,
    )  # fmt: skip


def verwerk_werkplekken(pad: Path, bestand: str, limieten: Limieten = STANDAARD_LIMIETEN) -> WerkplekVerwerkt:
    frame = _lees(pad, WERKPLEK_KOLOMMEN, limieten)
    sector = nm.schoon(W).str.to_lowercase()
    vca = nm.schoon(W).str.to_lowercase().replace_strict(JA_NEE, default=None)
    niveau_kolommen = {v: f"niveau_{v.replace(' ', '_')}" for v in nm.VAARDIGHEDEN}
    velden = {
        "werkplek": _werkplekcode(),
        "werkgever": _verplicht("werkgever"),
        "functie": _verplicht("functie"),
        "sector": Oordeel(
            tekst=sector,
            regels=(Regel(sector.is_null() | ~sector.is_in(SECTOREN),
                          pl.format("onbekende sector {}; gebruik metaal, zorg of bouw",
                                    getoond(nm.schoon(W), "kleine_letters"))),),
        ),
        "vca_vereist": Oordeel(
            tekst=vca,
            regels=(Regel(vca.is_null(), pl.format("vca_vereist is {}; gebruik ja of nee", getoond(nm.schoon(W), "ja_nee"))),),
        ),
        **{kolom: _niveau(kolom) for kolom in niveau_kolommen.values()},
    }  # fmt: skip
    dubbel = Regel(pl.col("werkplek").is_not_null() & pl.col("werkplek").is_duplicated(),
                   "werkplek komt vaker voor in dit bestand; elke werkplek één keer")  # fmt: skip
    oordeel = beoordeel_frame(frame, velden, bestand, (dubbel,))
    goed = oordeel.goed
    werkplek = goed.select(
        "werkplek", "werkgever", "sector", "functie",
        (pl.col("vca_vereist") == "true").alias("vca_vereist"),
        pl.lit(bestand).alias("bestand"), pl.col(REGEL).alias("bronregel"),
    )  # fmt: skip
    eisen = (
        goed.select("werkplek", pl.col(REGEL).alias("bronregel"), *(pl.col(k).alias(v) for v, k in niveau_kolommen.items()))
        .unpivot(index=["werkplek", "bronregel"], variable_name="vaardigheid", value_name="vereist_niveau")
        .filter(pl.col("vereist_niveau").is_not_null())
        .with_columns(pl.lit(bestand).alias("bestand"))
    )
    return WerkplekVerwerkt(
        frame.height, {"werkplek": werkplek, "werkplek_niveau_eis": eisen}, oordeel.quarantaine, oordeel.normalisaties
    )


def verwerk_plaatsingen(
    pad: Path, bestand: str, sleutel: str, bekende_werkplekken: set[str], limieten: Limieten = STANDAARD_LIMIETEN
) -> WerkplekVerwerkt:
    frame = _lees(pad, PLAATSING_KOLOMMEN, limieten)
    # The identifier's cleaning depends on its kind (a BSN gets its leading zero back): done before judging.
    soort_ruw = nm.schoon(pl.col("soort_identificatie")).str.to_lowercase().str.replace_all(r"[\s\-]", "")
    frame = frame.with_columns(schoon_nummer(pl.col("identificatie"), soort_ruw == "bsn").alias(ID)).drop("identificatie")
    soort_id = nm.schoon(W).str.to_lowercase().str.replace_all(r"[\s\-]", "")
    soort = nm.via_varianten(W, PLAATSINGSSOORT_VARIANTEN)
    start, eind = _datum(W), _datum(W)
    velden = {
        "soort_identificatie": Oordeel(
            tekst=soort_id,
            regels=(Regel(soort_id.is_null() | ~soort_id.is_in(["bsn", "vnummer"]),
                          "soort_identificatie moet BSN of V-nummer zijn"),),
        ),
        "werkplek": _bekende_werkplek(bekende_werkplekken),
        "soort": Oordeel(
            tekst=soort,
            regels=(Regel(soort.is_null(), pl.format("onbekende soort plaatsing {}; gebruik {}",
                                                     getoond(nm.schoon(W), "kleine_letters"),
                                                     pl.lit(", ".join(PLAATSINGSSOORTEN)))),),
            vastleggen=True,
        ),
        "startdatum": Oordeel(
            datum=start,
            regels=(
                Regel(start.is_null(), pl.format("ongeldige of lege startdatum {} (verwacht jjjj-mm-dd)",
                                                 getoond(nm.schoon(W), "datum"))),
                Regel(start < pl.lit(VROEGSTE_DATUM), "startdatum ligt voor 1-1-2000; controleer het jaartal"),
            ),
        ),
        "einddatum": Oordeel(
            datum=eind,
            regels=(Regel(nm.schoon(W).is_not_null() & eind.is_null(),
                          pl.format("ongeldige einddatum {} (verwacht jjjj-mm-dd)", getoond(nm.schoon(W), "datum"))),),
        ),
    }  # fmt: skip
    ruw, soort_kolom = pl.col(ID), pl.col("soort_identificatie")
    kruisregels = (
        Regel(ruw.is_null(), "identificatie ontbreekt"),
        Regel((soort_kolom == "bsn") & ruw.is_not_null() & ~bsn_elfproef(ruw), ONGELDIG_BSN),
        Regel((soort_kolom == "vnummer") & ruw.is_not_null() & ~is_vnummer(ruw), ONGELDIG_VNUMMER),
        Regel(pl.col("einddatum") < pl.col("startdatum"), "einddatum ligt voor de startdatum"),
    )
    oordeel = beoordeel_frame(frame, velden, bestand, kruisregels)
    goed = oordeel.goed
    delen = []
    for soort_naam in ("bsn", "vnummer"):
        deel = goed.filter(soort_kolom == soort_naam).select(
            ruw, "werkplek", "soort", "startdatum", "einddatum", pl.col(REGEL).alias("bronregel"),
        )  # fmt: skip
        delen.append(pseudonimiseer_kolom(deel, ID, sleutel, soort_naam))
    plaatsing = pl.concat(delen).with_columns(pl.lit(bestand).alias("bestand")).sort("bronregel")
    return WerkplekVerwerkt(frame.height, {"plaatsing": plaatsing}, oordeel.quarantaine, oordeel.normalisaties)


def verwerk_vakwoorden(
    pad: Path, bestand: str, werkplek_sector: dict[str, str], limieten: Limieten = STANDAARD_LIMIETEN
) -> WerkplekVerwerkt:
    frame = _lees(pad, VAKWOORD_KOLOMMEN, limieten)
    woord = nm.schoon(W)
    velden = {
        "werkplek": _bekende_werkplek(werkplek_sector),
        "woord": Oordeel(
            tekst=woord,
            regels=(
                Regel(woord.is_null(), "woord ontbreekt"),
                Regel(woord.str.len_chars() > 60, "woord is langer dan 60 tekens; staat er iets anders in de kolom?"),
            ),
        ),
    }
    oordeel = beoordeel_frame(frame, velden, bestand)
    tabel = oordeel.goed.select(
        "werkplek",
        pl.col("werkplek").replace_strict(werkplek_sector, default=None).alias("sector"),
        "woord",
        pl.lit(bestand).alias("bestand"),
        pl.col(REGEL).alias("bronregel"),
    )
    return WerkplekVerwerkt(frame.height, {"werkplek_vakwoord": tabel}, oordeel.quarantaine, oordeel.normalisaties)


def controleer_soort(pad: Path) -> str:
    soort = soort_bestand(pad)
    if soort is None:
        raise OnleesbaarBestand(
            pad, "onbekend soort bestand; noem het werkplekken*.csv, plaatsingen*.csv of vakwoorden*.csv."
        )
    return soort
