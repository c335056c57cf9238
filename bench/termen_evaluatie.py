"""Precision and recall of the term finder on the hand-annotated set tests/termen_evaluatie.txt.

    .venv/bin/python bench/termen_evaluatie.py          # the figures per sector and in total
    .venv/bin/python bench/termen_evaluatie.py --fouten  # plus every sentence where it errs

Per sentence the headwords found (vakwoorden.taal.matcher, with the set's lexicon) are compared
with the annotated ones as multisets: a true positive per occurrence in both, a false positive
per occurrence found but not annotated, a false negative per annotated one not found.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BESTAND = Path(__file__).resolve().parents[1] / "tests" / "termen_evaluatie.txt"
# Written after the rules were settled; reported on its own (see its header for its first run).
NIEUW = BESTAND.with_name("termen_evaluatie_nieuw.txt")


@dataclass
class Sector:
    naam: str
    woorden: list[tuple[str, str, str]] = field(default_factory=list)  # woord, meervoud, woordsoort
    zinnen: list[tuple[str, Counter[str]]] = field(default_factory=list)


@dataclass
class Telling:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fouten: list[str] = field(default_factory=list)

    @property
    def precisie(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def tel(self, ander: Telling) -> None:
        self.tp += ander.tp
        self.fp += ander.fp
        self.fn += ander.fn
        self.fouten += ander.fouten


def lees(pad: Path = BESTAND, lexicon: list[Sector] | None = None) -> list[Sector]:
    """The sectors of an evaluation file; a section without lexicon lines takes the lexicon of
    the same sector in ``lexicon``."""
    sectoren: list[Sector] = []
    for regel in pad.read_text(encoding="utf-8").splitlines():
        regel = regel.strip()
        if not regel or regel.startswith("#"):
            continue
        if regel.startswith("[") and regel.endswith("]"):
            sectoren.append(Sector(regel[1:-1]))
        elif "=>" in regel:
            zin, _, gouden = regel.partition("=>")
            sectoren[-1].zinnen.append(
                (zin.strip(), Counter(w.strip() for w in gouden.split(",") if w.strip()))
            )
        else:
            woord, meervoud, soort = (d.strip() for d in regel.split("|"))
            sectoren[-1].woorden.append((woord, meervoud, soort))
    bron = {s.naam: s.woorden for s in lexicon or []}
    for sector in sectoren:
        if not sector.woorden:
            sector.woorden = list(bron.get(sector.naam, []))
    return sectoren


def evalueer(sector: Sector) -> Telling:
    from vakwoorden.taal.matcher import Term, Woordherkenner
    from vakwoorden.taal.nlp import nederlands

    herkenner = Woordherkenner([Term(w, m, s) for w, m, s in sector.woorden])
    bekend = {w for w, _, _ in sector.woorden}
    telling = Telling()
    docs = nederlands().pipe(zin for zin, _ in sector.zinnen)
    for (zin, gouden), doc in zip(sector.zinnen, docs, strict=True):
        onbekend = set(gouden) - bekend
        if onbekend:
            raise ValueError(f"[{sector.naam}] '{zin}': {sorted(onbekend)} staat niet in het lexicon")
        gevonden = Counter(t.woord for t in herkenner.zoek(doc))
        tp = sum((gevonden & gouden).values())
        fp = sum((gevonden - gouden).values())
        fn = sum((gouden - gevonden).values())
        telling.tp, telling.fp, telling.fn = telling.tp + tp, telling.fp + fp, telling.fn + fn
        if fp or fn:
            telling.fouten.append(
                f"[{sector.naam}] {zin}\n    te veel: {sorted((gevonden - gouden).elements())}  "
                f"gemist: {sorted((gouden - gevonden).elements())}"
            )
    return telling


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fouten", action="store_true", help="toon elke zin met een fout")
    args = parser.parse_args(argv)
    totaal = Telling()
    for titel, sectoren in (("ontwikkelset", lees()), ("nieuwe zinnen", None)):
        sectoren = sectoren if sectoren is not None else lees(NIEUW, lees())
        print(f"{titel}:")
        deel = Telling()
        zinnen = 0
        for sector in sectoren:
            telling = evalueer(sector)
            zinnen += len(sector.zinnen)
            print(
                f"  {sector.naam:<8} {len(sector.zinnen):>3} zinnen, {telling.tp + telling.fn:>3} termen: "
                f"precisie {telling.precisie:.3f}, recall {telling.recall:.3f} "
                f"(tp {telling.tp}, fp {telling.fp}, fn {telling.fn})"
            )
            deel.tel(telling)
        print(
            f"  {'samen':<8} {zinnen:>3} zinnen, {deel.tp + deel.fn:>3} termen: precisie {deel.precisie:.3f}, "
            f"recall {deel.recall:.3f} (tp {deel.tp}, fp {deel.fp}, fn {deel.fn})"
        )
        totaal.tel(deel)
    print(
        f"totaal: {totaal.tp + totaal.fn} termen, precisie {totaal.precisie:.3f}, recall {totaal.recall:.3f} "
        f"(tp {totaal.tp}, fp {totaal.fp}, fn {totaal.fn})"
    )
    if args.fouten:
        print("\n".join(totaal.fouten))
    return 0


if __name__ == "__main__":
    sys.exit(main())
