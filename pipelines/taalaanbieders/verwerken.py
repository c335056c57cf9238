"""Turning one taalaanbieder export into canonical, pseudonymised rows plus quarantine.

:func:`verwerk_bestand` works in an in-memory database attached to the warehouse connection as
``werk`` and detached (gone) when its ``with`` block ends: raw identifiers and names never reach
the warehouse file, and the accepted rows go into staging without leaving DuckDB. The steps:

1. read the export's mapped columns as text (``gedeeld/inlezen.py``), table ``werk.bron``;
2. judge every distinct value of every field once (``beoordelen.py``), table ``werk.oordeel``;
3. judge every row with one join (``sql/beoordeel.sql``), view ``werk.beoordeeld``;
4. hand back the accepted rows as a relation on ``werk``; :mod:`laden` streams them into staging
   and then quarantines every row that is not there (``sql/quarantaine.sql``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
from duckdb import ColumnExpression, FunctionExpression

from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.inlezen import REGEL, CsvOpties, lees_csv_in, lees_xlsx_in
from pipelines.gedeeld.limieten import STANDAARD_LIMIETEN, Limieten
from pipelines.privacy import PSEUDONIEM_LENGTE, hmac_stappen
from pipelines.taalaanbieders.beoordelen import (
    OORDEEL_SCHEMA,
    Oordeel,
    alles_ongewijzigd,
    beoordeel_waarden,
    bronkolommen,
    oordelen,
)
from pipelines.taalaanbieders.mapping import Mapping
from pipelines.taalaanbieders.sql_velden import beoordeel_sql
from pipelines.taalaanbieders.velden import UREN_VELDEN

SQL = Path(__file__).parent / "sql"
WERK = "werk"  # the attached in-memory database that holds one export while it is processed (see goed.sql)


def sql(naam: str) -> str:
    """A statement from this source's sql/ folder."""
    return sqlbestanden.lees(SQL / naam)


@dataclass
class Verwerkt:
    """One processed export. ``goed`` holds the accepted rows, already pseudonymised; it reads from
    the ``werk`` database and can only be used inside :func:`verwerk_bestand`'s ``with`` block."""

    taalaanbieder: str
    id_soort: str
    rijen_gelezen: int
    goed: duckdb.DuckDBPyRelation


def _bereik(mapping: Mapping) -> str:
    # A provider's own learner number means nothing elsewhere: scope it to the provider.
    return mapping.code if mapping.id_soort == "leerlingnummer" else ""


def lees(
    con: duckdb.DuckDBPyConnection, mapping: Mapping, pad: Path, limieten: Limieten = STANDAARD_LIMIETEN
) -> duckdb.DuckDBPyRelation:
    """The export's rows as table ``bron``: ``bronregel`` and one text column per canonical field."""
    kolommen, vast = bronkolommen(mapping)
    if mapping.formaat == "xlsx":
        return lees_xlsx_in(con, pad, mapping.blad, kolommen, vast, limieten=limieten)
    opties = CsvOpties(mapping.codering, mapping.scheidingsteken)
    return lees_csv_in(con, pad, opties, kolommen, vast, limieten=limieten)


def _waarden(bron: duckdb.DuckDBPyRelation, veld: str, oordeel: Oordeel) -> pl.DataFrame:
    """The distinct values of one column of ``bron``; with their count and first line when the
    field's changes are recorded (a plain DISTINCT is cheaper, and the rest need neither)."""
    if not oordeel.vastleggen:
        return bron.select(ColumnExpression(veld).alias("origineel")).distinct().pl()
    return bron.aggregate(
        [
            ColumnExpression(veld).alias("origineel"),
            FunctionExpression("count_star").alias("aantal"),
            FunctionExpression("min", ColumnExpression(REGEL)).alias("eerste_regel"),
        ],
        ColumnExpression(veld),
    ).pl()


def _oordeel(bron: duckdb.DuckDBPyRelation, mapping: Mapping, rijen: int, eerste_regel: int | None) -> pl.DataFrame:
    """Every field's oordeel rows; ``rijen`` and ``eerste_regel`` describe ``bron`` (count, first line)."""
    _, vast = bronkolommen(mapping)
    delen = []
    for veld, kolom, oordeel in oordelen(mapping):
        if oordeel is None:
            continue  # not filled: no oordeel rows, see sql/beoordeel.sql
        if veld in vast:  # a fixed value: the same in every row, so no need to read them all
            waarden = pl.DataFrame({"origineel": [vast[veld]], "aantal": [rijen], "eerste_regel": [eerste_regel]})
        else:
            waarden = _waarden(bron, veld, oordeel)
        beoordeeld = beoordeel_waarden(veld, kolom, oordeel, waarden)
        if not alles_ongewijzigd(oordeel, beoordeeld):
            delen.append(beoordeeld)
    return pl.concat(delen).cast(OORDEEL_SCHEMA)  # type: ignore[arg-type]


def _naam(identificatie: str) -> str:
    return '"' + identificatie.replace('"', '""') + '"'


@contextmanager
def verwerk_bestand(
    con: duckdb.DuckDBPyConnection,
    mapping: Mapping,
    pad: Path,
    sleutel: str,
    limieten: Limieten = STANDAARD_LIMIETEN,
) -> Iterator[Verwerkt]:
    """Read ``pad`` (refusing it whole when unreadable), judge every row and pseudonymise.

    Works in database ``werk``, attached to ``con`` for the duration of the ``with`` block, so the
    caller can load the accepted rows into the warehouse straight from DuckDB.
    """
    hoofd = con.sql("SELECT current_database()").fetchall()[0][0]
    con.execute(f"ATTACH ':memory:' AS {WERK}")
    try:
        con.execute(f"USE {WERK}")
        try:
            verwerkt = _verwerk(con, mapping, pad, sleutel, limieten)
        finally:
            con.execute(f"USE {_naam(hoofd)}")
        yield verwerkt
    finally:
        con.execute(f"DETACH {WERK}")


def _verwerk(
    con: duckdb.DuckDBPyConnection, mapping: Mapping, pad: Path, sleutel: str, limieten: Limieten
) -> Verwerkt:
    bron = lees(con, mapping, pad, limieten)
    telling = [FunctionExpression("count_star"), FunctionExpression("min", ColumnExpression(REGEL))]
    rijen_gelezen, eerste_regel = bron.aggregate(telling).fetchall()[0]
    con.from_arrow(_oordeel(bron, mapping, rijen_gelezen, eerste_regel).to_arrow()).create("oordeel")
    for binnen, buiten in hmac_stappen(sleutel, mapping.id_soort, _bereik(mapping)):  # one step per key generation
        con.execute(sql("pseudonimiseer.sql"), {"binnen": binnen, "buiten": buiten, "lengte": PSEUDONIEM_LENGTE})
    heeft_uren = any(veld in mapping.kolommen for veld in UREN_VELDEN)
    con.execute(sql("instellingen.sql"), {"niveau_verplicht": mapping.is_breed and not heeft_uren})
    con.execute(beoordeel_sql())
    return Verwerkt(
        taalaanbieder=mapping.code,
        id_soort=mapping.id_soort,
        rijen_gelezen=int(rijen_gelezen),
        goed=con.sql(sql("goed.sql")),
    )
