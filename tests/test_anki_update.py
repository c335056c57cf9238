"""A newer build imported into a collection that already studied the old one keeps all progress."""

from __future__ import annotations

import dataclasses
import itertools
import json
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from vakwoorden.anki import bouw_deck, bouw_sector_deck, leerling_titel, werkplek_titel
from vakwoorden.anki import notitietype as notitietype_module
from vakwoorden.anki.notitietype import NOTITIETYPE_IDS
from vakwoorden.lijst import Vakwoord

pytest.importorskip("anki")

from conftest import AnkiCollectie, maak_anki_woorden  # noqa: E402


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


# --- issue 11.4: every order of this project's decks ------------------------------------------
# Whatever decks of this project a learner imports, in whatever order, with Anki's default import
# options: no note loses a translation or any field content, no deck arrives empty, and reviews
# and scheduling are kept. The representative set: the Arabic sector deck, its rebuilt version,
# the English sector deck, a Dutch werkplek deck (as the pipeline builds them) and an Arabic
# learner deck; all 120 orders.


@dataclasses.dataclass(frozen=True)
class Pakket:
    naam: str
    pad: Path
    decks: frozenset[str]
    notities: dict[str, dict[str, str]]  # guid -> fields


def _inhoud(pad: Path, map_: Path) -> tuple[frozenset[str], dict[str, dict[str, str]]]:
    database = map_ / f"{pad.stem}.anki2"
    with zipfile.ZipFile(pad) as zip_:
        database.write_bytes(zip_.read("collection.anki2"))
    with sqlite3.connect(database) as verbinding:
        (decks_json, models_json) = verbinding.execute("SELECT decks, models FROM col").fetchone()
        rijen = verbinding.execute("SELECT guid, mid, flds FROM notes").fetchall()
    namen = [f["name"] for f in next(iter(json.loads(models_json).values()))["flds"]]
    decks = frozenset(d["name"] for d in json.loads(decks_json).values() if d["name"] != "Default")
    return decks, {guid: dict(zip(namen, flds.split("\x1f"), strict=True)) for guid, _, flds in rijen}


@pytest.fixture(scope="module")
def pakketten(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pakket]:
    """The five packages, made once for the four blocks of orders (the tests only import them)."""
    anki_woorden = maak_anki_woorden()
    map_ = tmp_path_factory.mktemp("pakketten")
    boek = map_ / "grootboek"
    metaal = [w for w in anki_woorden if w.sector == "metaal"]
    gemaakt: dict[str, Path] = {}
    gemaakt["sector-ar"] = map_ / "metaal-ar.apkg"
    bouw_sector_deck(
        "metaal", gemaakt["sector-ar"], taal="ar", woorden=metaal, geluid=False, grootboek=boek, nu=1_000
    )
    gemaakt["sector-en"] = map_ / "metaal-en.apkg"
    bouw_sector_deck(
        "metaal", gemaakt["sector-en"], taal="en", woorden=metaal, geluid=False, grootboek=boek, nu=1_000
    )
    gemaakt["werkplek-nl"] = map_ / "werkplek-nl.apkg"
    bouw_deck(
        anki_woorden[:3],
        werkplek_titel("WP-ME01"),
        gemaakt["werkplek-nl"],
        taal="nl",
        geluid=False,
        grootboek=boek,
        nu=1_000,
    )
    gemaakt["leerling-ar"] = map_ / "leerling-ar.apkg"
    bouw_deck(
        [anki_woorden[1], anki_woorden[5]],
        leerling_titel(),
        gemaakt["leerling-ar"],
        taal="ar",
        geluid=False,
        grootboek=boek,
        nu=1_000,
    )
    # the rebuilt sector deck: one explanation changed, one word added
    v2 = list(metaal)
    v2[1] = dataclasses.replace(v2[1], uitleg="Een bril die je ogen beschermt. Verplicht bij slijpen.")
    v2.append(
        dataclasses.replace(v2[4], woord="bout", meervoud="bouten", uitleg="Een staaf met schroefdraad.")
    )
    gemaakt["sector-ar-v2"] = map_ / "metaal-ar-v2.apkg"
    bouw_sector_deck(
        "metaal", gemaakt["sector-ar-v2"], taal="ar", woorden=v2, geluid=False, grootboek=boek, nu=2_000
    )
    return {naam: Pakket(naam, pad, *_inhoud(pad, map_)) for naam, pad in gemaakt.items()}


def _planning(col) -> dict[int, tuple[int, ...]]:
    return {
        r[0]: tuple(r[1:])
        for r in col.db.all("SELECT id, ivl, due, type, queue, reps, lapses, did FROM cards")
    }


def _studeer(col, aantal: int) -> None:
    for _ in range(aantal):
        kaart = col.sched.getCard()
        if kaart is None:
            return
        col.sched.answerCard(kaart, 3)


VOLGORDEN = list(
    itertools.permutations(["sector-ar", "sector-ar-v2", "sector-en", "werkplek-nl", "leerling-ar"])
)


@pytest.mark.parametrize("blok", range(4))
def test_elke_volgorde_verliest_niets(blok, pakketten, tmp_path):
    """The 120 orders in four blocks (600 imports in all)."""
    _alle_volgorden(blok, pakketten, tmp_path)


