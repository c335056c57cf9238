"""Decks built from small fixtures, imported into the real Anki (test-only dependency)."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from vakwoorden.anki import bouw_deck, bouw_sector_deck, deck_id, note_guid, werkplek_titel
from vakwoorden.anki.notitietype import NOTITIETYPE_ID, VELDEN
from vakwoorden.lijst import TALEN, Vakwoord, lees_themas

pytest.importorskip("anki")


def metaal(woorden: list[Vakwoord]) -> list[Vakwoord]:
    return [w for w in woorden if w.sector == "metaal"]


def bouw(tmp_path: Path, woorden: list[Vakwoord], taal: str = "ar", **opties: object) -> Path:
    uit = tmp_path / f"metaal-{taal}.apkg"
    opties.setdefault("geluid", False)
    opties.setdefault("grootboek", tmp_path / "grootboek")
    bouw_sector_deck("metaal", uit, taal=taal, woorden=metaal(woorden), **opties)  # type: ignore[arg-type]
    return uit


def test_sector_deck_in_anki(tmp_path, anki_woorden, anki_collectie):
    uit = tmp_path / "metaal-ar.apkg"
    resultaat = bouw_sector_deck(
        "metaal", uit, taal="ar", woorden=metaal(anki_woorden), geluid=False, grootboek=tmp_path / "gb"
    )
    assert (resultaat.notities, resultaat.kaarten) == (5, 10)  # no audio: no listening cards
    assert (resultaat.ongecontroleerd, resultaat.zonder_vertaling) == (2, 2)
    assert resultaat.gewijzigd == 5
    assert resultaat.woordenlijst == uit.with_suffix(".html") and resultaat.woordenlijst.is_file()

    log = anki_collectie.importeer(uit).log
    assert len(log.new) == 5
    col = anki_collectie.col
    assert col.note_count() == 5 and col.card_count() == 10
    namen = {d.name for d in col.decks.all_names_and_ids()}
    # themes in the order of themas.csv, numbered so that Anki lists safety first
    assert {
        "Vakwoorden::Metaal",
        "Vakwoorden::Metaal::1. Veiligheid",
        "Vakwoorden::Metaal::2. Machines",
        "Vakwoorden::Metaal::3. Materialen",
        "Vakwoorden::Metaal::4. Bewerkingen",
    } <= namen
    notetype = col.models.get(NOTITIETYPE_ID)
    assert notetype is not None and [f["name"] for f in notetype["flds"]] == list(VELDEN)
    anki_collectie.render_alle()


def test_velden_tags_en_volgorde(tmp_path, anki_woorden, anki_collectie):
    anki_collectie.importeer(bouw(tmp_path, anki_woorden))
    col = anki_collectie.col
    bril = anki_collectie.notitie("veiligheidsbril")
    assert bril.guid == note_guid(anki_woorden[1])
    assert bril["Lidwoord"] == "de" and bril["LidwoordKlasse"] == "de"
    assert bril["Meervoud"] == '<span class="lidwoord-de">de veiligheidsbrillen</span>'
    assert (
        bril["Voorbeeldzin"]
        == 'Zet je <span class="nadruk">veiligheidsbril</span> op voordat je gaat slijpen.'
    )
    assert "veiligheidsbril" not in bril["UitlegVraag"] and "…" in bril["UitlegVraag"]
    assert bril["Vertaling"] == "نظارات السلامة" and bril["Richting"] == "rtl"
    assert bril["VertalingStatus"] == "vertaling niet gecontroleerd"
    assert set(bril.tags) == {"vakwoorden", "sector::metaal", "thema::veiligheid", "niveau::A2", "veiligheid"}

    apparaat = anki_collectie.notitie("lasapparaat")
    assert apparaat["LidwoordKlasse"] == "het" and apparaat["VertalingStatus"] == ""
    assert (
        anki_collectie.notitie("lassen")["Voorbeeldzin"]
        == 'Hij <span class="nadruk">last</span> de twee platen aan elkaar.'
    )

    # html in the source is escaped, never interpreted
    gevaarlijk = anki_collectie.notitie("gevaarlijk")
    assert "&lt;hier&gt; &amp; daar" in gevaarlijk["Uitleg"]
    assert gevaarlijk["Vertaling"] == ""  # no Arabic translation
    assert '<span class="nadruk">gevaarlijke</span>' in gevaarlijk["Voorbeeldzin"]

    # safety words first: the first new cards are from the Veiligheid subdeck, safety-critical first
    veiligheid = col.decks.id_for_name("Vakwoorden::Metaal::1. Veiligheid")
    kaarten = sorted((col.get_card(c) for c in col.find_cards("")), key=lambda k: k.due)
    assert kaarten[0].did == veiligheid


def test_kaarten_tonen_lidwoord_rtl_en_status(tmp_path, anki_woorden, anki_collectie):
    anki_collectie.importeer(bouw(tmp_path, anki_woorden))
    bril = anki_collectie.notitie("veiligheidsbril")
    vraag1, antwoord1 = (bril.cards()[0].question(), bril.cards()[0].answer())
    assert 'class="woord lidwoord-de"' in vraag1 and "Wat betekent dit woord?" in vraag1
    assert 'dir="rtl" lang="ar"' in antwoord1 and "vertaling niet gecontroleerd" in antwoord1
    assert "⚠ veiligheid" in vraag1
    vraag2, antwoord2 = (bril.cards()[1].question(), bril.cards()[1].answer())
    assert "Zeg ook <b>de</b> of <b>het</b>" in vraag2 and ">veiligheidsbril<" not in vraag2
    assert '<span class="woordtekst">veiligheidsbril</span>' in antwoord2
    assert ".nightMode" in vraag1 and ".night_mode" in vraag1  # CSS for night mode is on the card


@pytest.mark.parametrize("taal", TALEN)
def test_elke_taal(tmp_path, anki_woorden, anki_collectie, taal):
    anki_collectie.importeer(bouw(tmp_path, anki_woorden, taal=taal))
    bril = anki_collectie.notitie("veiligheidsbril")
    verwacht = next(w for w in anki_woorden if w.woord == "veiligheidsbril").vertalingen[taal].tekst
    assert bril["Vertaling"] == verwacht
    assert bril["Richting"] == ("rtl" if taal in ("ar", "fa") else "ltr")
    assert bril["VertalingStatus"] == ("" if taal in ("en", "tr") else "vertaling niet gecontroleerd")
    assert anki_collectie.col.card_count() == 10
    anki_collectie.render_alle()


def test_alleen_nederlands(tmp_path, anki_woorden, anki_collectie):
    resultaat_pad = bouw(tmp_path, anki_woorden, taal="nl")
    anki_collectie.importeer(resultaat_pad)
    for woord in ("veiligheidsbril", "lassen", "moer"):
        notitie = anki_collectie.notitie(woord)
        assert notitie["Vertaling"] == notitie["Taal"] == notitie["VertalingStatus"] == ""
    for vraag, antwoord in anki_collectie.render_alle():
        assert 'class="vertaling"' not in vraag + antwoord
    assert "alleen Nederlands" in resultaat_pad.with_suffix(".html").read_text(encoding="utf-8")


def test_werkplek_deck_over_sectoren(tmp_path, anki_woorden, anki_collectie):
    titel = werkplek_titel("Van Dijk Metaal::lasser")
    uit = tmp_path / "werkplek.apkg"
    woorden = [anki_woorden[2], anki_woorden[5], anki_woorden[1]]
    resultaat = bouw_deck(woorden, titel, uit, taal="so", geluid=False, grootboek=tmp_path / "gb")
    assert titel == "Vakwoorden::Werkplek::Van Dijk Metaal lasser"
    assert resultaat.notities == 3
    anki_collectie.importeer(uit)
    col = anki_collectie.col
    assert {d.name for d in col.decks.all_names_and_ids()} >= {titel}
    assert col.note_count() == 3
    # the safety word comes first, then the given order
    eerste = min((col.get_card(c) for c in col.find_cards("")), key=lambda k: k.due)
    assert eerste.note()["Woord"] == "veiligheidsbril"
    assert anki_collectie.notitie("handschoen").tags.count("sector::zorg") == 1
    anki_collectie.render_alle()
    # ledger books per sector and language
    assert {p.name for p in (tmp_path / "gb").iterdir()} == {
        "metaal-so.json",
        "zorg-so.json",
        "notitietype.json",
    }


def test_werkplek_en_sector_deck_geven_geen_dubbele_notities(tmp_path, anki_woorden, anki_collectie):
    anki_collectie.importeer(bouw(tmp_path, anki_woorden))
    werkplek = tmp_path / "werkplek.apkg"
    bouw_deck(
        anki_woorden[:2],
        werkplek_titel("lasser"),
        werkplek,
        taal="ar",
        geluid=False,
        grootboek=tmp_path / "grootboek",
    )
    log = anki_collectie.importeer(werkplek).log
    assert len(log.new) == 0
    assert anki_collectie.col.note_count() == 5


def test_vaste_ids(tmp_path, anki_woorden):
    uit = bouw(tmp_path, anki_woorden)
    with zipfile.ZipFile(uit) as pakket:
        database = tmp_path / "collection.anki2"
        database.write_bytes(pakket.read("collection.anki2"))
    with sqlite3.connect(database) as verbinding:
        decks = json.loads(verbinding.execute("SELECT decks FROM col").fetchone()[0])
        models = json.loads(verbinding.execute("SELECT models FROM col").fetchone()[0])
    assert {int(i): d["name"] for i, d in decks.items() if d["name"] != "Default"} == {
        deck_id(d["name"]): d["name"] for d in decks.values() if d["name"] != "Default"
    }
    assert deck_id("Vakwoorden::Metaal") == deck_id("Vakwoorden::Metaal")
    assert 1 << 30 <= deck_id("Vakwoorden::Metaal") < 1 << 31
    assert list(models) == [str(NOTITIETYPE_ID)]
    assert note_guid(anki_woorden[1]) == genanki.guid_for("metaal", "veiligheidsbril")


def test_themavolgorde_volgt_themas_csv():
    from vakwoorden.anki.deck import studievolgorde

    themas = lees_themas("metaal")
    woorden = [
        Vakwoord("metaal", w, "", "", "zelfstandig naamwoord", thema, "u", "z", "A1", veilig)
        for w, thema, veilig in [
            ("a", "machines", False),
            ("b", "veiligheid", False),
            ("c", "veiligheid", True),
            ("d", "onbekend thema", False),
        ]
    ]
    groepen = studievolgorde(woorden, themas)
    assert [(t, [w.woord for w in g]) for t, g in groepen] == [
        ("veiligheid", ["c", "b"]),
        ("machines", ["a"]),
        ("onbekend thema", ["d"]),
    ]


def test_lege_lijst_en_onbekende_taal(tmp_path, anki_woorden):
    with pytest.raises(ValueError, match="Geen woorden"):
        bouw_deck([], "Vakwoorden::Leeg", tmp_path / "x.apkg", geluid=False)
    with pytest.raises(ValueError, match="Onbekende taal"):
        bouw_deck(anki_woorden, "Vakwoorden::X", tmp_path / "x.apkg", taal="de", geluid=False)


def test_afbeelding_in_deck(tmp_path, anki_woorden, anki_collectie):
    import dataclasses

    lijsten = tmp_path / "lijsten"
    (lijsten / "metaal" / "afbeeldingen").mkdir(parents=True)
    (lijsten / "metaal" / "afbeeldingen" / "moer.png").write_bytes(b"\x89PNG\r\n\x1a\nnep")
    moer = dataclasses.replace(anki_woorden[4], afbeelding="moer.png", afbeelding_licentie="CC0")
    zonder = dataclasses.replace(anki_woorden[0], afbeelding="ontbreekt.png", afbeelding_licentie="CC0")
    meldingen: list[str] = []
    uit = tmp_path / "a.apkg"
    resultaat = bouw_deck(
        [moer, zonder],
        "Vakwoorden::A",
        uit,
        geluid=False,
        lijsten_map=lijsten,
        grootboek=tmp_path / "gb",
        melden=meldingen.append,
    )
    assert resultaat.met_afbeelding == 1
    assert any("ontbreekt.png" in m for m in meldingen)
    anki_collectie.importeer(uit)
    notitie = anki_collectie.notitie("moer")
    assert notitie["Afbeelding"] == '<img src="vakwoorden_metaal_moer.png" alt="moer">'
    assert (Path(anki_collectie.col.media.dir()) / "vakwoorden_metaal_moer.png").is_file()
    _, antwoord = notitie.cards()[0].question(), notitie.cards()[0].answer()
    assert "Afbeelding: CC0" in antwoord
    anki_collectie.render_alle()
