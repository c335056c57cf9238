"""Where the command line finds the warehouse and writes its output, as the README says.

A path given on the command line is relative to the current folder (as the shell completes it);
a path in an environment variable (VAKWOORDEN_WAREHOUSE, VAKWOORDEN_UIT, VAKWOORDEN_DATA) and the
defaults are relative to the project folder, from whichever folder the command is started.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vakwoorden import instellingen
from vakwoorden.instellingen import PROJECTMAP, projectpad

if TYPE_CHECKING:
    from pipelines.resources import Warehouse

__all__ = ["PROJECTMAP", "STANDAARD_WAREHOUSE", "projectpad"]
STANDAARD_WAREHOUSE = instellingen.STANDAARD[instellingen.WAREHOUSE]


def warehouse_pad(database: Path | None = None) -> Path:
    """--database (relative to the current folder), else $VAKWOORDEN_WAREHOUSE, else the project's warehouse."""
    if database is not None:
        return Path(database).expanduser().resolve()
    return instellingen.pad(instellingen.WAREHOUSE)


def warehouse(database: Path | None = None) -> Warehouse:
    from pipelines.resources import Warehouse

    return Warehouse(pad=str(warehouse_pad(database)))


def uitvoer_pad() -> Path:
    return instellingen.pad(instellingen.UITVOER)


def data_pad() -> Path:
    return instellingen.pad(instellingen.DATA)
