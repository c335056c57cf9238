"""Soft hyphens at the boundaries of Dutch compounds: veiligheids|bril, gereedschaps|kist.

A long word on a phone or in a narrow table column must break at a place a reader recognises,
with a hyphen. Browsers only hyphenate by dictionary when they have one for Dutch (most phones do
not), so we put a soft hyphen (U+00AD, ``&shy;``) at each compound boundary: invisible unless the
line breaks there.

Finding the boundaries: a word of ``MIN_LENGTE`` letters or more is split into known parts, the
fewest possible, each part at least ``MIN_DEEL`` letters and optionally followed by a linking
``s``, ``e`` or ``en`` (veiligheid-s-bril). Known parts are the Dutch word forms in
spacy-lookups-data's lemma table (a dependency already), the headwords and plurals of the
vakwoorden lists, and verb stems (las, hijs). Unknown words are left whole.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

ZACHT = "\u00ad"
MIN_LENGTE = 10
MIN_DEEL = 4
# Three-letter words that often begin or end a compound (las|apparaat, rug|ligging).
KORTE_DELEN = frozenset(
    {"arm", "bad", "bed", "dak", "dag", "dop", "gas", "hek", "kap", "las", "nek", "oog", "oor", "pas", "rol", "rug",
     "tap", "val", "vet", "weg", "zij", "bot", "bak", "top", "bus", "pen", "ijs", "lek", "pet", "mes", "net"}
)  # fmt: skip
_TUSSEN = ("", "s", "e", "en")
# Too short or too general to count as a compound part on their own.
_GEEN_DEEL = frozenset(
    {"ster", "heid", "baar", "lijk", "ende", "acht", "vers", "teren", "leren", "eren", "ging", "achte", "vert", "schee", "lener",
     "gunning", "infecte", "signa", "demon", "rapporte", "uitkrab", "aanklop", "onderleg"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    try:
        data = resources.files("spacy_lookups_data").joinpath("data/nl_lemma_lookup.json.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    tabel: dict[str, str] = json.loads(gzip.decompress(data))
    return frozenset(w.casefold() for w in (*tabel, *tabel.values()) if w.isalpha())


class Afbreker:
    """Splits compounds; ``extra`` adds known parts (the headwords of the lists)."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self.bekend = set(_lexicon())
        self.bekend.update(w.casefold() for w in extra if w.isalpha())
        self.bekend.difference_update(_GEEN_DEEL)
        self._cache: dict[str, list[str]] = {}

    def delen(self, woord: str) -> list[str]:
        """The parts of ``woord`` (the word itself when it cannot be split)."""
        if len(woord) < MIN_LENGTE or not woord.isalpha():
            return [woord]
        if woord not in self._cache:
            splitsing = self._splits(woord.casefold())
            if splitsing is None:
                self._cache[woord] = [woord]
            else:
                delen, begin = [], 0
                for lengte in splitsing:  # keep the original letters (capitals)
                    delen.extend(self.delen(woord[begin : begin + lengte]))  # parts of parts
                    begin += lengte
                self._cache[woord] = delen
        return self._cache[woord]

    def _splits(self, woord: str) -> list[int] | None:
        """Lengths of the fewest (two or more) known parts; linking letters go with the part before."""
        n = len(woord)
        # per start position: (part lengths, number of linking letters used) of the best split
        beste: list[tuple[tuple[int, ...], int] | None] = [None] * (n + 1)
        beste[n] = ((), 0)
        for begin in range(n - 1, -1, -1):
            kandidaten: list[tuple[tuple[int, ...], int]] = []
            for eind in range(begin + 3, n + 1):
                deel = woord[begin:eind]
                if deel not in self.bekend or (len(deel) < MIN_DEEL and deel not in KORTE_DELEN):
                    continue
                for tussen in _TUSSEN:
                    volgende = eind + len(tussen)
                    if volgende > n or woord[eind:volgende] != tussen or (begin == 0 and volgende == n):
                        continue
                    rest = beste[volgende]
                    if rest is not None:
                        kandidaten.append(((volgende - begin, *rest[0]), rest[1] + (tussen != "")))
            if kandidaten:
                # fewest parts, then fewest linking letters (brand|slang, not brands|lang), then the
                # longest first part (gereedschaps|kist, not gereed|schapskist)
                beste[begin] = min(kandidaten, key=lambda k: (len(k[0]), k[1], -k[0][0]))
        uitkomst = beste[0]
        return list(uitkomst[0]) if uitkomst is not None else None

    def zacht(self, tekst: str) -> str:
        """``tekst`` with a soft hyphen at each compound boundary of each long word."""
        return " ".join(ZACHT.join(self.delen(w)) for w in tekst.split(" "))
