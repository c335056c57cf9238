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


# ---- the list checks of issue 16: sectors agree, verbs, the level rule, the explanation ----


def _lijsten(tmp_path: Path, per_sector: dict[str, list[dict[str, str]]]) -> Path:
    import shutil

    from vakwoorden.lijst import KOLOMMEN, LIJSTEN_MAP, lijst_pad, schrijf_rijen

    map_ = tmp_path / "lijsten"
    for sector, rijen in per_sector.items():
        (map_ / sector).mkdir(parents=True)
        shutil.copy(LIJSTEN_MAP / sector / "themas.csv", map_ / sector / "themas.csv")
        schrijf_rijen(lijst_pad(sector, map_), rijen, KOLOMMEN)
    return map_


def _echte_rij(sector: str, woord: str) -> dict[str, str]:
    from vakwoorden.lijst import lees_rijen, lijst_pad

    return dict(next(r for _, r in lees_rijen(lijst_pad(sector)) if r["woord"] == woord))


def _gemeld(map_: Path) -> list[tuple[str, str, str]]:
    from vakwoorden.controle import controleer_alles

    return [(Path(p.bestand).parent.name, p.kolom, p.melding) for p in controleer_alles(map_)]


def test_zelfde_woord_zelfde_betekenis_in_elke_sector(tmp_path: Path) -> None:
    metaal, bouw = _echte_rij("metaal", "moer"), _echte_rij("bouw", "moer")
    bouw |= {"meervoud": "moers", "niveau": "B2"}
    gemeld = [g for g in _gemeld(_lijsten(tmp_path, {"metaal": [metaal], "bouw": [bouw]})) if g[0] == "bouw"]
    kolommen = {kolom for _, kolom, melding in gemeld if "in bouw, maar" in melding}
    assert kolommen == {"meervoud", "niveau"}
    # a homonym may differ
    bouw |= {"meervoud": "moeren", "homoniem": "bouw: iets anders"}
    gemeld = _gemeld(_lijsten(tmp_path / "2", {"metaal": [metaal], "bouw": [bouw]}))
    assert not [g for g in gemeld if "in bouw, maar" in g[2]]


def test_echte_lijsten_zijn_over_sectoren_gelijk() -> None:
    from vakwoorden.controle import controleer_alles

    verschil = [str(p) for p in controleer_alles() if ", maar '" in p.melding and " in " in p.melding]
    assert verschil == []


def test_werkwoord_vervoeging_en_scheidbaar(tmp_path: Path) -> None:
    goed = _echte_rij("metaal", "hijsen")
    assert (goed["vervoeging"], goed["scheidbaar"]) == ("hees, gehesen", "nee")
    scheidbaar = _echte_rij("metaal", "aanhalen") | {"vervoeging": "haalde aan, aangehaald"}
    fout = _echte_rij("metaal", "boren") | {"vervoeging": "boorde"}
    verkeerd = _echte_rij("metaal", "afkorten") | {"scheidbaar": "nee"}
    zonder = _echte_rij("metaal", "zagen") | {"vervoeging": ""}
    naamwoord = _echte_rij("metaal", "moer") | {"vervoeging": "x, y"}
    map_ = _lijsten(tmp_path, {"metaal": [goed, scheidbaar, fout, verkeerd, zonder, naamwoord]})
    gemeld = {
        (kolom, melding.split("'")[1])
        for _, kolom, melding in _gemeld(map_)
        if kolom in ("vervoeging", "scheidbaar")
    }
    assert gemeld == {
        ("vervoeging", "boorde"),  # not two forms
        ("scheidbaar", "kortte af, afgekort"),  # the forms of a separable verb
        ("vervoeging", "zagen"),  # missing
        ("vervoeging", "vervoeging"),  # only for verbs
    }


