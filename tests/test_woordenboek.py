"""The warehouse describes itself (issue 12.6): a DuckDB COMMENT on every table and column, the data
dictionary in warehouse/README.md generated from them, and Dagster's conventional metadata on the
kern and staging assets (row count, column schema, kinds, owners, cumulative quarantine counts)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey, AssetSelection, ExecuteInProcessResult
from marts_hulp import Demo, bouw_demo
from pijplijn import draai

from pipelines.bronnen import BRONNEN
from pipelines.definitions import defs
from pipelines.gedeeld.bronmetadata import bron_metadata
from pipelines.gedeeld.woordenboek import (
    EIGENAAR,
    README,
    commentaar_sql,
    readme_sectie,
    secties,
    tabelcommentaar,
    vervang,
    zin,
    zonder_commentaar,
)
from pipelines.kern import KERN_ASSETS
from pipelines.resources import maak_schema
from pipelines.taalaanbieders.velden import VELDEN

STAGING = {b.naam: b.asset for b in BRONNEN}  # every source's staging asset


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The session's demo warehouse (every source, kern, marts; tests/marts_hulp.py), built once."""
    return bouw_demo(tmp_path_factory)


def _metadata(resultaat: ExecuteInProcessResult, sleutel: AssetKey) -> dict:
    events = [e for e in resultaat.get_asset_materialization_events() if e.asset_key == sleutel]
    assert events, f"{sleutel.to_user_string()} is niet gematerialiseerd"
    return {k: v.value for k, v in events[-1].materialization.metadata.items()}


# -- comments ---------------------------------------------------------------------------------


def test_elke_tabel_en_kolom_heeft_een_commentaar(demo: Demo) -> None:
    with demo.lees() as con:
        zonder = con.execute(
            "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE comment IS NULL AND schema_name IN ('staging', 'controle', 'kern', 'mart')"
        ).fetchall()
        assert zonder == []
        assert zonder_commentaar(con) == []  # tables too
        per_schema = dict(
            con.execute(
                "SELECT schema_name, count(*) FROM duckdb_tables() "
                "WHERE schema_name IN ('staging', 'controle', 'kern', 'mart') GROUP BY ALL"
            ).fetchall()
        )
        leeg = con.execute(
            "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
            "WHERE schema_name IN ('staging', 'controle', 'kern', 'mart') AND trim(comment) = ''"
        ).fetchall()
    assert set(per_schema) == {"staging", "controle", "kern", "mart"}
    assert per_schema["kern"] >= 12 and per_schema["staging"] >= 9
    assert leeg == []


def test_een_tabel_zonder_commentaar_wordt_gevonden(demo: Demo, tmp_path: Path) -> None:
    kopie = tmp_path / "kopie.duckdb"
    kopie.write_bytes(demo.database.read_bytes())
    with duckdb.connect(str(kopie)) as con:
        con.execute("ALTER TABLE kern.werkplek ADD COLUMN proef VARCHAR")
        con.execute("CREATE TABLE controle.nieuw (a INTEGER)")
        assert sorted(zonder_commentaar(con)) == ["controle.nieuw", "controle.nieuw.a", "kern.werkplek.proef"]


def test_kolommen_van_nt2_rapportage_komen_uit_velden(demo: Demo) -> None:
    with demo.lees() as con:
        commentaar = dict(
            con.execute(
                "SELECT column_name, comment FROM duckdb_columns() "
                "WHERE schema_name = 'staging' AND table_name = 'nt2_rapportage'"
            ).fetchall()
        )
    gestaged = [v for v in VELDEN if v.soort != "lang"]
    assert gestaged
    for veld in gestaged:
        assert commentaar[veld.staging_naam] == zin(veld.omschrijving)


def test_commentaar_sql_citeert_en_weigert_vreemde_namen() -> None:
    sql = commentaar_sql("main.t", "Tabel van 'de' leerling.", {"a": "Kolom; DROP TABLE t; --'"})
    with duckdb.connect() as con:
        con.execute("CREATE TABLE t (a INTEGER)")
        con.execute(sql)
        assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 't'").fetchall() == [
            ("Tabel van 'de' leerling.",)
        ]
        assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 't'").fetchall() == [
            ("Kolom; DROP TABLE t; --'",)
        ]
    with pytest.raises(ValueError):
        commentaar_sql("main.t; DROP TABLE x", "x", {})
    with pytest.raises(ValueError):
        commentaar_sql("main.t", "x", {"a IS 'x'; --": "y"})


