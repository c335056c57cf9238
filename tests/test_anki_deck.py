"""Decks built from small fixtures, imported into the real Anki (test-only dependency)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import genanki
import pytest

from vakwoorden.anki import bouw_deck, bouw_sector_deck, deck_id, note_guid, werkplek_titel
from vakwoorden.anki.notitietype import NOTITIETYPE_IDS, VELDEN
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
    notetype = col.models.get(NOTITIETYPE_IDS["ar"])
    assert notetype is not None and [f["name"] for f in notetype["flds"]] == list(VELDEN)
    assert notetype["name"] == "Vakwoorden NT2 · العربية"
    anki_collectie.render_alle()


def test_velden_tags_en_volgorde(tmp_path, anki_woorden, anki_collectie):
    anki_collectie.importeer(bouw(tmp_path, anki_woorden))
    col = anki_collectie.col
    bril = anki_collectie.notitie("veiligheidsbril")
    assert bril.guid == note_guid(anki_woorden[1])
    assert bril["Lidwoord"] == "de" and bril["LidwoordKlasse"] == "de"
    assert bril["Meervoud"] == '<span class="lidwoord-de">de veiligheids&shy;brillen</span>'
    assert (
        bril["Voorbeeldzin"]
        == 'Zet je <span class="nadruk">veiligheidsbril</span> op voordat je gaat slijpen.'
    )
    assert "veiligheidsbril" not in bril["UitlegVraag"] and "…" in bril["UitlegVraag"]
    # every note carries every translation, whatever the deck's language
    assert bril["Vertaling_ar"] == "نظارات السلامة" and bril["Ongecontroleerd_ar"] == "ongecontroleerd"
    assert bril["Vertaling_en"] == "safety glasses" and bril["Ongecontroleerd_en"] == ""
    assert bril["Vertaling_uk"] == "захисні окуляри"
    assert set(bril.tags) == {"vakwoorden", "sector::metaal", "thema::veiligheid", "niveau::A2", "veiligheid"}

    apparaat = anki_collectie.notitie("lasapparaat")
    assert apparaat["LidwoordKlasse"] == "het" and apparaat["Ongecontroleerd_ar"] == ""
    assert (
        anki_collectie.notitie("lassen")["Voorbeeldzin"]
        == 'Hij <span class="nadruk">last</span> de twee platen aan elkaar.'
    )

    # html in the source is escaped, never interpreted
    gevaarlijk = anki_collectie.notitie("gevaarlijk")
    assert "&lt;hier&gt; &amp; daar" in gevaarlijk["Uitleg"]
    assert gevaarlijk["Vertaling_ar"] == ""  # no Arabic translation
    assert gevaarlijk["Vertaling_en"] == "dangerous &amp; &lt;risky&gt;"
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
    assert 'lang="ar" dir="rtl">ما معنى هذه الكلمة؟' in vraag1  # the instruction in Arabic first
    assert 'lang="ar" dir="rtl">العربية</div>' in antwoord1  # the language's own name and script
    assert 'lang="ar" dir="rtl">نظارات السلامة<sup class="ongecontroleerd"' in antwoord1  # discreet mark
    assert "* الترجمة لم تُراجَع بعد" in antwoord1  # explained once, in small print
    assert "نظارات السلامة" not in vraag1
    assert 'lang="ar" dir="rtl">السلامة</span> · <span lang="nl">veiligheid' in vraag1
    vraag2, antwoord2 = (bril.cards()[1].question(), bril.cards()[1].answer())
    assert "Zeg ook de of het." in vraag2 and 'dir="ltr">de</b> أو <b lang="nl" dir="ltr">het</b>' in vraag2
    assert ">veiligheidsbril<" not in vraag2 and "veiligheids&shy;bril" not in vraag2
    assert '<span class="woordtekst">veiligheids&shy;bril</span>' in antwoord2  # breaks at its parts
    assert ".nightMode" in vraag1 and ".night_mode" in vraag1  # CSS for night mode is on the card


@pytest.mark.parametrize("taal", TALEN)
def test_elke_taal(tmp_path, anki_woorden, anki_collectie, taal):
    anki_collectie.importeer(bouw(tmp_path, anki_woorden, taal=taal))
    bril = anki_collectie.notitie("veiligheidsbril")
    verwacht = next(w for w in anki_woorden if w.woord == "veiligheidsbril").vertalingen[taal].tekst
    assert bril[f"Vertaling_{taal}"] == verwacht
    assert bril.note_type()["id"] == NOTITIETYPE_IDS[taal]
    assert bril[f"Ongecontroleerd_{taal}"] == ("" if taal in ("en", "tr") else "ongecontroleerd")
    assert anki_collectie.col.card_count() == 10
    antwoord = bril.cards()[0].answer()
    richting = "rtl" if taal in ("ar", "fa") else "ltr"
    assert f'<div class="vertaaltekst" lang="{taal}" dir="{richting}">{verwacht}' in antwoord
    assert ('<sup class="ongecontroleerd"' in antwoord) == (taal not in ("en", "tr"))
    anki_collectie.render_alle()


def test_alleen_nederlands(tmp_path, anki_woorden, anki_collectie):
    resultaat_pad = bouw(tmp_path, anki_woorden, taal="nl")
    anki_collectie.importeer(resultaat_pad)
    assert anki_collectie.notitie("veiligheidsbril")["Vertaling_ar"] == "نظارات السلامة"  # kept in the note
    for vraag, antwoord in anki_collectie.render_alle():
        assert 'class="vertaling"' not in vraag + antwoord and "نظارات" not in vraag + antwoord
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
    # ledger books per sector (content is the same in every language), note types, packages
    assert {p.name for p in (tmp_path / "gb").iterdir()} == {
        "metaal.json",
        "zorg.json",
        "notitietype.json",
        "pakketten.json",
        "invoer.json",
    }


def test_werkplek_deck_na_sector_deck_komt_niet_leeg_aan(tmp_path, anki_woorden, anki_collectie):
    """A werkplek deck has notes of its own: imported after the sector deck it arrives full (Anki
    leaves existing cards in their deck, so shared notes would leave it empty)."""
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
    assert len(log.new) == 2
    col = anki_collectie.col
    assert col.note_count() == 7
    assert len(col.find_cards(f'"deck:{werkplek_titel("lasser")}"')) == 4


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
    assert list(models) == [str(NOTITIETYPE_IDS["ar"])]
    assert note_guid(anki_woorden[1]) == genanki.guid_for("metaal", "veiligheidsbril")
    assert note_guid(anki_woorden[1], "Vakwoorden::Metaal") == note_guid(anki_woorden[1])
    assert note_guid(anki_woorden[1], "Vakwoorden::Werkplek::X") == genanki.guid_for(
        "Vakwoorden::Werkplek::X", "metaal", "veiligheidsbril"
    )


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
    naam = re.fullmatch(
        r'<img src="(vakwoorden_[0-9a-f]{16}\.png)" alt="moer">', notitie["Afbeelding"]
    ).group(1)
    assert (Path(anki_collectie.col.media.dir()) / naam).is_file()
    _, antwoord = notitie.cards()[0].question(), notitie.cards()[0].answer()
    assert "Afbeelding</span>: CC0" in antwoord
    anki_collectie.render_alle()


def test_script_in_elk_tekstveld_blijft_tekst(tmp_path, anki_collectie):
    """Issue 10.9: `<script>` in every text field of themas.csv and woorden.csv (a list folder
    given with --lijsten) reaches the cards, deck descriptions and printable list only as text."""
    import csv

    from opdrachten.cli import main
    from vakwoorden.lijst import KOLOMMEN

    boos = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    lijsten = tmp_path / "lijsten"
    (lijsten / "metaal").mkdir(parents=True)
    with open(lijsten / "metaal" / "themas.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["thema", "volgorde", "omschrijving"])
        schrijver.writerow([f"veiligheid{boos}", "1", f"Omschrijving {boos}"])
    vast = {"lidwoord": "de", "woordsoort": "zelfstandig naamwoord", "niveau": "A1", "veiligheid": "ja"}
    rij = {
        k: (vast.get(k) or ("ongecontroleerd" if k.endswith("_status") else f"{k} {boos}")) for k in KOLOMMEN
    }
    rij.update(thema=f"veiligheid{boos}", afbeelding="", afbeelding_licentie="")
    with open(lijsten / "metaal" / "woorden.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.DictWriter(f, KOLOMMEN)
        schrijver.writeheader()
        schrijver.writerow(rij)
    uit = tmp_path / "boos.apkg"
    assert main(["deck", "metaal", "--taal", "ar", "--lijsten", str(lijsten), "--uit", str(uit), "--zonder-geluid",
                 "--grootboek", str(tmp_path / "gb")]) == 0  # fmt: skip

    lijst = uit.with_suffix(".html").read_text(encoding="utf-8")
    assert "<script" not in lijst and "<img src=x" not in lijst and "&lt;script&gt;" in lijst
    anki_collectie.importeer(uit)
    col = anki_collectie.col
    beschrijvingen = [col.decks.get(d.id)["desc"] for d in col.decks.all_names_and_ids()]
    assert any("&lt;script&gt;" in b for b in beschrijvingen)
    assert not any("<script" in b or "<img src=x" in b for b in beschrijvingen)
    weergaven = anki_collectie.render_alle()
    assert weergaven
    for vraag, antwoord in weergaven:
        for tekst in (vraag, antwoord):
            assert "<script>alert" not in tekst and "<img src=x" not in tekst
    assert "&lt;script&gt;" in weergaven[0][1]


def test_studieopties_in_het_pakket(tmp_path, anki_woorden, anki_collectie):
    """Few new cards a day and siblings buried: applied when the learner imports deck presets."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    uit = bouw(tmp_path, anki_woorden)
    opties = ImportAnkiPackageOptions(merge_notetypes=False, with_scheduling=False, with_deck_configs=True)
    anki_collectie.col.import_anki_package(ImportAnkiPackageRequest(package_path=str(uit), options=opties))
    col = anki_collectie.col
    deck = col.decks.by_name("Vakwoorden::Metaal::1. Veiligheid")
    config = col.decks.config_dict_for_deck_id(deck["id"])
    assert config["name"] == "Vakwoorden"
    assert config["new"]["perDay"] == 10 and config["new"]["bury"] and config["rev"]["bury"]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is niet geïnstalleerd")
