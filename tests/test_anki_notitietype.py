"""Note type: templates resolve, the word is found in sentences, fields are escaped."""

from __future__ import annotations

import dataclasses

import pytest

from vakwoorden.anki.afbreken import ZACHT, Afbreker
from vakwoorden.anki.notitietype import (
    KAARTSOORTEN,
    NOTITIETYPE_IDS,
    TAALKEUZES,
    VELDEN,
    lees_sjabloon,
    markeer_woord,
    notitie_velden,
    sjablonen,
    verberg_woord,
)
from vakwoorden.anki.teksten import EIGEN_NAAM, TEKSTEN
from vakwoorden.lijst import TALEN, Vakwoord, Vertaling


def vw(woord: str, woordsoort: str = "zelfstandig naamwoord", meervoud: str = "") -> Vakwoord:
    return Vakwoord("metaal", woord, "de", meervoud, woordsoort, "gereedschap", "u", "z", "A1", False)


@pytest.mark.parametrize("taal", TAALKEUZES)
def test_sjablonen_gebruiken_alleen_bestaande_velden(taal):
    import re

    for sjabloon in sjablonen(taal):
        for tekst in (sjabloon["qfmt"], sjabloon["afmt"]):
            assert "<!-- blok" not in tekst and "⟦" not in tekst
            for naam in re.findall(r"{{[#^/]?([^}]+)}}", tekst):
                assert naam in VELDEN or naam == "FrontSide", naam
            # a translation field of another language never appears on this language's cards
            andere = [t for t in TALEN if t != taal]
            assert not any(f"Vertaling_{t}" in tekst for t in andere)
    assert len(sjablonen(taal)) == len(KAARTSOORTEN) == 3
    assert lees_sjabloon("voorkant_luisteren.html").startswith("{{#AudioWoord}}")


@pytest.mark.parametrize("taal", TALEN)
def test_instructies_en_taalnaam_in_eigen_taal(taal):
    voor1, voor2, voor3 = (s["qfmt"] for s in sjablonen(taal))
    richting = "rtl" if taal in ("ar", "fa") else "ltr"
    assert f'lang="{taal}" dir="{richting}"' in voor1
    assert TEKSTEN["wat_betekent"][taal] in voor1
    assert TEKSTEN["welk_woord"][taal] in voor2
    assert TEKSTEN["luister"][taal].split(".")[0] in voor3
    # the language's own name and script above the translation, and the Dutch stays the instruction's subtitle
    achter1 = sjablonen(taal)[0]["afmt"]
    assert f">{EIGEN_NAAM[taal]}</div>" in achter1 and "{{Vertaling_" + taal + "}}" in achter1
    assert "Wat betekent dit woord?" in voor1


def test_een_notitietype_per_taal_met_vaste_ids():
    assert len(set(NOTITIETYPE_IDS.values())) == len(TAALKEUZES) == 8
    assert NOTITIETYPE_IDS["nl"] == 1_718_400_000  # never change: learners' collections use these


def test_alle_vertalingen_in_elke_notitie():
    woord = dataclasses.replace(
        vw("bril"),
        vertalingen={
            "ar": Vertaling("ar", "نظارة", False),
            "en": Vertaling("en", "goggles", True),
        },
    )
    velden = dict(zip(VELDEN, notitie_velden(woord), strict=True))
    assert velden["Vertaling_ar"] == "نظارة" and velden["Ongecontroleerd_ar"] == "ongecontroleerd"
    assert velden["Vertaling_en"] == "goggles" and velden["Ongecontroleerd_en"] == ""
    assert velden["Vertaling_ti"] == velden["Ongecontroleerd_ti"] == ""


@pytest.mark.parametrize(
    ("woord", "delen"),
    [
        ("veiligheidsbril", ["veiligheids", "bril"]),
        ("werkhandschoen", ["werk", "hand", "schoen"]),
        ("brandslang", ["brand", "slang"]),
        ("lasapparaat", ["lasapparaat"]),  # short enough: whole
        ("ventilatie", ["ventilatie"]),  # not a compound
    ],
)
def test_samenstellingen_afbreken(woord, delen):
    """Boundaries where a reader sees the parts; the list words are not needed for these."""
    afbreker = Afbreker()
    assert afbreker.delen(woord) == delen
    assert afbreker.zacht(f"de {woord}") == "de " + ZACHT.join(delen)


def test_afgebroken_woord_in_veld():
    velden = dict(
        zip(
            VELDEN,
            notitie_velden(vw("veiligheidsbril", meervoud="veiligheidsbrillen"), afbreker=Afbreker()),
            strict=True,
        )
    )
    assert velden["Woord"] == "veiligheidsbril"  # searchable, sortable
    assert velden["WoordAfgebroken"] == "veiligheids&shy;bril"
    assert "veiligheids&shy;brillen" in velden["Meervoud"]


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


@pytest.mark.parametrize(
    ("zin", "verwacht"),
    [
        ("Een gat maken met een boor.", "Een gat maken met een boor."),  # the tool is not the verb
        ("Met een scherpe boor gaat het snel.", "Met een scherpe boor gaat het snel."),
        ("Boor niet in deze muur.", "… niet in deze muur."),  # imperative: the verb
        ("Hij boort een gat.", "Hij … een gat."),
        ("Het boren duurt lang.", "Het … duurt lang."),  # the infinitive itself
    ],
)
def test_leeg_plekje_staat_nooit_voor_een_verwant_woord(zin, verwacht):
    assert verberg_woord(zin, vw("boren", "werkwoord")) == verwacht


@pytest.mark.parametrize(
    ("werkwoord", "zin", "verwacht"),
    [
        ("zagen", "Pak de zaag uit de kist.", "Pak de zaag uit de kist."),
        ("zagen", "Zaag de plank door.", "… de plank door."),
        ("meten", "We hebben de lengte gemeten.", "We hebben de lengte …."),
        ("schaven", "Leg je schaaf weg.", "Leg je schaaf weg."),
    ],
)
def test_leeg_plekje_bij_andere_werkwoorden(werkwoord, zin, verwacht):
    assert verberg_woord(zin, vw(werkwoord, "werkwoord")) == verwacht


def test_verberg_woord():
    woord = vw("veiligheidsbril", meervoud="veiligheidsbrillen")
    assert verberg_woord("Draag een veiligheidsbril. Veiligheidsbrillen <liggen> hier.", woord) == (
        "Draag een …. … &lt;liggen&gt; hier."
    )


def test_velden_zijn_ontsnapt():
    woord = dataclasses.replace(vw("<script>"), uitleg="a & b", voorbeeldzin='"x" <script>')
    velden = dict(zip(VELDEN, notitie_velden(woord), strict=True))
    assert velden["Woord"] == "&lt;script&gt;"
    assert velden["Uitleg"] == "a &amp; b"
    assert "<script>" not in "".join(velden.values())
