"""Shared test fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vakwoorden.lijst import TALEN, Vakwoord, Vertaling


def _vertalingen(
    teksten: dict[str, str], gecontroleerd: frozenset[str] = frozenset()
) -> dict[str, Vertaling]:
    return {taal: Vertaling(taal, tekst, taal in gecontroleerd) for taal, tekst in teksten.items()}


_BRIL = {
    "en": "safety glasses",
    "ar": "نظارات السلامة",
    "ti": "መነጽር ድሕንነት",
    "so": "muraayadaha badbaadada",
    "fa": "عینک ایمنی",
    "tr": "koruyucu gözlük",
    "uk": "захисні окуляри",
}


@pytest.fixture
def anki_woorden() -> list[Vakwoord]:
    return maak_anki_woorden()


def maak_anki_woorden() -> list[Vakwoord]:
    """A few metaal entries (and one zorg entry) covering each kind of word the deck must handle."""

    def woord(woord: str, **velden: object) -> Vakwoord:
        standaard: dict[str, object] = {
            "sector": "metaal",
            "lidwoord": "",
            "meervoud": "",
            "woordsoort": "zelfstandig naamwoord",
            "thema": "gereedschap",
            "uitleg": f"Uitleg van {woord}.",
            "voorbeeldzin": f"Hier is {woord}.",
            "niveau": "A2",
            "veiligheid": False,
        }
        standaard.update(velden)
        return Vakwoord(woord=woord, **standaard)  # type: ignore[arg-type]

    return [
        woord(
            "lasapparaat",
            lidwoord="het",
            meervoud="lasapparaten",
            thema="machines",
            uitleg="Een machine waarmee je metaal aan elkaar last.",
            voorbeeldzin="Zet het lasapparaat uit na het werk.",
            vertalingen=_vertalingen({"en": "welding machine", "ar": "آلة لحام"}, frozenset({"en", "ar"})),
        ),
        woord(
            "veiligheidsbril",
            lidwoord="de",
            meervoud="veiligheidsbrillen",
            thema="veiligheid",
            veiligheid=True,
            uitleg="Een bril die je ogen beschermt tegen vonken en stof. Draag de veiligheidsbril altijd.",
            voorbeeldzin="Zet je veiligheidsbril op voordat je gaat slijpen.",
            vertalingen=_vertalingen(_BRIL, frozenset({"en", "tr"})),
        ),
        woord(
            "lassen",
            woordsoort="werkwoord",
            thema="bewerkingen",
            niveau="B1",
            uitleg="Twee stukken metaal heet maken en aan elkaar vastmaken.",
            voorbeeldzin="Hij last de twee platen aan elkaar.",
            vertalingen=_vertalingen({"en": "to weld", "ar": "يلحم", "fa": "جوشکاری کردن"}),
        ),
        woord(
            "gevaarlijk",
            woordsoort="bijvoeglijk naamwoord",
            thema="veiligheid",
            veiligheid=True,
            uitleg='Iets is gevaarlijk als je je eraan kunt bezeren. "Pas op" <hier> & daar.',
            voorbeeldzin="Pas op, dit is een gevaarlijke machine.",
            vertalingen=_vertalingen({"en": "dangerous & <risky>"}),
        ),
        woord(
            "moer",
            lidwoord="de",
            meervoud="moeren",
            thema="materialen",
            uitleg="Een klein ringetje met schroefdraad dat je op een bout draait.",
            voorbeeldzin="Draai de moeren goed vast.",
        ),
        woord(
            "handschoen",
            sector="zorg",
            lidwoord="de",
            meervoud="handschoenen",
            thema="hygiëne",
            uitleg="Je draagt handschoenen om je handen schoon te houden.",
            voorbeeldzin="Trek handschoenen aan voor je de wond verzorgt.",
            vertalingen=_vertalingen({taal: f"handschoen-{taal}" for taal in TALEN}),
        ),
    ]


# The modules that take longest (integration tests that start processes or run the whole pipeline)
# run first: with `pytest -n auto --dist loadscope` (./start.sh test) the workers then finish at
# about the same time instead of one waiting for a long module started last.
EERST = ("test_runbewaking", "test_dagster_extra", "test_pijplijn", "test_cli", "test_sleutel", "test_rapport",
         "test_lezers", "test_marts", "test_anki_update", "test_vijandige_invoer", "test_termen")  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def volgorde(item: pytest.Item) -> int:
        return EERST.index(item.path.stem) if item.path.stem in EERST else len(EERST)

    items.sort(key=volgorde)  # stable: within a module, the order stays as written


TEMPLATE_FOUTEN = ("template has a problem", "templates/errors", "no field called", "{{", "}}")


class AnkiCollectie:
    """A fresh Anki collection (the real ``anki`` package, a test-only dependency) with helpers."""

    def __init__(self, map_: Path) -> None:
        from anki.collection import Collection

        map_.mkdir(parents=True, exist_ok=True)
        self.col = Collection(str(map_ / "collection.anki2"))

    def importeer(self, pakket: Path) -> Any:
        """Import like the desktop app's defaults: update notes and note types if newer."""
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

        opties = ImportAnkiPackageOptions(merge_notetypes=False, with_scheduling=False)
        return self.col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(pakket), options=opties)
        )

    def render_alle(self) -> list[tuple[str, str]]:
        """(question, answer) HTML of every card; fails on any template error."""
        weergaven = []
        for kaart_id in self.col.find_cards(""):
            kaart = self.col.get_card(kaart_id)
            vraag, antwoord = kaart.question(), kaart.answer()
            for tekst in (vraag, antwoord):
                assert not any(fout in tekst for fout in TEMPLATE_FOUTEN), tekst[:500]
            weergaven.append((vraag, antwoord))
        return weergaven

    def notitie(self, woord: str) -> Any:
        (notitie_id,) = self.col.find_notes(f'"Woord:{woord}"')
        return self.col.get_note(notitie_id)


@pytest.fixture
def anki_collectie(tmp_path: Path) -> Iterator[AnkiCollectie]:
    pytest.importorskip("anki.collection")
    collectie = AnkiCollectie(tmp_path / "anki")
    yield collectie
    collectie.col.close()
