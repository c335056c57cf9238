"""Readers never block a run and never see half of one; DuckDB's errors in Dutch, cause first."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey, AssetSelection
from pijplijn import TOT_KERN, draai, vraag

from pipelines import opzoeken as warehouse_lookup
from pipelines.demodata import genereer
from pipelines.publicatie import LEESKOPIE
from pipelines.resources import Warehouse, WarehouseFout, vertaal_fout

MET_LEESKOPIE = TOT_KERN | AssetSelection.assets(LEESKOPIE)  # what readers read: kern (marts: test_pijplijn.py)


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    map_ = tmp_path / "landing"
    genereer(map_, leerlingen=12, zaad=7)
    return map_


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse and its published copy, built once; tests that only read use a copy of both."""
    map_ = tmp_path_factory.mktemp("gebouwd")
    genereer(map_ / "landing", leerlingen=12, zaad=7)
    assert draai(map_ / "landing", map_ / "wh.duckdb", selectie=MET_LEESKOPIE).success
    return map_ / "wh.duckdb"


def _kopie(gebouwd: Path, map_: Path) -> Path:
    bron, doel = Warehouse(pad=str(gebouwd)), Warehouse(pad=str(map_ / gebouwd.name))
    shutil.copyfile(bron.bestand, doel.bestand)
    shutil.copyfile(bron.leeskopie, doel.leeskopie)
    return doel.bestand


