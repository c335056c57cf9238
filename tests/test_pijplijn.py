"""The warehouse as a data team sees it: materialized twice, identical, nothing lost or leaked."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from dagster import ExecuteInProcessResult
from pijplijn import KERN_NT2, TAALAANBIEDERS, draai, tabellen, vraag

from pipelines.demodata import genereer
from pipelines.gedeeld.laden import sha256

FIXTURES = Path(__file__).parent / "fixtures" / "landing"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("landing")
    genereer(map_, leerlingen=40, zaad=11)
    return map_


@pytest.fixture(scope="module")
def gebouwd(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict, ExecuteInProcessResult]:
    """The demo landing through every source, kern and mart, twice: (warehouse, tables after each run, first run)."""
    database = tmp_path_factory.mktemp("wh") / "wh.duckdb"
    eerste = draai(demo, database)
    assert eerste.success
    na_eerste = tabellen(database)
    tweede = draai(demo, database)
    assert tweede.success
    return database, na_eerste, tabellen(database), eerste


def test_twee_keer_draaien_geeft_hetzelfde_warehouse(gebouwd: tuple) -> None:
    _, eerste, tweede, _ = gebouwd
    assert eerste == tweede
    assert len(eerste["kern.nt2_meting"]) > 500
    assert len(eerste["mart.voortgang_leerling"]) > 100


def test_elke_rij_staat_in_staging_of_quarantaine(gebouwd: tuple) -> None:
    database, *_ = gebouwd
    rijen = vraag(database, "SELECT bestand, rijen_gelezen, rijen_geladen, rijen_quarantaine FROM controle.ingelezen_bestand")
    assert len(rijen) == 6
    for bestand, gelezen, geladen, quarantaine in rijen:
        assert gelezen == geladen + quarantaine, bestand
    per_bestand = dict(vraag(database, "SELECT bestand, count(*) FROM controle.quarantaine GROUP BY ALL"))
    assert per_bestand["taalaanbieders/taalschool-noord/voortgang-2025.csv"] == 3
    assert per_bestand["werkplekken/plaatsingen.csv"] == 2
    redenen = {r for (r,) in vraag(database, "SELECT reden FROM controle.quarantaine")}
    assert "ongeldig BSN (11-proef)" in redenen
    assert any(r.startswith("onbekend niveau 'B1+'") for r in redenen)
    assert any("referentieniveau '2F'" in r for r in redenen)
    assert any("KNM" in r for r in redenen)
    assert any(r.startswith("onbekende werkplek 'WP-XX99'") for r in redenen)


def test_normalisaties_worden_vastgelegd(gebouwd: tuple) -> None:
    database, *_ = gebouwd
    paren = set(vraag(database, "SELECT origineel, genormaliseerd FROM controle.normalisatie"))
    assert ("A2.2", "A2") in paren or ("A2.1", "A2") in paren
    assert ("LE", "lezen") in paren
    assert ("2F", "B1") in paren  # werkplek requirement in mbo referentieniveau


def test_geen_namen_of_nummers_in_warehouse_of_dagster(demo: Path, gebouwd: tuple) -> None:
    database, _, _, resultaat = gebouwd
    import polars as pl

    geheim: set[str] = set()
    plaatsingen = pl.read_csv(demo / "werkplekken" / "plaatsingen.csv", infer_schema=False)
    geheim |= set(plaatsingen["identificatie"]) | set(plaatsingen["naam"])
    roc = pl.read_csv(demo / "taalaanbieders" / "roc-midden" / "resultaten-2024-2025.csv", infer_schema=False)
    geheim |= set(roc["V-nummer"]) | {n for n in roc["Naam"] if len(n) > 2}
    geheim = {g for g in geheim if g and len(g) > 3}
    alles = "\n".join(repr(rij) for rijen in tabellen(database).values() for rij in rijen)
    gelekt = [g for g in geheim if g in alles]
    assert not gelekt, gelekt[:5]
    gebeurtenissen = "\n".join(repr(e) for e in resultaat.all_events)
    assert not [g for g in geheim if g in gebeurtenissen]


def test_pseudoniem_is_hmac_met_sleutel(demo: Path, gebouwd: tuple, tmp_path: Path) -> None:
    import hashlib

    database, *_ = gebouwd  # built with SLEUTEL
    draai(demo, tmp_path / "b.duckdb", sleutel="een-andere-sleutel-van-minstens-32-tekens!", selectie=KERN_NT2)
    a = {r for (r,) in vraag(database, "SELECT leerling FROM kern.leerling")}
    b = {r for (r,) in vraag(tmp_path / "b.duckdb", "SELECT leerling FROM kern.leerling")}
    assert a and b and not (a & b)
    import polars as pl

    bsn = pl.read_csv(demo / "werkplekken" / "plaatsingen.csv", infer_schema=False)["identificatie"][0]
    assert hashlib.sha256(bsn.encode()).hexdigest()[:20] not in a


def test_zonder_sleutel_weigert_echte_gegevens(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    (landing / "DEMO-NEPGEGEVENS.txt").unlink()
    resultaat = draai(landing, tmp_path / "wh.duckdb", sleutel="", selectie=TAALAANBIEDERS)
    assert not resultaat.success
    fouten = [e for e in resultaat.all_events if e.is_step_failure]
    assert "VAKWOORDEN_SLEUTEL" in repr(fouten[0])


def test_demo_zonder_sleutel_gebruikt_demosleutel(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # The bundled demo, recognised by its content (a copied DEMO-NEPGEGEVENS.txt does not count: test_sleutel.py).
    shutil.copytree(Path(__file__).parent.parent / "demo", tmp_path / "demo")
    resultaat = draai(tmp_path / "demo", tmp_path / "wh.duckdb", sleutel="", selectie=TAALAANBIEDERS)
    assert resultaat.success
    assert "demosleutel" in caplog.text


def test_log_meldt_voortgang_per_bestand_zonder_persoonsgegevens(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert draai(FIXTURES / "goed_utf8_bom", tmp_path / "wh.duckdb", selectie=TAALAANBIEDERS).success
    naam = "taalaanbieders/testschool/export.csv"
    assert re.search(rf"{naam}: inlezen \(\d+,\d kB\)", caplog.text)
    assert re.search(rf"{naam}: \d+ rijen gelezen, \d+ geladen, \d+ in quarantaine \(\d+,\d s\)", caplog.text)
    assert "111222333" not in caplog.text and "Haddad" not in caplog.text


def test_gewijzigd_bestand_vervangt_zijn_rijen(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database, selectie=KERN_NT2).success
    assert vraag(database, "SELECT count(*) FROM kern.nt2_meting") == [(4,)]
    export = landing / "taalaanbieders" / "testschool" / "export.csv"
    export.write_bytes(export.read_bytes().rsplit(b"\r\n", 2)[0] + b"\r\n")  # drop the last row
    assert draai(landing, database, selectie=KERN_NT2).success
    assert vraag(database, "SELECT count(*) FROM kern.nt2_meting") == [(2,)]
    assert vraag(database, "SELECT rijen_gelezen FROM controle.ingelezen_bestand") == [(1,)]


def test_definitions_laden() -> None:
    from pipelines.definitions import defs

    repo = defs.get_repository_def()
    assert {"hoofdtaak", "inlezen"} <= {j.name for j in repo.get_all_jobs()}
    assert [s.name for s in repo.schedule_defs] == ["dagelijks"]
    assert [s.name for s in repo.sensor_defs] == ["nieuwe_bestanden"]
    groepen = {spec.group_name for a in defs.assets or [] for spec in a.specs}  # type: ignore[union-attr]
    assert groepen == {"bronnen", "kern", "marts", "uitvoer"}  # one scheme: by layer (pipelines/groepen.py)


def test_oud_warehouse_wordt_opnieuw_geladen(tmp_path: Path) -> None:
    # A warehouse from before staging.nt2_rapportage: its taalaanbieder files are loaded again.
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database, selectie=KERN_NT2).success
    import duckdb

    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE staging.nt2_meting (leerling VARCHAR)")
        con.execute("DELETE FROM staging.nt2_rapportage")
    assert draai(landing, database, selectie=KERN_NT2).success
    assert vraag(database, "SELECT count(*) FROM kern.nt2_meting") == [(4,)]
    assert vraag(database, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'nt2_meting' AND schema_name = 'staging'") == [(0,)]


def test_ongewijzigd_bestand_wordt_niet_opnieuw_gelezen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Same size and modification time: not even hashed. Touched only: hashed once, not loaded again.
    from pipelines.gedeeld import bestanden

    gehasht: list[str] = []

    def tel(pad: Path) -> str:
        gehasht.append(pad.name)
        return sha256(pad)

    monkeypatch.setattr(bestanden, "sha256", tel)
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    assert "export.csv" in gehasht
    geladen_op = vraag(database, "SELECT bestand, geladen_op FROM controle.ingelezen_bestand ORDER BY 1")

    gehasht.clear()
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    assert gehasht == []

    export = landing / "taalaanbieders" / "testschool" / "export.csv"
    stat = export.stat()
    os.utime(export, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    assert gehasht == ["export.csv"]
    assert vraag(database, "SELECT bestand, geladen_op FROM controle.ingelezen_bestand ORDER BY 1") == geladen_op
    assert vraag(database, "SELECT gewijzigd_ns FROM controle.ingelezen_bestand WHERE bestand LIKE '%export.csv'") == [
        (stat.st_mtime_ns + 5_000_000_000,)
    ]

    gehasht.clear()
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    assert gehasht == []


@pytest.mark.parametrize("naam", ["kern.duckdb", "werk.duckdb", "Staging.duckdb"])
def test_warehouse_met_de_naam_van_een_schema_wordt_geweigerd(tmp_path: Path, naam: str) -> None:
    # DuckDB names the database after its file; 'kern' would clash with the schema kern.
    resultaat = draai(FIXTURES / "goed_utf8_bom", tmp_path / naam, selectie=TAALAANBIEDERS)
    assert not resultaat.success
    fouten = [e for e in resultaat.all_events if e.is_step_failure]
    assert "Kies een andere naam, bijvoorbeeld vakwoorden.duckdb" in repr(fouten[0])
    assert not (tmp_path / naam).exists()
