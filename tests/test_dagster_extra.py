"""The sensor, the vocabulary table with its check, and the deck assets, run as Dagster runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from dagster import (
    AssetSelection,
    DagsterInstance,
    RunRequest,
    SkipReason,
    build_sensor_context,
)
from pijplijn import TOT_KERN, draai, vraag

from pipelines.definitions import defs
from pipelines.demodata import genereer
from pipelines.resources import Landingsplaats

FIXTURES = Path(__file__).parent / "fixtures" / "landing"
PROJECT = Path(__file__).parent.parent


def test_alles_zonder_ui_met_de_opdracht_uit_de_readme(tmp_path: Path) -> None:
    # The README's headless command, configured only through environment variables, with Dagster's
    # SQLite storage in DAGSTER_HOME.
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT / "dagster_home" / "dagster.yaml", home)
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    omgeving = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "VAKWOORDEN_DATA": str(landing),
        "VAKWOORDEN_WAREHOUSE": str(tmp_path / "wh.duckdb"),
        "VAKWOORDEN_UIT": str(tmp_path / "uit"),
        "VAKWOORDEN_SLEUTEL": "cli-sleutel-0123456789abcdef0123456789abcdef",
    }
    # Kept short: no sound (test_anki_audio.py) and the sector decks in two of their eight languages.
    zonder_geluid = {"ops": {f"decks__{d}": {"config": {"geluid": False}} for d in ("sector", "werkplek", "leerling")}}
    zonder_geluid["ops"]["decks__sector"]["config"]["talen"] = ["nl", "ar"]
    opdracht = [sys.executable, "-m", "dagster", "asset", "materialize", "-m", "pipelines.definitions",
                "--select", "*", "--config-json", json.dumps(zonder_geluid)]  # fmt: skip
    uitvoer = subprocess.run(opdracht, cwd=PROJECT, env=omgeving, capture_output=True, text=True, timeout=600)
    assert uitvoer.returncode == 0, uitvoer.stderr[-3000:]
    assert "RUN_SUCCESS" in uitvoer.stderr
    assert vraag(tmp_path / "wh.duckdb", "SELECT count(*) FROM kern.nt2_meting") == [(4,)]
    assert (tmp_path / "uit" / "decks" / "metaal-ar.apkg").is_file()
    assert (home / "history" / "runs.db").is_file()  # the run is on record for the UI
    assert "111222333" not in uitvoer.stderr + uitvoer.stdout and "Haddad" not in uitvoer.stderr + uitvoer.stdout


def test_sensor_start_alleen_bij_nieuwe_of_gewijzigde_bestanden(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    sensor = defs.get_sensor_def("nieuwe_bestanden")
    with DagsterInstance.ephemeral() as instance:
        context = build_sensor_context(instance=instance, resources={"landingsplaats": Landingsplaats(map=str(landing))})
        eerste = sensor(context)
        assert isinstance(eerste, RunRequest)
        context = build_sensor_context(
            instance=instance, cursor=context.cursor, resources={"landingsplaats": Landingsplaats(map=str(landing))}
        )
        assert isinstance(sensor(context), SkipReason)
        nieuw = landing / "taalaanbieders" / "testschool" / "export2.csv"
        nieuw.write_bytes((landing / "taalaanbieders" / "testschool" / "export.csv").read_bytes())
        context = build_sensor_context(
            instance=instance, cursor=context.cursor, resources={"landingsplaats": Landingsplaats(map=str(landing))}
        )
        derde = sensor(context)
        assert isinstance(derde, RunRequest) and derde.run_key != eerste.run_key


def _sensor_tik(landing: Path, cursor: str | None) -> tuple[RunRequest | SkipReason, str | None]:
    sensor = defs.get_sensor_def("nieuwe_bestanden")
    with DagsterInstance.ephemeral() as instance:
        context = build_sensor_context(
            instance=instance, cursor=cursor, resources={"landingsplaats": Landingsplaats(map=str(landing))}
        )
        uitkomst = sensor(context)
        assert isinstance(uitkomst, (RunRequest, SkipReason))
        return uitkomst, context.cursor


def test_sensor_ziet_precies_de_bestanden_die_gelezen_worden(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    school = landing / "taalaanbieders" / "testschool"
    mapping = school / "mapping.toml"
    tekst = mapping.read_text(encoding="utf-8")
    mapping.write_text(tekst.replace("[bestand]\n", '[bestand]\npatroon = "**/*.csv"\n'), encoding="utf-8")
    assert 'patroon = "**/*.csv"' in mapping.read_text(encoding="utf-8")
    eerste, cursor = _sensor_tik(landing, None)
    assert isinstance(eerste, RunRequest)
    sleutels = {eerste.run_key}

    def tik(verwacht_run: bool) -> None:
        nonlocal cursor
        uitkomst, cursor = _sensor_tik(landing, cursor)
        assert isinstance(uitkomst, RunRequest) is verwacht_run, uitkomst
        if isinstance(uitkomst, RunRequest):
            assert uitkomst.run_key not in sleutels  # a run key is never reused, or Dagster would skip the run
            sleutels.add(uitkomst.run_key)

    export = (school / "export.csv").read_bytes()
    # Not read by any source: no run.
    (landing / "LEESMIJ.txt").write_text("uitleg", encoding="utf-8")
    (school / "notities.xlsx").write_bytes(b"x")
    (landing / "werkplekken").mkdir(exist_ok=True)
    (landing / "werkplekken" / "oud.bak").write_text("x", encoding="utf-8")
    (landing / "werkplekken" / "teksten").mkdir()
    (landing / "fotos").mkdir()
    (landing / "fotos" / "plaatje.png").write_bytes(b"x")
    (landing / "anki" / "exports").mkdir(parents=True)
    (landing / "anki" / "exports" / "lees.txt").write_text("x", encoding="utf-8")
    tik(False)
    # In a subfolder the mapping's pattern reads: a run.
    (school / "2026").mkdir()
    (school / "2026" / "maart.csv").write_bytes(export)
    tik(True)
    tik(False)
    # Changed (other size), deleted, and back as before: each a run.
    (school / "2026" / "maart.csv").write_bytes(export + b"\r\n")
    tik(True)
    (school / "2026" / "maart.csv").unlink()
    tik(True)
    (school / "2026" / "maart.csv").write_bytes(export)
    tik(True)
    # The werkplek files, the werkplek texts and the Anki backups other sources read.
    (landing / "werkplekken" / "plaatsingen.csv").write_text("identificatie\n", encoding="utf-8")
    tik(True)
    (landing / "werkplekken" / "teksten" / "metaal").mkdir()
    (landing / "werkplekken" / "teksten" / "metaal" / "werkinstructie.MD").write_text("# Lassen", encoding="utf-8")
    tik(True)
    (landing / "anki" / "exports" / "vos").mkdir()
    (landing / "anki" / "exports" / "vos" / "vos.colpkg").write_bytes(b"PK")
    tik(True)
    # A mapping that changes what it reads.
    mapping.write_text(mapping.read_text(encoding="utf-8").replace('patroon = "**/*.csv"', 'patroon = "*.csv"'), encoding="utf-8")
    tik(True)
    (school / "2026" / "april.csv").write_bytes(export)  # no longer matched by the pattern
    tik(False)


def test_vakwoordentabel_met_controle(tmp_path: Path) -> None:
    database = tmp_path / "wh.duckdb"
    resultaat = draai(FIXTURES / "goed_utf8_bom", database, selectie=AssetSelection.assets(["kern", "vakwoord"]))
    assert resultaat.success
    checks = {e.check_name: e.passed for e in resultaat.get_asset_check_evaluations()}
    assert checks["woordenlijsten_kloppen"]
    per_sector = dict(vraag(database, "SELECT sector, count(*) FROM kern.vakwoord GROUP BY ALL"))
    assert all(per_sector[s] >= 300 for s in ("metaal", "zorg", "bouw"))
    # Safety first: in every sector the first theme is about safety or hygiene.
    eerste = vraag(database, "SELECT sector, thema FROM kern.vakwoord WHERE thema_volgorde = 1 GROUP BY ALL ORDER BY 1")
    assert eerste == [("bouw", "veiligheid"), ("metaal", "veiligheid"), ("zorg", "hygiëne")]
    sleutels = vraag(database, "SELECT count(*), count(DISTINCT (sector, woord)) FROM kern.vakwoord")
    assert sleutels[0][0] == sleutels[0][1]


def test_werkplek_en_leerling_decks_uit_het_warehouse(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    genereer(landing, leerlingen=12, zaad=3)
    database = tmp_path / "wh.duckdb"
    uit = tmp_path / "uit"
    selectie = TOT_KERN | AssetSelection.assets(["kern", "vakwoord"], ["decks", "werkplek"], ["decks", "leerling"])
    resultaat = draai(
        landing,
        database,
        selectie=selectie,
        uit=uit,
        run_config={
            "ops": {
                "decks__werkplek": {"config": {"werkplek": "WP-ME01", "geluid": False}},
                "decks__leerling": {"config": {"geluid": False}},
            }
        },
    )
    assert resultaat.success
    assert (uit / "decks" / "werkplekken" / "WP-ME01-nl.apkg").exists()
    leerlingen = {p for (p,) in vraag(database, "SELECT DISTINCT leerling FROM kern.plaatsing")}
    gemaakt = {p.stem for p in (uit / "decks" / "leerlingen").glob("*.apkg")}
    assert gemaakt and gemaakt <= leerlingen
