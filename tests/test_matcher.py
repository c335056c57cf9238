"""The one Dutch word matcher against the shared table of cases (tests/matcher_gevallen.py).

The same table is run through the two matchers it replaced (the list check's
spelling.zin_bevat_woord and the cards' notitietype.woord_posities, frozen in matcher_oud.py):
spaCy's matcher must do as well or better on it.
"""

from __future__ import annotations

import matcher_oud
import pytest
from matcher_gevallen import GEVALLEN, Geval

from vakwoorden.lijst import Vakwoord
from vakwoorden.taal import matcher as m
from vakwoorden.taal import vormen as vm


def _vakwoord(g: Geval) -> Vakwoord:
    return Vakwoord("metaal", g.woord, "de", g.meervoud, g.woordsoort, "t", "u", g.zin, "A2", False)


def gemarkeerd(g: Geval) -> tuple[str, ...]:
    return tuple(g.zin[a:b] for a, b in m.posities(g.zin, _vakwoord(g)))


@pytest.mark.parametrize("geval", GEVALLEN, ids=[f"{g.soort}:{g.woord}:{g.zin}" for g in GEVALLEN])
def test_gevallen(geval: Geval) -> None:
    assert gemarkeerd(geval) == geval.verwacht
    assert m.komt_voor(geval.zin, geval.woord, geval.meervoud, geval.woordsoort) == bool(geval.verwacht)


def _score_posities(vind) -> int:  # type: ignore[no-untyped-def]
    goed = 0
    for g in GEVALLEN:
        try:
            spans = vind(g.zin, _vakwoord(g))
        except Exception:  # noqa: BLE001 - an old matcher that fails on a case scores nothing
            continue
        goed += tuple(g.zin[a:b] for a, b in spans) == g.verwacht
    return goed


def _score_bool(bevat) -> int:  # type: ignore[no-untyped-def]
    return sum(
        bevat(g.zin, g.woord, g.meervoud, g.woordsoort == m.WERKWOORD) == bool(g.verwacht) for g in GEVALLEN
    )


def test_minstens_zo_goed_als_de_oude_matchers() -> None:
    """spaCy's matcher against the two it replaces, frozen in matcher_oud.py (at this writing:
    new 68 of 68 cases, the old card highlight 46, the old list check 51)."""
    nieuw_posities = _score_posities(m.posities)
    nieuw_bool = sum(
        m.komt_voor(g.zin, g.woord, g.meervoud, g.woordsoort) == bool(g.verwacht) for g in GEVALLEN
    )
    assert nieuw_posities == nieuw_bool == len(GEVALLEN)
    oud_kaart = _score_posities(matcher_oud.woord_posities)
    oud_lijst = _score_bool(matcher_oud.zin_bevat_woord)
    assert nieuw_posities > oud_kaart
    assert nieuw_bool > oud_lijst


def test_kaart_en_lijstcontrole_gebruiken_dezelfde_matcher() -> None:
    from vakwoorden.anki.notitietype import markeer_woord, verberg_woord

    g = Geval("Draai de moer goed aan.", "aandraaien", "", m.WERKWOORD, ("Draai", "aan"), "")
    assert markeer_woord(g.zin, _vakwoord(g)).count('class="nadruk"') == 2
    assert verberg_woord(g.zin, _vakwoord(g)) == "… de moer goed …."


@pytest.mark.parametrize(
    ("infinitief", "stam"),
    [("lassen", "las"), ("maken", "maak"), ("lezen", "lees"), ("schuiven", "schuif"), ("tillen", "til"),
     ("metselen", "metsel"), ("solderen", "soldeer"), ("staan", "sta"), ("heien", "hei")],
)  # fmt: skip
def test_stammen(infinitief: str, stam: str) -> None:
    assert stam in vm.stammen(infinitief)


def test_vormen() -> None:
    assert {"kapje", "kapjes", "kappen"} <= vm.vormen("kap", "kappen", "zelfstandig naamwoord")
    assert {"brilletje", "brilletjes"} <= vm.verkleinwoorden("bril")
    assert {"aandraait", "aangedraaid", "aandraaide"} <= vm.vormen("aandraaien", "", "werkwoord")
    assert vm.scheidbare_vormen("aandraaien") == (
        "aan",
        "draaien",
        {"draai", "draait", "draaide", "draaiden", "draaien"},
    )
    assert vm.scheidbare_vormen("verankeren") is None
    assert "geboren" not in vm.vormen("boren", "", "werkwoord")


def test_een_herkenner_voor_een_hele_lijst() -> None:
    termen = [m.Term("laskap", "laskappen", "zelfstandig naamwoord"), m.Term("boor", "boren", "zelfstandig naamwoord"),
              m.Term("boren", "", "werkwoord"), m.Term("aandraaien", "", "werkwoord")]  # fmt: skip
    herkenner = m.Woordherkenner(termen)
    zin = "Boor eerst een gat. Leg de boor daarna weg en draai de bout aan. Laskappen hangen aan de wand."
    gevonden = [(t.woord, [zin[a:b] for a, b in t.posities]) for t in herkenner.zoek(zin)]
    assert gevonden == [
        ("boren", ["Boor"]),
        ("boor", ["boor"]),
        ("aandraaien", ["draai", "aan"]),
        ("laskap", ["Laskappen"]),
    ]


@pytest.mark.parametrize("geval", GEVALLEN, ids=[f"{g.soort}:{g.woord}:{g.zin}" for g in GEVALLEN])
def test_gevallen_bij_alle_drie_de_gebruikers(geval: Geval) -> None:
    """The same table through the card (highlight), the list check's call and the term finder."""
    from vakwoorden.anki.notitietype import markeer_woord
    from vakwoorden.taal.termen import Termzoeker

    woord = _vakwoord(geval)
    html = markeer_woord(geval.zin, woord)
    assert html.count('class="nadruk"') == len(geval.verwacht)
    assert m.komt_voor(geval.zin, geval.woord, geval.meervoud, geval.woordsoort) == bool(geval.verwacht)
    gevonden = Termzoeker([woord]).analyseer(geval.zin).woorden
    assert gevonden.get(geval.woord, 0) == (1 if geval.verwacht else 0)
