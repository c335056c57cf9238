"""What every source of input declares, so that shared code can handle it without knowing it.

A source lives in its own folder, ``pipelines/<bron>/``, which declares its files, fields,
rules and tables, and exports one :class:`Bron` as ``BRON`` from its ``__init__.py``;
``pipelines/bronnen.py`` lists every source once. From that list the shared code takes what it
needs: the sensor the files to watch, the warehouse the tables to create, the reconciliation the
tables to count, Dagster the assets, checks and the ingest job's groups. Refusals are recorded
with the source's name, so a new source is never mistaken for another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dagster import AssetChecksDefinition, AssetKey, AssetsDefinition


@dataclass(frozen=True)
class Bron:
    naam: str  # as in controle.ingelezen_bestand.bron and controle.geweigerd_bestand.bron
    omschrijving: str  # one Dutch sentence: what arrives, from whom
    asset: AssetKey  # the staging asset that loads it
    bestanden: Callable[[Path], Iterable[Path]]  # the files it reads in a landing folder (the sensor's view)
    assets: Sequence[AssetsDefinition] = ()
    checks: Sequence[AssetChecksDefinition] = ()
    # Its staging tables with one row per accepted row of a file: rows read = these + quarantine.
    # Empty for a source whose files are not made of rows (a document, a collection).
    telling: tuple[str, ...] = ()
    # SQL that creates its staging tables, run with the warehouse's own schema (see resources.py).
    schema: Callable[[], str] | None = None
    tabellen: tuple[str, ...] = field(default=())  # every staging table it writes (for the documentation)
