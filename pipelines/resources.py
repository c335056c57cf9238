"""Dagster resources: where the data lands, where the warehouse lives, the pseudonymisation key.

Paths and the key come in through EnvVar (see definitions.py); nothing else reads the environment.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, InitResourceContext, get_dagster_logger
from pydantic import PrivateAttr

from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.limieten import (
    STANDAARD_MAX_BESTAND_MB,
    STANDAARD_MAX_RIJEN,
    STANDAARD_MAX_XLSX_MB,
    Limieten,
)
from pipelines.privacy import DEMO_SLEUTEL, SleutelKloptNiet, SleutelOntbreekt, sleutelfout
from vakwoorden import instellingen
from vakwoorden.domein import NIVEAUS
from vakwoorden.instellingen import PROJECTMAP, projectpad

__all__ = ["PROJECTMAP", "projectpad"]  # settings' paths resolve as vakwoorden/instellingen.py says

WAREHOUSE_SQL = PROJECTMAP / "warehouse"
DEMO_DATA = PROJECTMAP / "demo"
DEMO_MARKERING = "DEMO-NEPGEGEVENS.txt"
# sha256 of every bundled demo file that holds (fake) identifiers, as shipped: the demo is
# recognised by its content, so no copied marker file lets real data use the public demo key.
DEMO_INHOUD = Path(__file__).resolve().parent / "demo_inhoud.sha256"
STANDAARD_WAREHOUSE = instellingen.STANDAARD[instellingen.WAREHOUSE]
STANDAARD_UITVOER = instellingen.STANDAARD[instellingen.UITVOER]
# Schemas, the attached work database and DuckDB's own catalogs: a warehouse file may not be named so.
GERESERVEERDE_NAMEN = frozenset({"staging", "controle", "kern", "mart", "werk", "main", "memory", "temp", "system"})


def maak_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The warehouse's own schema (warehouse/schema.sql), then every source's staging tables as it
    declares them (pipelines/bronnen.py); only what is missing is created."""
    from pipelines.bronnen import BRONNEN  # the sources import this module: look them up when used

    con.execute(lees_sql("schema.sql"))
    con.execute(lees_sql("commentaar.sql"))  # its tables' DuckDB COMMENTs (pipelines/gedeeld/woordenboek.py)
    con.execute(lees_sql("erk_niveau.sql"), {"niveaus": list(NIVEAUS)})
    for bron in BRONNEN:
        if bron.schema is not None:
            con.execute(bron.schema())


def lees_sql(naam: str) -> str:
    """A statement from warehouse/<naam>; SQL lives in .sql files, values are bound parameters."""
    return sqlbestanden.lees(WAREHOUSE_SQL / naam)


# Per warehouse file: how the file (and its write-ahead log) stood on disk when this process last
# closed a writing connection, schema and all. A writer that finds the file exactly so skips
# maak_schema (some 50 ms per step); anything another process did (a write, a restored backup, a
# new file) changes the stand, and the schema is made again.
_SCHEMA_GEZIEN: dict[str, tuple[tuple[int, ...] | None, ...]] = {}


def _bestandsstand(bestand: Path) -> tuple[tuple[int, ...] | None, ...]:
    def stand(pad: Path) -> tuple[int, ...] | None:
        try:
            s = pad.stat()
        except OSError:
            return None
        return (s.st_dev, s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)

    return (stand(bestand), stand(bestand.with_name(bestand.name + ".wal")))


class WarehouseFout(RuntimeError):
    """A DuckDB or file system error on the warehouse, told in Dutch with the cause first."""


LEESKOPIE = "_lezen"  # warehouse/vakwoorden.duckdb is published as warehouse/vakwoorden_lezen.duckdb
_TECHNISCH = "Technische melding"


def _melding_keten(fout: BaseException) -> str:
    delen, gezien = [], set()
    huidig: BaseException | None = fout
    while huidig is not None and id(huidig) not in gezien:
        gezien.add(id(huidig))
        delen.append(str(huidig))
        huidig = huidig.__cause__ or huidig.__context__
    return " | ".join(delen)


