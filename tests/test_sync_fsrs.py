"""FSRS: Anki's own stored memory state when the learner's Anki uses FSRS, else computed from revlog,
and the two agree on the same answers."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

pytest.importorskip("anki")

from sync_hulp import draai_anki, voeg_deelnemer_toe  # noqa: E402

from vakwoorden.anki.deck import bouw_deck, werkplek_titel  # noqa: E402
from vakwoorden.lijst import lees_lijst  # noqa: E402


def _backup(map_: Path, deck: Path, fsrs_aan: bool, doel: Path) -> list[float]:
    """A learner's collection answering 'good' on 3 words, exported as .colpkg; Anki's stabilities."""
    from anki.collection import Collection
    from ankisync import importeer_deck

    map_.mkdir()
    col = Collection(str(map_ / "collection.anki2"))
    col.set_config("fsrs", fsrs_aan)
    importeer_deck(col, deck)
    stabiliteiten = []
    for nid in sorted(col.find_notes("deck:Vakwoorden*"))[:3]:
        kaart = col.get_note(nid).cards()[0]
        kaart.start_timer()
        col.sched.answerCard(kaart, 3)
        staat = col.get_card(kaart.id).memory_state
        stabiliteiten.append(staat.stability if staat else 0.0)
    doel.parent.mkdir(parents=True, exist_ok=True)
    col.export_collection_package(str(doel), include_media=False, legacy=False)
    col.close()
    return stabiliteiten


def test_anki_geheugentoestand_en_eigen_fsrs(tmp_path: Path) -> None:
    deck = tmp_path / "werkplek.apkg"
    bouw_deck(lees_lijst("bouw")[:5], werkplek_titel("WP-BO01"), deck, geluid=False, woordenlijst=False,
              grootboek=tmp_path / "grootboek")  # fmt: skip
    landing, database = tmp_path / "landing", tmp_path / "w.duckdb"
    voeg_deelnemer_toe(landing, "met-fsrs", bsn="111222333")
    voeg_deelnemer_toe(landing, "zonder-fsrs", bsn="123456782")
    exports = landing / "anki" / "exports"
    anki_s = _backup(tmp_path / "a", deck, True, exports / "met-fsrs" / "a.colpkg")
    assert all(s > 0 for s in anki_s)
    assert _backup(tmp_path / "b", deck, False, exports / "zonder-fsrs" / "b.colpkg") == [0.0, 0.0, 0.0]
    assert draai_anki(landing, database, tmp_path / "sync").success
    con = duckdb.connect(str(database), read_only=True)
    try:
        rijen = con.execute(
            "SELECT bestand, methode, stabiliteit_dagen FROM staging.anki_beheersing ORDER BY bestand, woord"
        ).fetchall()
    finally:
        con.close()
    methoden = {}
    for bestand, methode, s in rijen:
        methoden.setdefault(bestand.rsplit("/", 1)[-1], []).append((methode, s))
    assert [m for m, _ in methoden["a.colpkg"]] == ["anki"] * 3
    assert sorted(s for _, s in methoden["a.colpkg"]) == pytest.approx(sorted(anki_s), abs=1e-3)
    assert [m for m, _ in methoden["b.colpkg"]] == ["fsrs"] * 3
    # Our FSRS-6 from the review log agrees with Anki's own for the same answer.
    assert sorted(s for _, s in methoden["b.colpkg"]) == pytest.approx(sorted(anki_s), abs=0.01)
