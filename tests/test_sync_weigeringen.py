"""Bad Anki input is refused with a Dutch reason, and nothing else is affected."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

import duckdb
import pytest
import zstandard

pytest.importorskip("anki")

from sync_hulp import draai_anki, voeg_deelnemer_toe  # noqa: E402

from pipelines.herhalingen.assets import alle_vakwoorden  # noqa: E402
from vakwoorden.anki.deck import bouw_sector_deck  # noqa: E402


@pytest.fixture(scope="module")
def goede_colpkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real Anki 26 backup with 3 answered vakwoorden."""
    from anki.collection import Collection
    from ankisync import importeer_deck

    map_ = tmp_path_factory.mktemp("goed")
    deck = map_ / "zorg.apkg"
    bouw_sector_deck("zorg", deck, geluid=False, woordenlijst=False, grootboek=map_ / "grootboek")
    col = Collection(str(map_ / "collection.anki2"))
    importeer_deck(col, deck)
    for nid in sorted(col.find_notes("deck:Vakwoorden*"))[:3]:
        kaart = col.get_note(nid).cards()[0]
        kaart.start_timer()
        col.sched.answerCard(kaart, 3)
    pakket = map_ / "goed.colpkg"
    col.export_collection_package(str(pakket), include_media=False, legacy=False)
    col.close()
    return pakket


def _zip(pad: Path, bestanden: dict[str, bytes]) -> None:
    with zipfile.ZipFile(pad, "w") as z:
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)


def _database_uit(pakket: Path) -> bytes:
    with zipfile.ZipFile(pakket) as z:
        return zstandard.ZstdDecompressor().stream_reader(io.BytesIO(z.read("collection.anki21b"))).read()


def _met_versie(pakket: Path, doel: Path, versie: int) -> None:
    db = doel.with_suffix(".db")
    db.write_bytes(_database_uit(pakket))
    con = sqlite3.connect(db)
    con.execute("UPDATE col SET ver = ?", [versie])
    con.commit()
    con.close()
    _zip(doel, {"collection.anki21b": zstandard.ZstdCompressor().compress(db.read_bytes()), "meta": b""})
    db.unlink()


def _vreemde_database(doel: Path) -> None:
    db = doel.with_suffix(".db")
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE boodschappen (wat TEXT)")
    con.commit()
    con.close()
    _zip(doel, {"collection.anki21b": zstandard.ZstdCompressor().compress(db.read_bytes()), "meta": b""})
    db.unlink()


VERWACHT = {
    "nep.colpkg": "geen zip-archief",
    "leeg.colpkg": "er zit geen Anki-collectie in",
    "oud.colpkg": "oude Anki-versie",
    "kapot.colpkg": "niet uit te pakken",
    "vreemd.colpkg": "de tabel(len) col, notes, cards, revlog ontbreken",
    "toekomst.colpkg": "schemaversie 19",
    "heel-oud.colpkg": "schemaversie 5",
    "geen-sqlite.colpkg": "geen (leesbare) SQLite-database",
    "afgekapt.colpkg": "",
}