def vertaal_fout(fout: BaseException, bestand: Path) -> WarehouseFout | None:
    """A Dutch WarehouseFout for lock, disk and permission errors (the cause first), else None."""
    if isinstance(fout, WarehouseFout):
        return None
    tekst = _melding_keten(fout)
    laag = tekst.lower()
    map_ = bestand.parent if bestand.parent.exists() else PROJECTMAP
    try:
        vrij = shutil.disk_usage(map_).free
    except OSError:
        vrij = -1
    technisch = f" ({_TECHNISCH}: {tekst.strip()[:400]})"
    io_fout = isinstance(fout, (duckdb.IOException, duckdb.TransactionException, OSError)) or "transactioncontext" in laag
    if (
        "no space left" in laag
        or (isinstance(fout, OSError) and fout.errno == errno.ENOSPC)
        or (io_fout and 0 <= vrij < 64 * 1024 * 1024)
    ):
        return WarehouseFout(
            f"Schijf vol: er is geen ruimte meer op de schijf van {map_} (nog {vrij // (1024 * 1024)} MB vrij). "
            "De run is afgebroken en teruggedraaid; het warehouse is zoals het was. Maak ruimte vrij en start de "
            "run opnieuw." + technisch
        )
    if "read-only file system" in laag or (isinstance(fout, OSError) and fout.errno == errno.EROFS):
        return WarehouseFout(
            f"Alleen-lezen schijf: {map_} staat op een schijf waarop niet geschreven mag worden. Zet "
            "VAKWOORDEN_WAREHOUSE op een bestand op een beschrijfbare schijf." + technisch
        )
    if "permission denied" in laag or isinstance(fout, PermissionError):
        return WarehouseFout(
            f"Geen toegang: dit account mag {bestand} (of de map {map_}) niet openen of schrijven. Geef schrijfrechten "
            "of zet VAKWOORDEN_WAREHOUSE op een bestand in een eigen map." + technisch
        )
    if "could not set lock" in laag or "conflicting lock" in laag:
        wie = re.search(r"lock is held in (.+?) \(PID (\d+)\)", tekst)
        door = f"{wie.group(1)} (proces {wie.group(2)})" if wie else "een ander programma"
        return WarehouseFout(
            f"Warehouse bezet: {bestand} is open in {door}, bijvoorbeeld een notebook of de DuckDB-CLI. Sluit dat "
            f"programma. Lees voortaan de leeskopie {bestand.with_name(bestand.stem + LEESKOPIE + bestand.suffix)}: "
            "die houdt nooit een run op." + technisch
        )
    if isinstance(fout, duckdb.IOException):
        return WarehouseFout(
            f"Lees- of schrijffout op {bestand}: de schijf of het bestand gaf een fout. De run is teruggedraaid. "
            "Controleer de schijf en start de run opnieuw." + technisch
        )
    return None