@pytest.mark.parametrize("taal", ["ar", "uk"])
def test_kaarten_passen_op_een_telefoon_van_412_px(tmp_path, anki_woorden, anki_collectie, taal):
    """Every side of every card, as Anki renders it, is no wider than a 412 px phone screen
    (a long compound, Arabic or Ukrainian instructions, the big play button of the listening card)."""
    import dataclasses

    lang = dataclasses.replace(
        anki_woorden[1], woord="veiligheidsinformatieblad", meervoud="veiligheidsinformatiebladen"
    )
    woorden = [lang, *anki_woorden[2:4]]
    knop = '<a class="replay-button soundLink" href="#"><svg viewBox="0 0 64 64" width="40" height="40"></svg></a>'
    uit = tmp_path / "telefoon.apkg"
    bouw_deck(woorden, werkplek_titel("WP"), uit, taal=taal, geluid=False, grootboek=tmp_path / "gb")
    anki_collectie.importeer(uit)
    kanten = []
    for vraag, antwoord in anki_collectie.render_alle():
        kanten += [vraag, antwoord]
    # the listening card as it would look with sound
    kanten.append(kanten[0].split("</style>")[0] + '</style><div class="kaart luisteren"><div class="geluid groot">'
                  + knop + "</div></div>")  # fmt: skip
    afspelen = re.compile(r"\[anki:play:[qa]:\d+\]")
    telefoons = "".join(
        f'<div class="telefoon card" style="width:412px;box-sizing:border-box">{afspelen.sub(knop, kant)}</div>'
        for kant in kanten
    )
    pagina = tmp_path / "kanten.html"
    pagina.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">{telefoons}'
        "<script>document.title = 'breedtes=' + Array.from(document.querySelectorAll('.telefoon'))"
        ".map(e => e.scrollWidth).join(',');</script></body></html>",
        encoding="utf-8",
    )
    uitvoer = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=800,900", "--dump-dom", str(pagina)],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    breedtes = [int(b) for b in re.search(r"<title>breedtes=([\d,]+)</title>", uitvoer).group(1).split(",")]
    assert len(breedtes) == len(kanten) and max(breedtes) <= 412, breedtes


