"""The warehouse's key: check that a run uses the key the pseudonyms were made with, and rotate it.

``controle.sleutel`` holds one row per key generation with the key's fingerprint (never the key).
A run whose key does not match the newest generation is refused before anything is loaded.
Rotation replaces every pseudonym p by HMAC(new key, "keten::" + p) in one transaction and adds a
generation; see pipelines/privacy.py for why it chains.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import duckdb
from duckdb import ColumnExpression, FunctionExpression

from pipelines.privacy import (
    DEMO_SLEUTEL,
    KETEN,
    PSEUDONIEM_LENGTE,
    Sleutelketen,
    SleutelKloptNiet,
    hmac_blokken,
    pak_uit,
    sleutelfout,
    verpak,
    vingerafdruk,
)
from pipelines.resources import lees_sql

ROTEREN = (
    "Wil je echt een nieuwe sleutel? Roteer dan het warehouse met de oude en de nieuwe sleutel: "
    "VAKWOORDEN_SLEUTEL=<oude sleutel> VAKWOORDEN_NIEUWE_SLEUTEL=<nieuwe sleutel> vakwoorden sleutel roteer "
    "(zie de README, 'Sleutel vervangen')."
)


@dataclass(frozen=True)
class Generatie:
    generatie: int
    vingerafdruk: str
    eerdere_sleutels: str | None
    sinds: object


def generaties(con: duckdb.DuckDBPyConnection) -> list[Generatie]:
    """Every key generation, oldest first (the table must exist: see controleer_sleutel)."""
    return [Generatie(*rij) for rij in con.execute(lees_sql("sleutel/generaties.sql")).fetchall()]


def _keten(generatie: Generatie, sleutel: str) -> Sleutelketen:
    if not generatie.eerdere_sleutels:
        return Sleutelketen(sleutel)
    try:
        eerdere = pak_uit(generatie.eerdere_sleutels, sleutel)
    except ValueError as fout:
        raise SleutelKloptNiet(
            "De sleutelketen in controle.sleutel is beschadigd of aangepast: de eerdere sleutels zijn niet te "
            "ontsleutelen met deze sleutel. Zet een reservekopie van het warehouse terug."
        ) from fout
    return Sleutelketen(eerdere[0], [*eerdere[1:], sleutel])


def controleer_sleutel(con: duckdb.DuckDBPyConnection, sleutel: str) -> Sleutelketen:
    """The key chain to pseudonymise with; registers the key in a warehouse that has none yet.

    Raises SleutelKloptNiet (a Dutch message with the fix) when the warehouse was built with
    another key. Reads only, except for that first registration.
    """
    con.execute(lees_sql("sleutel/schema.sql"))
    bekend = generaties(con)
    eigen = vingerafdruk(sleutel)
    if not bekend:
        con.execute(lees_sql("sleutel/registreer.sql"), {"generatie": 1, "vingerafdruk": eigen, "eerdere_sleutels": None})
        return Sleutelketen(sleutel)
    nieuwste = bekend[-1]
    if nieuwste.vingerafdruk == eigen:
        return _keten(nieuwste, sleutel)
    oud = next((g for g in bekend if g.vingerafdruk == eigen), None)
    if oud is not None:
        raise SleutelKloptNiet(
            f"Deze VAKWOORDEN_SLEUTEL is niet meer geldig: het warehouse is op {nieuwste.sinds:%d-%m-%Y %H:%M} "
            f"overgezet op een nieuwe sleutel (generatie {nieuwste.generatie}). Er is niets ingelezen. "
            "Zet VAKWOORDEN_SLEUTEL op de nieuwe sleutel en start de run opnieuw."
        )
    if nieuwste.vingerafdruk == vingerafdruk(DEMO_SLEUTEL):
        raise SleutelKloptNiet(
            "Dit warehouse is gemaakt met de openbare demosleutel (uit de demogegevens), en deze run gebruikt een "
            "eigen sleutel. Er is niets ingelezen. Gebruik voor echte gegevens een nieuw warehouse: zet "
            "VAKWOORDEN_WAREHOUSE op een ander bestand, of verwijder het demowarehouse."
        )
    raise SleutelKloptNiet(
        "Deze VAKWOORDEN_SLEUTEL is niet de sleutel waarmee het warehouse gemaakt is. Er is niets ingelezen: met "
        "een andere sleutel krijgt elke leerling een tweede pseudoniem, en kloppen de koppelingen en marts niet "
        "meer. Zet VAKWOORDEN_SLEUTEL terug op de oorspronkelijke sleutel. " + ROTEREN
    )


@dataclass
class Rotatie:
    generatie: int
    pseudoniemen: int
    seconden: float
    rijen_voor: dict[str, int] = field(default_factory=dict)
    rijen_na: dict[str, int] = field(default_factory=dict)
    leerlingen_voor: dict[str, int] = field(default_factory=dict)
    leerlingen_na: dict[str, int] = field(default_factory=dict)


def _naam(naam: str) -> str:
    return '"' + naam.replace('"', '""') + '"'


def _tellingen(con: duckdb.DuckDBPyConnection, kolommen: list[tuple[str, str, str]]) -> tuple[dict[str, int], dict[str, int]]:
    """Rows and distinct pseudonyms per pseudonym column."""
    rijen, leerlingen = {}, {}
    for schema, tabel, kolom in kolommen:
        naam = f"{schema}.{tabel}.{kolom}"
        rel = con.table(f"{_naam(schema)}.{_naam(tabel)}")
        rijen[naam] = int(rel.aggregate([FunctionExpression("count_star")]).fetchall()[0][0])
        uniek = rel.select(ColumnExpression(kolom)).filter(ColumnExpression(kolom).isnotnull()).distinct()
        leerlingen[naam] = int(uniek.aggregate([FunctionExpression("count_star")]).fetchall()[0][0])
    return rijen, leerlingen


def roteer(con: duckdb.DuckDBPyConnection, oud: str, nieuw: str) -> Rotatie:
    """Re-pseudonymise the whole warehouse from key ``oud`` to key ``nieuw``, in one transaction."""
    fout = sleutelfout(nieuw)
    if fout:
        raise SleutelKloptNiet(fout.replace("De sleutel (VAKWOORDEN_SLEUTEL)", "De nieuwe sleutel"))
    if nieuw == oud:
        raise SleutelKloptNiet("De nieuwe sleutel is gelijk aan de oude. Maak een nieuwe sleutel en probeer het opnieuw.")
    begin = time.perf_counter()
    con.begin()
    try:
        keten = controleer_sleutel(con, oud)
        bekend = generaties(con)
        if any(g.vingerafdruk == vingerafdruk(nieuw) for g in bekend):
            raise SleutelKloptNiet("De nieuwe sleutel is al eerder gebruikt in dit warehouse. Maak een echt nieuwe sleutel.")
        kolommen = [(s, t, k) for s, t, k in con.execute(lees_sql("sleutel/pseudoniem_kolommen.sql")).fetchall()]
        rijen_voor, leerlingen_voor = _tellingen(con, kolommen)
        con.execute(lees_sql("sleutel/oude_pseudoniemen.sql"))
        for schema, tabel, kolom in kolommen:
            rel = con.table(f"{_naam(schema)}.{_naam(tabel)}").select(ColumnExpression(kolom).alias("oud"))
            rel.distinct().insert_into("oude_pseudoniemen")
        binnen, buiten = hmac_blokken(nieuw, KETEN, "")
        con.execute(lees_sql("sleutel/rotatie_tabel.sql"), {"binnen": binnen, "buiten": buiten, "lengte": PSEUDONIEM_LENGTE})
        sjabloon = lees_sql("sleutel/rotatie_kolom.sql")
        for schema, tabel, kolom in kolommen:
            con.execute(sjabloon.format(tabel=f"{_naam(schema)}.{_naam(tabel)}", kolom=_naam(kolom)))
        generatie = bekend[-1].generatie + 1
        con.execute(
            lees_sql("sleutel/registreer.sql"),
            {"generatie": generatie, "vingerafdruk": vingerafdruk(nieuw), "eerdere_sleutels": verpak(keten.sleutels, nieuw)},
        )
        pseudoniemen = int(con.execute("SELECT count(*) FROM temp.rotatie").fetchall()[0][0])
        rijen_na, leerlingen_na = _tellingen(con, kolommen)
        con.execute("DROP TABLE temp.rotatie")
        con.execute("DROP TABLE temp.oude_pseudoniemen")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return Rotatie(generatie, pseudoniemen, time.perf_counter() - begin, rijen_voor, rijen_na, leerlingen_voor, leerlingen_na)
