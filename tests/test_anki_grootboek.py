"""The mod-time ledger: unchanged content keeps its time, changed content gets a newer one."""

from __future__ import annotations

import json

from vakwoorden.anki.grootboek import Grootboek, inhoud_hash


def test_zelfde_inhoud_zelfde_tijd(tmp_path):
    boek = Grootboek(tmp_path, nu=1000)
    assert boek.mod_voor("metaal-ar", "g1", "h1") == 1000
    assert boek.is_gewijzigd("metaal-ar", "g1")
    boek.opslaan()

    later = Grootboek(tmp_path, nu=5000)
    assert later.mod_voor("metaal-ar", "g1", "h1") == 1000
    assert not later.is_gewijzigd("metaal-ar", "g1")
    assert later.mod_voor("metaal-ar", "g1", "h2") == 5000
    assert later.aantal_gewijzigd == 1


def test_nieuwe_tijd_is_altijd_nieuwer(tmp_path):
    boek = Grootboek(tmp_path, nu=1000)
    boek.mod_voor("b", "g", "h1")
    boek.opslaan()
    # same second (or a clock that went back): still strictly newer
    assert Grootboek(tmp_path, nu=900).mod_voor("b", "g", "h2") == 1001


def test_opslaan_voegt_samen_met_wat_er_al_staat(tmp_path):
    a = Grootboek(tmp_path, nu=10)
    b = Grootboek(tmp_path, nu=20)
    a.mod_voor("metaal-en", "g1", "x")
    b.mod_voor("metaal-en", "g2", "y")
    a.opslaan()
    b.opslaan()
    data = json.loads((tmp_path / "metaal-en.json").read_text(encoding="utf-8"))
    assert data["notities"] == {"g1": {"inhoud": "x", "mod": 10}, "g2": {"inhoud": "y", "mod": 20}}


def test_kapot_bestand_telt_als_leeg(tmp_path):
    (tmp_path / "zorg-fa.json").write_text("{kapot", encoding="utf-8")
    assert Grootboek(tmp_path, nu=7).mod_voor("zorg-fa", "g", "h") == 7


def test_inhoud_hash_scheidt_delen():
    assert inhoud_hash("ab", "c") != inhoud_hash("a", "bc")
    assert inhoud_hash("a") == inhoud_hash("a")


def test_ongewijzigd_deck_wordt_niet_herbouwd(tmp_path, anki_woorden):
    """Issue 16.8: nothing changed, nothing written; one translation changed, the deck is rebuilt."""
    import dataclasses

    from vakwoorden.anki import bouw_sector_deck
    from vakwoorden.lijst import Vertaling

    metaal = [w for w in anki_woorden if w.sector == "metaal"]
    uit = tmp_path / "metaal-ar.apkg"
    opties = {"taal": "ar", "geluid": False, "grootboek": tmp_path / "gb"}
    eerste = bouw_sector_deck("metaal", uit, woorden=metaal, **opties)
    assert not eerste.overgeslagen and uit.is_file()
    tijd, lijst_tijd = uit.stat().st_mtime_ns, uit.with_suffix(".html").stat().st_mtime_ns

    tweede = bouw_sector_deck("metaal", uit, woorden=metaal, **opties)
    assert tweede.overgeslagen
    assert (tweede.notities, tweede.kaarten, tweede.ongecontroleerd) == (
        eerste.notities,
        eerste.kaarten,
        eerste.ongecontroleerd,
    )
    assert uit.stat().st_mtime_ns == tijd and uit.with_suffix(".html").stat().st_mtime_ns == lijst_tijd

    # another language of the same words is another package: built
    assert not bouw_sector_deck(
        "metaal", tmp_path / "metaal-en.apkg", woorden=metaal, **{**opties, "taal": "en"}
    ).overgeslagen

    anders = list(metaal)
    anders[0] = dataclasses.replace(
        anders[0], vertalingen={**anders[0].vertalingen, "ar": Vertaling("ar", "لحام", True)}
    )
    derde = bouw_sector_deck("metaal", uit, woorden=anders, **opties)
    assert not derde.overgeslagen and derde.gewijzigd == 1 and uit.stat().st_mtime_ns != tijd

    uit.unlink()  # a deleted package is written again
    assert not bouw_sector_deck("metaal", uit, woorden=anders, **opties).overgeslagen and uit.is_file()


