"""Looking up in the warehouse which words a werkplek or a learner needs (read-only).

Every connection goes through the Warehouse resource (lock wait, path guard, Dutch errors). Given
the resource itself (as the deck assets do, inside a run), the working file is read; given a path
(as the command line does), the published read-only copy is read, so a coordinator making a deck
never holds up a run.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

import duckdb

from pipelines.resources import Warehouse, lees_sql

Bron = Path | Warehouse


def _verbinding(database: Bron) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    if isinstance(database, Warehouse):
        return database.verbinding(alleen_lezen=True)
    wh = Warehouse(pad=str(database))
    if not wh.bestand.exists() and not wh.leeskopie.exists():
        raise FileNotFoundError(
            f"het warehouse {wh.bestand} bestaat niet. Controleer VAKWOORDEN_WAREHOUSE (of --database), of bouw het "
            "warehouse eerst: vakwoorden demo, of de hoofdtaak in Dagster."
        )
    return wh.lezen()


def _naam(database: Bron) -> Path:
    return database.bestand if isinstance(database, Warehouse) else database


def _vraag(database: Bron, naam: str, parameters: list[str]) -> list[tuple[str, str]]:
    with _verbinding(database) as con:
        try:
            return [(str(a), str(b)) for a, b in con.execute(lees_sql(naam), parameters).fetchall()]
        except duckdb.CatalogException as fout:
            raise FileNotFoundError(
                f"het warehouse {_naam(database)} mist tabellen; draai eerst 'vakwoorden demo'."
            ) from fout


def woorden_voor_werkplek(database: Bron, werkplek_id: str) -> list[tuple[str, str]]:
    return _vraag(database, "vragen/woorden_voor_werkplek.sql", [werkplek_id])


def woorden_voor_leerling(database: Bron, leerling: str) -> list[tuple[str, str]]:
    return _vraag(database, "vragen/woorden_voor_leerling.sql", [leerling])


def leerlingen_met_plaatsing(database: Bron) -> list[tuple[str, str]]:
    """(pseudonym, study language) of every learner with a placement."""
    return _vraag(database, "vragen/leerlingen_met_plaatsing.sql", [])


def werkplekken(database: Bron) -> list[str]:
    """Every known werkplek code, sorted."""
    with _verbinding(database) as con:
        try:
            return [str(w) for (w,) in con.execute(lees_sql("vragen/werkplekken.sql")).fetchall()]
        except duckdb.CatalogException:
            return []


def thuistaal(database: Bron, leerling: str) -> str | None:
    """The learner's home language as the taalaanbieder reported it, or None when unknown."""
    with _verbinding(database) as con:
        try:
            rij = con.execute(lees_sql("vragen/thuistaal_leerling.sql"), [leerling]).fetchall()
        except duckdb.CatalogException:
            return None
    return str(rij[0][0]) if rij and rij[0][0] else None
