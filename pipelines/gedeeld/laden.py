"""Loading one processed file into staging: delete its old rows, insert the new, in one transaction.

Re-loading the same file therefore never doubles anything, and a failure half-way leaves the
warehouse exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from pipelines.resources import lees_sql


def _staging_tabellen(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every staging table that keeps the file each row came from: a file's earlier rows are
    removed from all of them (a path in the landing folder belongs to one source only)."""
    return [r[0] for r in con.sql(lees_sql("staging/tabellen_per_bestand.sql")).fetchall()]


ONLEESBAAR = "onleesbaar"  # stands for the sha256 of a file that could not be read


def veilige_sha256(pad: Path) -> str:
    """The sha256 of a file being refused; a file that cannot even be read is refused all the same."""
    try:
        return sha256(pad)
    except OSError:
        return ONLEESBAAR


def sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


@dataclass(frozen=True)
class Versie:
    """What tells one version of a file from another without reading it (as git and make do)."""

    grootte_bytes: int
    gewijzigd_ns: int

    @classmethod
    def van(cls, pad: Path) -> Versie:
        stat = pad.stat()
        return cls(stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class Landingsbestand:
    """One file from the landing folder on its way in.

    ``sha`` is computed in a background thread while the file is read and checked, so hashing a
    large export costs (almost) no extra time; :attr:`sha256` waits for it.
    """

    pad: Path
    naam: str  # the path relative to the landing folder: the key in controle.ingelezen_bestand
    versie: Versie
    sha: Future[str]

    @property
    def sha256(self) -> str:
        return self.sha.result()


@dataclass(frozen=True)
class VorigeLading:
    sha256: str
    versie: Versie | None  # None for loads registered before sizes and times were kept


def vorige_lading(con: duckdb.DuckDBPyConnection, bestand: str) -> VorigeLading | None:
    rijen = con.sql(lees_sql("controle/vorige_lading.sql"), params={"bestand": bestand}).fetchall()
    if not rijen:
        return None
    sha, grootte, gewijzigd = rijen[0]
    return VorigeLading(sha, None if grootte is None or gewijzigd is None else Versie(grootte, gewijzigd))


def versie_bijwerken(con: duckdb.DuckDBPyConnection, bestand: str, versie: Versie) -> None:
    parameters = {"bestand": bestand, "grootte_bytes": versie.grootte_bytes, "gewijzigd_ns": versie.gewijzigd_ns}
    con.execute(lees_sql("controle/versie_bijwerken.sql"), parameters)


@dataclass(frozen=True)
class Invoeging:
    """An INSERT statement, reading ``frame`` (a Polars frame, Arrow table or DuckDB relation) as
    ``nieuw`` if given; with ``alleen_als``, run only when that says so, asked inside the load's
    transaction after the statements before it ran."""

    sql: str
    frame: Any = None
    parameters: dict[str, object] = field(default_factory=dict)
    alleen_als: Callable[[duckdb.DuckDBPyConnection], bool] | None = None


def _voeg_toe(con: duckdb.DuckDBPyConnection, sql: str, frame: Any, parameters: dict[str, object] | None = None) -> None:
    """Run an INSERT ... FROM nieuw with ``frame`` registered as ``nieuw``; without a frame, just run it."""
    if frame is None:
        con.execute(sql, parameters or None)
    elif isinstance(frame, duckdb.DuckDBPyRelation) or len(frame):
        con.register("nieuw", frame)
        try:
            con.execute(sql, parameters or None)
        finally:
            con.unregister("nieuw")


def laad_bestand(
    con: duckdb.DuckDBPyConnection,
    *,
    bestand: Landingsbestand,
    bron: str,
    taalaanbieder: str | None,
    rijen_gelezen: int,
    quarantaine: pl.DataFrame | None = None,
    normalisaties: pl.DataFrame | None = None,
    tabellen: dict[str, pl.DataFrame] | None = None,
    invoegingen: Sequence[Invoeging] = (),
) -> int:
    """Replace everything ``bestand`` contributed before, atomically; return the rows quarantined.

    New rows come as whole staging tables (``tabellen``, inserted by column name) with their
    ``quarantaine`` and ``normalisaties`` as frames, or as ``invoegingen``: statements with their
    own SQL, run in order after the old rows are gone. Those may also fill controle.quarantaine
    and controle.normalisatie, reading what the statements before them staged.
    """
    sha = bestand.sha256  # wait for the hash before the transaction starts
    naam = bestand.naam
    con.begin()
    try:
        tabellen_met_bestand = _staging_tabellen(con)
        for tabel in tabellen_met_bestand:
            # The name comes from DuckDB's catalog, never from input.
            con.execute(f"DELETE FROM staging.{tabel} WHERE bestand = ?", [naam])  # noqa: S608
        con.execute("DELETE FROM controle.quarantaine WHERE bestand = ?", [naam])
        con.execute("DELETE FROM controle.normalisatie WHERE bestand = ?", [naam])
        for tabel, frame in (tabellen or {}).items():
            if tabel not in tabellen_met_bestand:
                raise ValueError(f"staging.{tabel} is geen stagingtabel met een kolom 'bestand'")
            _voeg_toe(con, f"INSERT INTO staging.{tabel} BY NAME SELECT * FROM nieuw", frame)  # noqa: S608
        if quarantaine is not None:
            _voeg_toe(con, "INSERT INTO controle.quarantaine BY NAME SELECT * FROM nieuw", quarantaine)
        if normalisaties is not None:
            _voeg_toe(con, "INSERT INTO controle.normalisatie BY NAME SELECT * FROM nieuw", normalisaties)
        for invoeging in invoegingen:
            if invoeging.alleen_als is None or invoeging.alleen_als(con):
                _voeg_toe(con, invoeging.sql, invoeging.frame, invoeging.parameters)
        in_quarantaine = con.sql(
            "SELECT count(*) FROM controle.quarantaine WHERE bestand = $bestand", params={"bestand": naam}
        ).fetchall()[0][0]
        con.execute(
            lees_sql("controle/registreer_bestand.sql"),
            [naam, bron, taalaanbieder, sha, rijen_gelezen, rijen_gelezen - in_quarantaine,
             in_quarantaine, dt.datetime.now(), bestand.versie.grootte_bytes, bestand.versie.gewijzigd_ns],
        )  # fmt: skip
        weigering_intrekken(con, naam)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return int(in_quarantaine)


def weigering_intrekken(con: duckdb.DuckDBPyConnection, bestand: str) -> None:
    """A good version of ``bestand`` arrived: its earlier refusals no longer apply."""
    con.execute("DELETE FROM controle.geweigerd_bestand WHERE bestand = ?", [bestand])


def registreer_weigering(con: duckdb.DuckDBPyConnection, bestand: str, sha: str, reden: str, bron: str) -> None:
    """Note a refused file of source ``bron`` (once per version of the file); its data is not touched."""
    con.execute(lees_sql("controle/registreer_weigering.sql"), [bestand, sha, reden, dt.datetime.now(), bron])


def migreer(con: duckdb.DuckDBPyConnection) -> None:
    """Bring an older warehouse's staging up to date, once (e.g. hours DOUBLE -> DECIMAL)."""
    if con.sql(lees_sql("staging/uren_nog_double.sql")).fetchall()[0][0]:
        con.begin()
        con.execute(lees_sql("staging/uren_als_decimal.sql"))
        con.commit()
