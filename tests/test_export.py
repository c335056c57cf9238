"""`vakwoorden export`: every mart as Parquet, CSV and XLSX; nothing personal, no quarantine, and no
text that a spreadsheet would run as a formula."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import duckdb
import polars as pl
import pytest
from marts_hulp import Demo, bouw_demo

from opdrachten.cli import main
from opdrachten.export import exporteer, neutraliseer

demo_warehouse = pytest.fixture(scope="session", name="demo_warehouse")(bouw_demo)

GEVAARLIJK = [
    '=HYPERLINK("http://x.example","klik")',
    "+31 6 1234",
    "-2+3",
    "@SUM(A1:A9)",
    "\tverborgen",
    "\rterug",
]


def _geheimen(landing: Path) -> set[str]:
    """Identifiers and names as they are in the demo exports."""
    geheim: set[str] = set()
    plaatsingen = pl.read_csv(landing / "werkplekken" / "plaatsingen.csv", infer_schema=False)
    geheim |= set(plaatsingen["identificatie"]) | set(plaatsingen["naam"])
    roc = pl.read_csv(
        landing / "taalaanbieders" / "roc-midden" / "resultaten-2024-2025.csv", infer_schema=False
    )
    geheim |= set(roc["V-nummer"]) | set(roc["Naam"])
    return {g for g in geheim if g and len(g) > 3}


def test_neutraliseer() -> None:
    for tekst in GEVAARLIJK:
        assert neutraliseer(tekst) == "'" + tekst
    assert neutraliseer("lasser") == "lasser"
    assert neutraliseer("B1-route") == "B1-route"
    assert neutraliseer(None) is None


def test_export_schrijft_elke_mart_zonder_persoonsgegevens(demo_warehouse: Demo, tmp_path: Path) -> None:
    uit = tmp_path / "uit"
    assert main(["export", "--warehouse", str(demo_warehouse.database), "--uit", str(uit)]) == 0
    map_ = uit / "export"
    with demo_warehouse.lees() as con:
        marts = {r[0]: r[1] for r in con.execute(
            "SELECT table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'mart'"
        ).fetchall()}  # fmt: skip
        for naam in marts:
            for formaat in ("parquet", "csv", "xlsx"):
                assert (map_ / f"{naam}.{formaat}").exists(), (naam, formaat)
            aantal = con.execute(
                "SELECT count(*) FROM read_parquet(?)", [str(map_ / f"{naam}.parquet")]
            ).fetchall()[0][0]
            assert aantal == con.table(f"mart.{naam}").aggregate("count(*)").fetchall()[0][0]
    assert (
        pl.read_csv(map_ / "voortgang_leerling.csv").height
        == pl.read_excel(map_ / "voortgang_leerling.xlsx").height
    )
    assert "mart.cohort_overzicht" in (map_ / "woordenboek.md").read_text(encoding="utf-8")
    # Only marts: no staging, kern or controle tables, so no quarantine lines and no source rows.
    namen = {p.stem for p in map_.iterdir()} - {"woordenboek"}
    assert namen == set(marts)
    geheim = _geheimen(demo_warehouse.landing)
    for pad in map_.glob("*.csv"):
        tekst = pad.read_text(encoding="utf-8")
        assert not [g for g in geheim if g in tekst], pad.name
        assert "reden" not in pl.read_csv(pad, n_rows=1).columns
    for pad in map_.glob("*.xlsx"):
        with zipfile.ZipFile(pad) as z:
            inhoud = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        assert not [g for g in geheim if g in inhoud], pad.name


def test_formules_worden_geneutraliseerd_in_csv_en_xlsx(demo_warehouse: Demo, tmp_path: Path) -> None:
    pad = tmp_path / "wh.duckdb"
    shutil.copy(demo_warehouse.database, pad)
    with duckdb.connect(str(pad)) as con:
        con.execute("DELETE FROM mart.leerroute_doel")
        for i, tekst in enumerate(GEVAARLIJK):
            con.execute("INSERT INTO mart.leerroute_doel VALUES (?, 'B1', 3, ?)", [tekst, i])
        exporteer(con, tmp_path / "export", formaten=("parquet", "csv", "xlsx"))
    csv = pl.read_csv(tmp_path / "export" / "leerroute_doel.csv")
    assert csv["leerroute"].to_list() == ["'" + t for t in GEVAARLIJK]
    xlsx = pl.read_excel(tmp_path / "export" / "leerroute_doel.xlsx")
    assert [t.replace("\r", "").replace("_x000D_", "") for t in xlsx["leerroute"].to_list()] == [
        ("'" + t).replace("\r", "") for t in GEVAARLIJK
    ]
    with zipfile.ZipFile(tmp_path / "export" / "leerroute_doel.xlsx") as z:
        blad = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in blad and "<f " not in blad  # no cell is a formula
    # Parquet is for tools, not spreadsheets: the values stay exactly as they are.
    parquet = pl.read_parquet(tmp_path / "export" / "leerroute_doel.parquet")
    assert parquet["leerroute"].to_list() == GEVAARLIJK


def test_deelbare_export_bevat_alleen_afgeschermde_overzichten(demo_warehouse: Demo, tmp_path: Path) -> None:
    uit = tmp_path / "uit"
    assert (
        main(
            [
                "export",
                "--warehouse",
                str(demo_warehouse.database),
                "--uit",
                str(uit),
                "--deelbaar",
                "--formaat",
                "csv",
            ]
        )
        == 0
    )
    bestanden = sorted(p.name for p in (uit / "export").iterdir())
    assert bestanden == ["cohort_overzicht.csv", "taalaanbieder_overzicht.csv", "woordenboek.md"]
    for naam in ("cohort_overzicht.csv", "taalaanbieder_overzicht.csv"):
        frame = pl.read_csv(uit / "export" / naam, infer_schema=False)
        for kolom in ("leerlingen", "leerlingen_gemeten", "leerlingen_met_uren"):
            for waarde in frame[kolom]:
                assert waarde == "<10" or int(waarde) >= 10


def test_export_zonder_warehouse_meldt_dat_in_het_nederlands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--warehouse", str(tmp_path / "geen.duckdb"), "--uit", str(tmp_path)]) == 1
    assert "bestaat nog niet" in capsys.readouterr().err
