"""Judging every distinct value of every field once: its canonical value, or why it is refused.

A file of two million rows holds a few dozen distinct levels, dates and hour counts, and one
identifier per learner. So each field's rules (see :mod:`normaliseren`) run on its distinct values
only, and the result is a small lookup table, the *oordeel*, that the row checks in
``sql/beoordeel.sql`` join to. A rule is therefore written once, in Polars, and costs the same on
a file of ten rows as on a file of ten million.

Every oordeel row holds: the field (``veld``), the value as it arrived (``origineel``, null for an
empty cell), the canonical value (``tekst``, ``datum`` or ``getal``), the reasons to quarantine
a row with this value (``reden``, null when fine), whether it is empty (``leeg``), and, for values
that were normalised, the change to record (``kolom``, ``van``, ``naar``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import polars as pl

from pipelines.gedeeld.oordeel import (
    OORDEEL_SCHEMA,
    ORIGINEEL,
    VOORBEWERKT,
    Oordeel,
    Regel,
    alles_ongewijzigd,
    beoordeel_waarden,
)
from pipelines.gedeeld.waarden import in_kolom
from pipelines.privacy import (
    ONGELDIG_BSN,
    ONGELDIG_VNUMMER,
    bsn_elfproef,
    is_vnummer,
    schoon_nummer,
)
from pipelines.taalaanbieders import normaliseren as nm
from pipelines.taalaanbieders.mapping import Mapping
from pipelines.taalaanbieders.velden import NAMEN, UREN_VELDEN, niveauveld

MAX_INSTRUMENT = 100
CATEGORIEEN: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "soort_meting": (nm.SOORT_METING_VARIANTEN, nm.SOORTEN_METING),
    "uitslag": (nm.UITSLAG_VARIANTEN, nm.UITSLAGEN),
    "leerroute": (nm.LEERROUTE_VARIANTEN, nm.LEERROUTES),
    "thuistaal": (nm.THUISTAAL_VARIANTEN, nm.THUISTALEN),
}


# Every column of the canonical source table, in the order reasons are listed in quarantine.
VELDEN: tuple[str, ...] = NAMEN


def bronkolommen(mapping: Mapping) -> tuple[dict[str, str], dict[str, str | None]]:
    """(canonical field -> export column, canonical field -> fixed value or null) for the reader."""
    kolommen = {"id": mapping.id_kolom}
    kolommen.update({veld: kolom for veld, kolom in mapping.kolommen.items() if veld in VELDEN})
    kolommen.update({niveauveld(v): kolom for v, kolom in mapping.vaardigheden.items()})
    vast: dict[str, str | None] = {v: mapping.vast.get(v) for v in VELDEN if v not in kolommen}
    return kolommen, vast


def _identificatie(mapping: Mapping, kolom: str) -> Oordeel:
    schoon = VOORBEWERKT  # the 11-proef reads the cleaned number nine times: clean it once
    naam = {"bsn": "BSN", "vnummer": "V-nummer"}.get(mapping.id_soort, "leerlingnummer")
    regels = [Regel(schoon.is_null(), f"{naam} ontbreekt in kolom '{kolom}'")]
    if mapping.id_soort == "bsn":
        regels.append(Regel(schoon.is_not_null() & ~bsn_elfproef(schoon), ONGELDIG_BSN))
    elif mapping.id_soort == "vnummer":
        regels.append(Regel(schoon.is_not_null() & ~is_vnummer(schoon), ONGELDIG_VNUMMER))
    return Oordeel(tekst=schoon, voorbewerkt=schoon_nummer(ORIGINEEL, mapping.id_soort == "bsn"), regels=tuple(regels))


def _datum(mapping: Mapping, kolom: str, verplicht: bool) -> Oordeel:
    leesbaar = mapping.datumformaat.replace("%d", "dd").replace("%m", "mm").replace("%Y", "jjjj").replace("%y", "jj")
    tekst = nm.schoon(ORIGINEEL)
    waarde = nm.datum(ORIGINEEL, mapping.datumformaat, ook_iso=mapping.formaat == "xlsx")
    waar = in_kolom(tekst, "datum", kolom)
    kort_jaar = nm.jaar_te_kort(ORIGINEEL, mapping.datumformaat)
    vroegste = mapping.vroegste_datum
    regels = [
        Regel(kort_jaar & waarde.is_null(),
              pl.format("datum{} heeft een jaartal van twee cijfers; schrijf het jaar voluit (jjjj)", waar)),
        Regel(~kort_jaar & tekst.is_not_null() & waarde.is_null(),
              pl.format("ongeldige datum{} (verwacht {})", waar, pl.lit(leesbaar))),
        Regel(waarde < pl.lit(vroegste),
              pl.format("datum{} ligt voor {}; dat kan geen meting zijn (vroegste_datum in de mapping)", waar,
                        pl.lit(f"{vroegste.day}-{vroegste.month}-{vroegste.year}"))),
        Regel(waarde > pl.lit(dt.date.today()), pl.format("datum{} ligt in de toekomst", waar)),
    ]  # fmt: skip
    if verplicht:
        regels.insert(0, Regel(tekst.is_null(), f"datum ontbreekt in kolom '{kolom}'"))
    return Oordeel(datum=waarde, regels=tuple(regels))


def _categorie(veld: str, kolom: str) -> Oordeel:
    varianten, toegestaan = CATEGORIEEN[veld]
    tekst = nm.schoon(ORIGINEEL)
    waarde = nm.via_varianten(ORIGINEEL, varianten)
    reden = pl.format("onbekende {}{}; gebruik {}", pl.lit(veld.replace("_", " ")), in_kolom(tekst, veld, kolom),
                      pl.lit(", ".join(toegestaan)))  # fmt: skip
    return Oordeel(
        tekst=waarde, regels=(Regel(tekst.is_not_null() & waarde.is_null(), reden),), vastleggen=True, doorgeven=True
    )


def _uren(mapping: Mapping, kolom: str) -> Oordeel:
    tekst = nm.getal_tekst(ORIGINEEL)
    waarde = nm.getal(ORIGINEEL, mapping.decimaalteken)
    waar = in_kolom(tekst, "getal", kolom)
    ander_teken = "." if mapping.decimaalteken == "," else ","
    verwarring = tekst.str.contains(ander_teken, literal=True) & nm.getal_past(ORIGINEEL, ander_teken)
    teken = "een komma" if mapping.decimaalteken == "," else "een punt"
    return Oordeel(
        getal=waarde,
        regels=(
            Regel(verwarring & waarde.is_null(),
                  pl.format("getal{} past niet bij het decimaalteken: in deze export is dat {}; corrigeer het getal "
                            "of het decimaalteken in de mapping", waar, pl.lit(teken))),
            Regel(~verwarring & tekst.is_not_null() & waarde.is_null(),
                  pl.format("ongeldig getal{} (hoogstens drie decimalen)", waar)),
            Regel(waarde < 0, f"negatief aantal uren in kolom '{kolom}'"),
        ),
    )  # fmt: skip


def _niveau(kolom: str, verplicht: bool) -> Oordeel:
    """A level column of a wide export (one per skill), or the level column of a long export
    (``verplicht``), which beoordeel.sql always joins: it combines it with the skill column."""
    regels = [Regel(v, r) for v, r in nm.niveau_redenen(ORIGINEEL, kolom)]
    if verplicht:
        regels.insert(0, Regel(nm.schoon(ORIGINEEL).is_null(), f"niveau ontbreekt in kolom '{kolom}'"))
    return Oordeel(tekst=nm.niveau(ORIGINEEL), regels=tuple(regels), vastleggen=True, doorgeven=not verplicht)


def _vaardigheid(kolom: str) -> Oordeel:
    tekst = nm.schoon(ORIGINEEL)
    waarde = nm.via_varianten(ORIGINEEL, nm.VAARDIGHEID_VARIANTEN)
    knm = tekst.str.to_uppercase() == "KNM"
    return Oordeel(
        tekst=waarde,
        regels=(
            Regel(tekst.is_null(), f"vaardigheid ontbreekt in kolom '{kolom}'"),
            Regel(knm, "onderdeel 'KNM' is geen taalvaardigheid; KNM hoort niet in de NT2-voortgang"),
            Regel(~knm & tekst.is_not_null() & waarde.is_null(),
                  pl.format("onbekende vaardigheid{}; gebruik {}", in_kolom(tekst, "vaardigheid", kolom),
                            pl.lit(", ".join(nm.VAARDIGHEDEN)))),
        ),
        vastleggen=True,
    )  # fmt: skip


def oordelen(mapping: Mapping) -> Iterator[tuple[str, str, Oordeel | None]]:
    """(field, its export column, its rules) for every field; rules are None for a field this
    mapping does not fill, which then stays empty and is not judged.

    The column is what messages and the normalisation log name: the export's column, or
    '[vast] <field>' for a fixed value.
    """
    kolommen, vast = bronkolommen(mapping)
    gevuld = set(kolommen) | {v for v, w in vast.items() if w is not None}
    for veld in VELDEN:
        kolom = kolommen.get(veld, f"[vast] {veld}")
        yield veld, kolom, _regels(mapping, veld, kolom, veld in gevuld)


def _regels(mapping: Mapping, veld: str, kolom: str, gevuld: bool) -> Oordeel | None:
    if veld == "id":
        return _identificatie(mapping, kolom)
    if veld == "datum":
        return _datum(mapping, kolom, verplicht=True)
    if not gevuld:
        return None
    if veld in ("periode_start", "periode_eind"):
        return _datum(mapping, kolom, verplicht=False)
    if veld in CATEGORIEEN:
        return _categorie(veld, kolom)
    if veld == "instrument":
        tekst = nm.schoon(ORIGINEEL)
        te_lang = Regel(tekst.str.len_chars() > MAX_INSTRUMENT,
                        f"naam van de toets in kolom '{kolom}' is langer dan {MAX_INSTRUMENT} tekens; "
                        "staat er iets anders in die kolom?")  # fmt: skip
        return Oordeel(tekst=tekst, regels=(te_lang,), doorgeven=True)
    if veld in UREN_VELDEN:
        return _uren(mapping, kolom)
    if veld == "vaardigheid" and not mapping.is_breed:
        return _vaardigheid(kolom)
    if veld == "niveau" and not mapping.is_breed:
        return _niveau(kolom, verplicht=True)
    if veld.startswith("niveau_") and mapping.is_breed:
        return _niveau(kolom, verplicht=False)
    return None


__all__ = ["OORDEEL_SCHEMA", "Oordeel", "Regel", "alles_ongewijzigd", "beoordeel_waarden"]  # the shared engine