def test_afbeeldingen_lijst_aandeel_en_paden(tmp_path):
    """Pictures from <sector>/afbeeldingen.csv: shipped files only (no path out of the picture
    folder), and the share that `vakwoorden controleer` reports."""
    import csv

    from vakwoorden.anki.afbeeldingen import afbeelding_aandeel, afbeelding_regel, lees_afbeeldingen
    from vakwoorden.lijst import KOLOMMEN

    lijsten = tmp_path / "lijsten"
    for sector in ("metaal", "zorg", "bouw"):
        (lijsten / sector).mkdir(parents=True)
        with open(lijsten / sector / "woorden.csv", "w", newline="", encoding="utf-8") as f:
            schrijver = csv.DictWriter(f, KOLOMMEN)
            schrijver.writeheader()
            for woord in ("hamer", "ladder", "boren", "zeep"):
                schrijver.writerow({k: "" for k in KOLOMMEN} | {"woord": woord})
    (lijsten / "metaal" / "afbeeldingen.csv").write_text(
        "woord,afbeelding,licentie\n"
        "hamer,openmoji/1F528.svg,OpenMoji – CC BY-SA 4.0\n"
        "ladder,../../../../etc/passwd,x\n"
        "boren,openmoji/bestaat-niet.svg,x\n",
        encoding="utf-8",
    )
    gevonden = lees_afbeeldingen("metaal", lijsten)
    assert list(gevonden) == ["hamer"] and gevonden["hamer"].bestand.name == "1F528.svg"
    assert afbeelding_aandeel(lijsten) == {"metaal": (1, 4), "zorg": (0, 4), "bouw": (0, 4)}
    assert afbeelding_regel(lijsten) == (
        "Woorden met een afbeelding: 1 van 12 (8%; metaal 1/4, zorg 0/4, bouw 0/4)."
    )
    # the shipped lists: every mapped file exists and has a licence
    for sector in ("metaal", "zorg", "bouw"):
        for afbeelding in lees_afbeeldingen(sector).values():
            assert afbeelding.bestand.is_file() and afbeelding.licentie


@pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("lame") is None, reason="geen espeak-ng/lame"
)
def test_achterkant_van_de_betekeniskaart_laat_het_woord_horen(tmp_path, anki_woorden, anki_collectie):
    uit = tmp_path / "geluid.apkg"
    bouw_deck(
        anki_woorden[4:5],
        werkplek_titel("WP"),
        uit,
        taal="en",
        cache=tmp_path / "cache",
        grootboek=tmp_path / "gb",
    )
    anki_collectie.importeer(uit)
    moer = anki_collectie.notitie("moer")
    assert moer["AudioWoord"].startswith("[sound:vakwoorden_")
    kaarten = moer.cards()
    assert len(kaarten) == 3  # with sound: the listening card too
    betekenis = kaarten[0]
    # the front plays the word, and so does the back (its own [sound:] tag, not only the front's)
    assert "[anki:play:q:0]" in betekenis.question()
    assert "[anki:play:a:0]" in betekenis.answer()
    assert betekenis.answer_av_tags()[0].filename == moer["AudioWoord"][len("[sound:") : -1]
