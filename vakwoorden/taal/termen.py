"""The term finder: which vakwoorden of a sector list does a werkplek's text use, how much of the
text's vocabulary does the list cover, and which new terms should be added?

- *Found terms*: the list's headwords through the one word matcher (:mod:`vakwoorden.taal.matcher`).
- *Coverage* (``dekking``): the share of the text's content words (words that are not Dutch
  function words) that are a form of a listed headword.
- *Suggestions*: nouns and compounds that are in no sector list, ranked by how often the texts
  use them and how rare they are in general Dutch (wordfreq's Zipf scale, offline: 1 = once per
  100 million words, 7 = 'de'). A word counts as a noun when the text puts an article or a
  possessive before it (with at most one adjective between) or it ends in a noun suffix. Only
  words written in lower case are suggested, so that names of people and firms never are.

A short context snippet per suggestion is kept for the command line only; the warehouse gets
terms and counts, never text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from vakwoorden.lijst import SECTOREN, Vakwoord, lees_lijst
from vakwoorden.taal.matcher import Termachtig, Woordherkenner
from vakwoorden.taal.nlp import nederlands

# A word at least this common in general Dutch is no trade term (werk, dag, collega: 4.7-5.5).
MAX_ALGEMEEN = 4.2
MIN_LENGTE = 5
_BEPALERS = frozenset(
    "de het een 't deze dit die dat geen elke ieder iedere welke zijn haar hun mijn jouw uw onze ons".split()
)
_NAAMWOORD_UITGANGEN = (
    "ing", "ingen", "heid", "heden", "teit", "schap", "tie", "ties", "sie", "isme", "aar", "aars", "eur",
    "eurs", "ist", "isten", "uur", "sel", "sels", "ment", "menten", "erij",
)  # fmt: skip
_STOPWOORDEN = frozenset(STOP_WORDS) | {"zo'n", "jullie", "ervoor", "erop", "eraan", "hierbij", "daarbij"}


@dataclass
class Documentanalyse:
    """What one text yields: no text, only terms, counts and (for the CLI) snippets."""

    woorden: Counter[str] = field(default_factory=Counter)  # listed headword → occurrences
    inhoudswoorden: int = 0
    gedekt: int = 0
    kandidaten: Counter[str] = field(default_factory=Counter)  # unlisted term → occurrences
    naamwoord: set[str] = field(default_factory=set)  # candidates seen used as a noun
    fragmenten: dict[str, str] = field(default_factory=dict)
    tokens: int = 0


@dataclass(frozen=True)
class GevondenWoord:
    woord: str
    aantal: int
    bestanden: int


@dataclass(frozen=True)
class Suggestie:
    term: str
    aantal: int
    algemene_frequentie: float  # zipf
    bestanden: int
    fragment: str = ""

    @property
    def score(self) -> float:
        return self.aantal * (7.0 - self.algemene_frequentie)


@dataclass(frozen=True)
class Resultaat:
    woorden: list[GevondenWoord]
    inhoudswoorden: int
    gedekt: int
    suggesties: list[Suggestie]
    tokens: int

    @property
    def dekking(self) -> float:
        return self.gedekt / self.inhoudswoorden if self.inhoudswoorden else 0.0

    def als_json(self, top: int | None = None) -> dict[str, object]:
        """The shape scripts rely on: woorden, dekking, suggesties (nothing else)."""
        return {
            "woorden": [{"woord": w.woord, "aantal": w.aantal} for w in self.woorden],
            "dekking": round(self.dekking, 4),
            "suggesties": [{"term": s.term, "aantal": s.aantal} for s in self.suggesties[:top]],
        }


def _is_woord(tekst: str) -> bool:
    return tekst.replace("-", "").isalpha()


class Termzoeker:
    """Finds one sector's vakwoorden in texts; the other sectors' lists only keep their words out
    of the suggestions."""

    def __init__(self, termen: Sequence[Termachtig], andere: Sequence[Termachtig] = ()) -> None:
        self.herkenner = Woordherkenner(termen)
        self.andere = Woordherkenner(andere) if andere else None
        self._algemeen: dict[str, float] = {}

    @classmethod
    def voor_sector(cls, sector: str) -> Termzoeker:
        eigen: list[Vakwoord] = lees_lijst(sector)
        andere = [w for s in SECTOREN if s != sector for w in lees_lijst(s)]
        return cls(eigen, andere)

    def algemene_frequentie(self, term: str) -> float:
        if term not in self._algemeen:
            self._algemeen[term] = round(zipf_frequency(term, "nl"), 2)
        return self._algemeen[term]

    # -- one text ----------------------------------------------------------------------------

    def analyseer(self, tekst: str | Doc, fragmenten: bool = False) -> Documentanalyse:
        doc = tekst if isinstance(tekst, Doc) else nederlands()(unicodedata.normalize("NFC", tekst))
        analyse = Documentanalyse(tokens=len(doc))
        treffers = self.herkenner.zoek(doc)
        bedekt: set[int] = set()
        for treffer in treffers:
            analyse.woorden[treffer.woord] += 1
            for begin, eind in treffer.posities:
                span = doc.char_span(begin, eind, alignment_mode="expand")
                if span is not None:
                    bedekt.update(range(span.start, span.end))
        for i, token in enumerate(doc):
            tekst_i = token.text
            if not _is_woord(tekst_i):
                continue
            laag = token.lower_
            if laag in _STOPWOORDEN or len(laag) < 2:
                continue
            analyse.inhoudswoorden += 1
            if i in bedekt:
                analyse.gedekt += 1
                continue
            if len(laag) < MIN_LENGTE or not tekst_i.islower():
                continue  # short words, and capitals: names of people and firms are never suggested
            term = self._term(laag, token.lemma_.lower())
            if term is None:
                continue
            analyse.kandidaten[term] += 1
            if self._als_naamwoord(doc, i, laag):
                analyse.naamwoord.add(term)
            if fragmenten and term not in analyse.fragmenten:
                analyse.fragmenten[term] = _fragment(doc, i)
        return analyse

    def _term(self, laag: str, lemma: str) -> str | None:
        """The suggestion a word stands for (its lemma), or None when it is listed or too common."""
        if self.andere is not None and any(
            soort != "samenstelling" for _, _, soort in self.andere._zoek_woord(laag, lemma)
        ):
            return None  # another sector's word (a compound on another sector's word is still new)
        term = lemma if lemma and lemma != laag and _is_woord(lemma) and laag.startswith(lemma[:3]) else laag
        if self.algemene_frequentie(term) >= MAX_ALGEMEEN:
            return None
        return term

    @staticmethod
    def _als_naamwoord(doc: Doc, i: int, laag: str) -> bool:
        if laag.endswith(_NAAMWOORD_UITGANGEN):
            return True
        vorige = doc[i - 1].lower_ if i > 0 else ""
        if vorige in _BEPALERS:
            return True
        # an article and one inflected adjective: "de scherpe braam"
        return i > 1 and vorige.endswith("e") and doc[i - 2].lower_ in _BEPALERS

    # -- several texts -----------------------------------------------------------------------

    def analyseer_alles(self, teksten: Iterable[str], fragmenten: bool = False) -> list[Documentanalyse]:
        docs = nederlands().pipe(unicodedata.normalize("NFC", t) for t in teksten)
        return [self.analyseer(doc, fragmenten) for doc in docs]

    def samenvatten(self, analyses: Sequence[Documentanalyse], top: int = 20) -> Resultaat:
        aantallen: Counter[str] = Counter()
        in_bestanden: Counter[str] = Counter()
        kandidaten: Counter[str] = Counter()
        kandidaat_bestanden: Counter[str] = Counter()
        naamwoord: set[str] = set()
        fragmenten: dict[str, str] = {}
        for a in analyses:
            aantallen.update(a.woorden)
            in_bestanden.update(a.woorden.keys())
            kandidaten.update(a.kandidaten)
            kandidaat_bestanden.update(a.kandidaten.keys())
            naamwoord |= a.naamwoord
            for term, fragment in a.fragmenten.items():
                fragmenten.setdefault(term, fragment)
        woorden = [GevondenWoord(w, n, in_bestanden[w]) for w, n in aantallen.items()]
        woorden.sort(key=lambda w: (-w.aantal, w.woord))
        suggesties = [
            Suggestie(t, n, self.algemene_frequentie(t), kandidaat_bestanden[t], fragmenten.get(t, ""))
            for t, n in kandidaten.items()
            if t in naamwoord
        ]
        suggesties.sort(key=lambda s: (-s.score, s.term))
        return Resultaat(
            woorden=woorden,
            inhoudswoorden=sum(a.inhoudswoorden for a in analyses),
            gedekt=sum(a.gedekt for a in analyses),
            suggesties=suggesties[:top] if top else suggesties,
            tokens=sum(a.tokens for a in analyses),
        )


def _fragment(doc: Doc, i: int, breedte: int = 6) -> str:
    """A few words either side of token ``i`` on one line, for the coordinator (CLI only)."""
    begin, eind = max(0, i - breedte), min(len(doc), i + breedte + 1)
    tekst = " ".join(doc[begin:eind].text.split())
    return ("…" if begin > 0 else "") + tekst + ("…" if eind < len(doc) else "")
