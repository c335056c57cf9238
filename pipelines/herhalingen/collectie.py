"""Reading an Anki collection without touching it: a synced collection or a ``.colpkg`` backup.

Anki's sync server keeps a learner's collection open in SQLite's exclusive locking mode, so even a
read-only connection gets "database is locked". We therefore copy the database file and its
write-ahead log (``-wal``) into a private folder and open the copy: SQLite replays the log up to its
last complete transaction (each WAL frame carries a checksum), which is a consistent snapshot. A
copy whose source changed while it was copied is made again.

A ``.colpkg`` that Anki 2.1.50+ (and so Anki 26) writes is a zip holding ``collection.anki21b``, a
zstd-compressed SQLite database (plus a legacy ``collection.anki2`` that only says "please update").
Older packages (only ``collection.anki21``/``collection.anki2``) are refused with a Dutch reason.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import zstandard

from pipelines.gedeeld.fouten import OnleesbaarBestand

# Anki's collection schema versions whose tables we read (notes.guid, cards.data, revlog) as they are
# since Anki 2.1.28 (schema 11); Anki 23.10 up to 26 write 18.
SCHEMA_MIN, SCHEMA_MAX = 11, 18
TABELLEN = ("col", "notes", "cards", "revlog")
POGINGEN = 3
MAX_UITGEPAKT = 2 << 30  # 2 GiB: a bigger collection is not a learner's


def _stat(pad: Path) -> tuple[int, int] | None:
    try:
        s = pad.stat()
    except FileNotFoundError:
        return None
    return s.st_size, s.st_mtime_ns


def kopieer_collectie(bron: Path, doelmap: Path) -> Path:
    """Copy a (possibly open) collection and its WAL into ``doelmap``; return the copy's path."""
    wal = bron.with_name(bron.name + "-wal")
    doel = doelmap / "collection.anki2"
    for _ in range(POGINGEN):
        voor = (_stat(bron), _stat(wal))
        shutil.copyfile(bron, doel)
        doel_wal = doel.with_name(doel.name + "-wal")
        doel_wal.unlink(missing_ok=True)
        if voor[1] is not None:
            try:
                shutil.copyfile(wal, doel_wal)
            except FileNotFoundError:  # checkpointed and removed while we copied
                pass
        if (_stat(bron), _stat(wal)) == voor:
            return doel
    return doel  # still changing: the WAL's checksums keep the snapshot consistent anyway


def pak_colpkg_uit(pakket: Path, doelmap: Path) -> Path:
    """The SQLite database inside a .colpkg, decompressed into ``doelmap``."""
    try:
        zip_ = zipfile.ZipFile(pakket)
    except (zipfile.BadZipFile, OSError) as fout:
        raise OnleesbaarBestand(pakket, "geen Anki-back-up (.colpkg): het bestand is geen zip-archief.") from fout
    with zip_:
        namen = set(zip_.namelist())
        doel = doelmap / "collection.anki2"
        if "collection.anki21b" in namen:
            info = zip_.getinfo("collection.anki21b")
            try:
                with zip_.open(info) as ingepakt, doel.open("wb") as uit:
                    lezer = zstandard.ZstdDecompressor().stream_reader(ingepakt)
                    geschreven = 0
                    while blok := lezer.read(1 << 20):
                        geschreven += len(blok)
                        if geschreven > MAX_UITGEPAKT:
                            raise OnleesbaarBestand(pakket, "de collectie in deze back-up is groter dan 2 GB; dat is geen leerling-collectie.")
                        uit.write(blok)
            except zstandard.ZstdError as fout:
                raise OnleesbaarBestand(pakket, "beschadigde Anki-back-up: de collectie erin is niet uit te pakken (zstd).") from fout
            except (zipfile.BadZipFile, OSError, EOFError) as fout:
                raise OnleesbaarBestand(pakket, "beschadigde Anki-back-up: het zip-archief is niet volledig te lezen.") from fout
            return doel
        if "collection.anki21" in namen or "collection.anki2" in namen:
            raise OnleesbaarBestand(
                pakket,
                "deze back-up is gemaakt met een oude Anki-versie (van voor 2.1.50) of met 'ondersteuning voor "
                "oudere Anki-versies' aan. Exporteer opnieuw met een recente Anki (Bestand > Exporteren > "
                "Anki-collectiepakket, zonder die optie).",
            )
        raise OnleesbaarBestand(pakket, "geen Anki-back-up (.colpkg): er zit geen Anki-collectie in het zip-archief.")


def _unicase(a: str, b: str) -> int:
    x, y = a.casefold(), b.casefold()
    return (x > y) - (x < y)


@contextmanager
def open_collectie(database: Path, bron: Path) -> Iterator[sqlite3.Connection]:
    """Open our private copy and check that it is an Anki collection we can read.

    ``bron`` is the learner's original file, named in refusals.
    """
    try:
        con = sqlite3.connect(database, isolation_level=None)
    except sqlite3.Error as fout:
        raise OnleesbaarBestand(bron, f"de collectie is niet te openen ({fout}).") from fout
    # Anki's indexes on names use its own case-insensitive collation; SQLite needs it to check them.
    con.create_collation("unicase", _unicase)
    try:
        try:
            controle = con.execute("PRAGMA quick_check").fetchone()
            tabellen = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as fout:
            raise OnleesbaarBestand(bron, "geen Anki-collectie: het bestand is geen (leesbare) SQLite-database.") from fout
        if controle is None or controle[0] != "ok":
            raise OnleesbaarBestand(bron, "beschadigde Anki-collectie: de database-controle vond fouten.")
        ontbreekt = [t for t in TABELLEN if t not in tabellen]
        if ontbreekt:
            raise OnleesbaarBestand(
                bron, f"geen Anki-collectie: de tabel(len) {', '.join(ontbreekt)} ontbreken in deze database."
            )
        try:
            rij = con.execute("SELECT ver FROM col").fetchone()
        except sqlite3.DatabaseError as fout:
            raise OnleesbaarBestand(bron, "geen Anki-collectie: de tabel col is onleesbaar.") from fout
        versie = rij[0] if rij else None
        if not isinstance(versie, int) or not SCHEMA_MIN <= versie <= SCHEMA_MAX:
            raise OnleesbaarBestand(
                bron,
                f"collectie van een Anki-versie die we niet kennen (schemaversie {versie}; wij lezen "
                f"{SCHEMA_MIN} tot en met {SCHEMA_MAX}, dat is Anki 2.1.28 tot en met 26). Synchroniseer met een "
                "Anki-versie uit die reeks of werk deze software bij.",
            )
        yield con
    finally:
        con.close()


MAX_DECKS = 500


def decknamen(con: sqlite3.Connection) -> set[str]:
    """Every deck name in the collection and all their parents ("A::B::C" -> A, A::B, A::B::C)."""
    tabellen = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    namen: list[str] = []
    if "decks" in tabellen:  # schema 15+: one row per deck, levels separated by \x1f
        namen = [str(r[0]).replace("\x1f", "::") for r in con.execute("SELECT name FROM decks LIMIT ?", [MAX_DECKS])]
    else:  # older schemas: a JSON object in col.decks
        try:
            rij = con.execute("SELECT decks FROM col").fetchone()
            namen = [str(d.get("name", "")) for d in json.loads(rij[0]).values()][:MAX_DECKS] if rij else []
        except (sqlite3.DatabaseError, ValueError, AttributeError):
            namen = []
    uitkomst: set[str] = set()
    for naam in namen:
        delen = naam.split("::")
        uitkomst.update("::".join(delen[: i + 1]) for i in range(len(delen)))
    return uitkomst