def test_niveauregel_voor_veiligheidswoorden(tmp_path: Path) -> None:
    rij = _echte_rij("metaal", "noodstop") | {"niveau": "B1"}
    gemeld = [m for _, kolom, m in _gemeld(_lijsten(tmp_path, {"metaal": [rij]})) if kolom == "niveau"]
    assert len(gemeld) == 1 and "niveauregel" in gemeld[0]


def test_uitleg_met_het_woord_zelf_en_moeilijke_woorden(tmp_path: Path) -> None:
    zelf = _echte_rij("metaal", "moer") | {"uitleg": "Een moer draai je op een bout."}
    moeilijk = _echte_rij("metaal", "bout") | {"uitleg": "Cilindrisch bevestigingselement met schroefdraad."}
    eenvoudig = _echte_rij("metaal", "hamer")
    gemeld = [
        (m.split("'")[1], m)
        for _, k, m in _gemeld(_lijsten(tmp_path, {"metaal": [zelf, moeilijk, eenvoudig]}))
        if k == "uitleg"
    ]
    assert [w for w, _ in gemeld] == ["moer", "bout"]
    assert "gebruikt het woord zelf" in gemeld[0][1]
    assert "cilindrisch" in gemeld[1][1] and "schroefdraad" not in gemeld[1][1]  # a listed word is fine


def test_basiswoorden_zijn_verscheept_en_bruikbaar() -> None:
    from vakwoorden.controle import _is_bekend, lees_basiswoorden

    basis = lees_basiswoorden()
    assert len(basis) > 5000 and {"werkstuk", "hand", "gevaar"} <= basis
    assert _is_bekend("draaiende", basis) and _is_bekend("wielen", basis) and _is_bekend("binnenkant", basis)
    assert not _is_bekend("cilindrisch", basis)


def test_niveauverdeling_van_de_lijsten() -> None:
    from vakwoorden.controle import niveau_regel, niveauverdeling

    verdeling = niveauverdeling()
    for sector, tel in verdeling.items():
        totaal = sum(tel.values())
        assert (tel["A1"] + tel["A2"]) / totaal > 0.6, sector  # was 26-33 % before issue 16
    assert niveau_regel().startswith("Niveaus: metaal A1 ")


def test_afkortingen_en_eerste_weken_in_de_lijsten() -> None:
    from vakwoorden.lijst import lees_alle

    alle = {s: {w.woord: w for w in ws} for s, ws in lees_alle().items()}
    assert {"BHV", "PBM", "VCA", "LMRA", "EHBO", "AED", "valbeveiliging", "harnas"} <= set(alle["metaal"])
    assert {"BHV", "PBM", "AED", "ADL", "hoog-laagbed"} <= set(alle["zorg"])
    assert {"BHV", "PBM", "VCA", "LMRA", "EHBO", "AED"} <= set(alle["bouw"])
    assert "merk je het op" in alle["zorg"]["opvallen"].uitleg and "vangen" in alle["bouw"]["harnas"].uitleg
    assert "laskap" in alle["metaal"]["lasbril"].uitleg
    assert not any("klaar gebouw" in w.uitleg for w in alle["bouw"].values())
    assert all(w.vervoeging for ws in alle.values() for w in ws.values() if w.woordsoort == "werkwoord")
    somali = " ".join(w.vertalingen["so"].tekst for ws in alle.values() for w in ws.values())
    assert not any(engels in somali for engels in ("rivet", "solder", "asbestos", "forklift"))
    assert not any("ብየዳ" in w.vertalingen["ti"].tekst for w in alle["metaal"].values())


def test_consistentie_regel(tmp_path: Path) -> None:
    from vakwoorden.controle import consistentie_regel

    metaal, bouw = _echte_rij("metaal", "moer"), _echte_rij("bouw", "moer") | {"niveau": "B2"}
    map_ = _lijsten(tmp_path, {"metaal": [metaal], "bouw": [bouw]})
    assert (
        consistentie_regel(map_)
        == "Woorden in meer dan één sector: 1, waarvan 0 homoniem en 1 met verschillen."
    )
    assert consistentie_regel().endswith("en 0 met verschillen.")