def _zonder_vervanging(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    # Never let a SQL name fall through to a Python variable; frames are registered explicitly.
    con.execute("SET python_enable_replacements = false")
    return con


def _sluit(con: duckdb.DuckDBPyConnection, bestand: Path, alleen_lezen: bool) -> None:
    """Close; after writing, remember how the file stands (see _SCHEMA_GEZIEN)."""
    con.close()
    if not alleen_lezen:
        _SCHEMA_GEZIEN[str(bestand)] = _bestandsstand(bestand)


class Warehouse(ConfigurableResource):
    """The DuckDB file. One writer at a time: a second writer waits for the lock.

    Runs write to ``bestand``. At the end of a run the ``warehouse/leeskopie`` asset publishes an
    atomic copy, ``leeskopie`` (vakwoorden_lezen.duckdb): readers open that one, never block a
    run, and see the state of the last finished run, never half of one.

    In a Dagster run the file is opened once, at the first step that needs it, and closed when the
    run ends (``teardown_after_execution``): the run holds the writer's lock from its first warehouse
    step to its end, so no other writer slips in between two of its steps, and the ~20 ms of opening
    (and the checkpoint on closing) is paid once instead of per step. Each step still gets a
    connection of its own (a DuckDB cursor: its own transaction, temporary views and settings); a
    step that fails closes the file, and the next step opens it again, as a new process would.
    Outside a run (the CLI) every ``verbinding()`` opens and closes the file.
    """

    pad: str = STANDAARD_WAREHOUSE
    wachttijd_seconden: float = 120.0

    _in_run: bool = PrivateAttr(default=False)
    _run_bestand: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)
    _run_alleen_lezen: bool = PrivateAttr(default=False)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        self._in_run = True

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        self._sluit_run_bestand()

    def _sluit_run_bestand(self) -> None:
        con, self._run_bestand = self._run_bestand, None
        if con is not None:
            _sluit(con, self.bestand, self._run_alleen_lezen)

    @property
    def bestand(self) -> Path:
        return projectpad(self.pad)

    @property
    def leeskopie(self) -> Path:
        return self.bestand.with_name(self.bestand.stem + LEESKOPIE + (self.bestand.suffix or ".duckdb"))

    def _controleer_naam(self) -> None:
        # DuckDB names the database after the file; that name must not be one of our schemas.
        if self.bestand.stem.lower() in GERESERVEERDE_NAMEN:
            raise ValueError(
                f"Het warehouse mag niet '{self.bestand.name}' heten: '{self.bestand.stem}' is al de naam van "
                "een schema of database in het warehouse. Kies een andere naam, bijvoorbeeld vakwoorden.duckdb "
                "(VAKWOORDEN_WAREHOUSE)."
            )

    def _open(self, bestand: Path, alleen_lezen: bool) -> duckdb.DuckDBPyConnection:
        begin = time.monotonic()
        wacht = 0.2
        while True:
            try:
                return duckdb.connect(str(bestand), read_only=alleen_lezen)
            except (duckdb.Error, OSError) as fout:
                vertaald = vertaal_fout(fout, bestand)
                bezet = vertaald is not None and str(vertaald).startswith("Warehouse bezet")
                if not bezet or time.monotonic() - begin > self.wachttijd_seconden:
                    if bezet:
                        raise WarehouseFout(
                            f"{vertaald} De run heeft {self.wachttijd_seconden:.0f} s gewacht en is gestopt; er is niets "
                            "veranderd."
                        ) from fout
                    raise (vertaald or fout) from fout
                get_dagster_logger().info(
                    f"Het warehouse is in gebruik door een ander proces; opnieuw over {wacht:.1f} s."
                )
                time.sleep(wacht)
                wacht = min(wacht * 2, 5.0)

    def _verbind(self, bestand: Path, alleen_lezen: bool) -> duckdb.DuckDBPyConnection:
        """Open ``bestand``; a writer also gets the schema, unless the file is as this process left it."""
        con = self._open(bestand, alleen_lezen)
        try:
            if not alleen_lezen and _SCHEMA_GEZIEN.get(str(bestand)) != _bestandsstand(bestand):
                maak_schema(con)
        except BaseException:
            con.close()
            raise
        return con

    @contextmanager
    def _sessie(self, bestand: Path, alleen_lezen: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        try:
            con = self._verbind(bestand, alleen_lezen)
        except (duckdb.Error, OSError) as fout:
            raise (vertaal_fout(fout, bestand) or fout) from fout
        try:
            yield _zonder_vervanging(con)
        except (duckdb.Error, OSError) as fout:
            vertaald = vertaal_fout(fout, bestand)
            if vertaald is None:
                raise
            raise vertaald from fout
        finally:
            _sluit(con, bestand, alleen_lezen)

    @contextmanager
    def verbinding(self, alleen_lezen: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """The working file, as a run sees it (read-only connections too: in a run, after its own writes)."""
        self._controleer_naam()
        try:
            self.bestand.parent.mkdir(parents=True, exist_ok=True)
        except OSError as fout:
            raise (vertaal_fout(fout, self.bestand) or fout) from fout
        if alleen_lezen and not self.bestand.exists():
            raise FileNotFoundError(
                f"Het warehouse {self.bestand} bestaat nog niet. Draai eerst: vakwoorden demo (of de hoofdtaak in Dagster)."
            )
        if self._in_run:
            with self._run_sessie(alleen_lezen) as con:
                yield con
            return
        with self._sessie(self.bestand, alleen_lezen) as con:
            yield con

    @contextmanager
    def _run_sessie(self, alleen_lezen: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        """A step's connection on the file the run keeps open. A run that has only read so far holds
        it read-only (other readers may open it too); its first writing step reopens it for writing,
        and from then on readers in the run share that (a process cannot hold one file both ways)."""
        try:
            if self._run_bestand is not None and self._run_alleen_lezen and not alleen_lezen:
                self._sluit_run_bestand()
            if self._run_bestand is None:
                self._run_bestand = self._verbind(self.bestand, alleen_lezen)
                self._run_alleen_lezen = alleen_lezen
            cursor = self._run_bestand.cursor()
        except (duckdb.Error, OSError) as fout:
            raise (vertaal_fout(fout, self.bestand) or fout) from fout
        try:
            yield _zonder_vervanging(cursor)
        except BaseException as fout:
            cursor.close()
            self._sluit_run_bestand()  # after a DuckDB error the database may be unusable: open it afresh
            if isinstance(fout, (duckdb.Error, OSError)) and (vertaald := vertaal_fout(fout, self.bestand)):
                raise vertaald from fout
            raise
        else:
            cursor.close()

    @contextmanager
    def lezen(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """For readers outside a run: the published copy (never blocks a run), else the working file."""
        self._controleer_naam()
        if self.leeskopie.exists():
            with self._sessie(self.leeskopie, True) as con:
                yield con
        else:
            with self.verbinding(alleen_lezen=True) as con:
                yield con

    def publiceer(self) -> Path:
        """Copy the working file, as it is now, atomically over the read-only copy readers open.

        Made under the writer's lock after a checkpoint (so the file is complete and nothing writes),
        written to a temporary file next to it and renamed: a reader sees the old copy or the new one,
        and a connection that is open keeps reading the old file until it reconnects.
        """
        doel = self.leeskopie
        tijdelijk = doel.with_name(f".{doel.name}.{os.getpid()}.tmp")
        try:
            with self.verbinding() as con:
                con.execute("CHECKPOINT")
                with self.bestand.open("rb") as bron, tijdelijk.open("wb") as kopie:
                    shutil.copyfileobj(bron, kopie, 16 * 1024 * 1024)
                    kopie.flush()
                    os.fsync(kopie.fileno())
                tijdelijk.chmod(0o444)
                os.replace(tijdelijk, doel)
            map_ = os.open(doel.parent, os.O_RDONLY)
            try:
                os.fsync(map_)
            finally:
                os.close(map_)
        except OSError as fout:
            tijdelijk.unlink(missing_ok=True)
            raise (vertaal_fout(fout, doel) or fout) from fout
        except BaseException:
            tijdelijk.unlink(missing_ok=True)
            raise
        return doel


class Landingsplaats(ConfigurableResource):
    """The folder where taalaanbieders and werkplekken drop their exports, and how large an export
    may be (see pipelines/gedeeld/limieten.py; a file over a limit is refused with the setting's name)."""

    map: str = str(DEMO_DATA)
    max_bestand_mb: int = STANDAARD_MAX_BESTAND_MB
    max_rijen: int = STANDAARD_MAX_RIJEN
    max_xlsx_mb: int = STANDAARD_MAX_XLSX_MB

    @property
    def limieten(self) -> Limieten:
        return Limieten(self.max_bestand_mb, self.max_rijen, self.max_xlsx_mb)

    @property
    def pad(self) -> Path:
        return projectpad(self.map)

    @property
    def is_demo(self) -> bool:
        """True when every file with identifiers is a bundled demo file, byte for byte."""
        return is_demodata(self.pad)


def _met_identificaties(map_: Path) -> list[Path]:
    """Files in a landing folder that hold learners' identifiers (or may: every unknown export)."""
    taalaanbieders = (p for p in map_.glob("taalaanbieders/**/*") if p.name != "mapping.toml")
    plaatsingen = map_.glob("werkplekken/**/plaatsingen*")
    anki = map_.glob("anki/**/*")
    return sorted(p for p in (*taalaanbieders, *plaatsingen, *anki) if p.is_file())


def is_demodata(map_: Path) -> bool:
    verwacht: dict[str, str] = {}
    for regel in DEMO_INHOUD.read_text(encoding="utf-8").splitlines():
        if regel.strip():
            som, naam = regel.split(maxsplit=1)
            verwacht[naam.strip()] = som
    bestanden = _met_identificaties(map_)
    if not bestanden:
        return False
    for pad in bestanden:
        naam = pad.relative_to(map_).as_posix()
        if naam not in verwacht:
            return False
        with pad.open("rb") as f:
            if hashlib.file_digest(f, "sha256").hexdigest() != verwacht[naam]:
                return False
    return True


class Pseudonimisering(ConfigurableResource):
    """The secret key for HMAC pseudonyms. Without it only the bundled demo data may be processed."""

    sleutel: str = ""

    def sleutel_voor(self, landingsplaats: Landingsplaats, warehouse: Warehouse) -> str:
        """The key chain for this run, checked against the warehouse's key before anything is loaded.

        Raises SleutelOntbreekt (real data, no key) or SleutelKloptNiet (too short, the public demo
        key on real data, or not the warehouse's key), each with a Dutch message that says the fix.
        """
        from pipelines.sleutels import controleer_sleutel

        sleutel = self._sleutel(landingsplaats)
        with warehouse.verbinding() as con:
            con.begin()
            keten = controleer_sleutel(con, sleutel)
            con.commit()
        return keten

    def _sleutel(self, landingsplaats: Landingsplaats) -> str:
        if self.sleutel:
            fout = sleutelfout(self.sleutel)
            if fout and not (self.sleutel == DEMO_SLEUTEL and landingsplaats.is_demo):
                raise SleutelKloptNiet(fout + " Er is niets ingelezen.")
            return self.sleutel
        if landingsplaats.is_demo:
            get_dagster_logger().warning(
                "Geen VAKWOORDEN_SLEUTEL gezet: de demosleutel wordt gebruikt, omdat dit demogegevens zijn. "
                "Zet voor echte gegevens altijd een eigen geheime sleutel."
            )
            return DEMO_SLEUTEL
        raise SleutelOntbreekt(
            f"Geen VAKWOORDEN_SLEUTEL gezet, en {landingsplaats.pad} bevat andere gegevens dan de meegeleverde "
            "demogegevens (een kopie van DEMO-NEPGEGEVENS.txt telt niet). Er is niets ingelezen. "
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
