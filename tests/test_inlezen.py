"""The reader and the row judgement on their own: encodings, line numbers, messages, pseudonyms."""

from __future__ import annotations

import hashlib
import hmac
import shutil
from concurrent.futures import Future
from pathlib import Path

import duckdb
import pytest

from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.inlezen import CsvOpties, lees_csv_in
from pipelines.gedeeld.laden import Landingsbestand, Versie, sha256
from pipelines.privacy import PSEUDONIEM_LENGTE, hmac_blokken, pseudoniemen
from pipelines.resources import maak_schema
from pipelines.taalaanbieders.laden import laad_verwerkt
from pipelines.taalaanbieders.mapping import lees_mapping
from pipelines.taalaanbieders.verwerken import verwerk_bestand

KOP = "BSN;Naam;Datum;Route;Aangeboden;Aanwezig;Lezen;Spreken\r\n"
# The bad-input fixtures' mapping that declares Windows-1252.
MAPPING = Path(__file__).parent / "fixtures" / "landing" / "utf8_als_cp1252" / "taalaanbieders" / "testschool" / "mapping.toml"


def _export(tmp_path: Path, regels: list[str]) -> Path:
    map_ = tmp_path / "taalaanbieders" / "testschool"
    map_.mkdir(parents=True)
    shutil.copy(MAPPING, map_ / "mapping.toml")
    pad = map_ / "export.csv"
    pad.write_bytes((KOP + "".join(regels)).encode("cp1252"))
    return pad


def _laad(tmp_path: Path, pad: Path) -> duckdb.DuckDBPyConnection:
    """Process and load one export into a fresh warehouse, as the asset does; the warehouse stays open."""
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    maak_schema(con)
    sha: Future[str] = Future()
    sha.set_result(sha256(pad))
    bestand = Landingsbestand(pad, "export.csv", Versie.van(pad), sha)
    with verwerk_bestand(con, lees_mapping(pad.parent / "mapping.toml"), pad, "s" * 40) as verwerkt:
        laad_verwerkt(con, verwerkt, bestand)
    return con


def test_regelnummers_kloppen_diep_in_een_groot_bestand(tmp_path: Path) -> None:
    # DuckDB reads in parallel; the line number of a bad row must still be its line in the file.
    regels = ["111222333;Zoë Çelik;03-03-2025;B1;120,0;100,5;A2;A1\r\n"] * 300_000
    regels[250_000] = "123456789;Zoë Çelik;03-03-2025;B1;120,0;100,5;A2;A1\r\n"  # fails the 11-proef
    regels[280_000] = "111222333;Zoë Çelik;03-03-2025;B1;120,0;100,5;B1+;A1\r\n"
    con = _laad(tmp_path, _export(tmp_path, regels))
    assert con.sql("SELECT bestand, regel, reden FROM controle.quarantaine ORDER BY regel").fetchall() == [
        ("export.csv", 250_002, "ongeldig BSN (11-proef)"),
        ("export.csv", 280_002, "onbekend niveau 'B1+' in kolom 'Lezen'; gebruik A0, A1, A2, B1, B2, C1 of C2"),
    ]
    assert con.sql("SELECT count(*), max(bronregel) FROM staging.nt2_rapportage").fetchall() == [(299_998, 300_001)]
    assert con.sql("SELECT rijen_gelezen, rijen_geladen, rijen_quarantaine FROM controle.ingelezen_bestand").fetchall() == [
        (300_000, 299_998, 2)
    ]


def test_regelnummer_is_het_rijnummer_van_de_spreadsheet(tmp_path: Path) -> None:
    # A remark with a line break inside quotes is one row in a spreadsheet, and a blank line is
    # an empty row there: quarantine names the row the coordinator sees when opening the file.
    pad = _export(
        tmp_path,
        [
            '111222333;"Zoë\r\nÇelik";03-03-2025;B1;120,0;100,5;A2;A1\r\n',
            "\r\n",
            "111222333;Zoë;04-03-2025;B1;120,0;100,5;B1+;A1\r\n",
        ],
    )
    con = _laad(tmp_path, pad)
    assert con.sql("SELECT regel FROM controle.quarantaine").fetchall() == [(4,)]
    assert con.sql("SELECT bronregel FROM staging.nt2_rapportage").fetchall() == [(2,)]


def test_windows_1252_met_tekens_buiten_latin1(tmp_path: Path) -> None:
    # '€' and the curly apostrophe are bytes 0x80 and 0x92: read as Windows-1252, not as Latin-1.
    pad = _export(tmp_path, ["111222333;Zoë ’t Hart €;03-03-2025;Zroute;120,0;100,5;A2;A1\r\n"])
    con = _laad(tmp_path, pad)
    assert con.sql("SELECT count(*) FROM controle.quarantaine").fetchall() == [(0,)]
    assert con.sql("SELECT leerroute FROM staging.nt2_rapportage").fetchall() == [("Z-route",)]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"a;b\r\n1;2;3\r\n", "regel 2 heeft 3 kolommen, de kopregel 2"),
        (b'a;b\r\n1;"2\r\n', "aanhalingsteken"),
    ],
)
def test_kapotte_csv_noemt_regel_maar_niet_de_inhoud(tmp_path: Path, inhoud: bytes, melding: str) -> None:
    pad = tmp_path / "kapot.csv"
    pad.write_bytes(inhoud)
    with duckdb.connect() as con, pytest.raises(OnleesbaarBestand) as fout:
        lees_csv_in(con, pad, CsvOpties("utf-8", ";"), {"a": "a", "b": "b"})
    assert melding in fout.value.melding
    assert "1;2" not in fout.value.melding  # DuckDB quotes the line; we never pass that on


