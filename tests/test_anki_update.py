"""A newer build imported into a collection that already studied the old one keeps all progress."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from vakwoorden.anki import bouw_sector_deck
from vakwoorden.anki import notitietype as notitietype_module
from vakwoorden.anki.notitietype import NOTITIETYPE_IDS
from vakwoorden.lijst import Vakwoord

pytest.importorskip("anki")


def bouw(uit: Path, woorden: list[Vakwoord], grootboek: Path) -> Path:
    metaal = [w for w in woorden if w.sector == "metaal"]
    bouw_sector_deck("metaal", uit, taal="ar", woorden=metaal, geluid=False, grootboek=grootboek)
    return uit


def studeer(col, aantal: int) -> None:
    col.decks.select(col.decks.id_for_name("Vakwoorden::Metaal"))
    for _ in range(aantal):
        kaart = col.sched.getCard()
        assert kaart is not None
        col.sched.answerCard(kaart, 4)  # "easy": straight to review, with an interval


def planning(col) -> dict[int, tuple[int, int, int, int, int]]:
    return {
        kaart_id: (ivl, due, kaart_type, queue, reps)
        for kaart_id, ivl, due, kaart_type, queue, reps in col.db.all(
            "SELECT id, ivl, due, type, queue, reps FROM cards"
        )
    }


def pakket_notities(pakket: Path, tmp_path: Path) -> dict[str, int]:
    """guid -> mod of the notes inside an .apkg."""
    database = tmp_path / f"{pakket.stem}.anki2"
    with zipfile.ZipFile(pakket) as zip_:
        database.write_bytes(zip_.read("collection.anki2"))
    with sqlite3.connect(database) as verbinding:
        return dict(verbinding.execute("SELECT guid, mod FROM notes").fetchall())


def test_nieuwe_versie_behoudt_voortgang_en_eigen_aanpassingen(tmp_path, anki_woorden, anki_collectie):
    grootboek = tmp_path / "grootboek"
    anki_collectie.importeer(bouw(tmp_path / "v1.apkg", anki_woorden, grootboek))
    col = anki_collectie.col
    studeer(col, 6)
    revlog_voor = col.db.scalar("SELECT count() FROM revlog")
    assert revlog_voor == 6
    planning_voor = planning(col)
    assert sum(1 for ivl, *_ in planning_voor.values() if ivl > 0) == 6

    # the learner writes their own explanation on a note that will not change
    moer = anki_collectie.notitie("moer")
    moer["Uitleg"] = "Mijn eigen uitleg: past op de bout."
    col.update_note(moer)

    # version 2: one explanation changed, one word added
    v2 = list(anki_woorden)
    v2[1] = dataclasses.replace(v2[1], uitleg="Een bril die je ogen beschermt. Verplicht bij slijpen.")
    v2.append(
        dataclasses.replace(v2[4], woord="bout", meervoud="bouten", uitleg="Een staaf met schroefdraad.")
    )
    resultaat = bouw_sector_deck(
        "metaal",
        tmp_path / "v2.apkg",
        taal="ar",
        woorden=[w for w in v2 if w.sector == "metaal"],
        geluid=False,
        grootboek=grootboek,
    )
    assert resultaat.gewijzigd == 2  # the changed note and the new one

    log = anki_collectie.importeer(tmp_path / "v2.apkg").log
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (1, 1, 4)
    assert col.note_count() == 6  # no duplicates
    assert col.card_count() == 12
    assert len(set(col.db.list("SELECT guid FROM notes"))) == 6

    assert anki_collectie.notitie("veiligheidsbril")["Uitleg"].endswith("Verplicht bij slijpen.")
    assert anki_collectie.notitie("moer")["Uitleg"] == "Mijn eigen uitleg: past op de bout."
    assert col.db.scalar("SELECT count() FROM revlog") == revlog_voor
    planning_na = planning(col)
    assert {k: planning_na[k] for k in planning_voor} == planning_voor
    anki_collectie.render_alle()


def test_ongewijzigde_herbouw_houdt_oude_wijzigingstijd(tmp_path, anki_woorden):
    grootboek = tmp_path / "grootboek"
    v1 = pakket_notities(bouw(tmp_path / "v1.apkg", anki_woorden, grootboek), tmp_path)
    v2_woorden = list(anki_woorden)
    v2_woorden[4] = dataclasses.replace(v2_woorden[4], voorbeeldzin="Draai de moer vast.")
    resultaat = bouw_sector_deck(
        "metaal",
        tmp_path / "v2.apkg",
        taal="ar",
        woorden=[w for w in v2_woorden if w.sector == "metaal"],
        geluid=False,
        grootboek=grootboek,
        nu=4_000_000_000,
    )
    v2 = pakket_notities(tmp_path / "v2.apkg", tmp_path)
    veranderd = {guid for guid in v1 if v1[guid] != v2[guid]}
    assert len(veranderd) == 1 and v2[veranderd.pop()] == 4_000_000_000
    assert resultaat.gewijzigd == 1


def test_zonder_grootboek_overschrijft_anki_alles_maar_planning_blijft(
    tmp_path, anki_woorden, anki_collectie
):
    """Why the ledger exists: with genanki's behaviour (every note newer) the learner's edit is lost."""
    anki_collectie.importeer(bouw(tmp_path / "v1.apkg", anki_woorden, tmp_path / "boek-1"))
    col = anki_collectie.col
    studeer(col, 3)
    planning_voor = planning(col)
    moer = anki_collectie.notitie("moer")
    moer["Uitleg"] = "Eigen uitleg."
    col.update_note(moer)
    bouw_sector_deck(
        "metaal",
        tmp_path / "v2.apkg",
        taal="ar",
        woorden=[w for w in anki_woorden if w.sector == "metaal"],
        geluid=False,
        grootboek=tmp_path / "boek-2-leeg",
        nu=4_000_000_000,
    )
    log = anki_collectie.importeer(tmp_path / "v2.apkg").log
    assert len(log.updated) == 5
    assert anki_collectie.notitie("moer")["Uitleg"] != "Eigen uitleg."
    assert planning(col) == planning_voor


def test_notitietype_alleen_bijgewerkt_na_sjabloonwijziging(
    tmp_path, anki_woorden, anki_collectie, monkeypatch
):
    grootboek = tmp_path / "grootboek"

    def model_mod(pakket: Path) -> int:
        with zipfile.ZipFile(pakket) as zip_:
            (tmp_path / "m.anki2").write_bytes(zip_.read("collection.anki2"))
        with sqlite3.connect(tmp_path / "m.anki2") as verbinding:
            models = json.loads(verbinding.execute("SELECT models FROM col").fetchone()[0])
        return int(models[str(NOTITIETYPE_IDS["ar"])]["mod"])

    v1 = bouw(tmp_path / "v1.apkg", anki_woorden, grootboek)
    anki_collectie.importeer(v1)
    v2 = bouw(tmp_path / "v2.apkg", anki_woorden, grootboek)
    assert model_mod(v1) == model_mod(v2)

    echte = notitietype_module.lees_bestand

    def andere_css(naam: str) -> str:
        tekst = echte(naam)
        return tekst + "\n/* versie 3 */\n" if naam == "kaart.css" else tekst

    monkeypatch.setattr(notitietype_module, "lees_bestand", andere_css)
    grootboek_v3 = tmp_path / "grootboek"
    v3 = bouw(tmp_path / "v3.apkg", anki_woorden, grootboek_v3)
    assert model_mod(v3) > model_mod(v1)
    anki_collectie.importeer(v3)
    assert anki_collectie.col.models.get(NOTITIETYPE_IDS["ar"])["css"].endswith("/* versie 3 */\n")
    assert anki_collectie.col.note_count() == 5
