"""Throughput of the term finder against spaCy's bare pipeline, on the same text in the same run.

    .venv/bin/python bench/termen.py [--tokens 100000] [--rondes 5]

The text: the demo werkplek texts (demo/werkplekken/teksten, .txt/.md/.docx/.pdf) and the
explanations and example sentences of the three word lists, mixed and cut into documents of
about 300 tokens, until --tokens is reached (the list sentences are dense in vakwoorden, the
demo texts are ordinary workplace prose). Three timings per round, in turns:

- kaal: ``nlp.pipe`` of the blank Dutch pipeline with the lookup lemmatizer (the baseline);
- vinder: the finder as it runs (``Termzoeker.analyseer_alles``): spaCy's tokenizer, the same
  lookup table asked once per distinct word form instead of once per token, then the matcher
  with the metaal list, coverage and suggestion candidates;
- for comparison, the matcher alone and the whole finder after the full ``nlp.pipe`` (lemmatizer
  run on every token).

The target (issue 13) is a finder at 0.7 times the bare throughput or better. Each round times
them in turn, in CPU time of this process (steady on a shared machine) and in wall time;
the medians of the ratios are printed. The first round also warms the per-form caches, as a long
run would.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vakwoorden.lijst import SECTOREN, lees_lijst  # noqa: E402
from vakwoorden.taal.documenten import is_tekstbestand, lees_document  # noqa: E402
from vakwoorden.taal.matcher import Woordherkenner  # noqa: E402
from vakwoorden.taal.nlp import nederlands, tokenizer_pipe  # noqa: E402
from vakwoorden.taal.termen import Termzoeker  # noqa: E402


def teksten(doel_tokens: int, zaad: int = 13) -> list[str]:
    zinnen: list[str] = []
    for pad in sorted((ROOT / "demo" / "werkplekken" / "teksten").rglob("*")):
        if pad.is_file() and is_tekstbestand(pad):
            zinnen += [r.strip() for r in lees_document(pad).splitlines() if r.strip()]
    for sector in SECTOREN:
        for w in lees_lijst(sector):
            zinnen += [w.uitleg, w.voorbeeldzin]
    willekeur = random.Random(zaad)
    docs: list[str] = []
    totaal = 0
    while totaal < doel_tokens:
        willekeur.shuffle(zinnen)
        for begin in range(0, len(zinnen), 20):
            doc = " ".join(zinnen[begin : begin + 20])
            docs.append(doc)
            totaal += len(doc.split()) * 6 // 5  # words plus punctuation, roughly
            if totaal >= doel_tokens:
                break
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=100_000)
    parser.add_argument("--rondes", type=int, default=5)
    args = parser.parse_args(argv)
    nlp = nederlands()
    docs = teksten(args.tokens)
    herkenner = Woordherkenner(lees_lijst("metaal"))
    zoeker = Termzoeker.voor_sector("metaal")
    tokens = sum(len(d) for d in nlp.pipe(docs))
    print(f"{len(docs)} documenten, {tokens} tokens; {args.rondes} rondes")
    metingen: dict[str, list[tuple[float, float]]] = {
        n: [] for n in ("kaal", "matcher", "vinder", "vinder_lemma")
    }

    def meet(naam: str, pijp, verwerk) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        cpu, muur = time.process_time(), time.perf_counter()
        for doc in pijp(docs):
            verwerk(doc)
        uitkomst = (tokens / (time.process_time() - cpu), tokens / (time.perf_counter() - muur))
        metingen[naam].append(uitkomst)
        return uitkomst

    for ronde in range(1, args.rondes + 1):
        k = meet("kaal", nlp.pipe, lambda doc: None)
        m = meet("matcher", nlp.pipe, herkenner.zoek)
        v = meet("vinder", tokenizer_pipe, zoeker.analyseer)
        vl = meet("vinder_lemma", nlp.pipe, zoeker.analyseer)
        print(
            f"ronde {ronde} (CPU): kaal {k[0]:,.0f} tokens/s, matcher {m[0] / k[0]:.2f}x, vinder {v[0]:,.0f} "
            f"({v[0] / k[0]:.2f}x), vinder na lemmatizer per token {vl[0] / k[0]:.2f}x; "
            f"muurtijd: kaal {k[1]:,.0f}, vinder {v[1]:,.0f} ({v[1] / k[1]:.2f}x)"
        )
    for soort, kolom in (("CPU-tijd", 0), ("muurtijd", 1)):
        kaal = [k[kolom] for k in metingen["kaal"]]

        def verhouding(naam: str, kaal: list[float] = kaal, kolom: int = kolom) -> float:
            return statistics.median(x[kolom] / k for x, k in zip(metingen[naam], kaal, strict=True))

        print(
            f"mediaan ({soort}): kaal {statistics.median(kaal):,.0f} tokens/s; vinder {verhouding('vinder'):.2f}x "
            f"de kale doorvoer (doel: 0,70x of meer); matcher na nlp.pipe {verhouding('matcher'):.2f}x; "
            f"vinder na nlp.pipe met lemmatizer {verhouding('vinder_lemma'):.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
