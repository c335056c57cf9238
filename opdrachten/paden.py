"""Where the command line finds the warehouse and writes its output, as the README says.

A path given on the command line is relative to the current folder (as the shell completes it);
a path in an environment variable (VAKWOORDEN_WAREHOUSE, VAKWOORDEN_UIT, VAKWOORDEN_DATA) and the
defaults are relative to the project folder, from whichever folder the command is started.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipelines.resources import Warehouse

PROJECTMAP = Path(__file__).resolve().parent.parent
STANDAARD_WAREHOUSE = "warehouse/vakwoorden.duckdb"
STANDAARD_UITVOER = "uit"
STANDAARD_DATA = "demo"


def projectpad(pad: str | Path) -> Path:
    p = Path(pad).expanduser()
    return p if p.is_absolute() else PROJECTMAP / p


def _uit_omgeving(variabele: str, standaard: str) -> Path:
    return projectpad(os.environ.get(variabele) or standaard)


def warehouse_pad(database: Path | None = None) -> Path:
    """--database (relative to the current folder), else $VAKWOORDEN_WAREHOUSE, else the project's warehouse."""
    if database is not None:
        return Path(database).expanduser().resolve()
    return _uit_omgeving("VAKWOORDEN_WAREHOUSE", STANDAARD_WAREHOUSE)


def warehouse(database: Path | None = None) -> Warehouse:
    from pipelines.resources import Warehouse

    return Warehouse(pad=str(warehouse_pad(database)))


def uitvoer_pad() -> Path:
    return _uit_omgeving("VAKWOORDEN_UIT", STANDAARD_UITVOER)


def data_pad() -> Path:
    return _uit_omgeving("VAKWOORDEN_DATA", STANDAARD_DATA)