def test_slechte_invoer_geweigerd_de_rest_geladen(tmp_path: Path, goede_colpkg: Path) -> None:
    landing, database = tmp_path / "landing", tmp_path / "w.duckdb"
    voeg_deelnemer_toe(landing, "goed", bsn="111222333")
    voeg_deelnemer_toe(landing, "slecht", bsn="123456782")
    goed = landing / "anki" / "exports" / "goed"
    slecht = landing / "anki" / "exports" / "slecht"
    goed.mkdir(parents=True)
    slecht.mkdir(parents=True)
    (goed / "back-up.colpkg").write_bytes(goede_colpkg.read_bytes())
    (slecht / "nep.colpkg").write_text("dit is geen back-up", encoding="utf-8")
    _zip(slecht / "leeg.colpkg", {"leesmij.txt": b"hallo"})
    _zip(slecht / "oud.colpkg", {"collection.anki2": b"SQLite format 3\0", "media": b"{}"})
    _zip(slecht / "kapot.colpkg", {"collection.anki21b": b"\x28\xb5\x2f\xfd kapot", "meta": b""})
    _vreemde_database(slecht / "vreemd.colpkg")
    _met_versie(goede_colpkg, slecht / "toekomst.colpkg", 19)
    _met_versie(goede_colpkg, slecht / "heel-oud.colpkg", 5)
    _zip(slecht / "geen-sqlite.colpkg", {"collection.anki21b": zstandard.ZstdCompressor().compress(b"x" * 5000)})
    (slecht / "afgekapt.colpkg").write_bytes(goede_colpkg.read_bytes()[: goede_colpkg.stat().st_size // 2])
    onbekend = landing / "anki" / "exports" / "niemand"
    onbekend.mkdir()
    (onbekend / "back-up.colpkg").write_bytes(goede_colpkg.read_bytes())
    # A synced collection that is not one: refused like a backup.
    (tmp_path / "sync" / "slecht").mkdir(parents=True)
    (tmp_path / "sync" / "slecht" / "collection.anki2").write_bytes(b"geen database" * 100)

    resultaat = draai_anki(landing, database, tmp_path / "sync")
    assert resultaat.success
    con = duckdb.connect(str(database), read_only=True)
    try:
        geweigerd = dict(con.execute("SELECT bestand, reden FROM controle.geweigerd_bestand").fetchall())
        per_naam = {b.rsplit("/", 1)[-1] if "/sync/" not in b else "sync": r for b, r in geweigerd.items()}
        for naam, stukje in VERWACHT.items():
            assert naam in per_naam, (naam, geweigerd)
            assert stukje in per_naam[naam], (naam, per_naam[naam])
        assert "onbekende deelnemer" in geweigerd["anki/exports/niemand/back-up.colpkg"]
        assert "geen (leesbare) SQLite-database" in per_naam["sync"]
        assert len(geweigerd) == len(VERWACHT) + 2
        # Nothing of the refused files, and the good learner's backup fully loaded.
        rijen = con.execute("SELECT leerling, count(*) FROM kern.vakwoord_beheersing GROUP BY ALL").fetchall()
        assert len(rijen) == 1 and rijen[0][1] == 3
        namen = [b for (b,) in con.execute("SELECT bestand FROM controle.ingelezen_bestand").fetchall()]
        assert len(namen) == 1 and namen[0].endswith("/back-up.colpkg")
        assert all("slecht" not in b and "goed/" not in b for b in [*namen, *geweigerd])  # names by pseudonym
        vakwoorden = {w.woord for w in alle_vakwoorden()}
        assert {w for (w,) in con.execute("SELECT woord FROM staging.anki_beheersing").fetchall()} <= vakwoorden
    finally:
        con.close()

    # Fixed at the source: the refusal disappears, the good rows stay.
    for pad in slecht.iterdir():
        pad.unlink()
    (slecht / "nu-goed.colpkg").write_bytes(goede_colpkg.read_bytes())
    assert draai_anki(landing, database, tmp_path / "sync").success
    con = duckdb.connect(str(database), read_only=True)
    try:
        geweigerd = [b for (b,) in con.execute("SELECT bestand FROM controle.geweigerd_bestand").fetchall()]
        assert len(geweigerd) == 2  # the unknown learner's backup and the broken synced collection remain
        assert con.execute("SELECT count(DISTINCT leerling) FROM kern.vakwoord_beheersing").fetchall() == [(2,)]
    finally:
        con.close()


def test_kapotte_deelnemerslijst_verandert_niets(tmp_path: Path, goede_colpkg: Path) -> None:
    landing, database = tmp_path / "landing", tmp_path / "w.duckdb"
    voeg_deelnemer_toe(landing, "goed", bsn="111222333")
    (landing / "anki" / "exports" / "goed").mkdir(parents=True)
    (landing / "anki" / "exports" / "goed" / "back-up.colpkg").write_bytes(goede_colpkg.read_bytes())
    assert draai_anki(landing, database, tmp_path / "sync").success
    lijst = landing / "anki" / "deelnemers.csv"
    goed = lijst.read_text(encoding="utf-8")
    lijst.write_text(goed.replace("111222333", "111222334"), encoding="utf-8")  # a typo: fails the 11-proef
    assert draai_anki(landing, database, tmp_path / "sync").success
    con = duckdb.connect(str(database), read_only=True)
    try:
        geweigerd = con.execute("SELECT bestand, reden FROM controle.geweigerd_bestand").fetchall()
        assert len(geweigerd) == 1 and geweigerd[0][0] == "anki/deelnemers.csv"
        assert "deelnemers.csv:2" in geweigerd[0][1] and "11-proef" in geweigerd[0][1]
        assert con.execute("SELECT count(*) FROM kern.vakwoord_beheersing").fetchall() == [(3,)]  # kept
    finally:
        con.close()
    lijst.write_text(goed, encoding="utf-8")
    assert draai_anki(landing, database, tmp_path / "sync").success
    con = duckdb.connect(str(database), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM controle.geweigerd_bestand").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM kern.vakwoord_beheersing").fetchall() == [(3,)]
    finally:
        con.close()
