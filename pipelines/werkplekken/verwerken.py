"""Werkplek exports (our own template, see README) -> canonical rows plus quarantine.

Three kinds of file, recognised by name: ``werkplekken*.csv`` (employers' places of work and
their language requirements), ``plaatsingen*.csv`` (which learner works or learns where) and
``vakwoorden*.csv`` (the vakwoorden a werkplek needs). UTF-8 (BOM allowed), ',' or ';'.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.inlezen import REGEL, CsvOpties, lees_csv
from pipelines.gedeeld.limieten import STANDAARD_LIMIETEN, Limieten
from pipelines.gedeeld.paden import CODEPATROON
from pipelines.gedeeld.validatie import Controles
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


def _code_regel(c: Controles, werkplek: pl.Expr) -> None:
    """A werkplek code becomes part of file and deck names: only codes of the documented shape."""
    c.als(werkplek.is_not_null() & ~werkplek.str.contains(f"^{CODEPATROON.pattern}$"),
          pl.format("werkplekcode {} voldoet niet aan het patroon: letters, cijfers, - en _, beginnend met een "
                    "letter of cijfer, hoogstens 40 tekens (zoals WP-ME01)", getoond(werkplek, "werkplekcode")))  # fmt: skip


def verwerk_werkplekken(pad: Path, bestand: str, limieten: Limieten = STANDAARD_LIMIETEN) -> WerkplekVerwerkt:
    frame = _lees(pad, WERKPLEK_KOLOMMEN, limieten)
    c = Controles()
    for verplicht in ("werkplek", "werkgever", "functie"):
        c.als(nm.schoon(pl.col(verplicht)).is_null(), f"{verplicht} ontbreekt")
    _code_regel(c, nm.schoon(pl.col("werkplek")))
    sector = nm.schoon(pl.col("sector")).str.to_lowercase()
    c.als(sector.is_null() | ~sector.is_in(SECTOREN),
          pl.format("onbekende sector {}; gebruik metaal, zorg of bouw",
                    getoond(nm.schoon(pl.col("sector")), "kleine_letters")))  # fmt: skip
    vca = nm.schoon(pl.col("vca_vereist")).str.to_lowercase().replace_strict(JA_NEE, default=None)
    c.als(vca.is_null(), pl.format("vca_vereist is {}; gebruik ja of nee", getoond(nm.schoon(pl.col("vca_vereist")), "ja_nee")))
    c.als(pl.col("werkplek").is_duplicated(), "werkplek komt vaker voor in dit bestand; elke werkplek één keer")
    niveau_kolommen = {v: f"niveau_{v.replace(' ', '_')}" for v in nm.VAARDIGHEDEN}
    for kolom in niveau_kolommen.values():
        tekst = nm.schoon(pl.col(kolom))
        c.als(tekst.is_not_null() & _niveau_eis(pl.col(kolom)).is_null(),
              pl.format("onbekend niveau{}; gebruik A1 t/m C2 of 1F/2F/3F", in_kolom(tekst, "niveau", kolom)))  # fmt: skip
        c.genormaliseerd(kolom, tekst, _niveau_eis(pl.col(kolom)))
    goed, quarantaine = c.splits(frame, bestand)
    normalisaties = c.normalisatielog(goed, bestand)
    werkplek = goed.select(
        nm.schoon(pl.col("werkplek")).alias("werkplek"),
        nm.schoon(pl.col("werkgever")).alias("werkgever"),
        sector.alias("sector"),
        nm.schoon(pl.col("functie")).alias("functie"),
        (vca == "true").alias("vca_vereist"),
        pl.lit(bestand).alias("bestand"),
        pl.col(REGEL).alias("bronregel"),
    )
    eisen = (
        goed.select(
            nm.schoon(pl.col("werkplek")).alias("werkplek"),
            pl.col(REGEL).alias("bronregel"),
            *(_niveau_eis(pl.col(k)).alias(v) for v, k in niveau_kolommen.items()),
        )
        .unpivot(index=["werkplek", "bronregel"], variable_name="vaardigheid", value_name="vereist_niveau")
        .filter(pl.col("vereist_niveau").is_not_null())
        .with_columns(pl.lit(bestand).alias("bestand"))
    )
    return WerkplekVerwerkt(frame.height, {"werkplek": werkplek, "werkplek_niveau_eis": eisen}, quarantaine, normalisaties)


def verwerk_plaatsingen(
    pad: Path, bestand: str, sleutel: str, bekende_werkplekken: set[str], limieten: Limieten = STANDAARD_LIMIETEN
) -> WerkplekVerwerkt:
    frame = _lees(pad, PLAATSING_KOLOMMEN, limieten)
    c = Controles()
    soort_id = nm.schoon(pl.col("soort_identificatie")).str.to_lowercase().str.replace_all(r"[\s\-]", "")
    frame = frame.with_columns(schoon_nummer(pl.col("identificatie"), soort_id == "bsn").alias(ID))
    ruw = pl.col(ID)
    c.als(ruw.is_null(), "identificatie ontbreekt")
    c.als(~soort_id.is_in(["bsn", "vnummer"]) | soort_id.is_null(),
          "soort_identificatie moet BSN of V-nummer zijn")  # fmt: skip
    c.als((soort_id == "bsn") & ruw.is_not_null() & ~bsn_elfproef(ruw), ONGELDIG_BSN)
    c.als((soort_id == "vnummer") & ruw.is_not_null() & ~is_vnummer(ruw), ONGELDIG_VNUMMER)
    werkplek = nm.schoon(pl.col("werkplek"))
    c.als(werkplek.is_null() | ~werkplek.is_in(sorted(bekende_werkplekken)),
          pl.format("onbekende werkplek {}; voeg hem eerst toe aan werkplekken.csv", getoond(werkplek, "werkplekcode")))  # fmt: skip
    soort = nm.via_varianten(pl.col("soort"), PLAATSINGSSOORT_VARIANTEN)
    c.als(soort.is_null(), pl.format("onbekende soort plaatsing {}; gebruik {}",
                                     getoond(nm.schoon(pl.col("soort")), "kleine_letters"),
                                     pl.lit(", ".join(PLAATSINGSSOORTEN))))  # fmt: skip
    c.genormaliseerd("soort", nm.schoon(pl.col("soort")), soort)
    start, eind = _datum(pl.col("startdatum")), _datum(pl.col("einddatum"))
    c.als(start.is_null(), pl.format("ongeldige of lege startdatum {} (verwacht jjjj-mm-dd)",
                                     getoond(nm.schoon(pl.col("startdatum")), "datum")))  # fmt: skip
    c.als(nm.schoon(pl.col("einddatum")).is_not_null() & eind.is_null(),
          pl.format("ongeldige einddatum {} (verwacht jjjj-mm-dd)", getoond(nm.schoon(pl.col("einddatum")), "datum")))  # fmt: skip
    c.als(start < pl.lit(VROEGSTE_DATUM), "startdatum ligt voor 1-1-2000; controleer het jaartal")
    c.als(eind < start, "einddatum ligt voor de startdatum")
    goed, quarantaine = c.splits(frame, bestand)
    normalisaties = c.normalisatielog(goed, bestand)
    delen = []
    for soort_naam in ("bsn", "vnummer"):
        deel = goed.filter(soort_id == soort_naam).select(
            ruw, werkplek.alias("werkplek"), soort.alias("soort"),
            start.alias("startdatum"), eind.alias("einddatum"), pl.col(REGEL).alias("bronregel"),
        )  # fmt: skip
        delen.append(pseudonimiseer_kolom(deel, ID, sleutel, soort_naam))
    plaatsing = pl.concat(delen).with_columns(pl.lit(bestand).alias("bestand")).sort("bronregel")
    return WerkplekVerwerkt(frame.height, {"plaatsing": plaatsing}, quarantaine, normalisaties)


def verwerk_vakwoorden(
    pad: Path, bestand: str, werkplek_sector: dict[str, str], limieten: Limieten = STANDAARD_LIMIETEN
) -> WerkplekVerwerkt:
    frame = _lees(pad, VAKWOORD_KOLOMMEN, limieten)
    c = Controles()
    werkplek = nm.schoon(pl.col("werkplek"))
    c.als(werkplek.is_null() | ~werkplek.is_in(sorted(werkplek_sector)),
          pl.format("onbekende werkplek {}; voeg hem eerst toe aan werkplekken.csv", getoond(werkplek, "werkplekcode")))  # fmt: skip
    c.als(nm.schoon(pl.col("woord")).is_null(), "woord ontbreekt")
    c.als(nm.schoon(pl.col("woord")).str.len_chars() > 60, "woord is langer dan 60 tekens; staat er iets anders in de kolom?")
    goed, quarantaine = c.splits(frame, bestand)
    tabel = goed.select(
        werkplek.alias("werkplek"),
        werkplek.replace_strict(werkplek_sector, default=None).alias("sector"),
        nm.schoon(pl.col("woord")).alias("woord"),
        pl.lit(bestand).alias("bestand"),
        pl.col(REGEL).alias("bronregel"),
    )
    return WerkplekVerwerkt(frame.height, {"werkplek_vakwoord": tabel}, quarantaine, c.normalisatielog(goed, bestand))


def controleer_soort(pad: Path) -> str:
    soort = soort_bestand(pad)
    if soort is None:
        raise OnleesbaarBestand(
            pad, "onbekend soort bestand; noem het werkplekken*.csv, plaatsingen*.csv of vakwoorden*.csv."
        )
    return soort
