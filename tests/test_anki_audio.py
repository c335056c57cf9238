"""Pronunciation with espeak-ng + lame: cached by content, and optional."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vakwoorden.anki import audio as audio_module
from vakwoorden.anki import bouw_deck
from vakwoorden.anki.audio import Uitspraak, media_naam, standaard_cache


def is_mp3(data: bytes) -> bool:
    """An ID3 tag or an MPEG frame sync (11 bits set) at the start."""
    return data.startswith(b"ID3") or (len(data) > 2 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


heeft_tts = shutil.which("espeak-ng") is not None and shutil.which("lame") is not None


def test_cache_map_uit_omgeving(monkeypatch, tmp_path):
    monkeypatch.setenv("VAKWOORDEN_CACHE", str(tmp_path / "eigen"))
    assert standaard_cache() == tmp_path / "eigen"
    monkeypatch.delenv("VAKWOORDEN_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert standaard_cache() == tmp_path / "xdg" / "vakwoorden" / "audio"


def test_media_naam_hangt_af_van_tekst_en_stem(monkeypatch):
    assert media_naam("de moer") == media_naam("de moer")
    assert media_naam("de moer") != media_naam("de moeren")
    voor = media_naam("de moer")
    monkeypatch.setattr(audio_module, "SNELHEID", 120)
    assert media_naam("de moer") != voor
    assert voor.startswith("vakwoorden_") and voor.endswith(".mp3")


@pytest.mark.skipif(not heeft_tts, reason="espeak-ng of lame ontbreekt")
def test_echte_uitspraak_in_anki(tmp_path, anki_woorden, anki_collectie, monkeypatch):
    cache = tmp_path / "cache"
    woorden = anki_woorden[:2]
    uit = tmp_path / "geluid.apkg"
    resultaat = bouw_deck(
        woorden, "Vakwoorden::Geluid", uit, taal="en", cache=cache, grootboek=tmp_path / "gb"
    )
    assert resultaat.met_geluid == 2 and resultaat.kaarten == 6  # listening cards too
    mp3 = sorted(cache.glob("*.mp3"))
    assert len(mp3) == 4 and all(is_mp3(p.read_bytes()) for p in mp3)

    anki_collectie.importeer(uit)
    col = anki_collectie.col
    media = Path(col.media.dir())
    assert {p.name for p in mp3} <= {p.name for p in media.iterdir()}
    bril = anki_collectie.notitie("veiligheidsbril")
    assert bril["AudioWoord"] == f"[sound:{media_naam('de veiligheidsbril')}]"
    assert bril["AudioZin"] == f"[sound:{media_naam(woorden[1].voorbeeldzin)}]"
    luisteren = [k for k in bril.cards() if k.template()["name"] == "3 Luisteren"]
    assert len(luisteren) == 1
    assert [tag.filename for tag in luisteren[0].question_av_tags()] == [media_naam("de veiligheidsbril")]
    anki_collectie.render_alle()

    # a rebuild takes everything from the cache: espeak-ng is not run again
    def geen_subprocess(*args, **kwargs):
        raise AssertionError("espeak-ng opnieuw aangeroepen")

    monkeypatch.setattr(subprocess, "run", geen_subprocess)
    opnieuw = bouw_deck(
        woorden, "Vakwoorden::Geluid", tmp_path / "2.apkg", taal="en", cache=cache, grootboek=tmp_path / "gb"
    )
    assert opnieuw.met_geluid == 2 and opnieuw.gewijzigd == 0


def test_zonder_tts_wel_deck_zonder_geluid(tmp_path, anki_woorden, anki_collectie, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    assert not Uitspraak(tmp_path / "cache").beschikbaar
    meldingen: list[str] = []
    uit = tmp_path / "stil.apkg"
    resultaat = bouw_deck(
        anki_woorden,
        "Vakwoorden::Stil",
        uit,
        taal="ar",
        cache=tmp_path / "cache",
        grootboek=tmp_path / "gb",
        melden=meldingen.append,
    )
    assert resultaat.met_geluid == 0 and resultaat.kaarten == 2 * len(anki_woorden)
    assert len(meldingen) == 1 and "espeak-ng" in meldingen[0] and "zonder geluid" in meldingen[0]
    assert resultaat.meldingen == meldingen
    anki_collectie.importeer(uit)
    assert anki_collectie.col.card_count() == 2 * len(anki_woorden)  # no listening cards
    assert not any(
        t["name"] == "3 Luisteren"
        for t in (anki_collectie.col.get_card(c).template() for c in anki_collectie.col.find_cards(""))
    )
    anki_collectie.render_alle()


def test_geluid_uit_meldt_niets(tmp_path, anki_woorden):
    meldingen: list[str] = []
    resultaat = bouw_deck(
        anki_woorden[:1],
        "Vakwoorden::X",
        tmp_path / "x.apkg",
        geluid=False,
        grootboek=tmp_path / "gb",
        melden=meldingen.append,
    )
    assert resultaat.met_geluid == 0 and meldingen == []


def test_mislukte_tts_geeft_geen_half_bestand(tmp_path, monkeypatch):
    uitspraak = Uitspraak(tmp_path / "cache")
    if not uitspraak.beschikbaar:
        pytest.skip("espeak-ng of lame ontbreekt")

    def faalt(*args, **kwargs):
        raise subprocess.CalledProcessError(1, "espeak-ng")

    monkeypatch.setattr(subprocess, "run", faalt)
    assert uitspraak.maak("de moer") is None
    assert list((tmp_path / "cache").iterdir()) == []
