"""SQL lives in .sql files and is loaded one way: by path, as UTF-8 text, once per process.

Values are bound parameters, never formatted into the text; the only generated SQL (lines per
declared field, see taalaanbieders/sql_velden.py) fills templates that are .sql files as well.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path


@cache
def lees(pad: Path) -> str:
    return pad.read_text(encoding="utf-8")


def uit_map(map_: Path) -> Callable[[str], str]:
    """A loader for one folder of .sql files: ``uit_map(SQL)("goed")`` reads SQL/goed.sql."""

    def sql(naam: str) -> str:
        return lees(map_ / (naam if naam.endswith(".sql") else f"{naam}.sql"))

    return sql
