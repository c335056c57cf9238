"""Dagster resources: where the data lands, where the warehouse lives, the pseudonymisation key.

Paths and the key come in through EnvVar (see definitions.py); nothing else reads the environment.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, get_dagster_logger

from pipelines.privacy import DEMO_SLEUTEL, SleutelOntbreekt

PROJECTMAP = Path(__file__).resolve().parent.parent
WAREHOUSE_SQL = PROJECTMAP / "warehouse"
DEMO_DATA = PROJECTMAP / "demo"
DEMO_MARKERING = "DEMO-NEPGEGEVENS.txt"
STANDAARD_WAREHOUSE = "warehouse/vakwoorden.duckdb"
STANDAARD_UITVOER = "uit"
# Schemas, the attached work database and DuckDB's own catalogs: a warehouse file may not be named so.
GERESERVEERDE_NAMEN = frozenset({"staging", "controle", "kern", "mart", "werk", "main", "memory", "temp", "system"})


def projectpad(pad: str) -> Path:
    """Relative paths are relative to the project folder, wherever Dagster was started."""
    p = Path(pad).expanduser()
    return p if p.is_absolute() else PROJECTMAP / p


def lees_sql(naam: str) -> str:
    """A statement from warehouse/<naam>; SQL lives in .sql files, values are bound parameters."""
    return (WAREHOUSE_SQL / naam).read_text(encoding="utf-8")


class Warehouse(ConfigurableResource):
    """The DuckDB file. One writer at a time: a second writer waits for the lock."""

    pad: str = STANDAARD_WAREHOUSE
    wachttijd_seconden: float = 120.0

    @property
    def bestand(self) -> Path:
        return projectpad(self.pad)

    @contextmanager
    def verbinding(self, alleen_lezen: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        # DuckDB names the database after the file; that name must not be one of our schemas.
        if self.bestand.stem.lower() in GERESERVEERDE_NAMEN:
            raise ValueError(
                f"Het warehouse mag niet '{self.bestand.name}' heten: '{self.bestand.stem}' is al de naam van "
                "een schema of database in het warehouse. Kies een andere naam, bijvoorbeeld vakwoorden.duckdb "
                "(VAKWOORDEN_WAREHOUSE)."
            )
        self.bestand.parent.mkdir(parents=True, exist_ok=True)
        if alleen_lezen and not self.bestand.exists():
            raise FileNotFoundError(
                f"Het warehouse {self.bestand} bestaat nog niet. Draai eerst: vakwoorden demo (of de hoofdtaak in Dagster)."
            )
        begin = time.monotonic()
        wacht = 0.2
        while True:
            try:
                con = duckdb.connect(str(self.bestand), read_only=alleen_lezen)
                break
            except duckdb.IOException as fout:
                if "lock" not in str(fout).lower() or time.monotonic() - begin > self.wachttijd_seconden:
                    raise
                get_dagster_logger().info(f"Het warehouse is in gebruik door een ander proces; opnieuw over {wacht:.1f} s.")
                time.sleep(wacht)
                wacht = min(wacht * 2, 5.0)
        try:
            # Never let a SQL name fall through to a Python variable; frames are registered explicitly.
            con.execute("SET python_enable_replacements = false")
            if not alleen_lezen:
                con.execute(lees_sql("schema.sql"))
            yield con
        finally:
            con.close()


class Landingsplaats(ConfigurableResource):
    """The folder where taalaanbieders and werkplekken drop their exports."""

    map: str = str(DEMO_DATA)

    @property
    def pad(self) -> Path:
        return projectpad(self.map)

    @property
    def is_demo(self) -> bool:
        return (self.pad / DEMO_MARKERING).exists()


class Pseudonimisering(ConfigurableResource):
    """The secret key for HMAC pseudonyms. Without it only demo data may be processed."""

    sleutel: str = ""

    def sleutel_voor(self, landingsplaats: Landingsplaats) -> str:
        if self.sleutel:
            return self.sleutel
        if landingsplaats.is_demo:
            get_dagster_logger().warning(
                "Geen VAKWOORDEN_SLEUTEL gezet: de demosleutel wordt gebruikt, omdat dit demogegevens zijn. "
                "Zet voor echte gegevens altijd een eigen geheime sleutel."
            )
            return DEMO_SLEUTEL
        raise SleutelOntbreekt(
            f"Geen VAKWOORDEN_SLEUTEL gezet, en {landingsplaats.pad} bevat echte gegevens. "
            "Zet een geheime sleutel van minstens 32 tekens, bijvoorbeeld: "
            "export VAKWOORDEN_SLEUTEL=$(python -c 'import secrets; print(secrets.token_hex(32))'). "
            "Bewaar hem veilig: met een andere sleutel krijgt dezelfde persoon een ander pseudoniem."
        )


class Uitvoer(ConfigurableResource):
    """Where decks and word lists are written."""

    map: str = STANDAARD_UITVOER

    @property
    def pad(self) -> Path:
        return projectpad(self.map)