def test_tabelcommentaar_uit_sql() -> None:
    sql = "CREATE TABLE kern.a AS SELECT 1;\nCOMMENT ON TABLE kern.a IS 'Wat ''a'' is.';\nCOMMENT ON TABLE kern.b IS 'b';"
    assert tabelcommentaar(sql, "kern.a") == "Wat 'a' is."
    assert tabelcommentaar(sql, "kern.c") is None


# -- the data dictionary ----------------------------------------------------------------------


def test_woordenboek_in_readme_is_actueel(demo: Demo) -> None:
    tekst = README.read_text(encoding="utf-8")
    with demo.lees() as con:
        verwacht = secties(con)
    assert set(verwacht) == {"staging", "controle", "kern", "mart", "mart-andere"}
    for schema, deel in verwacht.items():
        assert readme_sectie(tekst, schema) == deel, (
            f"warehouse/README.md: het woordenboek van '{schema}' is verouderd; bouw het warehouse en draai "
            ".venv/bin/python -m pipelines.gedeeld.woordenboek warehouse/vakwoorden.duckdb"
        )
    with demo.lees() as con:
        tabellen = con.execute(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables() "
            "WHERE schema_name IN ('staging', 'controle', 'kern', 'mart')"
        ).fetchall()
    for (tabel,) in tabellen:  # every table once, in one of the generated parts
        assert sum(f"**{tabel}**" in deel for deel in verwacht.values()) == 1, tabel


def test_verouderd_woordenboek_wordt_vervangen() -> None:
    tekst = "kop\n<!-- woordenboek:kern:begin -->\noud\n<!-- woordenboek:kern:einde -->\nstaart\n"
    nieuw = vervang(tekst, {"kern": "nieuw\n"})
    assert nieuw == "kop\n<!-- woordenboek:kern:begin -->\nnieuw\n<!-- woordenboek:kern:einde -->\nstaart\n"
    assert readme_sectie(nieuw, "kern") == "nieuw\n"
    with pytest.raises(ValueError, match="markeringen"):
        vervang(tekst, {"staging": "x\n"})


# -- Dagster metadata -------------------------------------------------------------------------


def test_kern_assets_beschrijven_zich(demo: Demo) -> None:
    with demo.lees() as con:
        for asset in KERN_ASSETS:
            sleutel = asset.key
            tabel = ".".join(sleutel.path)
            spec = next(iter(asset.specs))
            commentaar = con.execute(
                "SELECT comment FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", sleutel.path
            ).fetchall()[0][0]
            assert spec.description == commentaar, tabel
            assert {"duckdb", "sql"} <= set(spec.kinds), tabel
            assert EIGENAAR in spec.owners
            metadata = _metadata(demo.resultaat, sleutel)
            rijen = con.table(tabel).aggregate("count(*)").fetchall()[0][0]
            assert metadata["dagster/row_count"] == rijen, tabel
            kolommen = con.execute(
                "SELECT column_name, data_type, comment FROM duckdb_columns() "
                "WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
                sleutel.path,
            ).fetchall()
            schema = metadata["dagster/column_schema"]
            assert [(k.name, k.type, k.description) for k in schema.columns] == kolommen, tabel