def test_koppel_deelt_een_bestand(tmp_path):
    from pipelines.decks.assets import koppel

    bron = tmp_path / "gedeeld.apkg"
    bron.write_bytes(b"pakket")
    doel = tmp_path / "leerling.apkg"
    doel.write_bytes(b"oud")
    koppel(bron, doel)
    assert doel.read_bytes() == b"pakket" and doel.stat().st_ino == bron.stat().st_ino
    koppel(bron, doel)  # already the same file: nothing happens
    assert doel.stat().st_nlink == 2


def test_bestandsnaam_uit_invoer_blijft_in_de_uitvoermap(tmp_path):
    import pytest

    from vakwoorden.anki.deck import pad_binnen

    assert pad_binnen(tmp_path, "WP-01-nl.apkg") == (tmp_path / "WP-01-nl.apkg").resolve()
    for slecht in ("../../../X-nl.apkg", "/tmp/X-nl.apkg", "a/../../b.apkg", ""):
        with pytest.raises(ValueError, match="buiten de uitvoermap"):
            pad_binnen(tmp_path / "decks", slecht)


def test_gedeeld_grootboek_wordt_door_de_aanroeper_opgeslagen(tmp_path, anki_woorden):
    """A deck asset passes one open ledger to all its builds and saves it once at the end."""
    from vakwoorden.anki import bouw_sector_deck

    metaal = [w for w in anki_woorden if w.sector == "metaal"]
    boek = Grootboek(tmp_path / "gb")
    for taal in ("nl", "ar"):
        uit = tmp_path / f"metaal-{taal}.apkg"
        assert not bouw_sector_deck(
            "metaal", uit, woorden=metaal, taal=taal, geluid=False, grootboek=boek
        ).overgeslagen
    assert not (tmp_path / "gb").exists()  # nothing written before the caller saves
    boek.opslaan()
    opgeslagen = json.loads((tmp_path / "gb" / "invoer.json").read_text(encoding="utf-8"))["notities"]
    assert {str((tmp_path / f"metaal-{t}.apkg").resolve()) for t in ("nl", "ar")} <= set(opgeslagen)

    # the next run (a new ledger read from disk) keeps both packages
    opnieuw = Grootboek(tmp_path / "gb")
    for taal in ("nl", "ar"):
        uit = tmp_path / f"metaal-{taal}.apkg"
        assert bouw_sector_deck(
            "metaal", uit, woorden=metaal, taal=taal, geluid=False, grootboek=opnieuw
        ).overgeslagen


def test_mislukt_schrijven_wordt_niet_als_gedaan_bewaard(tmp_path, anki_woorden, monkeypatch):
    """A deck asset saves its ledger only when every package was written: after a failed write the
    next run writes that package again, instead of trusting the ledger and keeping the old file."""
    import dataclasses
    import zipfile

    import pytest
    from dagster import build_asset_context

    from pipelines.decks import assets
    from pipelines.resources import Uitvoer
    from vakwoorden.anki.deck import Vakwoordpakket
    from vakwoorden.lijst import lees_themas

    metaal = [w for w in anki_woorden if w.sector == "metaal"]
    themas = lees_themas("metaal")
    monkeypatch.setattr(assets, "lees_themas", lambda sector: themas)
    config = assets.SectorDecksConfig(sectoren=["metaal"], talen=["nl", "ar"], geluid=False)
    uitvoer = Uitvoer(map=str(tmp_path))

    def draai(woorden):
        monkeypatch.setattr(assets, "lees_lijst", lambda sector: woorden)
        return assets.sector_decks(context=build_asset_context(), config=config, uitvoer=uitvoer)

    draai(metaal)
    ar = tmp_path / "decks" / "metaal-ar.apkg"
    v1 = ar.read_bytes()

    anders = [dataclasses.replace(metaal[0], uitleg="Een nieuwe uitleg."), *metaal[1:]]
    echt_schrijven = Vakwoordpakket.write_to_file

    def schijf_vol(self, file, timestamp=None):
        if "metaal-ar" in file:
            raise OSError(28, "No space left on device")
        echt_schrijven(self, file, timestamp)

    monkeypatch.setattr(Vakwoordpakket, "write_to_file", schijf_vol)
    with pytest.raises(OSError):
        draai(anders)
    assert ar.read_bytes() == v1  # the old package is still there, whole

    monkeypatch.setattr(Vakwoordpakket, "write_to_file", echt_schrijven)
    resultaat = draai(anders)
    assert resultaat.metadata["ongewijzigd_niet_herbouwd"] == 0
    with zipfile.ZipFile(ar) as pakket:
        assert b"Een nieuwe uitleg." in pakket.read("collection.anki2")
