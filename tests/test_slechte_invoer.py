"""One byte-exact fixture per bad-input case: quarantined rows, or the whole file refused.

Every case is its own taalaanbieder folder in one landing, so one run judges them all (each file
is read and judged on its own: a case cannot hide another) and the tests assert per case. The
runs select the taalaanbieder staging asset and its checks; test_pijplijn.py runs everything.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from dagster import AssetKey, ExecuteInProcessResult
from pijplijn import KERN_NT2, TAALAANBIEDERS, draai, tabellen, vraag

FIXTURES = Path(__file__).parent / "fixtures" / "landing"
TAAL = AssetKey(["staging", "taalaanbieders"])

QUARANTAINE = {
    "ongeldig_bsn": (2, "ongeldig BSN (11-proef)"),
    "dubbelzinnig_niveau": (2, "onbekend niveau 'B1+' in kolom 'Lezen'; gebruik A0, A1, A2, B1, B2, C1 of C2"),
    "referentieniveau": (2, "referentieniveau '2F' in kolom 'Lezen' is geen ERK-niveau; vraag de taalaanbieder om het ERK-niveau"),
    "ongeldige_datum": (2, "ongeldige datum '31-02-2025' in kolom 'Datum' (verwacht dd-mm-jjjj)"),
    "meer_aanwezig_dan_aangeboden": (2, "meer uren aanwezig dan aangeboden; controleer de uren van deze periode"),
    "onbekende_leerroute": (2, "onbekende leerroute 'snelroute' in kolom 'Route'; gebruik B1-route, onderwijsroute, Z-route"),
    "lege_regel_behoudt_regelnummers": (3, "ongeldig BSN (11-proef)"),
}  # fmt: skip

GEWEIGERD = {
    "leeg_bestand": "het bestand is leeg",
    "kolom_ontbreekt": "verplichte kolom 'Spreken' ontbreekt",
    "verkeerd_scheidingsteken": "de kopregel heeft geen ';' als scheidingsteken",
    "cp1252_als_utf8": "het bestand is niet te lezen als utf-8",
    "utf8_als_cp1252": "het bestand lijkt UTF-8 te zijn, maar de mapping zegt cp1252",
}


def _als_aanbieder(fixture: str, landing: Path, code: str) -> None:
    """The fixture's taalaanbieder folder (mapping.toml and export), copied as taalaanbieder ``code``."""
    shutil.copytree(FIXTURES / fixture / "taalaanbieders" / "testschool", landing / "taalaanbieders" / code,
                    dirs_exist_ok=True)  # fmt: skip


def _checks(resultaat: ExecuteInProcessResult) -> dict[str, bool]:
    return {e.check_name: e.passed for e in resultaat.get_asset_check_evaluations() if e.asset_key == TAAL}


@pytest.fixture(scope="module")
def quarantaine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ExecuteInProcessResult]:
    map_ = tmp_path_factory.mktemp("quarantaine")
    landing = map_ / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)  # the marker of fake data, and one good file
    for geval in QUARANTAINE:
        _als_aanbieder(geval, landing, geval)
    database = map_ / "wh.duckdb"
    return database, draai(landing, database, selectie=TAALAANBIEDERS)


@pytest.mark.parametrize("geval", QUARANTAINE)
def test_foute_rij_gaat_naar_quarantaine(geval: str, quarantaine: tuple[Path, ExecuteInProcessResult]) -> None:
    database, resultaat = quarantaine
    assert resultaat.success
    bestand = f"taalaanbieders/{geval}/export.csv"
    assert vraag(database, "SELECT regel, reden FROM controle.quarantaine WHERE bestand = ?", [bestand]) == [
        QUARANTAINE[geval]
    ]
    assert vraag(database, "SELECT count(*) FROM staging.nt2_rapportage WHERE bestand = ?", [bestand]) == [(0,)]
    assert vraag(database, "SELECT rijen_gelezen, rijen_geladen, rijen_quarantaine FROM controle.ingelezen_bestand "
                           "WHERE bestand = ?", [bestand]) == [(1, 0, 1)]  # fmt: skip


def test_quarantaine_laat_de_goede_rijen_door_en_de_telling_klopt(
    quarantaine: tuple[Path, ExecuteInProcessResult],
) -> None:
    database, resultaat = quarantaine
    assert _checks(resultaat) == {"telling_per_bestand_klopt": True, "geen_geweigerde_bestanden": True}
    assert vraag(database, "SELECT count(*) FROM staging.nt2_rapportage WHERE bestand = ?",
                 ["taalaanbieders/testschool/export.csv"]) == [(2,)]  # fmt: skip
    assert vraag(database, "SELECT count(*) FROM controle.quarantaine") == [(len(QUARANTAINE),)]


