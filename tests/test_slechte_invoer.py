"""One byte-exact fixture per bad-input case: quarantined rows, or the whole file refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from dagster import AssetKey
from pijplijn import draai, tabellen, vraag

FIXTURES = Path(__file__).parent / "fixtures" / "landing"
BESTAND = "taalaanbieders/testschool/export.csv"
TAAL = AssetKey(["staging", "taalaanbieders"])


@pytest.mark.parametrize(
    ("geval", "regel", "reden"),
    [
        ("ongeldig_bsn", 2, "ongeldig BSN (11-proef)"),
        ("dubbelzinnig_niveau", 2, "onbekend niveau 'B1+' in kolom 'Lezen'; gebruik A0, A1, A2, B1, B2, C1 of C2"),
        ("referentieniveau", 2, "referentieniveau '2F' in kolom 'Lezen' is geen ERK-niveau; vraag de taalaanbieder om het ERK-niveau"),
        ("ongeldige_datum", 2, "ongeldige datum '31-02-2025' in kolom 'Datum' (verwacht dd-mm-jjjj)"),
        ("meer_aanwezig_dan_aangeboden", 2, "meer uren aanwezig dan aangeboden; controleer de uren van deze periode"),
        ("onbekende_leerroute", 2, "onbekende leerroute 'snelroute' in kolom 'Route'; gebruik B1-route, onderwijsroute, Z-route"),
        ("lege_regel_behoudt_regelnummers", 3, "ongeldig BSN (11-proef)"),
    ],
)  # fmt: skip
def test_foute_rij_gaat_naar_quarantaine(geval: str, regel: int, reden: str, tmp_path: Path) -> None:
    database = tmp_path / "wh.duckdb"
    resultaat = draai(FIXTURES / geval, database)
    assert resultaat.success
    assert vraag(database, "SELECT bestand, regel, reden FROM controle.quarantaine") == [(BESTAND, regel, reden)]
    assert vraag(database, "SELECT count(*) FROM staging.nt2_rapportage") == [(0,)]
    checks = {e.check_name: e.passed for e in resultaat.get_asset_check_evaluations() if e.asset_key == TAAL}
    assert checks["telling_per_bestand_klopt"]


def test_goed_bestand_met_bom_en_normalisaties(tmp_path: Path) -> None:
    database = tmp_path / "wh.duckdb"
    assert draai(FIXTURES / "goed_utf8_bom", database).success
    metingen = vraag(database, "SELECT vaardigheid, niveau FROM kern.nt2_meting ORDER BY datum, vaardigheid")
    assert metingen == [("lezen", "A2"), ("spreken", "A1"), ("lezen", "A2"), ("spreken", "A1")]
    assert vraag(database, "SELECT leerroute FROM kern.leerling ORDER BY leerroute") == [("B1-route",), ("Z-route",)]
    assert vraag(database, "SELECT uren_aanwezig FROM kern.nt2_uren ORDER BY 1") == [(90.0,), (100.5,)]
    normalisaties = vraag(database, "SELECT kolom, origineel, genormaliseerd, aantal FROM controle.normalisatie ORDER BY 1, 2")
    assert normalisaties == [("Lezen", "A2.2", "A2", 1), ("Route", "B1", "B1-route", 1), ("Route", "Z", "Z-route", 1),
                             ("Spreken", "a1", "A1", 1)]  # fmt: skip


@pytest.mark.parametrize(
    ("geval", "melding"),
    [
        ("leeg_bestand", "het bestand is leeg"),
        ("kolom_ontbreekt", "verplichte kolom 'Spreken' ontbreekt"),
        ("verkeerd_scheidingsteken", "de kopregel heeft geen ';' als scheidingsteken"),
        ("cp1252_als_utf8", "het bestand is niet te lezen als utf-8"),
        ("utf8_als_cp1252", "het bestand lijkt UTF-8 te zijn, maar de mapping zegt cp1252"),
    ],
)
def test_onleesbaar_bestand_wordt_geheel_geweigerd(geval: str, melding: str, tmp_path: Path) -> None:
    # First a good load, then the unreadable version of the same file: the warehouse keeps the good data.
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database).success
    voor = tabellen(database)
    bron = FIXTURES / geval / "taalaanbieders" / "testschool"
    for bestand in bron.iterdir():
        shutil.copy(bron / bestand.name, landing / "taalaanbieders" / "testschool" / bestand.name)
    resultaat = draai(landing, database)
    assert resultaat.success  # the other files would still load
    na = tabellen(database)
    geweigerd = na.pop("controle.geweigerd_bestand")
    voor.pop("controle.geweigerd_bestand")
    assert na == voor
    assert len(geweigerd) == 1
    assert geweigerd[0][0] == BESTAND and melding in geweigerd[0][2]
    checks = {e.check_name: e for e in resultaat.get_asset_check_evaluations() if e.asset_key == TAAL}
    assert not checks["geen_geweigerde_bestanden"].passed
    assert checks["telling_per_bestand_klopt"].passed


def test_weigering_noemt_bestand_en_oplossing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    draai(FIXTURES / "kolom_ontbreekt", tmp_path / "wh.duckdb")
    assert f"Bestand geweigerd: {BESTAND}: verplichte kolom 'Spreken' ontbreekt" in caplog.text
    assert "pas de kolomnaam aan in de mapping" in caplog.text


def test_kapotte_mapping_weigert_alleen_die_taalaanbieder(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A mapping.toml with a quote left open: its taalaanbieder waits, the others load as usual.
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    kapot = landing / "taalaanbieders" / "kapotschool"
    shutil.copytree(FIXTURES / "kapotte_mapping" / "taalaanbieders" / "kapotschool", kapot)
    shutil.copy(landing / "taalaanbieders" / "testschool" / "export.csv", kapot / "export.csv")
    database = tmp_path / "wh.duckdb"
    resultaat = draai(landing, database)
    assert resultaat.success
    assert vraag(database, "SELECT bestand FROM controle.ingelezen_bestand") == [(BESTAND,)]
    geweigerd = vraag(database, "SELECT bestand, reden FROM controle.geweigerd_bestand")
    assert [b for b, _ in geweigerd] == ["taalaanbieders/kapotschool/mapping.toml"]
    assert "De mapping is geen geldige TOML" in geweigerd[0][1]
    assert "Mapping geweigerd: taalaanbieders/kapotschool/mapping.toml" in caplog.text
    checks = {e.check_name: e.passed for e in resultaat.get_asset_check_evaluations() if e.asset_key == TAAL}
    assert checks == {"geen_geweigerde_bestanden": False, "telling_per_bestand_klopt": True}

    shutil.copy(landing / "taalaanbieders" / "testschool" / "mapping.toml", kapot / "mapping.toml")  # fixed
    assert draai(landing, database).success
    assert vraag(database, "SELECT count(*) FROM controle.ingelezen_bestand") == [(2,)]
    assert vraag(database, "SELECT count(*) FROM controle.geweigerd_bestand") == [(0,)]
