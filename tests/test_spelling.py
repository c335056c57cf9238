"""Spelling against hunspell-nl, the allow-list, and the small article/plural/sentence rules."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from vakwoorden import spelling
from vakwoorden.spelling import (
    HunspellOntbreekt,
    Spellingcontrole,
    lees_toegestane_woorden,
    meervoud_past,
    vereist_lidwoord,
    woorden_in,
    zin_bevat_woord,
)

VAKWOORDEN = [
    "laskap",
    "laskappen",
    "werkhandschoenen",
    "handboormachine",
    "vooraanzicht",
    "veiligheidsbril",
    "steigerbouwer",
    "tillift",
    "decubitus",
]


@pytest.fixture(scope="module")
def controle() -> Spellingcontrole:
    return Spellingcontrole()


def test_vakwoorden_goedgekeurd(controle: Spellingcontrole) -> None:
    assert controle.controleer(VAKWOORDEN) == {}


def test_tikfout_afgekeurd_met_suggestie(controle: Spellingcontrole) -> None:
    assert controle.controleer(["laskap", "laskapp"]) == {"laskapp": ["laskap"]}
    assert not controle.is_goed("laskapp")


def test_hoofdletter_en_samenstelling_met_streepje(controle: Spellingcontrole) -> None:
    assert controle.controleer(["Laskap", "hoog-laagbed", "auto's"], suggesties=False) == {}
    assert list(controle.controleer(["hoog-laagbedd"], suggesties=False)) == ["hoog-laagbedd"]


def test_honderden_woorden_ruim_binnen_een_seconde() -> None:
    dic = Path("/usr/share/hunspell/nl.dic")
    if not dic.exists():
        pytest.skip("nl.dic staat niet op de Debian-plaats")
    regels = dic.read_text(encoding="utf-8").splitlines()[1:5000:10]
    woorden = [r.split("/")[0] for r in regels if r and r.split("/")[0].isalpha()][:400]
    assert len(woorden) >= 300
    controle = Spellingcontrole(toegestaan=None)
    begin = time.perf_counter()
    onbekend = controle.controleer(woorden, suggesties=False)
    assert time.perf_counter() - begin < 1.0
    assert len(onbekend) < len(woorden) / 10  # a few dictionary stems only exist with an ending


def test_hunspell_ontbreekt_geeft_nederlandse_fout() -> None:
    with pytest.raises(HunspellOntbreekt, match="installeer de Debian-pakketten hunspell en hunspell-nl"):
        Spellingcontrole(programma="hunspell-bestaat-niet").controleer(["laskap"])


def test_woordenboek_ontbreekt_geeft_nederlandse_fout() -> None:
    with pytest.raises(HunspellOntbreekt, match="woordenboek 'xx_XX'.*installeer de Debian-pakketten"):
        Spellingcontrole(woordenboek="xx_XX").controleer(["laskap"])


def test_eigen_lijst_toegestane_woorden(tmp_path: Path) -> None:
    lijst = tmp_path / "toegestaan.txt"
    lijst.write_text("# uitleg\nLaskapp  # alleen voor deze test\n\n", encoding="utf-8")
    assert lees_toegestane_woorden(lijst) == {"laskapp": "alleen voor deze test"}
    assert Spellingcontrole(toegestaan=lijst).controleer(["laskapp", "laskap"]) == {}


def test_toegestane_woorden_hebben_reden_en_zijn_nodig() -> None:
    """Every allow-listed word has a reason and is really missing from hunspell-nl."""
    toegestaan = lees_toegestane_woorden()
    assert toegestaan, "vakwoorden/toegestane_woorden.txt is leeg of ontbreekt"
    zonder_reden = [w for w, reden in toegestaan.items() if not reden]
    assert zonder_reden == []
    # as written in the file: hunspell accepts 'aed's' but not "AED's"
    geschreven = [
        regel.partition("#")[0].strip()
        for regel in spelling.TOEGESTANE_WOORDEN.read_text(encoding="utf-8").splitlines()
        if regel.partition("#")[0].strip()
    ]
    overbodig = set(geschreven) - set(
        Spellingcontrole(toegestaan=None).controleer(geschreven, suggesties=False)
    )
    assert overbodig == set(), "deze woorden kent hunspell-nl al; haal ze uit de lijst"


def test_woorden_in_meerdere_woorden() -> None:
    assert woorden_in("eerste hulp (EHBO), 3 stuks") == ["eerste", "hulp", "EHBO", "stuks"]
    assert woorden_in("auto's") == ["auto's"]


@pytest.mark.parametrize(
    ("woord", "lidwoord"),
    [
        ("meting", "de"),
        ("opleiding", "de"),
        ("veiligheid", "de"),
        ("universiteit", "de"),
        ("injectie", "de"),
        ("mechanisme", "het"),
        ("laskapje", "het"),
        ("kluisje", "het"),
        ("handje", "het"),
        ("washandje", "het"),
        ("balletje", "het"),
        ("ding", None),  # het ding
        ("messing", None),  # het messing
        ("geelmessing", None),
        ("franje", None),  # de franje: no diminutive
        ("laskap", None),
        ("eerste hulp", None),
    ],
)
def test_vereist_lidwoord(woord: str, lidwoord: str | None) -> None:
    regel = vereist_lidwoord(woord)
    assert (regel[0] if regel else None) == lidwoord


@pytest.mark.parametrize(
    ("woord", "meervoud"),
    [
        ("laskap", "laskappen"),
        ("boor", "boren"),
        ("glas", "glazen"),
        ("brief", "brieven"),
        ("kind", "kinderen"),
        ("ei", "eieren"),
        ("schip", "schepen"),
        ("vrachtschip", "vrachtschepen"),
        ("stad", "steden"),
        ("lid", "leden"),
        ("familielid", "familieleden"),
        ("veiligheid", "veiligheden"),
        ("vakman", "vaklieden"),
        ("koe", "koeien"),
        ("auto", "auto's"),
        ("knie", "knieën"),
        ("bacterie", "bacteriën"),
        ("cliënt", "cliënten"),
        ("museum", "musea"),
        ("catalogus", "catalogi"),
        ("crisis", "crises"),
        ("ziekte", "ziekten"),
        ("ziekte", "ziektes"),
        ("tablet", "tabletten"),
        ("been", "beenderen"),
        ("rode knop", "rode knoppen"),
        ("persoonlijk beschermingsmiddel", "persoonlijke beschermingsmiddelen"),
        ("hoog-laagbed", "hoog-laagbedden"),
    ],
)
def test_meervoud_past(woord: str, meervoud: str) -> None:
    assert meervoud_past(woord, meervoud)


@pytest.mark.parametrize(
    ("woord", "meervoud"),
    [
        ("laskap", "lasbrillen"),
        ("laskap", "laskapt"),
        ("bout", "moeren"),
        ("rode knop", "knoppen"),
        ("laskap", "rode laskap"),
    ],
)
def test_meervoud_past_niet(woord: str, meervoud: str) -> None:
    assert not meervoud_past(woord, meervoud)


@pytest.mark.parametrize(
    ("zin", "woord", "meervoud", "werkwoord"),
    [
        ("Zet je laskap op.", "laskap", "laskappen", False),
        ("De laskappen liggen in de kast.", "laskap", "laskappen", False),
        ("Zet je veiligheidsbril op.", "bril", "brillen", False),
        ("Wij lassen vandaag.", "lassen", "", True),
        ("Hij last de buis.", "lassen", "", True),
        ("De buis is gelast.", "lassen", "", True),
        ("Hij schaaft de plank.", "schaven", "", True),
        ("Draai de moer goed aan.", "aandraaien", "", True),
        ("Ik heb de moer aangedraaid.", "aandraaien", "", True),
        ("Zet de kast in elkaar.", "in elkaar zetten", "", True),
        ("Dat is een grote machine.", "groot", "", False),
        ("Was je handen.", "zich wassen", "", True),
    ],
)
def test_zin_bevat_woord(zin: str, woord: str, meervoud: str, werkwoord: bool) -> None:
    assert zin_bevat_woord(zin, woord, meervoud, werkwoord)


@pytest.mark.parametrize(
    ("zin", "woord", "werkwoord"),
    [
        ("Pas op voor het felle licht.", "laskap", False),
        ("Draai de moer goed vast.", "aandraaien", True),
        ("Hij zaagt de buis af.", "lassen", True),
    ],
)
def test_zin_bevat_woord_niet(zin: str, woord: str, werkwoord: bool) -> None:
    assert not zin_bevat_woord(zin, woord, "", werkwoord)


def test_lemma_volgens_spacy() -> None:
    assert spelling.lemma_volgens_spacy("handschoenen") == "handschoen"
    assert spelling.lemma_volgens_spacy("bestaatnietwoorden") is None


def test_analyse_van_meervoud(controle: Spellingcontrole) -> None:
    analyses = controle.analyseer(w for w in ["laskappen", "werkhandschoenen", "steigeren"])
    assert ("laskap", "NN2") in analyses["laskappen"]
    assert spelling.is_meervoud_volgens_woordenboek(
        "werkhandschoen", "werkhandschoenen", analyses["werkhandschoenen"]
    )
    assert not spelling.is_meervoud_volgens_woordenboek("steiger", "steigeren", analyses["steigeren"])