def test_dubbele_kolomnaam_wordt_geweigerd(tmp_path: Path) -> None:
    pad = tmp_path / "dubbel.csv"
    pad.write_bytes(b"BSN;BSN\r\n1;2\r\n")
    with duckdb.connect() as con, pytest.raises(OnleesbaarBestand, match="meer dan eens"):
        lees_csv_in(con, pad, CsvOpties("utf-8", ";"), {"id": "BSN"})


@pytest.mark.parametrize("sleutel", ["kort", "s" * 40, "l" * 100])  # keys longer than 64 bytes are hashed first
def test_hmac_in_sql_is_dezelfde_als_in_python(sleutel: str) -> None:
    waarden = ["111222333", "012345672", "V1234567890"]
    binnen, buiten = hmac_blokken(sleutel, "bsn", "")
    with duckdb.connect() as con:
        rijen = con.sql(
            "SELECT w, left(sha256($buiten || unhex(sha256($binnen || encode(w)))), $lengte) FROM unnest($w) AS t(w)",
            params={"binnen": binnen, "buiten": buiten, "lengte": PSEUDONIEM_LENGTE, "w": waarden},
        ).fetchall()
    verwacht = pseudoniemen(sleutel, "bsn", waarden)
    assert dict(rijen) == verwacht
    assert verwacht["111222333"] == hmac.new(sleutel.encode(), b"bsn::111222333", hashlib.sha256).hexdigest()[:20]


def _velden_in_oordeel(tmp_path: Path, pad: Path) -> set[str]:
    con = duckdb.connect(str(tmp_path / "kijk.duckdb"))
    with verwerk_bestand(con, lees_mapping(pad.parent / "mapping.toml"), pad, "s" * 40):
        velden = {v for (v,) in con.sql("SELECT DISTINCT veld FROM werk.oordeel").fetchall()}
    con.close()
    return velden


def test_velden_die_al_kloppen_gaan_ongewijzigd_door(tmp_path: Path) -> None:
    # Levels already in ERK spelling and the fixed 'toets' need no lookup; 'B1' does become 'B1-route'.
    pad = _export(tmp_path, ["111222333;Zoë;03-03-2025;B1;120,0;100,5;A2;A1\r\n", "111222333;Zoë;04-03-2025;B1;120,0;100,5;B1;A2\r\n"])
    assert _velden_in_oordeel(tmp_path, pad) == {"id", "datum", "leerroute", "uren_aangeboden", "uren_aanwezig"}
    con = _laad(tmp_path, pad)
    pseudoniem = pseudoniemen("s" * 40, "bsn", ["111222333"])["111222333"]
    assert con.sql(
        "SELECT leerling, soort_meting, leerroute, niveau_lezen, niveau_spreken FROM staging.nt2_rapportage ORDER BY bronregel"
    ).fetchall() == [(pseudoniem, "toets", "B1-route", "A2", "A1"), (pseudoniem, "toets", "B1-route", "B1", "A2")]
    assert con.sql("SELECT kolom, origineel, genormaliseerd, aantal FROM controle.normalisatie").fetchall() == [
        ("Route", "B1", "B1-route", 2)
    ]


def test_een_afwijkende_waarde_laat_het_hele_veld_beoordelen(tmp_path: Path) -> None:
    # One level written as 'a2 ', one holding only a space and one unknown: both level fields are judged.
    pad = _export(
        tmp_path,
        [
            "111222333;Zoë;03-03-2025;B1-route;120,0;100,5;A2;A1\r\n",
            "111222333;Zoë;04-03-2025;B1-route;120,0;100,5;a2 ; \r\n",
            "111222333;Zoë;05-03-2025;B1-route;120,0;100,5;B1+;A2\r\n",
        ],
    )
    assert {"niveau_lezen", "niveau_spreken"} <= _velden_in_oordeel(tmp_path, pad)
    con = _laad(tmp_path, pad)
    assert con.sql("SELECT bronregel, niveau_lezen, niveau_spreken FROM staging.nt2_rapportage ORDER BY bronregel").fetchall() == [
        (2, "A2", "A1"),
        (3, "A2", None),  # a blank cell is null in the warehouse, never ' '
    ]
    assert con.sql("SELECT regel, reden FROM controle.quarantaine").fetchall() == [
        (4, "onbekend niveau 'B1+' in kolom 'Lezen'; gebruik A0, A1, A2, B1, B2, C1 of C2")
    ]
    assert con.sql("SELECT kolom, origineel, genormaliseerd, aantal, eerste_regel FROM controle.normalisatie").fetchall() == [
        ("Lezen", "a2", "A2", 1, 3)
    ]
