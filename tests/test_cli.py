"""The command line as a coordinator meets it: Dutch everywhere, forgiving input, clear fixes."""

from __future__ import annotations

import errno
import re
import shutil
from pathlib import Path

import pytest
from dagster import AssetSelection
from pijplijn import INLEZEN, TOT_KERN, draai, vraag

from opdrachten import cli
from opdrachten.fouten import os_fout
from pipelines.demodata import genereer
from pipelines.publicatie import LEESKOPIE

PROJECT = Path(__file__).resolve().parents[1]
ENGELS = re.compile(r"usage:|show this help|positional arguments|options:|error:|invalid|required|expected|Traceback|Errno")


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["deck", "--help"], ["demo", "--help"], ["sleutel", "roteer", "--help"], ["genereer", "--help"]],
)
def test_hulp_in_het_nederlands(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 0
    tekst = capsys.readouterr().out
    assert tekst.startswith("gebruik: vakwoorden") and "toon deze hulp en stop" in tekst
    assert not ENGELS.search(tekst), ENGELS.search(tekst)


@pytest.mark.parametrize(
    ("argv", "verwacht"),
    [
        (["bestaat-niet"], "bij COMMANDO: ongeldige keuze: 'bestaat-niet'"),
        ([], "deze argumenten ontbreken: COMMANDO"),
        (["deck", "metaal", "--taal"], "bij --taal: hier hoort een waarde achter"),
        (["deck", "metaal", "--onzin"], "onbekende argumenten: --onzin"),
        (["deck", "--werkplek", "a", "--leerling", "b"], "bij --leerling: kan niet samen met --werkplek"),
        (["deck", "hout"], "bij sector: onbekende sector 'hout'; kies uit: metaal, zorg, bouw"),
        (["genereer", "--rijen", "veel"], "bij --rijen: ongeldige waarde 'veel' (verwacht: een geheel getal)"),
        (["sleutel"], "deze argumenten ontbreken: ACTIE"),
    ],
)
def test_argumentfouten_in_het_nederlands(argv: list[str], verwacht: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    fout = capsys.readouterr().err
    assert f"Fout: {verwacht}" in fout and "Meer uitleg: vakwoorden" in fout and fout.startswith("gebruik: ")
    assert not ENGELS.search(fout), fout


@pytest.mark.parametrize(
    ("invoer", "sector", "taal"),
    [("Metaal", "metaal", "ar"), ("ZORG", "zorg", "ar"), ("bouw", "bouw", "ar")],
)
@pytest.mark.parametrize("taalinvoer", ["AR", "arabisch", "Arabisch", "ar", "Arabic"])
def test_keuzes_zonder_hoofdletters_en_met_taalnamen(invoer: str, sector: str, taal: str, taalinvoer: str) -> None:
    args = cli.maak_parser().parse_args(["deck", invoer, "--taal", taalinvoer])
    assert (args.sector, args.taal) == (sector, taal)
    assert cli.maak_parser().parse_args(["deck", "zorg", "--taal", "Oekraïens"]).taal == "uk"
    assert cli.maak_parser().parse_args(["deck", "zorg", "--taal", "dari"]).taal == "fa"


def test_os_fouten_zonder_errno(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from vakwoorden.anki import deck  # the command imports it when it makes a deck

    def alleen_lezen(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", "/mnt/usb/metaal-ar.apkg")

    monkeypatch.setattr(deck, "bouw_sector_deck", alleen_lezen)
    assert cli.main(["deck", "metaal", "--taal", "ar", "--uit", "/mnt/usb/metaal-ar.apkg", "--zonder-geluid"]) == 1
    fout = capsys.readouterr().err
    assert "Fout: /mnt/usb/metaal-ar.apkg: de schijf is alleen-lezen. Kies een map op een beschrijfbare schijf" in fout
    assert not ENGELS.search(fout) and "Read-only" not in fout
    assert os_fout(OSError(errno.ENOSPC, "No space left on device", "/x")).startswith("/x: schijf vol. Maak ruimte vrij")


def test_onverwachte_fout_zonder_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from opdrachten import genereer as commando_genereer

    def kapot(args: object) -> int:
        raise RuntimeError("iets onverwachts")

    monkeypatch.setattr(commando_genereer, "voer_uit", kapot)
    monkeypatch.setattr(cli, "_registraties", lambda: [commando_genereer.registreer])
    assert cli.main(["genereer"]) == 1
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: onverwachte fout (RuntimeError: iets onverwachts)") and "Traceback" not in fout


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("cli")
    genereer(map_ / "landing", leerlingen=30, zaad=4)
    database = map_ / "wh.duckdb"
    assert draai(map_ / "landing", database, selectie=TOT_KERN | AssetSelection.assets(LEESKOPIE)).success
    return database


def test_onbekende_werkplek_noemt_de_bekende(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("VAKWOORDEN_UIT", str(tmp_path / "uit"))
    bekend = [w for (w,) in vraag(warehouse, "SELECT werkplek FROM kern.werkplek ORDER BY 1")]
    assert cli.main(["deck", "--werkplek", "WP-XX99", "--zonder-geluid"]) == 1
    fout = capsys.readouterr().err
    assert "onbekende werkplek 'WP-XX99'" in fout and f"Bekende werkplekken: {', '.join(bekend[:3])}" in fout
    # The code in other letters is found.
    met_woorden = vraag(warehouse, "SELECT werkplek FROM kern.werkplek_vakwoord GROUP BY 1 ORDER BY 1 LIMIT 1")[0][0]
    assert cli.main(["deck", "--werkplek", met_woorden.lower(), "--zonder-geluid", "--geen-woordenlijst"]) == 0
    assert (tmp_path / "uit" / "decks" / f"werkplek-{met_woorden}-nl.apkg").is_file()


def test_leerlingdeck_in_de_thuistaal(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("VAKWOORDEN_UIT", str(tmp_path / "uit"))
    leerling, thuistaal = vraag(
        warehouse,
        "SELECT p.leerling, l.thuistaal FROM kern.plaatsing p JOIN kern.leerling l USING (leerling) "
        "JOIN kern.werkplek_vakwoord USING (werkplek) WHERE l.thuistaal NOT IN ('nl') ORDER BY 1 LIMIT 1",
    )[0]
    assert cli.main(["deck", "--leerling", leerling, "--zonder-geluid", "--geen-woordenlijst"]) == 0
    uitvoer = capsys.readouterr()
    assert "(thuistaal van de leerling" not in uitvoer.out and "thuistaal van de leerling in het warehouse" in uitvoer.err
    assert (tmp_path / "uit" / "decks" / f"leerling-{leerling}-{thuistaal}.apkg").is_file()
    # --taal wins.
    assert cli.main(["deck", "--leerling", leerling, "--taal", "Nederlands", "--zonder-geluid", "--geen-woordenlijst"]) == 0
    assert (tmp_path / "uit" / "decks" / f"leerling-{leerling}-nl.apkg").is_file()


def test_paden_vanuit_elke_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opdrachten.paden import data_pad, uitvoer_pad, warehouse_pad

    monkeypatch.chdir(tmp_path)
    for naam in ("VAKWOORDEN_WAREHOUSE", "VAKWOORDEN_UIT", "VAKWOORDEN_DATA"):
        monkeypatch.delenv(naam, raising=False)
    assert warehouse_pad() == PROJECT / "warehouse" / "vakwoorden.duckdb"
    assert uitvoer_pad() == PROJECT / "uit" and data_pad() == PROJECT / "demo"
    monkeypatch.setenv("VAKWOORDEN_UIT", "elders")
    assert uitvoer_pad() == PROJECT / "elders"
    assert warehouse_pad(Path("hier.duckdb")) == tmp_path.resolve() / "hier.duckdb"


def test_demo_met_alle_instellingen_uit_de_readme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`vakwoorden demo` from another folder with every documented variable set (it used to crash after the
    run when VAKWOORDEN_WAREHOUSE was set). The job is the main job without the decks, to keep this quick;
    its resources come from the environment as in pipelines/definitions.py."""
    from dagster import Definitions, EnvVar, define_asset_job

    import pipelines.definitions as definities
    from pipelines.resources import Landingsplaats, Pseudonimisering, Uitvoer, Warehouse

    landing = tmp_path / "landing"
    shutil.copytree(PROJECT / "demo", landing)
    for naam, waarde in {
        "VAKWOORDEN_DATA": landing, "VAKWOORDEN_WAREHOUSE": tmp_path / "wh" / "vak.duckdb",
        "VAKWOORDEN_UIT": tmp_path / "uit", "DAGSTER_HOME": tmp_path / "dagster",
    }.items():  # fmt: skip
        monkeypatch.setenv(naam, str(waarde))
    monkeypatch.delenv("VAKWOORDEN_SLEUTEL", raising=False)
    monkeypatch.chdir(tmp_path / "landing")
    zonder_decks = Definitions(
        assets=list(definities.defs.assets or []),
        asset_checks=list(definities.defs.asset_checks or []),
        jobs=[define_asset_job("hoofdtaak", selection=INLEZEN | AssetSelection.assets(LEESKOPIE))],
        resources={
            "warehouse": Warehouse(pad=EnvVar("VAKWOORDEN_WAREHOUSE")),
            "landingsplaats": Landingsplaats(map=EnvVar("VAKWOORDEN_DATA")),
            "pseudonimisering": Pseudonimisering(sleutel=""),
            "uitvoer": Uitvoer(map=EnvVar("VAKWOORDEN_UIT")),
        },
    )
    monkeypatch.setattr(definities, "defs", zonder_decks)
    assert cli.main(["demo"]) == 0
    uitvoer = capsys.readouterr()
    assert "Traceback" not in uitvoer.err
    assert "Leerlingen met een plaatsing, op het niveau van hun werkplek:" in uitvoer.out
    assert f"Leeskopie voor het datateam (houdt nooit een run op): {tmp_path / 'wh' / 'vak_lezen.duckdb'}" in uitvoer.out
    assert re.search(r"\[\d+\] klaar: staging__taalaanbieders", uitvoer.err)  # progress while it runs
    assert re.search(r"taalaanbieders/\S+: [\d.]+ rijen gelezen", uitvoer.err)
    assert (tmp_path / "dagster" / "dagster.yaml").is_file() and (tmp_path / "dagster" / "history" / "runs.db").is_file()


def test_ontbrekend_warehouse_zegt_wat_te_doen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(tmp_path / "weg" / "wh.duckdb"))
    assert cli.main(["deck", "--werkplek", "WP-ME01", "--zonder-geluid"]) == 1
    fout = capsys.readouterr().err
    assert f"Fout: het warehouse {tmp_path / 'weg' / 'wh.duckdb'} bestaat niet. Controleer VAKWOORDEN_WAREHOUSE" in fout
    assert not ENGELS.search(fout)


def test_keuzes_van_elk_commando_zonder_hoofdletters() -> None:
    parser = cli.maak_parser()
    assert parser.parse_args(["controleer", "--sector", "Metaal"]).sector == "metaal"
    assert parser.parse_args(["vertalingen", "export", "--taal", "Arabisch"]).taal == "ar"
    assert parser.parse_args(["vertalingen", "export", "--taal", "TI"]).taal == "ti"
