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


# ---- pronunciation fixes (the word list's 'uitspraak' column) ------------------------------


def test_gesproken_tekst_vervangt_hele_woorden():
    from vakwoorden.anki.audio import gesproken_tekst

    uitspraken = {"container": "[[kOnt'e:n@r]]", "containers": "[[kOnt'e:n@rs]]", "bed": "bet"}
    zin = "Gooi het in de Container; twee containers bij het hoog-laagbed en het bed."
    assert gesproken_tekst(zin, uitspraken) == (
        "Gooi het in de [[kOnt'e:n@r]]; twee [[kOnt'e:n@rs]] bij het hoog-laagbed en het bet."
    )
    assert gesproken_tekst("de schrootcontainer", uitspraken) == "de schrootcontainer"
    assert gesproken_tekst("de moer", {}) == "de moer"


def test_uitspraak_vormen_met_meervoud_en_extra_vorm():
    from vakwoorden.lijst import uitspraak_vormen

    assert uitspraak_vormen("pallet", "pallets", "[[p'El@t]]") == {
        "pallet": "[[p'El@t]]",
        "pallets": "[[p'El@ts]]",
    }
    assert uitspraak_vormen("föhnen", "", "[[f'Y:n@n]]; föhn=[[f'Y:n]]") == {
        "föhnen": "[[f'Y:n@n]]",
        "föhn": "[[f'Y:n]]",
    }
    assert uitspraak_vormen("scootmobiel", "scootmobielen", "skoetmobiel") == {
        "scootmobiel": "skoetmobiel",
        "scootmobielen": "skoetmobielen",
    }
    assert uitspraak_vormen("kalkzandsteen", "kalkzandstenen", "") == {}


def test_uitspraak_zit_in_de_cachesleutel(tmp_path):
    zonder = Uitspraak(tmp_path, uitspraken={})
    met = Uitspraak(tmp_path, uitspraken={"pallet": "[[p'El@t]]"})
    assert met.gesproken("de pallet") == "de [[p'El@t]]"
    assert zonder.pad_voor("de pallet") != met.pad_voor("de pallet")
    assert met.pad_voor("de moer") == zonder.pad_voor("de moer") == tmp_path / media_naam("de moer")


def test_lijsten_geven_de_genoemde_woorden_een_uitspraak():
    from vakwoorden.lijst import uitspraken

    tabel = uitspraken()
    for woord in (
        "föhnen",
        "poedercoaten",
        "toolboxmeeting",
        "scootmobiel",
        "overall",
        "pallet",
        "container",
        "decubitus",
        "hygiënemaatregel",
        "kalkzandsteen",
    ):
        assert tabel.get(woord, "").startswith("[["), woord
    assert tabel["pallets"] == "[[p'El@ts]]"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng ontbreekt")
def test_fonemen_en_verbeterde_uitspraak():
    from vakwoorden.anki.audio import fonemen
    from vakwoorden.lijst import uitspraken

    tabel = uitspraken()
    klank = fonemen(["kalkzandsteen", tabel["kalkzandsteen"], "pallet", tabel["pallet"]])
    # espeak-ng's own reading puts the stress on 'steen'; the fix puts it on 'kalk'
    assert klank["kalkzandsteen"].index("'") > klank["kalkzandsteen"].index("z")
    assert klank[tabel["kalkzandsteen"]].startswith("k'Alk")
    assert klank["pallet"] == "p'AlEt" and klank[tabel["pallet"]] == "p'El@t"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng ontbreekt")
def test_controle_uitspraak(tmp_path):
    from vakwoorden.controle import controleer_uitspraak
    from vakwoorden.lijst import KOLOMMEN, LIJSTEN_MAP, lees_rijen, lijst_pad, schrijf_rijen

    map_ = tmp_path / "lijsten"
    (map_ / "bouw").mkdir(parents=True)
    shutil.copy(LIJSTEN_MAP / "bouw" / "themas.csv", map_ / "bouw" / "themas.csv")
    rijen = {r["woord"]: r for _, r in lees_rijen(lijst_pad("bouw"))}
    gekozen = [dict(rijen[w]) for w in ("toolboxmeeting", "kalkzandsteen", "container", "oordop")]
    for rij in gekozen:
        rij["uitspraak"] = ""
    schrijf_rijen(lijst_pad("bouw", map_), gekozen, KOLOMMEN)
    gemeld = {p.melding.split("'")[1]: p for p in controleer_uitspraak(map_)}
    assert set(gemeld) == {"toolboxmeeting", "kalkzandsteen", "container"}
    assert "Engels" in gemeld["toolboxmeeting"].melding
    assert "klemtoon valt op" in gemeld["kalkzandsteen"].melding
    assert "[[k'Alk" in gemeld["kalkzandsteen"].oplossing  # a suggestion with the stress on 'kalk'

    gekozen[0]["uitspraak"] = "[[t'u:lbOksm,i:tIN]]"
    gekozen[1]["uitspraak"] = "[[k'AlkzAntst,e:n]]"
    gekozen[2]["uitspraak"] = "[[kOnt'e:n@r"  # not closed
    schrijf_rijen(lijst_pad("bouw", map_), gekozen, KOLOMMEN)
    gemeld = {p.melding.split("'")[1]: p for p in controleer_uitspraak(map_)}
    assert set(gemeld) == {"container"} and "anders dan bedoeld" in gemeld["container"].melding


@pytest.mark.skipif(not heeft_tts, reason="espeak-ng of lame ontbreekt")
def test_verbeterde_uitspraak_geeft_nieuw_geluid(tmp_path):
    zonder = Uitspraak(tmp_path, uitspraken={}).maak("de pallet")
    met = Uitspraak(tmp_path, uitspraken={"pallet": "[[p'El@t]]"}).maak("de pallet")
    assert zonder is not None and met is not None and zonder != met
    assert is_mp3(met.read_bytes()) and met.read_bytes() != zonder.read_bytes()
    assert met.name == media_naam("de [[p'El@t]]")


