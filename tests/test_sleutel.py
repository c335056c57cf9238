"""Key safety: the warehouse knows its key, refuses another, and rotates to a new one losslessly."""

from __future__ import annotations

import hashlib
import hmac
import shutil
from pathlib import Path

import duckdb
import pytest
from pijplijn import SLEUTEL, TAALAANBIEDERS, draai, tabellen, vraag

from opdrachten import cli
from pipelines.demodata import genereer
from pipelines.privacy import (
    DEMO_SLEUTEL,
    Sleutelketen,
    hmac_stappen,
    pak_uit,
    pseudoniemen,
    verpak,
    vingerafdruk,
)
from pipelines.resources import DEMO_DATA, is_demodata

FIXTURES = Path(__file__).parent / "fixtures" / "landing"
NIEUW = "nieuwe-sleutel-" + "9" * 40


def _fout(resultaat) -> str:  # type: ignore[no-untyped-def]
    fouten = [e for e in resultaat.all_events if e.is_step_failure]
    assert fouten, "de run had moeten mislukken"
    return repr(fouten[0])


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("landing")
    genereer(map_, leerlingen=40, zaad=5)
    return map_


@pytest.fixture(scope="module")
def gebouwd(landing: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The landing built once with SLEUTEL (every layer); tests change a copy of it."""
    database = tmp_path_factory.mktemp("gebouwd") / "wh.duckdb"
    assert draai(landing, database).success
    return database


def _kopie(gebouwd: Path, tmp_path: Path) -> Path:
    database = tmp_path / "wh.duckdb"
    shutil.copyfile(gebouwd, database)
    return database


def test_keten_in_python_en_sql_is_hmac_van_het_vorige_pseudoniem() -> None:
    keten = Sleutelketen("a" * 32, ["b" * 32, "c" * 32])
    stap1 = hmac.new(b"a" * 32, b"bsn::111222333", hashlib.sha256).hexdigest()[:20]
    stap2 = hmac.new(b"b" * 32, b"keten::" + stap1.encode(), hashlib.sha256).hexdigest()[:20]
    stap3 = hmac.new(b"c" * 32, b"keten::" + stap2.encode(), hashlib.sha256).hexdigest()[:20]
    assert pseudoniemen(keten, "bsn", ["111222333"]) == {"111222333": stap3}
    with duckdb.connect() as con:
        con.execute("CREATE TABLE t AS SELECT '111222333' AS p")
        for binnen, buiten in hmac_stappen(keten, "bsn"):
            con.execute(
                "UPDATE t SET p = left(sha256($buiten || unhex(sha256($binnen || encode(p)))), 20)",
                {"binnen": binnen, "buiten": buiten},
            )
        assert con.sql("SELECT p FROM t").fetchall() == [(stap3,)]


def test_sleutelketen_alleen_met_de_nieuwste_sleutel_te_lezen() -> None:
    verpakt = verpak(["a" * 32, "b" * 32], met=NIEUW)
    assert "a" * 32 not in verpakt and pak_uit(verpakt, NIEUW) == ["a" * 32, "b" * 32]
    with pytest.raises(ValueError):
        pak_uit(verpakt, "a" * 32 + "x")
    assert vingerafdruk(NIEUW) != vingerafdruk(NIEUW + "x") and NIEUW not in vingerafdruk(NIEUW)


def test_korte_sleutel_geweigerd(landing: Path, tmp_path: Path) -> None:
    resultaat = draai(landing, tmp_path / "wh.duckdb", sleutel="x", selectie=TAALAANBIEDERS)
    melding = _fout(resultaat)
    assert "1 tekens lang" in melding and "minstens 32" in melding
    assert not (tmp_path / "wh.duckdb").exists() or not vraag(
        tmp_path / "wh.duckdb", "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'nt2_rapportage'"
    )[0][0] or vraag(tmp_path / "wh.duckdb", "SELECT count(*) FROM staging.nt2_rapportage") == [(0,)]


def test_demosleutel_niet_voor_echte_gegevens(landing: Path, tmp_path: Path) -> None:
    assert "openbaar" in _fout(draai(landing, tmp_path / "wh.duckdb", sleutel=DEMO_SLEUTEL, selectie=TAALAANBIEDERS))


def test_meegeleverde_demo_herkend_aan_de_inhoud(tmp_path: Path) -> None:
    assert is_demodata(DEMO_DATA), "demo/ veranderd? Werk pipelines/demo_inhoud.sha256 bij (sha256sum, zie dat bestand)"
    kopie = tmp_path / "kopie"
    shutil.copytree(DEMO_DATA, kopie)
    assert is_demodata(kopie)
    # One real export next to the demo files: no longer demo data.
    echt = kopie / "taalaanbieders" / "taalschool-noord" / "echt.csv"
    echt.write_bytes((FIXTURES / "goed_utf8_bom" / "taalaanbieders" / "testschool" / "export.csv").read_bytes())
    assert not is_demodata(kopie)


def test_gekopieerd_demobestand_maakt_echte_gegevens_geen_demo(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "goed_utf8_bom", landing)
    assert (landing / "DEMO-NEPGEGEVENS.txt").exists()  # the marker is there, copied along
    resultaat = draai(landing, tmp_path / "wh.duckdb", sleutel="", selectie=TAALAANBIEDERS)
    melding = _fout(resultaat)
    assert "Geen VAKWOORDEN_SLEUTEL" in melding and "DEMO-NEPGEGEVENS.txt telt niet" in melding


def test_andere_sleutel_geweigerd_voordat_er_iets_geschreven_is(landing: Path, gebouwd: Path, tmp_path: Path) -> None:
    database = _kopie(gebouwd, tmp_path)
    voor = tabellen(database)
    # A changed export would be loaded again, with the wrong key: it must not be.
    export = next((landing / "taalaanbieders").glob("*/*.csv"))
    kopie = tmp_path / "landing"
    shutil.copytree(landing, kopie)
    (kopie / export.relative_to(landing)).write_bytes(export.read_bytes() + b"\r\n")
    resultaat = draai(kopie, database, sleutel="een-andere-sleutel-van-ruim-32-tekens-lang")
    melding = _fout(resultaat)
    assert "niet de sleutel waarmee het warehouse gemaakt is" in melding and "vakwoorden sleutel roteer" in melding
    assert "Er is niets ingelezen" in melding
    assert tabellen(database) == voor


def test_demowarehouse_met_eigen_sleutel_krijgt_uitleg(tmp_path: Path) -> None:
    shutil.copytree(DEMO_DATA, tmp_path / "demo")
    database = tmp_path / "wh.duckdb"
    assert draai(tmp_path / "demo", database, sleutel="", selectie=TAALAANBIEDERS).success
    assert "demosleutel" in _fout(draai(tmp_path / "demo", database, sleutel=NIEUW, selectie=TAALAANBIEDERS))


def _met_nieuwe_pseudoniemen(rijen: list[tuple], kolommen: list[str], tabel: dict[str, str]) -> list[tuple]:
    index = [i for i, k in enumerate(kolommen) if k == "leerling"]
    return sorted(
        (tuple(tabel.get(v, v) if i in index else v for i, v in enumerate(rij)) for rij in rijen), key=repr
    )


def _afgerond(rijen: list[tuple]) -> list[tuple]:
    return sorted((tuple(round(v, 6) if isinstance(v, float) else v for v in rij) for rij in rijen), key=repr)


def _kolommen(database: Path, naam: str) -> list[str]:
    schema, tabel = naam.split(".")
    return [
        k
        for (k,) in vraag(
            database,
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
            "AND column_name NOT IN ('geladen_op', 'geweigerd_op') ORDER BY column_index",
            [schema, tabel],
        )
    ]


def test_rotatie_behoudt_tellingen_koppelingen_en_marts(
    landing: Path, gebouwd: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = _kopie(gebouwd, tmp_path)
    voor = tabellen(database)
    oude = {p for (p,) in vraag(database, "SELECT DISTINCT leerling FROM kern.leerling")}
    koppeling_voor = vraag(
        database, "SELECT count(*) FROM kern.plaatsing p JOIN kern.leerling l USING (leerling)"
    )

    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(database))
    monkeypatch.setenv("VAKWOORDEN_SLEUTEL", SLEUTEL)
    monkeypatch.setenv("VAKWOORDEN_NIEUWE_SLEUTEL", NIEUW)
    assert cli.main(["sleutel", "roteer"]) == 0
    uitvoer = capsys.readouterr().out
    assert "pseudoniemen vervangen" in uitvoer and "sleutelgeneratie 2" in uitvoer
    assert SLEUTEL not in uitvoer and NIEUW not in uitvoer

    na = tabellen(database)
    nieuwe = {p for (p,) in vraag(database, "SELECT DISTINCT leerling FROM kern.leerling")}
    assert len(nieuwe) == len(oude) and not (nieuwe & oude)
    tabel = pseudoniemen(NIEUW, "keten", oude)  # the rotation step, computed independently
    assert nieuwe == set(tabel.values())
    assert koppeling_voor == vraag(database, "SELECT count(*) FROM kern.plaatsing p JOIN kern.leerling l USING (leerling)")
    for naam in voor:
        if naam == "controle.sleutel":
            continue
        assert len(na[naam]) == len(voor[naam]), naam
        assert na[naam] == _met_nieuwe_pseudoniemen(voor[naam], _kolommen(database, naam), tabel), naam
    assert vraag(database, "SELECT generatie FROM controle.sleutel ORDER BY 1") == [(1,), (2,)]
    # The published copy was refreshed too.
    assert vraag(database.with_name("wh_lezen.duckdb"), "SELECT count(*) FROM kern.leerling") == [(len(oude),)]

    # The old key is now refused, with the reason.
    assert "niet meer geldig" in _fout(draai(landing, database, sleutel=SLEUTEL))
    # The new key works, and every file loaded again from the raw exports gets the same (chained) pseudonyms.
    con = duckdb.connect(str(database))
    con.execute("DELETE FROM controle.ingelezen_bestand")
    con.close()
    assert draai(landing, database, sleutel=NIEUW).success
    opnieuw = tabellen(database)
    for naam in voor:
        if naam != "controle.sleutel":  # sums of DOUBLE hours may differ in the last digit (issue 11.7)
            assert _afgerond(opnieuw[naam]) == _afgerond(na[naam]), naam


def test_rotatie_is_een_transactie(gebouwd: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = _kopie(gebouwd, tmp_path)
    voor = tabellen(database)
    import pipelines.sleutels

    def kapot(*args: object, **kwargs: object) -> str:
        raise RuntimeError("stroom uitgevallen")

    monkeypatch.setattr(pipelines.sleutels, "verpak", kapot)
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(database))
    monkeypatch.setenv("VAKWOORDEN_SLEUTEL", SLEUTEL)
    monkeypatch.setenv("VAKWOORDEN_NIEUWE_SLEUTEL", NIEUW)
    assert cli.main(["sleutel", "roteer"]) == 1  # the command line reports it in Dutch, no traceback
    assert tabellen(database) == voor


def test_rotatie_weigert_zwakke_of_verkeerde_sleutels(
    gebouwd: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = _kopie(gebouwd, tmp_path)
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(database))
    for oud, nieuw, verwacht in [
        (SLEUTEL, "kort", "minstens 32"),
        (SLEUTEL, SLEUTEL, "gelijk aan de oude"),
        ("verkeerde-oude-sleutel-" + "0" * 20, NIEUW, "niet de sleutel waarmee"),
    ]:
        monkeypatch.setenv("VAKWOORDEN_SLEUTEL", oud)
        monkeypatch.setenv("VAKWOORDEN_NIEUWE_SLEUTEL", nieuw)
        assert cli.main(["sleutel", "roteer"]) == 1
        fout = capsys.readouterr().err
        assert verwacht in fout and "Er is niets veranderd" in fout and "Traceback" not in fout
    assert vraag(database, "SELECT count(*) FROM controle.sleutel") == [(1,)]


def test_sleutel_status(landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "wh.duckdb"
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(database))
    monkeypatch.setenv("VAKWOORDEN_SLEUTEL", SLEUTEL)
    assert cli.main(["sleutel", "status"]) == 0
    assert "bestaat nog niet" in capsys.readouterr().out
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    assert cli.main(["sleutel", "status"]) == 0
    assert "sleutelgeneratie 1" in capsys.readouterr().out
    monkeypatch.setenv("VAKWOORDEN_SLEUTEL", NIEUW)
    assert cli.main(["sleutel", "status"]) == 1
    assert "klopt NIET met het warehouse" in capsys.readouterr().err
