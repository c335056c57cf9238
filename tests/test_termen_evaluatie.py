"""The hand-annotated evaluation set as a floor: precision and recall of the term finder stay at
0.95 or more (bench/termen_evaluatie.py prints the figures and every error)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "termen_evaluatie.py"


@pytest.fixture(scope="module")
def evaluatie():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("termen_evaluatie", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_de_set_is_groot_genoeg(evaluatie) -> None:  # type: ignore[no-untyped-def]
    sectoren = evaluatie.lees()
    assert {s.naam for s in sectoren} == {"metaal", "zorg", "bouw"}
    termen = sum(sum(gouden.values()) for s in sectoren for _, gouden in s.zinnen)
    bijna = sum(not gouden for s in sectoren for _, gouden in s.zinnen)
    assert termen >= 200
    assert bijna >= 15  # sentences with near-misses only


def test_precisie_en_recall_minstens_095(evaluatie) -> None:  # type: ignore[no-untyped-def]
    totaal = evaluatie.Telling()
    for sector in [*evaluatie.lees(), *evaluatie.lees(evaluatie.NIEUW, evaluatie.lees())]:
        telling = evaluatie.evalueer(sector)
        assert telling.precisie >= 0.9 and telling.recall >= 0.9, (sector.naam, telling.fouten)
        totaal.tel(telling)
    assert totaal.precisie >= 0.95, totaal.fouten
    assert totaal.recall >= 0.95, totaal.fouten


def test_een_fout_telt(evaluatie, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pad = tmp_path / "set.txt"
    pad.write_text(
        "[metaal]\nlaskap | laskappen | zelfstandig naamwoord\nlassen | | werkwoord\n"
        "Zet je laskap op. => laskap, lassen\nMijn opa las de krant. => laskap\n",
        encoding="utf-8",
    )
    telling = evaluatie.evalueer(evaluatie.lees(pad)[0])
    assert (telling.tp, telling.fp, telling.fn) == (1, 0, 2)