# ---- encoding: espeak-ng's WAV from a pipe, trailing silence --------------------------------


def _wav_uit_pijp(monsters: list[int], frequentie: int = 22050) -> bytes:
    """A WAV as espeak-ng writes it to a pipe: placeholder sizes (0x7fffffff) in the header."""
    import struct

    data = struct.pack(f"<{len(monsters)}h", *monsters)
    fmt = struct.pack("<HHIIHH", 1, 1, frequentie, 2 * frequentie, 2, 16)
    return (
        b"RIFF"
        + b"\xff\xff\xff\x7f"
        + b"WAVE"
        + b"fmt "
        + struct.pack("<I", 16)
        + fmt
        + b"data"
        + b"\xff\xff\xff\x7f"
        + data
    )


def test_wav_uit_een_pijp_wordt_gelezen():
    from vakwoorden.anki.audio import _wav_pcm

    pcm, frequentie = _wav_pcm(_wav_uit_pijp([1, -2, 3], 16000))
    assert frequentie == 16000 and pcm == b"\x01\x00\xfe\xff\x03\x00"
    with pytest.raises(ValueError):
        _wav_pcm(b"geen wav")


def test_stilte_aan_het_eind_wordt_ingekort():
    import struct

    from vakwoorden.anki.audio import NASTILTE, kort_stilte_in

    frequentie = 1000
    stil_begin, klank, stil_eind = [0] * 50, [3000, -3000] * 100, [5, -5, 0] * 300
    pcm = struct.pack(f"<{len(stil_begin) + len(klank) + len(stil_eind)}h", *stil_begin, *klank, *stil_eind)
    kort = kort_stilte_in(pcm, frequentie)
    behouden = len(stil_begin) + len(klank) + int(NASTILTE * frequentie)
    assert kort == pcm[: 2 * behouden]  # the start and the sound itself stay whole
    assert kort_stilte_in(kort, frequentie) == kort  # a second pass changes nothing
    assert kort_stilte_in(b"", frequentie) == b""
    kort_geluid = struct.pack("<3h", 3000, 3000, 3000)  # less silence than NASTILTE: nothing to cut
    assert kort_stilte_in(kort_geluid, frequentie) == kort_geluid


@pytest.mark.skipif(not heeft_tts, reason="espeak-ng of lame ontbreekt")
def test_geluid_is_mono_16_khz_zonder_lange_stilte(tmp_path):
    import wave

    pad = Uitspraak(tmp_path, uitspraken={}).maak("de moer")
    assert pad is not None and is_mp3(pad.read_bytes())
    subprocess.run(["lame", "--quiet", "--decode", str(pad), str(tmp_path / "moer.wav")], check=True)
    with wave.open(str(tmp_path / "moer.wav")) as wav:
        assert (wav.getnchannels(), wav.getframerate()) == (1, 16000)
        seconden = wav.getnframes() / wav.getframerate()
    # espeak-ng says 'de moer' in about 0.6 s and appends about 0.4 s of silence; 0.15 s of it is kept
    assert 0.3 < seconden < 0.95


def test_pakket_bewaart_media_onder_hun_naam(tmp_path):
    """Media are zipped under the name the fields use (not the file's own name), stored as they are."""
    import json
    import zipfile

    import genanki

    from vakwoorden.anki.deck import Vakwoordpakket

    bestand = tmp_path / "eigen-naam.mp3"
    bestand.write_bytes(b"\xff\xf3" + bytes(200))
    deck = genanki.Deck(1_234_567_890, "Vakwoorden::Test")
    uit = tmp_path / "test.apkg"
    Vakwoordpakket([deck], {"vakwoorden_abc.mp3": bestand}).write_to_file(str(uit), timestamp=1.0)
    with zipfile.ZipFile(uit) as pakket:
        assert json.loads(pakket.read("media")) == {"0": "vakwoorden_abc.mp3"}
        assert pakket.read("0") == bestand.read_bytes()
        assert pakket.getinfo("0").compress_type == zipfile.ZIP_STORED
        assert pakket.getinfo("collection.anki2").compress_type == zipfile.ZIP_DEFLATED
        assert pakket.read("collection.anki2").startswith(b"SQLite format 3\x00")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary files left


def test_archief_is_een_gewone_zip(tmp_path):
    import zipfile

    from vakwoorden.anki.archief import Archief, media_lid

    geluid = tmp_path / "geluid.mp3"
    geluid.write_bytes(bytes(range(256)) * 40)
    data, crc = media_lid("vakwoorden_test_archief.mp3", geluid)
    geluid.unlink()  # read once per process: the second package needs no file
    assert media_lid("vakwoorden_test_archief.mp3", geluid) == (data, crc)
    uit = tmp_path / "a.zip"
    with open(uit, "wb") as bestand:
        archief = Archief(bestand, moment=1_700_000_000)
        archief.voeg_toe("collection.anki2", b"tekst " * 1000, comprimeer=True)
        archief.voeg_toe("0", data, crc=crc)
        archief.voeg_toe("leeg", b"")
        archief.sluit()
    with zipfile.ZipFile(uit) as zip_:
        assert zip_.testzip() is None  # every CRC checks out
        assert zip_.namelist() == ["collection.anki2", "0", "leeg"]
        assert zip_.read("collection.anki2") == b"tekst " * 1000 and zip_.read("0") == data
        info = zip_.getinfo("collection.anki2")
        assert info.compress_type == zipfile.ZIP_DEFLATED and info.compress_size < 100
        assert zip_.getinfo("0").date_time[0] == 2023
