"""Loading one processed file into staging: delete its old rows, insert the new, in one transaction.

Re-loading the same file therefore never doubles anything, and a failure half-way leaves the
warehouse exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from pipelines.resources import lees_sql

# Only these staging tables can be written; table names are never taken from input.
STAGING_TABELLEN = (
    "nt2_rapportage",
    "werkplek",
    "werkplek_niveau_eis",
    "werkplek_vakwoord",
    "plaatsing",
)
_VERWIJDER = {t: f"DELETE FROM staging.{t} WHERE bestand = ?" for t in STAGING_TABELLEN}  # noqa: S608
_VOEG_TOE = {t: f"INSERT INTO staging.{t} BY NAME SELECT * FROM nieuw" for t in STAGING_TABELLEN}  # noqa: S608


def sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def al_geladen(con: duckdb.DuckDBPyConnection, bestand: str, sha: str) -> bool:
    rij = con.execute("SELECT sha256 FROM controle.ingelezen_bestand WHERE bestand = ?", [bestand]).fetchone()
    return rij is not None and rij[0] == sha


@dataclass(frozen=True)
class Invoeging:
    """An INSERT statement reading ``frame`` (a Polars frame or Arrow table) as ``nieuw``."""

    sql: str
    frame: Any
    parameters: dict[str, object] = field(default_factory=dict)


def _voeg_toe(con: duckdb.DuckDBPyConnection, sql: str, frame: Any, parameters: dict[str, object] | None = None) -> None:
    """Run an INSERT ... FROM nieuw with ``frame`` registered as ``nieuw``."""
    if len(frame):
        con.register("nieuw", frame)
        try:
            con.execute(sql, parameters or None)
        finally:
            con.unregister("nieuw")


def laad_bestand(
    con: duckdb.DuckDBPyConnection,
    *,
    bestand: str,
    bron: str,
    taalaanbieder: str | None,
    sha: str,
    rijen_gelezen: int,
    quarantaine: pl.DataFrame,
    normalisaties: pl.DataFrame,
    tabellen: dict[str, pl.DataFrame] | None = None,
    invoegingen: Sequence[Invoeging] = (),
) -> None:
    """Replace everything ``bestand`` contributed, atomically.

    New rows come as whole staging tables (``tabellen``, inserted by column name) or as
    ``invoegingen`` with their own SQL, for rows that are reshaped on the way in.
    """
    con.begin()
    try:
        for tabel in STAGING_TABELLEN:
            con.execute(_VERWIJDER[tabel], [bestand])
        for tabel, frame in (tabellen or {}).items():
            _voeg_toe(con, _VOEG_TOE[tabel], frame)
        for invoeging in invoegingen:
            _voeg_toe(con, invoeging.sql, invoeging.frame, invoeging.parameters)
        con.execute("DELETE FROM controle.quarantaine WHERE bestand = ?", [bestand])
        _voeg_toe(con, "INSERT INTO controle.quarantaine BY NAME SELECT * FROM nieuw", quarantaine)
        con.execute("DELETE FROM controle.normalisatie WHERE bestand = ?", [bestand])
        _voeg_toe(con, "INSERT INTO controle.normalisatie BY NAME SELECT * FROM nieuw", normalisaties)
        con.execute(
            lees_sql("controle/registreer_bestand.sql"),
            [bestand, bron, taalaanbieder, sha, rijen_gelezen, rijen_gelezen - quarantaine.height,
             quarantaine.height, dt.datetime.now()],
        )  # fmt: skip
        con.execute("DELETE FROM controle.geweigerd_bestand WHERE bestand = ?", [bestand])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def registreer_weigering(con: duckdb.DuckDBPyConnection, bestand: str, sha: str, reden: str) -> None:
    """Note a refused file (once per version of the file); its data is not touched."""
    con.execute(lees_sql("controle/registreer_weigering.sql"), [bestand, sha, reden, dt.datetime.now()])
