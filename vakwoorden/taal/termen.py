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
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from vakwoorden.lijst import SECTOREN, lijst_pad, lijst_uit
from vakwoorden.taal.matcher import Termachtig, Woordherkenner, _Woorden
from vakwoorden.taal.nlp import lemma, tokenizer_pipe

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


_NIETS: tuple[list[tuple[int, int, str]], str | bool] = ([], False)  # no headword, no content word


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
        self._vormen: dict[int, tuple[list[tuple[int, int, str]], str | bool]] = {}
        self._vocab_id = 0

    @classmethod
    def voor_sector(cls, sector: str) -> Termzoeker:
        """The finder for a sector's list; made once per process for the same lists (what it
        remembers of word forms stays valid while the lists do not change)."""
        return _voor_sector(sector, tuple(lijst_pad(s).read_bytes() for s in SECTOREN))

    def algemene_frequentie(self, term: str) -> float:
        if term not in self._algemeen:
            self._algemeen[term] = round(zipf_frequency(term, "nl"), 2)
        return self._algemeen[term]

    # -- one text ----------------------------------------------------------------------------

    def analyseer(self, tekst: str | Doc, fragmenten: bool = False) -> Documentanalyse:
        if not isinstance(tekst, Doc):
            return next(iter(self.analyseer_alles([tekst], fragmenten)))
        doc = tekst
        analyse = Documentanalyse(tokens=len(doc))
        if not len(doc):
            return analyse
        # One pass over the tokens for both the matcher and the finder, on the vocabulary's hashes;
        # every distinct word form is worked out once (and remembered across documents).
        laag = doc.to_array(LOWER).tolist()
        woorden = _Woorden(laag, doc.vocab.strings)
        kandidaten = self.herkenner.kandidaten(doc)
        if self._vocab_id != id(doc.vocab):
            self._vormen.clear()
            self._vocab_id = id(doc.vocab)
        vormen = self._vormen
        strings = doc.vocab.strings
        raak: list[int] = []
        kandidaten_per: dict[int, list[tuple[int, int, str]]] = {}
        mogelijk: list[tuple[int, str]] = []
        inhoudswoorden = 0
        for i, vorm in enumerate(laag):
            info = vormen.get(vorm)
            if info is None:
                woord = strings[vorm]
                info = (kandidaten(vorm, i), self._soort(woord, lemma(woord)))
                if not info[0] and info[1] is False:
                    info = _NIETS
                vormen[vorm] = info
            if info is _NIETS:
                continue  # punctuation, function words: most tokens
            gevonden, soort = info
            if gevonden:
                kandidaten_per[i] = gevonden
                raak.append(i)
            if soort is False:
                continue
            inhoudswoorden += 1
            if soort:
                mogelijk.append((i, str(soort)))
        bedekt: set[int] = set()
        for treffer in self.herkenner.treffers(doc, woorden, raak, kandidaten_per):
            analyse.woorden[treffer.woord] += 1
            bedekt.update(treffer.tokens)
        analyse.inhoudswoorden = inhoudswoorden
        analyse.gedekt = sum(1 for j in bedekt if vormen[laag[j]][1] is not False)
        for i, term in mogelijk:
            if i in bedekt or not doc[i].is_lower:
                continue  # capitals are never suggested: names of people and firms
            analyse.kandidaten[term] += 1
            if term not in analyse.naamwoord and _als_naamwoord(woorden, i, term):
                analyse.naamwoord.add(term)
            if fragmenten and term not in analyse.fragmenten:
                analyse.fragmenten[term] = _fragment(doc, i)
        return analyse

    def _soort(self, laag: str, lemma: str) -> str | bool:
        """False: no content word; "": a content word that is no suggestion; else the suggestion."""
        if not _is_woord(laag) or laag in _STOPWOORDEN or len(laag) < 2:
            return False
        if len(laag) < MIN_LENGTE:
            return ""
        return self._term(laag, lemma.lower()) or ""

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

    # -- several texts -----------------------------------------------------------------------

    def analyseer_alles(self, teksten: Iterable[str], fragmenten: bool = False) -> list[Documentanalyse]:
        docs = tokenizer_pipe(unicodedata.normalize("NFC", t) for t in teksten)
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


def _als_naamwoord(woorden: Sequence[str], i: int, term: str) -> bool:
    laag = woorden[i]
    if laag.endswith(_NAAMWOORD_UITGANGEN) or term.endswith(_NAAMWOORD_UITGANGEN):
        return True
    vorige = woorden[i - 1] if i > 0 else ""
    if vorige in _BEPALERS:
        return True
    # an article and one inflected adjective: "de scherpe braam"
    return i > 1 and vorige.endswith("e") and woorden[i - 2] in _BEPALERS


def _fragment(doc: Doc, i: int, breedte: int = 6) -> str:
    """A few words either side of token ``i`` on one line, for the coordinator (CLI only)."""
    begin, eind = max(0, i - breedte), min(len(doc), i + breedte + 1)
    tekst = " ".join(doc[begin:eind].text.split())
    return ("…" if begin > 0 else "") + tekst + ("…" if eind < len(doc) else "")


@lru_cache(maxsize=8)
def _voor_sector(sector: str, lijsten: tuple[bytes, ...]) -> Termzoeker:
    per_sector = {s: lijst_uit(s, inhoud) for s, inhoud in zip(SECTOREN, lijsten, strict=True)}
    andere = [w for s in SECTOREN if s != sector for w in per_sector[s]]
    return Termzoeker(per_sector[sector], andere)