def _alle_volgorden(blok: int, pakketten: dict[str, Pakket], basis: Path) -> None:
    for nummer, volgorde in enumerate(VOLGORDEN[blok::4]):
        collectie = AnkiCollectie(basis / f"c{nummer}")
        try:
            _controleer_volgorde(collectie, [pakketten[n] for n in volgorde])
        except AssertionError as fout:
            raise AssertionError(f"volgorde {' → '.join(volgorde)}: {fout}") from fout
        finally:
            collectie.col.close()


def _controleer_volgorde(collectie: AnkiCollectie, volgorde: list[Pakket]) -> None:
    col = collectie.col
    geimporteerd: list[Pakket] = []
    for pakket in volgorde:
        voor = {n.guid: dict(n.items()) for n in (col.get_note(i) for i in col.find_notes(""))}
        planning_voor = _planning(col)
        herhalingen_voor = col.db.scalar("SELECT count() FROM revlog")

        collectie.importeer(pakket.pad)
        geimporteerd.append(pakket)

        na = {n.guid: dict(n.items()) for n in (col.get_note(i) for i in col.find_notes(""))}
        # no note lost, no field content lost
        assert set(voor) <= set(na), "notities verdwenen"
        for guid, velden in voor.items():
            for veld, waarde in velden.items():
                assert not (waarde and not na[guid][veld]), f"{pakket.naam} maakte {veld} leeg"
        # every translation any imported package had for a note is still there
        for eerder in geimporteerd:
            for guid, velden in eerder.notities.items():
                for veld, waarde in velden.items():
                    if veld.startswith("Vertaling_") and waarde:
                        assert na[guid][veld], f"{veld} van {velden['Woord']} ontbreekt na {pakket.naam}"
        # no deck arrives empty
        for deck in pakket.decks:
            if deck.count("::") <= 1 and deck.startswith("Vakwoorden::Metaal"):
                continue  # the sector deck itself holds only its theme subdecks
            assert col.find_cards(f'"deck:{deck}" -"deck:{deck}::*"'), f"{deck} is leeg na {pakket.naam}"
        # reviews and scheduling kept
        assert col.db.scalar("SELECT count() FROM revlog") == herhalingen_voor
        planning_na = _planning(col)
        assert {k: planning_na[k] for k in planning_voor} == planning_voor, "planning veranderd"
        # the learner studies a little before the next import
        col.decks.select(col.decks.id_for_name(sorted(pakket.decks)[0]))
        _studeer(col, 3)
    # the rebuilt version's change arrived (newer wins, in either order) when the learner studies
    # the sector deck in Arabic; a learner who took the English deck first keeps English (the other
    # language's note type is skipped as "conflicting") and gets changes from the English deck
    namen = [p.naam for p in volgorde]
    eerste_sector = next(n for n in namen if n.startswith("sector"))
    if eerste_sector.startswith("sector-ar"):
        bril = col.get_note(
            col.db.scalar(
                "SELECT id FROM notes WHERE guid = ?", genanki.guid_for("metaal", "veiligheidsbril")
            )
        )
        assert bril["Uitleg"].endswith("Verplicht bij slijpen.")
        assert bril["Vertaling_ar"] == "نظارات السلامة" and bril["Vertaling_en"] == "safety glasses"
    collectie.render_alle()


@pytest.mark.skipif(
    not (__import__("shutil").which("espeak-ng") and __import__("shutil").which("lame")),
    reason="espeak-ng of lame ontbreekt",
)
def test_andere_geluidsinstelling_hernoemt_media_en_behoudt_voortgang(
    tmp_path, anki_woorden, anki_collectie, monkeypatch
):
    """Issue 16.8: new audio settings give every sound a new name; the notes are updated to it and
    the learner's reviews and scheduling stay."""
    from vakwoorden.anki import audio
    from vakwoorden.anki.notitietype import uitgesproken_woord

    metaal = [w for w in anki_woorden if w.sector == "metaal"][:2]
    woord, tekst = metaal[0].woord, uitgesproken_woord(metaal[0])
    opties = {"taal": "ar", "woorden": metaal, "cache": tmp_path / "cache", "grootboek": tmp_path / "gb"}
    with monkeypatch.context() as oud:
        oud.setattr(audio, "LAME_OPTIES", ("--quiet", "-m", "m", "-b", "48", "-q", "7"))
        oud.setattr(audio, "NASTILTE", 10.0)
        v1 = bouw_sector_deck("metaal", tmp_path / "v1.apkg", **opties)
        oude_naam = audio.Uitspraak(tmp_path / "cache").pad_voor(tekst).name
    assert v1.met_geluid == 2
    anki_collectie.importeer(tmp_path / "v1.apkg")
    col = anki_collectie.col
    studeer(col, 4)
    planning_voor = planning(col)
    revlog_voor = col.db.scalar("SELECT count() FROM revlog")
    assert anki_collectie.notitie(woord)["AudioWoord"] == f"[sound:{oude_naam}]"

    v2 = bouw_sector_deck("metaal", tmp_path / "v2.apkg", **opties)
    assert not v2.overgeslagen and v2.gewijzigd == 2  # every note names a new sound
    log = anki_collectie.importeer(tmp_path / "v2.apkg").log
    assert (len(log.new), len(log.updated)) == (0, 2)
    nieuwe_naam = audio.Uitspraak(tmp_path / "cache").pad_voor(tekst).name
    assert nieuwe_naam != oude_naam
    assert anki_collectie.notitie(woord)["AudioWoord"] == f"[sound:{nieuwe_naam}]"
    assert (Path(col.media.dir()) / nieuwe_naam).is_file()
    assert col.db.scalar("SELECT count() FROM revlog") == revlog_voor
    assert planning(col) == planning_voor