def test_goed_bestand_met_bom_en_normalisaties(tmp_path: Path) -> None:
    database = tmp_path / "wh.duckdb"
    assert draai(FIXTURES / "goed_utf8_bom", database, selectie=KERN_NT2).success
    metingen = vraag(database, "SELECT vaardigheid, niveau FROM kern.nt2_meting ORDER BY datum, vaardigheid")
    assert metingen == [("lezen", "A2"), ("spreken", "A1"), ("lezen", "A2"), ("spreken", "A1")]
    assert vraag(database, "SELECT leerroute FROM kern.leerling ORDER BY leerroute") == [("B1-route",), ("Z-route",)]
    assert vraag(database, "SELECT uren_aanwezig FROM kern.nt2_uren ORDER BY 1") == [(90.0,), (100.5,)]
    normalisaties = vraag(database, "SELECT kolom, origineel, genormaliseerd, aantal FROM controle.normalisatie ORDER BY 1, 2")
    assert normalisaties == [("Lezen", "A2.2", "A2", 1), ("Route", "B1", "B1-route", 1), ("Route", "Z", "Z-route", 1),
                             ("Spreken", "a1", "A1", 1)]  # fmt: skip


class _Log(logging.Handler):
    """Collects what the run logs (caplog is per test; the refusal run is shared by the module)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.regels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append(record.getMessage())


@pytest.fixture(scope="module")
def geweigerd(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, ExecuteInProcessResult, str]:
    """First a good load of every taalaanbieder, then each replaced by its unreadable version."""
    map_ = tmp_path_factory.mktemp("geweigerd")
    landing = map_ / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    for geval in GEWEIGERD:
        _als_aanbieder("goed_utf8_bom", landing, geval)
    database = map_ / "wh.duckdb"
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    voor = tabellen(database)
    for geval in GEWEIGERD:
        _als_aanbieder(geval, landing, geval)
    log = _Log()
    logging.getLogger().addHandler(log)
    try:
        resultaat = draai(landing, database, selectie=TAALAANBIEDERS)
    finally:
        logging.getLogger().removeHandler(log)
    return voor, tabellen(database), resultaat, "\n".join(log.regels)


@pytest.mark.parametrize(("geval", "melding"), GEWEIGERD.items())
def test_onleesbaar_bestand_wordt_geheel_geweigerd(geval: str, melding: str, geweigerd: tuple) -> None:
    _, na, resultaat, log = geweigerd
    assert resultaat.success  # the other files still load
    bestand = f"taalaanbieders/{geval}/export.csv"
    redenen = [reden for naam, _, reden, *_ in na["controle.geweigerd_bestand"] if naam == bestand]
    assert len(redenen) == 1 and melding in redenen[0]
    assert f"Bestand geweigerd: {bestand}: {melding}" in log  # the file and the reason, in the run's log


def test_weigering_laat_het_warehouse_zoals_het_was(geweigerd: tuple) -> None:
    voor, na, resultaat, log = geweigerd
    na, voor = dict(na), dict(voor)
    assert len(na.pop("controle.geweigerd_bestand")) == len(GEWEIGERD)
    assert voor.pop("controle.geweigerd_bestand") == []
    assert na == voor  # the good data of every refused file stays, nothing else changed
    assert _checks(resultaat) == {"geen_geweigerde_bestanden": False, "telling_per_bestand_klopt": True}
    assert "pas de kolomnaam aan in de mapping" in log  # the fix, named with the refusal


def test_kapotte_mapping_weigert_alleen_die_taalaanbieder(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A mapping.toml with a quote left open: its taalaanbieder waits, the others load as usual.
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    kapot = landing / "taalaanbieders" / "kapotschool"
    shutil.copytree(FIXTURES / "kapotte_mapping" / "taalaanbieders" / "kapotschool", kapot)
    shutil.copy(landing / "taalaanbieders" / "testschool" / "export.csv", kapot / "export.csv")
    database = tmp_path / "wh.duckdb"
    resultaat = draai(landing, database, selectie=TAALAANBIEDERS)
    assert resultaat.success
    assert vraag(database, "SELECT bestand FROM controle.ingelezen_bestand") == [("taalaanbieders/testschool/export.csv",)]
    geweigerd = vraag(database, "SELECT bestand, reden FROM controle.geweigerd_bestand")
    assert [b for b, _ in geweigerd] == ["taalaanbieders/kapotschool/mapping.toml"]
    assert "De mapping is geen geldige TOML" in geweigerd[0][1]
    assert "Mapping geweigerd: taalaanbieders/kapotschool/mapping.toml" in caplog.text
    assert _checks(resultaat) == {"geen_geweigerde_bestanden": False, "telling_per_bestand_klopt": True}

    shutil.copy(landing / "taalaanbieders" / "testschool" / "mapping.toml", kapot / "mapping.toml")  # fixed
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    assert vraag(database, "SELECT count(*) FROM controle.ingelezen_bestand") == [(2,)]
    assert vraag(database, "SELECT count(*) FROM controle.geweigerd_bestand") == [(0,)]
