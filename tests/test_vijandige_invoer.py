"""Hostile exports (issue 10): one byte-exact fixture per class, run through the reader and the
rules as the asset does, without a full materialization. Every file ends either loaded with
rows in = staged + quarantined, or refused whole with a Dutch reason; no reason quotes a value
that does not have its field's shape.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zipfile
from concurrent.futures import Future
from pathlib import Path

import duckdb
import pytest

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.laden import Landingsbestand, Versie, sha256
from pipelines.gedeeld.limieten import Limieten
from pipelines.gedeeld.paden import is_code, schrijfpad
from pipelines.resources import maak_schema
from pipelines.taalaanbieders.laden import laad_verwerkt
from pipelines.taalaanbieders.mapping import bestanden_van, lees_mapping, vind_mappings
from pipelines.taalaanbieders.verwerken import verwerk_bestand

FIXTURES = Path(__file__).parent / "fixtures" / "vijandig"
MAPPING = """naam = "Testschool"
[bestand]
formaat = "csv"
codering = "{codering}"
scheidingsteken = "{scheidingsteken}"
decimaalteken = ","
datumformaat = "%d-%m-%Y"
patroon = "{patroon}"
[identificatie]
soort = "bsn"
kolom = "BSN"
[kolommen]
datum = "Datum"
leerroute = "Route"
uren_aangeboden = "Aangeboden"
uren_aanwezig = "Aanwezig"
[vaardigheden]
lezen = "Lezen"
spreken = "Spreken"
[vast]
soort_meting = "toets"
"""
PERSOONLIJK = ("111222333", "123456782", "Amal", "Haddad", "Yonas", "Tesfay", "Fatima", "Yilmaz", "Ahmad", "Karimi")


def _landing(tmp_path: Path, fixture: str, codering: str = "windows-1252", scheidingsteken: str = ";",
             patroon: str = "*.csv") -> Path:  # fmt: skip
    map_ = tmp_path / "landing" / "taalaanbieders" / "testschool"
    map_.mkdir(parents=True)
    (map_ / "mapping.toml").write_text(
        MAPPING.format(codering=codering, scheidingsteken=scheidingsteken, patroon=patroon), encoding="utf-8"
    )
    pad = map_ / "export.csv"
    shutil.copy(FIXTURES / fixture, pad)
    return pad


def _laad(tmp_path: Path, pad: Path, limieten: Limieten | None = None) -> duckdb.DuckDBPyConnection:
    """Process and load one export into a fresh warehouse, as the asset does."""
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    maak_schema(con)
    sha: Future[str] = Future()
    sha.set_result(sha256(pad))
    bestand = Landingsbestand(pad, "export.csv", Versie.van(pad), sha)
    mapping = lees_mapping(pad.parent / "mapping.toml")
    with verwerk_bestand(con, mapping, pad, "s" * 40, limieten or Limieten()) as verwerkt:
        laad_verwerkt(con, verwerkt, bestand)
    return con


def _geweigerd(tmp_path: Path, pad: Path, limieten: Limieten | None = None) -> str:
    with pytest.raises(OnleesbaarBestand) as fout:
        _laad(tmp_path, pad, limieten)
    melding = fout.value.melding
    assert len(melding) <= 300
    for waarde in PERSOONLIJK:
        assert waarde not in melding
    return melding


def _sluit(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:
    """(staged (bronregel, datum, leerroute), quarantine (regel, reden)), and rows in = staged + quarantined."""
    gestaged = con.sql("SELECT bronregel, datum, leerroute FROM staging.nt2_rapportage ORDER BY 1").fetchall()
    quarantaine = con.sql("SELECT regel, reden FROM controle.quarantaine ORDER BY 1").fetchall()
    gelezen = con.sql("SELECT rijen_gelezen FROM controle.ingelezen_bestand").fetchall()[0][0]
    assert gelezen == len(gestaged) + len(quarantaine)
    return gestaged, quarantaine


@pytest.mark.parametrize(
    ("fixture", "codering", "scheidingsteken"),
    [
        ("cr_alleen.csv", "windows-1252", ";"),  # saved on an old Mac: CR only
        ("gemengde_regeleinden.csv", "windows-1252", ";"),  # CRLF, LF and CR in one file
        ("utf16_tab.csv", "utf-8", "\\t"),  # Excel's "Unicode-tekst": UTF-16 with BOM, tabs; the BOM decides
    ],
)
def test_regeleinden_en_utf16_worden_gelezen_met_spreadsheetregels(
    tmp_path: Path, fixture: str, codering: str, scheidingsteken: str
) -> None:
    con = _laad(tmp_path, _landing(tmp_path, fixture, codering, scheidingsteken))
    gestaged, quarantaine = _sluit(con)
    assert [(r, d) for r, d, _ in gestaged] == [(2, dt.date(2025, 3, 3)), (3, dt.date(2025, 3, 4)), (4, dt.date(2025, 3, 5))]
    assert quarantaine == []


def test_bom_beslist_boven_de_codering_van_de_mapping(tmp_path: Path) -> None:
    con = _laad(tmp_path, _landing(tmp_path, "utf8_bom_mapping_cp1252.csv", codering="windows-1252"))
    gestaged, _ = _sluit(con)
    assert len(gestaged) == 2


def test_los_aanhalingsteken_in_een_cel_is_gewoon_een_teken(tmp_path: Path) -> None:
    # '5" lang' (inches) is read as it is, and the byte count agrees with the reader.
    gestaged, _ = _sluit(_laad(tmp_path, _landing(tmp_path, "aanhalingsteken_in_cel.csv")))
    assert [r for r, _, _ in gestaged] == [2, 3]


@pytest.mark.parametrize(
    ("fixture", "melding"),
    [
        ("aanhalingsteken_open.csv", "aanhalingsteken"),
        ("kopregel_ontbreekt.csv", "lijkt geen kopregel"),
    ],
)
def test_onleesbaar_geweigerd_zonder_inhoud_te_noemen(tmp_path: Path, fixture: str, melding: str) -> None:
    assert melding in _geweigerd(tmp_path, _landing(tmp_path, fixture))


def test_zeer_lange_laatste_regel_wordt_niet_stil_overgeslagen(tmp_path: Path) -> None:
    # Measured with DuckDB 2.0: a last line of 110 MB without a line end comes back as no row at all.
    pad = _landing(tmp_path, "gemengde_regeleinden.csv")
    with pad.open("ab") as f:
        f.write(b"111222333;" + b"x" * 110_000_000)
    melding = _geweigerd(tmp_path, pad)
    assert "rijen" in melding or "langer dan" in melding


@pytest.mark.parametrize("lengte", [3_000_000, 200_000])
def test_bestand_zonder_regeleinde_of_met_lange_regel_wordt_geweigerd(tmp_path: Path, lengte: int) -> None:
    pad = _landing(tmp_path, "gemengde_regeleinden.csv")
    pad.write_bytes(b"BSN;" + b"y" * lengte)  # no line end at all: no header line either
    assert "kopregel" in _geweigerd(tmp_path, pad)


def test_waarden_niet_herinterpreteren_en_niet_lekken(tmp_path: Path) -> None:
    gestaged, quarantaine = _sluit(_laad(tmp_path, _landing(tmp_path, "waarden.csv")))
    redenen = dict(quarantaine)
    assert [r for r, _, _ in gestaged] == [3]  # only 1.234,5 (valid grouping) passes
    assert "'12.5' in kolom 'Aanwezig' past niet bij het decimaalteken" in redenen[2]
    assert "jaartal van twee cijfers" in redenen[4]
    assert "ligt voor 1-1-2000" in redenen[5]
    assert "onbekende leerroute (een waarde van 13 tekens, niet getoond) in kolom 'Route'" in redenen[6]
    assert "ongeldige datum (een waarde van 9 tekens, niet getoond) in kolom 'Datum'" in redenen[7]
    assert "onbekend niveau (een waarde van 12 tekens, niet getoond) in kolom 'Lezen'" in redenen[8]
    assert "onbekende leerroute" in redenen[9] and "\x00" not in redenen[9]
    assert "(een waarde van 5000 tekens, niet getoond)" in redenen[10]
    for reden in redenen.values():
        assert len(reden) <= 300
        assert not any(waarde in reden for waarde in PERSOONLIJK)
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True)
    assert con.sql("SELECT uren_aangeboden, typeof(uren_aangeboden) FROM staging.nt2_rapportage").fetchall() == [
        (pytest.approx(1234.5), "DECIMAL(12,3)")
    ]


def test_nul_teken_komt_niet_in_staging(tmp_path: Path) -> None:
    pad = _landing(tmp_path, "gemengde_regeleinden.csv")
    pad.write_bytes(b"BSN;Naam;Datum;Route;Aangeboden;Aanwezig;Lezen;Spreken;Toets\r\n"
                    b"111222333;A;03-03-2025;B1;120,0;100,0;A2;A1;TOA\x00 lezen\r\n")  # fmt: skip
    mapping = pad.parent / "mapping.toml"
    mapping.write_text(mapping.read_text().replace('leerroute = "Route"', 'leerroute = "Route"\ninstrument = "Toets"'))
    con = _laad(tmp_path, pad)
    assert con.sql("SELECT instrument FROM staging.nt2_rapportage").fetchall() == [("TOA  lezen",)]


@pytest.mark.parametrize(
    ("limieten", "instelling"),
    [
        (Limieten(max_rijen=2), "VAKWOORDEN_MAX_RIJEN"),
        (Limieten(max_bestand_mb=0), "VAKWOORDEN_MAX_BESTAND_MB"),
    ],
)
def test_bestand_boven_een_grens_wordt_geweigerd(tmp_path: Path, limieten: Limieten, instelling: str) -> None:
    assert instelling in _geweigerd(tmp_path, _landing(tmp_path, "gemengde_regeleinden.csv"), limieten)


def test_xlsx_die_te_groot_uitpakt_wordt_geweigerd_voor_het_uitpakken(tmp_path: Path) -> None:
    pad = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("xl/worksheets/sheet1.xml", b"<row/>" * 400_000)  # 2.4 MB unpacked, a few kB packed
    with pytest.raises(OnleesbaarBestand, match="VAKWOORDEN_MAX_XLSX_MB"):
        Limieten(max_xlsx_mb=1).controleer_xlsx(pad)


@pytest.mark.parametrize("patroon", ["/etc/*", "../../buiten/*.csv", "~/x.csv", "C:/x/*.csv"])
def test_patroon_buiten_de_map_weigert_alleen_die_mapping(tmp_path: Path, patroon: str) -> None:
    _landing(tmp_path, "gemengde_regeleinden.csv", patroon=patroon.replace("\\", "\\\\"))
    goed = tmp_path / "landing" / "taalaanbieders" / "goedeschool"
    shutil.copytree(tmp_path / "landing" / "taalaanbieders" / "testschool", goed)
    (goed / "mapping.toml").write_text((goed / "mapping.toml").read_text().replace(patroon, "*.csv"))
    mappings, fouten = vind_mappings(tmp_path / "landing")
    assert [m.code for m in mappings] == ["goedeschool"]
    assert len(fouten) == 1 and "'patroon'" in fouten[0].melding


def test_koppeling_naar_buiten_wordt_niet_gelezen(tmp_path: Path) -> None:
    pad = _landing(tmp_path, "gemengde_regeleinden.csv")
    geheim = tmp_path / "buiten" / "geheim.csv"
    geheim.parent.mkdir()
    geheim.write_text("BSN;Naam\n111222333;Amal Haddad\n")
    os.symlink(geheim, pad.parent / "koppeling.csv")
    goed, buiten = bestanden_van(lees_mapping(pad.parent / "mapping.toml"), tmp_path / "landing")
    assert goed == [pad]
    assert [f.pad.name for f in buiten] == ["koppeling.csv"]
    assert "buiten de landingsmap" in buiten[0].melding and "Amal" not in buiten[0].melding


@pytest.mark.parametrize(
    ("code", "goed"),
    [("WP-ME01", True), ("wp_12", True), ("../../../X", False), ("/tmp/X", False), ("..", False), ("a b", False),
     ("", False), ("x" * 41, False)],
)  # fmt: skip
def test_werkplekcode_patroon(code: str, goed: bool) -> None:
    assert is_code(code) is goed


@pytest.mark.parametrize("naam", ["../x.apkg", "..", "/tmp/x", "a/../../b"])
def test_schrijven_blijft_in_de_uitvoermap(tmp_path: Path, naam: str) -> None:
    with pytest.raises(ValueError, match="buiten de uitvoermap"):
        schrijfpad(tmp_path / "uit", naam)


# A few full materializations: isolation, newest delivery, werkplek codes.
GOED = Path(__file__).parent / "fixtures" / "landing" / "goed_utf8_bom"


def test_onverwachte_fout_in_een_bestand_weigert_alleen_dat_bestand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pijplijn import TAALAANBIEDERS, draai, vraag

    from pipelines.taalaanbieders import assets

    landing = tmp_path / "landing"
    shutil.copytree(GOED, landing)
    map_ = landing / "taalaanbieders" / "testschool"
    shutil.copy(map_ / "export.csv", map_ / "b-stuk.csv")
    shutil.copy(map_ / "export.csv", map_ / "c-goed.csv")
    echt = assets.verwerk_bestand

    def soms_kapot(con, mapping, pad, sleutel, limieten):  # type: ignore[no-untyped-def]
        if pad.name == "b-stuk.csv":
            raise KeyError("111222333 Amal Haddad")  # an unexpected error quoting personal data
        return echt(con, mapping, pad, sleutel, limieten)

    monkeypatch.setattr(assets, "verwerk_bestand", soms_kapot)
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database, selectie=TAALAANBIEDERS).success
    geladen = vraag(database, "SELECT bestand FROM controle.ingelezen_bestand ORDER BY 1")
    assert geladen == [("taalaanbieders/testschool/c-goed.csv",), ("taalaanbieders/testschool/export.csv",)]
    [(bestand, reden)] = vraag(database, "SELECT bestand, reden FROM controle.geweigerd_bestand")
    assert bestand.endswith("b-stuk.csv") and "onverwachte fout" in reden and "KeyError" in reden
    assert "Amal" not in reden and "111222333" not in reden


def test_nieuwste_levering_wint_en_conflict_wordt_vastgelegd(tmp_path: Path) -> None:
    from pijplijn import KERN_NT2, draai, vraag

    landing = tmp_path / "landing"
    shutil.copytree(GOED, landing)
    map_ = landing / "taalaanbieders" / "testschool"
    oud = map_ / "z-oud.csv"  # sorts after the newer file: the path's order must not decide
    shutil.copy(map_ / "export.csv", oud)
    (map_ / "export.csv").unlink()
    nieuw = map_ / "a-nieuw.csv"
    nieuw.write_bytes(oud.read_bytes().replace(b";A2.2;A1", b";B1;A1"))  # a corrected level
    os.utime(oud, (1_700_000_000, 1_700_000_000))
    os.utime(nieuw, (1_800_000_000, 1_800_000_000))
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database, selectie=KERN_NT2).success
    niveaus = vraag(database, "SELECT niveau FROM kern.nt2_meting WHERE datum = '2025-03-04' AND vaardigheid = 'lezen'")
    assert niveaus == [("B1",)]
    conflicten = vraag(
        database,
        "SELECT vaardigheid, gekozen_niveau, gekozen_bestand, ander_niveau, ander_bestand, andere_regel "
        "FROM controle.meting_conflict",
    )
    assert conflicten == [("lezen", "B1", "taalaanbieders/testschool/a-nieuw.csv", "A2", "taalaanbieders/testschool/z-oud.csv", 3)]
    som = vraag(database, "SELECT sum(uren_aanwezig)::VARCHAR, typeof(sum(uren_aanwezig)) FROM kern.nt2_uren")
    assert som == [("190.500", "DECIMAL(38,3)")]


def test_werkplekcode_die_een_pad_is_gaat_naar_quarantaine(tmp_path: Path) -> None:
    from pijplijn import TOT_KERN, draai, vraag

    landing = tmp_path / "landing"
    (landing / "werkplekken").mkdir(parents=True)
    kop = "werkplek,werkgever,sector,functie,vca_vereist,niveau_lezen,niveau_luisteren,niveau_spreken,niveau_gesprekken_voeren,niveau_schrijven\n"
    (landing / "werkplekken" / "werkplekken.csv").write_text(
        kop + "WP-01,Bedrijf,metaal,lasser,ja,A2,A2,A2,A2,A1\n"
        "../../../X,Bedrijf,metaal,lasser,ja,A2,A2,A2,A2,A1\n/tmp/X,Bedrijf,bouw,sjouwer,nee,A1,A1,A1,A1,A1\n",
        encoding="utf-8",
    )
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database, selectie=TOT_KERN).success
    assert vraag(database, "SELECT werkplek FROM staging.werkplek") == [("WP-01",)]
    redenen = vraag(database, "SELECT regel, reden FROM controle.quarantaine ORDER BY regel")
    assert [r for r, _ in redenen] == [3, 4]
    assert all("voldoet niet aan het patroon" in reden and "../" not in reden for _, reden in redenen)


@pytest.mark.parametrize(
    ("vervang", "door"),
    [
        ('[bestand]\nformaat = "csv"', 'bestand = "csv"\n[x]\nformaat = "csv"'),  # a section as a text
        ('datum = "Datum"', "datum = 5"),  # a column name as a number
        ('scheidingsteken = ";"', 'scheidingsteken = ";;"'),
        ('datumformaat = "%d-%m-%Y"', 'datumformaat = "dag-maand"'),
        ('decimaalteken = ","', 'decimaalteken = ","\nvroegste_datum = "gisteren"'),
        ('[vaardigheden]', '[vaardigheden]\n"" = "x"'),
        ("naam = \"Testschool\"", "naam = [1, 2]"),
    ],
)
def test_elke_fout_in_een_mapping_weigert_alleen_die_taalaanbieder(tmp_path: Path, vervang: str, door: str) -> None:
    pad = _landing(tmp_path, "gemengde_regeleinden.csv")
    goed = tmp_path / "landing" / "taalaanbieders" / "goedeschool"
    shutil.copytree(pad.parent, goed)
    tekst = (pad.parent / "mapping.toml").read_text()
    assert vervang in tekst
    (pad.parent / "mapping.toml").write_text(tekst.replace(vervang, door))
    mappings, fouten = vind_mappings(tmp_path / "landing")
    assert [m.code for m in mappings] == ["goedeschool"]
    assert len(fouten) == 1 and fouten[0].pad.parent.name == "testschool"
    assert "mapping.toml" in fouten[0].melding


@pytest.mark.parametrize("blad", ["Voortgang", None])
def test_werkbladnamen_komen_niet_in_een_reden(tmp_path: Path, blad: str | None) -> None:
    # A sheet may be named after a learner; a refusal never repeats a sheet's own name.
    import xlsxwriter

    from pipelines.gedeeld.inlezen import lees_xlsx_in

    pad = tmp_path / "export.xlsx"
    with xlsxwriter.Workbook(str(pad)) as boek:
        boek.add_worksheet("Amal Haddad")  # empty
    with duckdb.connect() as con, pytest.raises(OnleesbaarBestand) as fout:
        lees_xlsx_in(con, pad, blad, {"id": "BSN"})
    assert "Amal" not in fout.value.melding
    assert ("ontbreekt" if blad else "is leeg") in fout.value.melding


def test_koppelingen_naar_buiten_worden_bij_elke_bron_geweigerd(tmp_path: Path) -> None:
    # Every source, also the werkplek texts and the Anki backups: a link out of the landing folder
    # is refused with a reason and never opened (the target here would not even be readable).
    from dagster import AssetSelection
    from pijplijn import draai, vraag

    landing = tmp_path / "landing"
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (buiten / "geheim.txt").write_text("Contactpersoon: Amal Haddad, BSN 111222333", encoding="utf-8")
    (buiten / "geheim.colpkg").write_bytes(b"PK\x03\x04 niet van de leerling")
    teksten = landing / "werkplekken" / "teksten" / "WP-01"
    teksten.mkdir(parents=True)
    os.symlink(buiten / "geheim.txt", teksten / "instructie.txt")
    exports = landing / "anki" / "exports" / "vos"
    exports.mkdir(parents=True)
    os.symlink(buiten / "geheim.colpkg", exports / "vos.colpkg")
    database = tmp_path / "wh.duckdb"
    assert draai(landing, database, selectie=AssetSelection.groups("bronnen")).success
    geweigerd = dict(vraag(database, "SELECT bestand, reden FROM controle.geweigerd_bestand"))
    assert set(geweigerd) == {"werkplekken/teksten/WP-01/instructie.txt", "anki/exports/vos/vos.colpkg"}
    assert all("buiten de landingsmap" in r and "Amal" not in r for r in geweigerd.values())
