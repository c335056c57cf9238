"""Werkplek texts: reading .txt/.md/.docx/.pdf, the term finder, the CLI and the pipeline source."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey, AssetSelection
from pijplijn import draai, vraag

from opdrachten.cli import main
from pipelines.werkplekken.assets import STAGING_WERKPLEKKEN
from pipelines.werkplekteksten.assets import STAGING_WERKPLEKTEKSTEN
from vakwoorden.lijst import SECTOREN, lees_lijst
from vakwoorden.taal.documenten import OnleesbaarDocument, lees_document
from vakwoorden.taal.termen import Termzoeker

DEMO = Path(__file__).resolve().parents[1] / "demo" / "werkplekken"
# Contact persons named in the demo texts: they must never reach the warehouse or the logs.
NAMEN = (
    "Verhoeven",
    "Sander",
    "Amrani",
    "Bosman",
    "Ingrid",
    "Graaf",
    "Yilmaz",
    "Smit",
    "Bakker",
    "Meijer",
    "Peters",
)
SELECTIE = AssetSelection.assets(
    STAGING_WERKPLEKKEN,
    STAGING_WERKPLEKTEKSTEN,
    AssetKey(["kern", "werkplek_vakwoord"]),
    AssetKey(["kern", "werkplek_tekst_vakwoord"]),
    AssetKey(["kern", "werkplek_termsuggestie"]),
)


def _demo_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("maak_documenten", DEMO / "maak_documenten.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _scan(pad: Path) -> None:
    """A PDF as a scanner makes it without OCR: pages, no text layer."""
    from pypdf import PdfWriter

    schrijver = PdfWriter()
    schrijver.add_blank_page(width=595, height=842)
    schrijver.add_blank_page(width=595, height=842)
    with pad.open("wb") as f:
        schrijver.write(f)


# -- reading documents -----------------------------------------------------------------------------


def test_alle_soorten_worden_gelezen(tmp_path: Path) -> None:
    zin = "Zet de laskap op voordat je gaat lassen met de lasmachine in de werkplaats."
    (tmp_path / "a.txt").write_bytes(zin.encode("utf-8-sig"))
    (tmp_path / "b.txt").write_bytes(("Cliënt en café: " + zin).encode("windows-1252"))
    (tmp_path / "c.md").write_text(f"# Kop\n\n- **{zin}** zie [de lijst](http://x.nl/y)\n", encoding="utf-8")
    demo = _demo_module()
    demo.schrijf_docx(tmp_path / "d.docx", [("kop", "Instructie"), ("lijst", zin)])
    demo.schrijf_pdf(tmp_path / "e.pdf", "Instructie\n" + zin)
    assert zin in lees_document(tmp_path / "a.txt")
    assert lees_document(tmp_path / "b.txt").startswith("Cliënt en café")
    md = lees_document(tmp_path / "c.md")
    assert zin in md and "**" not in md and "http" not in md and "#" not in md
    assert zin in lees_document(tmp_path / "d.docx")
    assert "laskap" in lees_document(tmp_path / "e.pdf")


@pytest.mark.parametrize(
    ("naam", "inhoud", "reden"),
    [
        ("scan.pdf", None, "geen tekstlaag"),
        ("kapot.pdf", b"%PDF-1.4 dit is geen pdf", "beschadigd"),
        ("kapot.docx", b"PK\x03\x04 geen word", "beschadigd"),
        ("leeg.txt", b"  \n", "leeg"),
        ("lijst.xlsx", b"PK\x03\x04", "bestandstype '.xlsx'"),
        ("binair.txt", b"\x00\x01\x02" * 50, "geen tekstbestand"),
    ],
)
def test_onleesbaar_met_nederlandse_reden(
    tmp_path: Path, naam: str, inhoud: bytes | None, reden: str
) -> None:
    pad = tmp_path / naam
    if inhoud is None:
        _scan(pad)
    else:
        pad.write_bytes(inhoud)
    with pytest.raises(OnleesbaarDocument) as fout:
        lees_document(pad)
    assert reden in fout.value.reden


# -- the finder --------------------------------------------------------------------------------------


def test_vinder_op_een_werkinstructie() -> None:
    zoeker = Termzoeker.voor_sector("metaal")
    tekst = (
        "Trek je werkhandschoenen aan en zet je laskap op. Zet de lasrookafzuiging aan. "
        "Draai de moer goed aan. Leg de laskappen terug. De afzuigarm hangt boven de lastafel. "
        "Verstel de afzuigarm na elke las. Bel Sander Verhoeven bij vragen."
    )
    resultaat = zoeker.samenvatten([zoeker.analyseer(tekst, fragmenten=True)])
    gevonden = {w.woord: w.aantal for w in resultaat.woorden}
    assert gevonden["laskap"] == 2
    assert "werkhandschoen" in gevonden or "handschoen" in gevonden
    assert 0 < resultaat.dekking < 1
    suggesties = {s.term: s for s in resultaat.suggesties}
    assert suggesties["afzuigarm"].aantal == 2
    assert "afzuigarm" in suggesties["afzuigarm"].fragment
    assert not any(naam.lower() in suggesties for naam in NAMEN)
    assert set(resultaat.als_json()) == {"woorden", "dekking", "suggesties"}


def test_gevonden_woorden_staan_in_de_lijst_van_de_sector() -> None:
    for sector in SECTOREN:
        lijst = {w.woord for w in lees_lijst(sector)}
        zoeker = Termzoeker.voor_sector(sector)
        teksten = [lees_document(p) for p in sorted((DEMO / "teksten").glob("*/*"))]
        resultaat = zoeker.samenvatten(zoeker.analyseer_alles(teksten))
        assert resultaat.woorden
        assert {w.woord for w in resultaat.woorden} <= lijst


# -- the command line --------------------------------------------------------------------------------


def test_cli_tabel_en_json(capsys: pytest.CaptureFixture[str]) -> None:
    map_ = DEMO / "teksten" / "WP-ME01"
    assert main(["termen", str(map_), "--sector", "metaal"]) == 0
    uit = capsys.readouterr().out
    assert "Vakwoorden uit de lijst metaal (2 bestanden" in uit
    assert "laskap" in uit and "Dekking:" in uit and "Suggesties" in uit and "afzuigarm" in uit
    assert (
        main(["termen", *map(str, sorted(map_.iterdir())), "--sector", "metaal", "--json", "--top", "3"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"woorden", "dekking", "suggesties"}
    assert all(set(w) == {"woord", "aantal"} for w in data["woorden"])
    assert all(set(s) == {"term", "aantal"} for s in data["suggesties"]) and len(data["suggesties"]) == 3
    assert isinstance(data["dekking"], float) and 0 < data["dekking"] < 1


def test_cli_voortgang_bij_veel_bestanden_en_overgeslagen_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bron = (DEMO / "teksten" / "WP-ZO01" / "tilprotocol.txt").read_text(encoding="utf-8")
    for i in range(6):
        (tmp_path / f"tekst{i}.txt").write_text(bron, encoding="utf-8")
    _scan(tmp_path / "scan.pdf")
    assert main(["termen", str(tmp_path), "--sector", "zorg", "--json"]) == 0
    uitvoer = capsys.readouterr()
    assert "scan.pdf: overgeslagen: de PDF heeft geen tekstlaag" in uitvoer.err
    assert "teksten" in uitvoer.err and "bestand" in uitvoer.err  # the progress bar
    data = json.loads(uitvoer.out)
    assert {w["woord"]: w["aantal"] for w in data["woorden"]}["tillift"] == 6 * 4


def test_cli_zonder_leesbare_bestanden(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _scan(tmp_path / "scan.pdf")
    assert main(["termen", str(tmp_path / "scan.pdf"), "--sector", "bouw"]) == 2
    assert "geen enkel bestand" in capsys.readouterr().err


# -- the pipeline ------------------------------------------------------------------------------------


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    map_ = tmp_path / "landing"
    (map_ / "werkplekken").mkdir(parents=True)
    for naam in ("werkplekken.csv", "vakwoorden.csv"):
        shutil.copy(DEMO / naam, map_ / "werkplekken" / naam)
    shutil.copytree(DEMO / "teksten", map_ / "werkplekken" / "teksten")
    return map_


def _alle_tekst(database: Path) -> str:
    con = duckdb.connect(str(database), read_only=True)
    try:
        delen = []
        for schema, tabel in con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall():
            delen.append(repr(con.table(f"{schema}.{tabel}").fetchall()))
        return "\n".join(delen)
    finally:
        con.close()


def test_pijplijn_brengt_tekstwoorden_naar_kern(
    landing: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "wh.duckdb"
    resultaat = draai(landing, database, selectie=SELECTIE)
    assert resultaat.success
    werkplekken = {
        r[0] for r in vraag(database, "SELECT DISTINCT werkplek FROM kern.werkplek_tekst_vakwoord")
    }
    assert werkplekken == {p.name for p in (DEMO / "teksten").iterdir() if p.is_dir()}
    rij = vraag(
        database,
        "SELECT aantal, bestanden FROM kern.werkplek_tekst_vakwoord WHERE werkplek = 'WP-ME01' AND woord = 'laskap'",
    )
    assert rij == [(4, 2)]
    bronnen = dict(vraag(database, "SELECT bron, count(*) FROM kern.werkplek_vakwoord GROUP BY bron"))
    assert bronnen["lijst"] > 0 and bronnen["tekst"] > 0
    assert (
        vraag(
            database,
            "SELECT count(*) FROM kern.werkplek_vakwoord GROUP BY werkplek, woord HAVING count(*) > 1",
        )
        == []
    )
    suggesties = {
        r[0]
        for r in vraag(database, "SELECT term FROM kern.werkplek_termsuggestie WHERE werkplek = 'WP-ME01'")
    }
    assert "afzuigarm" in suggesties
    for sector in SECTOREN:  # the asset check's rule, asked directly
        lijst = {w.woord for w in lees_lijst(sector)}
        woorden = {
            r[0]
            for r in vraag(
                database, "SELECT woord FROM kern.werkplek_tekst_vakwoord WHERE sector = ?", [sector]
            )
        }
        assert woorden and woorden <= lijst
    checks = {e.asset_check_key.name: e.passed for e in resultaat.get_asset_check_evaluations()}
    assert checks["gevonden_woorden_staan_in_de_lijst"] and checks["geen_geweigerde_bestanden"]
    # no text, so no contact person, anywhere in the warehouse or in the run's log
    alles = _alle_tekst(database)
    logs = caplog.text + "\n".join(str(e) for e in resultaat.all_events)
    for naam in NAMEN:
        assert naam not in alles and naam not in logs


def test_pijplijn_weigert_slechte_teksten_en_ruimt_op(landing: Path, tmp_path: Path) -> None:
    database = tmp_path / "wh.duckdb"
    teksten = landing / "werkplekken" / "teksten"
    _scan(teksten / "WP-BO01" / "scan.pdf")
    (teksten / "WP-XX00").mkdir()
    (teksten / "WP-XX00" / "instructie.txt").write_text(
        "Zet je laskap op en las de naad dicht. " * 5, encoding="utf-8"
    )
    (teksten / "los.txt").write_text("Zet je laskap op en las de naad dicht. " * 5, encoding="utf-8")
    assert draai(landing, database, selectie=SELECTIE).success
    geweigerd = dict(vraag(database, "SELECT bestand, reden FROM controle.geweigerd_bestand"))
    assert "geen tekstlaag" in geweigerd["werkplekken/teksten/WP-BO01/scan.pdf"]
    assert "geen bekende werkplek" in geweigerd["werkplekken/teksten/WP-XX00/instructie.txt"]
    assert "map per werkplek" in geweigerd["werkplekken/teksten/los.txt"]
    # a second run reads nothing again; a removed text takes its words with it
    voor = vraag(database, "SELECT count(*) FROM staging.werkplek_tekst_vakwoord")[0][0]
    tweede = draai(landing, database, selectie=SELECTIE)
    metadata = next(
        e.materialization.metadata
        for e in tweede.get_asset_materialization_events()
        if e.materialization.asset_key == STAGING_WERKPLEKTEKSTEN
    )
    assert metadata["bestanden_geladen"].value == 0
    assert vraag(database, "SELECT count(*) FROM staging.werkplek_tekst_vakwoord")[0][0] == voor
    (teksten / "WP-ME01" / "toolbox-lasrook.md").unlink()
    (teksten / "WP-BO01" / "scan.pdf").unlink()
    assert draai(landing, database, selectie=SELECTIE).success
    geweigerd = dict(vraag(database, "SELECT bestand, reden FROM controle.geweigerd_bestand"))
    assert "werkplekken/teksten/WP-BO01/scan.pdf" not in geweigerd  # gone, so nothing left to fix
    assert "werkplekken/teksten/los.txt" in geweigerd
    bestanden = {
        r[0] for r in vraag(database, "SELECT DISTINCT bestand FROM staging.werkplek_tekst_vakwoord")
    }
    assert "werkplekken/teksten/WP-ME01/toolbox-lasrook.md" not in bestanden
    assert "werkplekken/teksten/WP-ME01/lasinstructie-mig-mag.txt" in bestanden
    assert vraag(
        database,
        "SELECT aantal FROM kern.werkplek_tekst_vakwoord WHERE werkplek = 'WP-ME01' AND woord = 'laskap'",
    ) == [(2,)]


def test_tekstwoorden_komen_in_het_werkplekdeck(landing: Path, tmp_path: Path) -> None:
    """The werkplek deck holds the words of vakwoorden*.csv and those found in the werkplek's texts."""
    import sqlite3
    import zipfile

    database, uit = tmp_path / "wh.duckdb", tmp_path / "uit"
    selectie = SELECTIE | AssetSelection.assets(
        AssetKey(["kern", "werkplek"]), AssetKey(["decks", "werkplek"])
    )
    config = {"ops": {"decks__werkplek": {"config": {"werkplek": "WP-ZO05", "taal": "nl", "geluid": False}}}}
    assert draai(landing, database, selectie=selectie, uit=uit, run_config=config).success
    bronnen = dict(
        vraag(database, "SELECT woord, bron FROM kern.werkplek_vakwoord WHERE werkplek = 'WP-ZO05'")
    )
    assert "tekst" in bronnen.values()
    pakket = uit / "decks" / "werkplekken" / "WP-ZO05-nl.apkg"
    with zipfile.ZipFile(pakket) as zip_:
        (tmp_path / "col.anki2").write_bytes(zip_.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "col.anki2")
    try:
        velden = [r[0].split("\x1f")[0] for r in con.execute("SELECT flds FROM notes")]
    finally:
        con.close()
    assert set(velden) == set(bronnen)  # every word, from the list and from the texts
    assert {w for w, b in bronnen.items() if b == "tekst"} <= set(velden)
