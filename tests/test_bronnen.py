"""The source registry (issue 12): a new source is a folder plus one registry line.

The example source lives in tests/voorbeeldbron/; the 'registry line' is added with monkeypatch.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import voorbeeldbron
from dagster import AssetSelection, materialize
from pijplijn import SLEUTEL

from pipelines import bronnen
from pipelines.definitions import bron_assets, bron_checks, defs
from pipelines.resources import Landingsplaats, Pseudonimisering, Uitvoer, Warehouse
from pipelines.sensors import gelezen_bestanden

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def met_voorbeeld(monkeypatch: pytest.MonkeyPatch) -> tuple:
    uitgebreid = (*bronnen.BRONNEN, voorbeeldbron.BRON)
    monkeypatch.setattr(bronnen, "BRONNEN", uitgebreid)
    return uitgebreid


def _draai(landing: Path, database: Path, register: tuple):  # type: ignore[no-untyped-def]
    resources = {
        "warehouse": Warehouse(pad=str(database)),
        "landingsplaats": Landingsplaats(map=str(landing)),
        "pseudonimisering": Pseudonimisering(sleutel=SLEUTEL),
        "uitvoer": Uitvoer(map=str(database.parent / "uit")),
    }
    return materialize(
        [*bron_assets(register), *bron_checks(register)],
        resources=resources,
        selection=AssetSelection.assets(voorbeeldbron.ASSET),
        raise_on_error=False,
    )


def test_nieuwe_bron_is_een_map_plus_een_regel(tmp_path: Path, met_voorbeeld: tuple) -> None:
    landing = tmp_path / "landing"
    (landing / "eisen").mkdir(parents=True)
    (landing / "eisen" / "eisen-2026.csv").write_text("werkplek,eis\nWP-ME01,rijbewijs B\nWP-ME02,\n", encoding="utf-8")
    (landing / "eisen" / "leeg.csv").write_bytes(b"")
    (landing / "LEESMIJ.txt").write_text("niet van een bron")
    # The sensor watches its files (and nothing else), because the source declares them.
    assert [p.name for p in gelezen_bestanden(landing)] == ["eisen-2026.csv", "leeg.csv"]

    database = tmp_path / "wh.duckdb"
    resultaat = _draai(landing, database, met_voorbeeld)
    assert resultaat.success
    with duckdb.connect(str(database), read_only=True) as con:
        # Its table was created with the warehouse's schema; rows in = staged + quarantined.
        assert con.sql("SELECT werkplek, eis, bronregel FROM staging.werkplek_extra_eis").fetchall() == [
            ("WP-ME01", "rijbewijs B", 2)
        ]
        assert con.sql("SELECT regel, reden FROM controle.quarantaine").fetchall() == [(3, "eis ontbreekt")]
        assert con.sql("SELECT bron, rijen_gelezen FROM controle.ingelezen_bestand").fetchall() == [("werkplekeis", 2)]
        # A refusal is recorded with the source's name, not guessed from the path.
        assert con.sql("SELECT bestand, bron FROM controle.geweigerd_bestand").fetchall() == [
            ("eisen/leeg.csv", "werkplekeis")
        ]
    checks = {e.check_name: e.passed for e in resultaat.get_asset_check_evaluations()}
    assert checks == {"telling_per_bestand_klopt": True, "geen_geweigerde_bestanden": False}


def test_gedeelde_code_kent_geen_bron_bij_naam() -> None:
    # The example source is known only to its own folder and the registry line of the test.
    gedeeld = [*PROJECT.glob("pipelines/gedeeld/**/*"), *PROJECT.glob("pipelines/*.py"), *PROJECT.glob("warehouse/**/*.sql")]
    for pad in gedeeld:
        if pad.is_file():
            assert "werkplekeis" not in pad.read_text(encoding="utf-8"), pad


def test_definities_volgen_het_register() -> None:
    # Every source's staging asset is defined, and the sensor's job (inlezen) runs it.
    staging = {k for k in defs.resolve_asset_graph().get_all_asset_keys() if k.path[0] == "staging"}
    assert {b.asset for b in bronnen.BRONNEN} <= staging
    inlezen = defs.resolve_job_def("inlezen").asset_layer.executable_asset_keys
    assert {b.asset for b in bronnen.BRONNEN} <= set(inlezen)
    assert not {k for k in inlezen if k.path[0] == "decks"}  # decks are the daily job's, not the sensor's