@pytest.fixture
def houder(tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    """Start another process that keeps a DuckDB file open (as a notebook would)."""
    processen: list[subprocess.Popen[str]] = []

    def start(bestand: Path, alleen_lezen: bool) -> subprocess.Popen[str]:
        code = textwrap.dedent("""
            import sys, duckdb
            con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ja")
            print(con.execute("SELECT count(*) FROM kern.leerling").fetchall()[0][0], flush=True)
            sys.stdin.readline()
            print(con.execute("SELECT count(*) FROM kern.leerling").fetchall()[0][0], flush=True)
        """)
        opdracht = [sys.executable, "-c", code, str(bestand), "ja" if alleen_lezen else "nee"]
        proces = subprocess.Popen(opdracht, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        processen.append(proces)
        return proces

    yield start
    for proces in processen:
        if proces.poll() is None:
            proces.kill()
            proces.wait()


def _leerlingen(bestand: Path) -> int:
    return int(vraag(bestand, "SELECT count(*) FROM kern.leerling")[0][0])


def test_lezer_van_de_leeskopie_houdt_geen_run_op_en_ziet_nooit_een_halve_run(landing: Path, tmp_path: Path, houder) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "wh.duckdb"
    kopie = tmp_path / "wh_lezen.duckdb"
    assert draai(landing, database, selectie=MET_LEESKOPIE).success
    voor = _leerlingen(kopie)
    assert voor == _leerlingen(database) > 0
    # A notebook keeps the published copy open for the whole next run.
    lezer = houder(kopie, True)
    assert lezer.stdout is not None and int(lezer.stdout.readline()) == voor
    extra = tmp_path / "extra"
    genereer(extra, leerlingen=5, zaad=99)
    for export in (extra / "taalaanbieders").glob("*/*.csv"):
        shutil.copy(export, landing / "taalaanbieders" / export.parent.name / f"extra-{export.name}")
    # A run without its publishing step: readers still see the state before the run.
    assert draai(landing, database, selectie=TOT_KERN).success
    na = _leerlingen(database)
    assert na > voor and _leerlingen(kopie) == voor
    # Publishing at the end of the run: the open connection is not in the way and keeps its snapshot;
    # a new connection sees the new state.
    begin = time.monotonic()
    assert draai(landing, database, selectie=AssetSelection.assets(LEESKOPIE)).success
    assert time.monotonic() - begin < 30
    assert _leerlingen(kopie) == na
    lezer.stdin.write("\n")  # type: ignore[union-attr]
    lezer.stdin.flush()  # type: ignore[union-attr]
    assert int(lezer.stdout.readline()) == voor
    assert not (kopie.stat().st_mode & 0o222)  # read-only, so nobody writes to it by mistake
    assert not list(tmp_path.glob(".wh_lezen.duckdb*.tmp"))


def test_leeskopie_is_de_laatste_stap_van_de_hoofdtaak() -> None:
    from pipelines.definitions import ASSETS, defs

    graaf = defs.resolve_asset_graph()
    voorgangers = graaf.get(LEESKOPIE).parent_keys
    for definitie in ASSETS:  # every asset that may write the warehouse
        for sleutel in definitie.keys:
            if sleutel.path[0] != "decks":  # decks only read the warehouse
                assert sleutel in voorgangers, sleutel
    assert AssetKey(["decks", "sector"]) not in voorgangers
    job = defs.resolve_job_def("inlezen")
    assert LEESKOPIE in job.asset_layer.executable_asset_keys


def test_deck_opzoeken_leest_de_leeskopie_terwijl_een_ander_proces_schrijft(gebouwd: Path, tmp_path: Path, houder) -> None:  # type: ignore[no-untyped-def]
    database = _kopie(gebouwd, tmp_path)
    schrijver = houder(database, False)  # holds the working file's write lock
    assert schrijver.stdout is not None and int(schrijver.stdout.readline()) > 0
    begin = time.monotonic()
    werkplekken = warehouse_lookup.werkplekken(database)
    assert werkplekken and time.monotonic() - begin < 5
    assert warehouse_lookup.woorden_voor_werkplek(database, werkplekken[0])


def test_bezet_warehouse_geeft_nederlandse_melding_na_de_wachttijd(gebouwd: Path, tmp_path: Path, houder) -> None:  # type: ignore[no-untyped-def]
    database = _kopie(gebouwd, tmp_path)
    lezer = houder(database, True)  # the README used to tell readers to open this file
    assert lezer.stdout is not None and int(lezer.stdout.readline()) > 0
    with pytest.raises(WarehouseFout) as fout, Warehouse(pad=str(database), wachttijd_seconden=1).verbinding():
        pass
    melding = str(fout.value)
    assert melding.startswith("Warehouse bezet:") and f"(proces {lezer.pid})" in melding
    assert "wh_lezen.duckdb" in melding and "gewacht" in melding and "niets veranderd" in melding


def test_schijf_vol_eerst_genoemd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wh = Warehouse(pad=str(tmp_path / "wh.duckdb"))
    with pytest.raises(WarehouseFout) as fout, wh.verbinding():
        raise duckdb.IOException('Could not write file "wh.duckdb.wal": No space left on device')
    assert str(fout.value).startswith("Schijf vol:")
    # DuckDB's follow-up error says nothing about the disk; a nearly full disk is still named first.
    import pipelines.resources

    class Vol:
        free = 1024

    monkeypatch.setattr(pipelines.resources.shutil, "disk_usage", lambda pad: Vol())
    with pytest.raises(WarehouseFout) as fout, wh.verbinding():
        raise duckdb.TransactionException("TransactionContext Error: Current transaction is aborted (please ROLLBACK)")
    melding = str(fout.value)
    assert melding.startswith("Schijf vol:") and melding.index("Schijf vol") < melding.index("TransactionContext")


def test_rechten_en_alleen_lezen_schijf_in_het_nederlands(tmp_path: Path) -> None:
    bestand = tmp_path / "wh.duckdb"
    alleen_lezen = vertaal_fout(OSError(errno.EROFS, "Read-only file system"), bestand)
    assert alleen_lezen is not None and str(alleen_lezen).startswith("Alleen-lezen schijf:")
    geen_toegang = vertaal_fout(PermissionError(errno.EACCES, "Permission denied"), bestand)
    assert geen_toegang is not None and str(geen_toegang).startswith("Geen toegang:")
    assert vertaal_fout(duckdb.CatalogException("Table x does not exist"), bestand) is None


def test_schema_alleen_opnieuw_als_het_bestand_veranderd_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A writer skips maak_schema only when the file is exactly as this process left it, schema and all.
    import pipelines.resources as resources

    gemaakt: list[str] = []
    echt = resources.maak_schema
    monkeypatch.setattr(resources, "maak_schema", lambda con: (gemaakt.append("x"), echt(con)))
    warehouse = Warehouse(pad=str(tmp_path / "wh.duckdb"))

    def schrijf() -> None:
        with warehouse.verbinding() as con:
            con.execute("CREATE OR REPLACE TABLE kern.proef AS SELECT 1 AS x")

    schrijf()
    schrijf()
    assert len(gemaakt) == 1  # the second writer found the file as the first left it
    with duckdb.connect(str(warehouse.bestand)) as ander:  # another program changes the file ...
        ander.execute("DROP TABLE staging.nt2_rapportage")
    schrijf()
    assert len(gemaakt) == 2  # ... so the schema is made again, and the table is back
    assert vraag(warehouse.bestand, "SELECT count(*) FROM staging.nt2_rapportage") == [(0,)]
    warehouse.bestand.unlink()  # a new file at the same path
    schrijf()
    assert len(gemaakt) == 3
    with warehouse.verbinding(alleen_lezen=True):  # readers never make the schema
        pass
    assert len(gemaakt) == 3


def test_een_run_opent_het_warehouse_een_keer_en_elke_stap_begint_schoon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a run the file is opened once and held to the end (no other writer between two steps);
    each step still gets a connection of its own, and a failed step makes the next open it afresh."""
    from dagster import build_init_resource_context

    geopend: list[bool] = []
    echt = Warehouse._open
    monkeypatch.setattr(Warehouse, "_open", lambda self, b, a: (geopend.append(a), echt(self, b, a))[1])
    database = tmp_path / "wh.duckdb"
    bron = Warehouse(pad=str(database))
    with Warehouse(pad=str(database)).verbinding():  # the file exists, with its schema
        pass
    geopend.clear()
    context = build_init_resource_context()
    with bron.yield_for_execution(context) as warehouse:
        with warehouse.verbinding(alleen_lezen=True) as con:  # a run that starts by reading holds it read-only
            assert con.execute("SELECT count(*) FROM staging.nt2_rapportage").fetchone() == (0,)
        ander = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({str(database)!r}, read_only=True)"],
                               capture_output=True, text=True)  # fmt: skip
        assert ander.returncode == 0, ander.stderr  # so another reader may open it meanwhile
        with warehouse.verbinding() as con:
            con.execute("CREATE TEMP VIEW tijdelijk AS SELECT 1 AS x")
            con.execute("CREATE TABLE kern.proef AS SELECT 1 AS x")
        with warehouse.verbinding(alleen_lezen=True) as con:  # the next step: no view of the previous one
            assert con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'tijdelijk'").fetchone() == (0,)
            assert con.execute("SELECT x FROM kern.proef").fetchall() == [(1,)]
        assert geopend == [True, False]  # opened for reading, then once for writing
        # Between two steps another program cannot take the file: the run still holds it.
        ander = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({str(database)!r})"],
                               capture_output=True, text=True)  # fmt: skip
        assert ander.returncode != 0 and "lock" in ander.stderr.lower()
        with pytest.raises(duckdb.CatalogException), warehouse.verbinding() as con:
            con.execute("BEGIN")
            con.execute("INSERT INTO kern.proef VALUES (2)")
            con.execute("SELECT * FROM bestaat_niet")
        with warehouse.verbinding() as con:  # the failed step's transaction is gone; the file opened again
            assert con.execute("SELECT x FROM kern.proef").fetchall() == [(1,)]
        assert geopend == [True, False, False]
    # The run is over: the file is closed, and any program may open it.
    with duckdb.connect(str(database)) as con:
        assert con.execute("SELECT count(*) FROM kern.proef").fetchone() == (1,)
