"""Note type: templates resolve, the word is found in sentences, fields are escaped."""

from __future__ import annotations

import dataclasses

import pytest

from vakwoorden.anki.notitietype import (
    KAARTSOORTEN,
    VELDEN,
    lees_sjabloon,
    markeer_woord,
    notitie_velden,
    sjablonen,
    verberg_woord,
    werkwoord_stammen,
)
from vakwoorden.lijst import Vakwoord


def vw(woord: str, woordsoort: str = "zelfstandig naamwoord", meervoud: str = "") -> Vakwoord:
    return Vakwoord("metaal", woord, "de", meervoud, woordsoort, "gereedschap", "u", "z", "A1", False)


def test_sjablonen_gebruiken_alleen_bestaande_velden():
    import re

    for sjabloon in sjablonen():
        for tekst in (sjabloon["qfmt"], sjabloon["afmt"]):
            assert "<!-- blok" not in tekst
            for naam in re.findall(r"{{[#^/]?([^}]+)}}", tekst):
                assert naam in VELDEN or naam == "FrontSide", naam
    assert len(sjablonen()) == len(KAARTSOORTEN) == 3
    assert lees_sjabloon("voorkant_luisteren.html").startswith("{{#AudioWoord}}")


@pytest.mark.parametrize(
    ("infinitief", "stam"),
    [
        ("lassen", "las"),
        ("maken", "maak"),
        ("lezen", "lees"),
        ("boren", "boor"),
        ("werken", "werk"),
        ("schuiven", "schuif"),
        ("tillen", "til"),
        ("controleren", "controleer"),
        ("gaan", "gaa"),
    ],
)
def test_werkwoord_stammen(infinitief, stam):
    assert stam in werkwoord_stammen(infinitief)


@pytest.mark.parametrize(
    ("woord", "zin", "verwacht"),
    [
        (vw("moer", meervoud="moeren"), "Draai de moeren vast.", "Draai de <b>moeren</b> vast."),
        (vw("maken", "werkwoord"), "Hij maakte een fout.", "Hij <b>maakte</b> een fout."),
        (vw("boren", "werkwoord"), "Ik heb een gat geboord.", "Ik heb een gat <b>geboord</b>."),
        (vw("snel", "bijvoeglijk naamwoord"), "Een snelle machine.", "Een <b>snelle</b> machine."),
        (vw("groot", "bijvoeglijk naamwoord"), "Een grote hamer.", "Een <b>grote</b> hamer."),
        (vw("bril"), "Pak de veiligheidsbril.", "Pak de <b>veiligheidsbril</b>."),
        (vw("eerste hulp", "uitdrukking"), "Bel de Eerste Hulp nu.", "Bel de <b>Eerste Hulp</b> nu."),
        (vw("as"), "Zet het asbest weg.", "Zet het asbest weg."),  # no false match
        (vw("plaat", meervoud="platen"), "Leg de platen plat neer.", "Leg de <b>platen</b> plat neer."),
        (vw("moer"), "Een <kleine> & mooie moer.", "Een &lt;kleine&gt; &amp; mooie <b>moer</b>."),
    ],
)
def test_markeer_woord(woord, zin, verwacht):
    assert (
        markeer_woord(zin, woord).replace('<span class="nadruk">', "<b>").replace("</span>", "</b>")
        == verwacht
    )


def test_verberg_woord():
    woord = vw("veiligheidsbril", meervoud="veiligheidsbrillen")
    assert verberg_woord("Draag een veiligheidsbril. Veiligheidsbrillen <liggen> hier.", woord) == (
        "Draag een …. … &lt;liggen&gt; hier."
    )


def test_velden_zijn_ontsnapt():
    woord = dataclasses.replace(vw("<script>"), uitleg="a & b", voorbeeldzin='"x" <script>')
    velden = dict(zip(VELDEN, notitie_velden(woord, "nl"), strict=True))
    assert velden["Woord"] == "&lt;script&gt;"
    assert velden["Uitleg"] == "a &amp; b"
    assert "<script>" not in "".join(velden.values())