def test_staging_assets_tonen_de_hele_quarantaine(demo: Demo, tmp_path: Path) -> None:
    with demo.lees() as con:
        totaal = con.execute("SELECT count(*) FROM controle.quarantaine").fetchall()[0][0]
        geweigerd = dict(con.execute("SELECT bron, count(*) FROM controle.geweigerd_bestand GROUP BY ALL").fetchall())
        nt2 = con.execute("SELECT count(*) FROM staging.nt2_rapportage").fetchall()[0][0]
    assert totaal > 0  # the demo has bad rows on purpose
    assert {"taalaanbieder", "werkplek"} <= set(STAGING)
    for resultaat in (demo.resultaat, _nog_eens(demo, tmp_path)):
        som = 0
        for bron, sleutel in STAGING.items():
            spec = next(s for s in defs.resolve_all_asset_specs() if s.key == sleutel)
            assert "duckdb" in spec.kinds and EIGENAAR in spec.owners
            metadata = _metadata(resultaat, sleutel)
            for sleutelwoord in ("dagster/row_count", "dagster/column_schema", "quarantaine_totaal",
                                 "geweigerd_totaal", "quarantaine_voorbeeld"):  # fmt: skip
                assert sleutelwoord in metadata, (bron, sleutelwoord)
            assert metadata["geweigerd_totaal"] == geweigerd.get(bron, 0)
            voorbeeld = metadata["quarantaine_voorbeeld"]
            regels = [r for r in voorbeeld.splitlines() if r.startswith("| ") and not r.startswith("| bestand")]
            assert len(regels) == min(20, metadata["quarantaine_totaal"])
            assert not re.search(r"\d{9}", voorbeeld)  # no BSN or V-nummer in the preview
            som += metadata["quarantaine_totaal"]
        assert som == totaal
        taal = _metadata(resultaat, STAGING["taalaanbieder"])
        assert taal["dagster/row_count"] == nt2
        assert [k.name for k in taal["dagster/column_schema"].columns][:2] == ["leerling", "datum"]


def _nog_eens(demo: Demo, tmp_path: Path) -> ExecuteInProcessResult:
    """The staging assets once more on a copy of the warehouse: every file unchanged, nothing new in quarantine."""
    kopie = tmp_path / "nog_eens.duckdb"
    kopie.write_bytes(demo.database.read_bytes())
    resultaat = draai(demo.landing, kopie, selectie=AssetSelection.assets(*STAGING.values()), uit=tmp_path / "uit")
    assert resultaat.success
    for sleutel in STAGING.values():
        metadata = _metadata(resultaat, sleutel)
        assert metadata["rijen_quarantaine"] == 0 and metadata["bestanden_geladen"] == 0
    return resultaat


def test_vakwoordtabel_heeft_rijen_en_kolommen_in_dagster(demo: Demo) -> None:
    metadata = _metadata(demo.resultaat, AssetKey(["kern", "vakwoord"]))
    with demo.lees() as con:
        rijen = con.execute("SELECT count(*) FROM kern.vakwoord").fetchall()[0][0]
    assert metadata["dagster/row_count"] == rijen > 0
    kolommen = {k.name: k.description for k in metadata["dagster/column_schema"].columns}
    assert {"sector", "woord", "veiligheid"} <= set(kolommen) and all(kolommen.values())


def test_quarantaine_per_bron_telt_alles_en_toont_er_twintig(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "wh.duckdb")) as con:
        maak_schema(con)
        for bestand, bron, rijen in (("werkplekken/plaatsingen.csv", "werkplek", 25), ("taalaanbieders/a/x.csv", "taalaanbieder", 3)):
            con.execute(
                "INSERT INTO controle.ingelezen_bestand VALUES (?, ?, NULL, 'abc', ?, 0, ?, now(), NULL, NULL)",
                [bestand, bron, rijen, rijen],
            )
            con.executemany(
                "INSERT INTO controle.quarantaine VALUES (?, ?, ?)",
                [[bestand, r + 2, f"kolom 'soort': '{r}|x' is geen soort"] for r in range(rijen)],
            )
        con.execute("INSERT INTO controle.geweigerd_bestand VALUES ('werkplekken/y.csv', 'def', 'leeg', now(), 'werkplek')")
        werkplek = bron_metadata(con, "werkplek")
        taal = bron_metadata(con, "taalaanbieder")
    assert werkplek["quarantaine_totaal"].value == 25 and taal["quarantaine_totaal"].value == 3
    assert werkplek["geweigerd_totaal"].value == 1 and taal["geweigerd_totaal"].value == 0
    regels = werkplek["quarantaine_voorbeeld"].value.splitlines()
    assert regels[:2] == ["| bestand | regel | reden |", "|---|---|---|"] and len(regels) == 2 + 20
    assert regels[2] == "| werkplekken/plaatsingen.csv | 2 | kolom 'soort': '0\\|x' is geen soort |"
    assert werkplek["dagster/row_count"].value == 0
    with duckdb.connect(str(tmp_path / "leeg.duckdb")) as con:
        maak_schema(con)
        assert bron_metadata(con, "anki")["quarantaine_voorbeeld"].value == "Geen rijen in quarantaine."
        with pytest.raises(ValueError, match="onbekende bron"):
            bron_metadata(con, "bestaat-niet")
