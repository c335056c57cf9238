"""Every setting of the project, in one place: its environment variable and its default.

The Dagster resources (pipelines/definitions.py, as EnvVar) and the command line (opdrachten/)
read the same names and defaults from here; nothing else reads the environment for settings.
A relative path in a setting is relative to the project folder, from whichever folder a command
is started.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECTMAP = Path(__file__).resolve().parent.parent

DATA = "VAKWOORDEN_DATA"  # the landing folder
WAREHOUSE = "VAKWOORDEN_WAREHOUSE"  # the DuckDB file
UITVOER = "VAKWOORDEN_UIT"  # decks, lists, exports, reports
SYNC = "VAKWOORDEN_SYNC"  # the Anki sync server's data
CACHE = "VAKWOORDEN_CACHE"  # the audio cache
SLEUTEL = "VAKWOORDEN_SLEUTEL"  # the pseudonymisation key (no default)
MAX_BESTAND_MB = "VAKWOORDEN_MAX_BESTAND_MB"
MAX_RIJEN = "VAKWOORDEN_MAX_RIJEN"
MAX_XLSX_MB = "VAKWOORDEN_MAX_XLSX_MB"

STANDAARD: dict[str, str] = {
    DATA: "demo",
    WAREHOUSE: "warehouse/vakwoorden.duckdb",
    UITVOER: "uit",
    SYNC: "sync",
}


def projectpad(pad: str | Path) -> Path:
    """A path as the README means it: absolute as given, relative to the project folder otherwise."""
    p = Path(pad).expanduser()
    return p if p.is_absolute() else PROJECTMAP / p


def waarde(naam: str, standaard: str | None = None) -> str | None:
    """The setting's value: the environment variable when set (and not empty), else its default."""
    return os.environ.get(naam) or (standaard if standaard is not None else STANDAARD.get(naam))


def pad(naam: str) -> Path:
    """A path setting (DATA, WAREHOUSE, UITVOER, SYNC), resolved as :func:`projectpad` says."""
    gevonden = waarde(naam)
    if gevonden is None:
        raise KeyError(naam)
    return projectpad(gevonden)


def audiocache() -> Path:
    """VAKWOORDEN_CACHE, else the user's cache folder (XDG_CACHE_HOME or ~/.cache)/vakwoorden/audio."""
    eigen = waarde(CACHE, "")
    if eigen:
        return Path(eigen).expanduser()
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "vakwoorden" / "audio"
