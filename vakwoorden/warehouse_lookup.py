"""Looking up in the warehouse which words a werkplek or a learner needs (read-only)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.resources import lees_sql


def _vraag(database: Path, naam: str, parameters: list[str]) -> list[tuple[str, str]]:
    if not database.exists():
        raise FileNotFoundError(f"het warehouse {database} bestaat nog niet; draai eerst 'vakwoorden demo'.")
    con = duckdb.connect(str(database), read_only=True)
    try:
        return [(str(a), str(b)) for a, b in con.execute(lees_sql(naam), parameters).fetchall()]
    except duckdb.CatalogException as fout:
        raise FileNotFoundError(
            f"het warehouse {database} mist tabellen ({fout}); draai eerst 'vakwoorden demo'."
        ) from fout
    finally:
        con.close()


def woorden_voor_werkplek(database: Path, werkplek_id: str) -> list[tuple[str, str]]:
    return _vraag(database, "vragen/woorden_voor_werkplek.sql", [werkplek_id])


def woorden_voor_leerling(database: Path, leerling: str) -> list[tuple[str, str]]:
    return _vraag(database, "vragen/woorden_voor_leerling.sql", [leerling])


def leerlingen_met_plaatsing(database: Path) -> list[tuple[str, str]]:
    """(pseudonym, study language) of every learner with a placement."""
    return _vraag(database, "vragen/leerlingen_met_plaatsing.sql", [])
