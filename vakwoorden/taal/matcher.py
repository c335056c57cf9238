"""The one Dutch word matcher: where do a list's headwords occur in a text, in any form?

Used by the list check (does the example sentence use its word?), by the cards (which words to
highlight or hide) and by the term finder (which vakwoorden does a werkplek's text use?).

A text goes through spaCy's blank Dutch tokenizer and the lookup lemmatizer
(:func:`vakwoorden.taal.nlp.nederlands`). A token matches a headword when

1. it is one of the headword's forms by rule (:mod:`vakwoorden.taal.vormen`: the list's plural,
   diminutives, inflected adjectives, regular and common strong verb forms), capitals ignored;
2. or spaCy's lemma is the headword (irregular forms the rules lack: boorde → boren);
3. or, for nouns, its last part is a form of the headword (werkhandschoenen → handschoen,
   lasrookafzuiging → afzuiging), unless a longer last part is a word of its own (grootvader is
   not a compound of ader);
4. or, for separable verbs, a finite form of the base verb and its particle later in the same
   clause ("Draai de moer goed aan." = aandraaien), or "aan te draaien";
5. multi-word headwords match as a sequence of their words (plural or inflected last word).

Context rules keep near-misses out (measured on tests/termen_evaluatie*.txt):

- a finite verb form straight after an article, possessive or quantifier is a noun (de las,
  geen last, alle maten); "last van" is trouble, not lassen;
- a bare stem (las, hard, los) is the verb only where a verb stands: at the start of a clause,
  next to ik/je/jij, or after en/of/dan (Mijn grootvader las: not lassen);
- a particle at the end of the clause makes an everyday verb another verb (Zet de afzuiging
  aan. is aanzetten, not zetten); a trade verb keeps its meaning (Spijker de lat vast). What is
  everyday is told by wordfreq (zipf of the infinitive and the 3rd person at least 4.4);
- a particle followed by an article is a preposition (Draai de moer aan de bout);
- a word that is both a listed noun and a listed verb is the verb at the start of a clause, after
  a subject pronoun or as an imperative after "en" before an article, and the noun elsewhere;
- for compounds, the first part needs three letters and a vowel, and a longer last part that is
  a common word wins (grootvader is no compound of ader; servet is no compound of vet).

Each distinct word form is analysed once and remembered; a Doc is read as the vocabulary's
hashes of its lower-case words, and strings are made only near possible hits. The lemma comes
from the lookup table per form (:func:`vakwoorden.taal.nlp.lemma`), so a Doc from the tokenizer
alone is enough.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol

from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from vakwoorden.taal import vormen as vm
from vakwoorden.taal.nlp import lemma as lemma_van
from vakwoorden.taal.nlp import nederlands

WERKWOORD = "werkwoord"
NAAMWOORD = "zelfstandig naamwoord"

_LIDWOORDEN = frozenset(
    "de het een 'n 't deze dit die dat geen elke ieder iedere welke zijn haar hun mijn jouw uw onze ons".split()
)
# After a particle these words start a noun phrase: the particle is a preposition (aan de bout).
_VOOR_NAAMWOORDGROEP = _LIDWOORDEN | {"je", "jullie", "zo'n", "alle", "beide", "twee", "drie", "vier"}
# Before a finite verb form these make it a noun (de las, alle maten); "je" may be the subject.
_VOOR_ZELFSTANDIG = _VOOR_NAAMWOORDGROEP - {"je", "jullie"}
_VOEGWOORDEN = frozenset(
    "en of maar want omdat als wanneer voordat nadat zodat terwijl totdat dan zodra tenzij".split()
)
_ZINSEINDE = frozenset(".!?;:")
_LEESTEKENS = frozenset(".,!?;:()[]{}\"'/«»“”‘’…-–—")
# A verb form that, followed by these words, is another word: 'last van' (trouble), not lassen.
_ANDERE_BETEKENIS: dict[str, frozenset[str]] = {"last": frozenset({"van", "hebben", "heeft", "had"})}
# Words that stand for any object or person in a headword: "zich wassen", "iets vastzetten".
PLAATSHOUDERS = frozenset({"zich", "iets", "iemand", "jezelf", "zichzelf"})
_VOOR_STAM = frozenset({"ik", "en", "of", "dan", "eerst", "nu", "daarna", ","})
_ONDERWERP = frozenset({"ik", "jij", "hij", "zij", "ze", "we", "wij", "u", "men", "jullie"})  # "Ik boor ..."
_NA_STAM = frozenset({"ik", "je", "jij", "u", "we", "wij", "jullie"})
_PARTIKEL_SET = frozenset(vm.PARTIKELS)
_VOORZETSELS = frozenset(
    "na met tijdens zonder tot naar van bij in op aan voor om onder boven achter".split()
)
_PARTIKEL_TE = _PARTIKEL_SET - {"goed", "fijn", "gerust", "klaar", "recht", "samen"}  # "om goed te kauwen"
_MEERVOUD_UITGANGEN = ("en", "s", "'s", "je", "jes", "tje", "tjes")
_GEWOON_WOORD = 3.0  # zipf: a frequent word of general Dutch, such as vader or servet
# zipf of the infinitive and of the 3rd person (the lower counts: 'last' is also a noun, 'zagen'
# also a past of zien): zetten/zet 5.4/5.3, draaien/draait 4.7, melden/meldt 4.7/4.5 are everyday;
# lassen/last 3.5/4.9, zagen/zaagt 4.7/2.7, spijkeren/spijkert 2.5/1.5 are trade verbs.
_ALLEDAAGS_WERKWOORD = 4.4


class Termachtig(Protocol):
    """What the matcher needs of a list entry (a :class:`vakwoorden.lijst.Vakwoord` fits)."""

    @property
    def woord(self) -> str: ...

    @property
    def meervoud(self) -> str: ...

    @property
    def woordsoort(self) -> str: ...


@dataclass(frozen=True)
class Term:
    woord: str
    meervoud: str = ""
    woordsoort: str = ""
    # A verb's principal parts as the list gives them ("hees, gehesen", "schakelde uit,
    # uitgeschakeld") and whether it is separable; None when the list does not say.
    vervoeging: str = ""
    scheidbaar: bool | None = None


class Treffer(NamedTuple):
    """One occurrence: the headword, the character spans of its word(s) and how it matched."""

    term: int  # index in Woordherkenner.termen
    woord: str
    posities: tuple[tuple[int, int], ...]
    soort: str  # vorm, lemma, samenstelling, gescheiden, woordgroep
    token: int  # index of the first token
    tokens: tuple[int, ...] = ()  # every token of the occurrence


@dataclass(frozen=True)
class _Groep:
    term: int
    delen: tuple[frozenset[str], ...]  # allowed forms per word
    werkwoord: frozenset[str] | None  # "door de knieën gaan": the last word may be a moved verb


class Woordherkenner:
    """Finds the given headwords in texts. Build it once per list; :meth:`zoek` per text."""

    def __init__(self, termen: Iterable[Termachtig]) -> None:
        self.termen: list[Term] = [
            Term(
                unicodedata.normalize("NFC", t.woord.strip()),
                (t.meervoud or "").strip(),
                (t.woordsoort or "").strip(),
            )
            for t in termen
        ]
        self._vorm: dict[str, list[tuple[int, int]]] = {}
        self._kop: dict[str, list[int]] = {}
        self._naamwoord: dict[str, list[int]] = {}
        self._los: dict[str, list[tuple[int, str]]] = {}
        self._te: dict[tuple[str, str], list[int]] = {}
        self._te_partikels: set[str] = set()
        self._groep: dict[str, list[_Groep]] = {}
        self._cache: dict[str, list[tuple[int, int, str]]] = {}
        self._hash_cache: dict[int, list[tuple[int, int, str]]] = {}
        self._finiet: dict[int, frozenset[str]] = {}
        self._persoonsvorm: dict[int, frozenset[str]] = {}
        self._stam: dict[int, frozenset[str]] = {}
        self._vocab_id = 0
        for nummer, term in enumerate(self.termen):
            self._voeg_toe(nummer, term)

    # -- index ---------------------------------------------------------------------------------

    def _vorm_toe(self, vorm: str, nummer: int, rang: int) -> None:
        lijst = self._vorm.setdefault(vorm, [])
        for i, (n, r) in enumerate(lijst):
            if n == nummer:
                if rang < r:
                    lijst[i] = (nummer, rang)
                return
        lijst.append((nummer, rang))

    def _voeg_toe(self, nummer: int, term: Term) -> None:
        kop = vm.norm(term.woord)
        woorden = [w for w in kop.split() if w not in PLAATSHOUDERS] or kop.split()
        if not woorden:
            return
        kop = " ".join(woorden)  # zich wassen → wassen
        if len(woorden) > 1:
            self._voeg_groep_toe(nummer, term, woorden)
            return
        self._kop.setdefault(kop, []).append(nummer)
        self._vorm_toe(kop, nummer, 0)
        if term.woordsoort != WERKWOORD:
            for meervoud in vm.meervouden(kop, term.meervoud):
                self._vorm_toe(meervoud, nummer, 1)
        for vorm in vm.vormen(kop, term.meervoud, term.woordsoort):
            self._vorm_toe(vorm, nummer, 2)
        if term.woordsoort not in (WERKWOORD, "bijvoeglijk naamwoord", "bijwoord") and len(kop) >= 3:
            for vorm in vm.naamwoordsvormen(kop, term.meervoud):
                self._naamwoord.setdefault(vorm, []).append(nummer)
        if term.woordsoort == WERKWOORD:
            self._persoonsvorm[nummer] = frozenset(vm.persoonsvormen(kop)) - {kop}
            scheidbaar = vm.scheidbare_vormen(kop) if term.scheidbaar is not False else None
            if term.vervoeging:
                self._vervoeging_toe(nummer, term, scheidbaar[0] if scheidbaar else "")
            if scheidbaar is None:
                # finite forms that a particle later in the clause turns into another verb
                # (zet ... aan = aanzetten), and the bare stems (hard, las, los) that are read as
                # the verb only where a verb stands: at the start, or next to ik/je/...
                met_aan = vm.scheidbare_vormen("aan" + kop)
                # only for everyday verbs, whose particle verbs mean something else (zetten ←
                # aanzetten, neerzetten); a trade verb keeps its meaning (Spijker de lat vast).
                if met_aan is not None and _alledaags(kop):
                    self._finiet[nummer] = frozenset(met_aan[2] - {kop})
                # a stem ending in t is also the 3rd person (meet, zet): that one is always a verb form
                self._stam[nummer] = frozenset(
                    st for st in vm.stammen(kop) if st != kop and not st.endswith("t")
                )
            else:
                partikel, basis, los = scheidbaar
                for vorm in los:
                    self._los.setdefault(vorm, []).append((nummer, partikel))
                self._te.setdefault((partikel, basis), []).append(nummer)
                self._te_partikels.add(partikel)

    def _vervoeging_toe(self, nummer: int, term: Term, partikel: str) -> None:
        """The list's own past forms: one word each, or a past tense with its particle apart."""
        for deel in term.vervoeging.replace(";", ",").split(","):
            woorden = vm.norm(deel).split()
            if len(woorden) == 1:
                vorm = woorden[0]
                vormen = {vorm, vorm + "n"} if vorm.endswith(("de", "te")) else {vorm}
                for v in vormen:
                    self._vorm_toe(v, nummer, 1)
            elif len(woorden) == 2 and partikel and woorden[1] == partikel:
                vorm = woorden[0]  # "schakelde uit": schakelde(n) ... uit, and joined uitschakelde(n)
                vormen = {vorm, vorm + "n"} if vorm.endswith(("de", "te")) else {vorm}
                for v in vormen:
                    lijst = self._los.setdefault(v, [])
                    if (nummer, partikel) not in lijst:
                        lijst.append((nummer, partikel))
                    self._vorm_toe(partikel + v, nummer, 1)

    def _voeg_groep_toe(self, nummer: int, term: Term, woorden: list[str]) -> None:
        meervoud = vm.norm(term.meervoud).split() if term.meervoud not in ("", "-") else []
        delen: list[set[str]] = [{w} for w in woorden]
        if len(meervoud) == len(woorden):
            for deel, m in zip(delen, meervoud, strict=True):
                deel.add(m)
        laatste = woorden[-1]
        delen[-1] |= vm.naamwoordsvormen(laatste, meervoud[-1] if meervoud else "")
        for i in range(len(woorden) - 1):  # haakse, losse, kubieke: the inflected adjective
            delen[i] |= vm.bijvoeglijke_vormen(woorden[i])
        werkwoord = None
        if len(woorden) >= 3 and laatste.endswith("n") and term.woordsoort in ("uitdrukking", WERKWOORD):
            werkwoord = frozenset(vm.werkwoordsvormen(laatste))
            delen[-1] |= werkwoord
        groep = _Groep(nummer, tuple(frozenset(d) for d in delen), werkwoord)
        for eerste in delen[0]:
            self._groep.setdefault(eerste, []).append(groep)

    # -- single words ----------------------------------------------------------------------------

    def _zoek_woord(self, woord: str, lemma: str) -> list[tuple[int, int, str]]:
        """(term, rank, how) candidates for one token, cached per form."""
        bekend = self._cache.get(woord)
        if bekend is not None:
            return bekend
        gevonden = [(n, r, "vorm") for n, r in self._vorm.get(woord, ())]
        if not gevonden and woord.endswith("'s") and woord[:-2] in self._vorm:
            gevonden = [(n, 2, "vorm") for n, _ in self._vorm[woord[:-2]]]
        if not gevonden and lemma != woord and lemma in self._kop:
            for n in self._kop[lemma]:
                soort = self.termen[n].woordsoort
                if (
                    soort == WERKWOORD
                    or soort == "bijvoeglijk naamwoord"
                    or woord.endswith(_MEERVOUD_UITGANGEN)
                ):
                    gevonden.append((n, 1, "lemma"))
        if not gevonden and len(woord) >= 6 and any(c.isalpha() for c in woord):
            gevonden = [(n, 3, "samenstelling") for n in self._samenstelling(woord)]
        if len(self._cache) < 200_000:
            self._cache[woord] = gevonden
        return gevonden

    def _samenstelling(self, woord: str) -> list[int]:
        """Nouns that are the last part of ``woord``, longest part first."""
        for begin in range(3, len(woord) - 2):
            staart = woord[begin:]
            termen = self._naamwoord.get(staart)
            if not termen:
                continue
            kop = woord[:begin].rstrip("-")
            if len(kop) < 3 or not any(vm._is_klinker(c) for c in kop):
                return []
            # a longer last part that is a word of its own: the compound is built on that word
            if any(_gewoon(woord[b:]) for b in range(max(1, begin - 4), begin)):
                return []
            if len(staart) <= 4 and _gewoon(woord):
                return []  # servet is not a compound of vet
            return termen
        return []

    # -- a text ----------------------------------------------------------------------------------

    def zoek(self, tekst: str | Doc) -> list[Treffer]:
        """Every occurrence of a headword in ``tekst`` (a string or a Doc of :func:`nederlands`)."""
        doc = tekst if isinstance(tekst, Doc) else nederlands()(unicodedata.normalize("NFC", tekst))
        return self._zoek_doc(doc)

    def zoek_docs(self, docs: Iterable[Doc]) -> Iterator[list[Treffer]]:
        for doc in docs:
            yield self._zoek_doc(doc)

    def _zoek_doc(self, doc: Doc) -> list[Treffer]:
        return self.zoek_vormen(doc, doc.to_array(LOWER).tolist())[0]

    def zoek_vormen(self, doc: Doc, laag: list[int]) -> tuple[list[Treffer], Sequence[str]]:
        """The occurrences in ``doc``, given its lower-case hashes (``doc.to_array(LOWER).tolist()``:
        one int per token is all the matcher reads for most tokens); also the document's words
        (made into strings lazily) for the caller's own use."""
        woorden = _Woorden(laag, doc.vocab.strings)
        kandidaten = self.kandidaten(doc)
        raak: list[int] = []
        kandidaten_per: dict[int, list[tuple[int, int, str]]] = {}
        for i, vorm in enumerate(laag):
            gevonden = kandidaten(vorm, i)
            if gevonden:
                kandidaten_per[i] = gevonden
                raak.append(i)
        return self.treffers(doc, woorden, raak, kandidaten_per), woorden

    def kandidaten(self, doc: Doc) -> Callable[[int, int], list[tuple[int, int, str]]]:
        """(lower-case hash, token index) → the candidates of that word form, each form worked out
        once per vocabulary (with the lookup lemmatizer's lemma of the form, so a Doc made by the
        tokenizer alone will do): the per-token step of :meth:`zoek_vormen`, for callers with a
        loop of their own."""
        strings = doc.vocab.strings
        cache = self._hash_cache
        if self._vocab_id != id(doc.vocab):
            cache.clear()
            self._vocab_id = id(doc.vocab)

        def kandidaten(laag: int, i: int) -> list[tuple[int, int, str]]:
            gevonden = cache.get(laag)
            if gevonden is None:
                vorm = strings[laag]
                gevonden = self._analyseer(vorm, lemma_van(vorm))
                cache[laag] = gevonden
            return gevonden

        return kandidaten

    def _analyseer(self, woord: str, lemma: str) -> list[tuple[int, int, str]]:
        """Candidates of one token form, plus a marker when it may start a group or split verb."""
        woord = woord.replace("’", "'")
        gevonden: list[tuple[int, int, str]] = []
        if woord in self._groep or woord in self._los or woord in self._te_partikels:
            gevonden.append((-1, 9, "aanzet"))
        if len(woord) >= 2 and (woord in self._vorm or (len(woord) >= 3 and woord[0].isalpha())):
            gevonden += self._zoek_woord(woord, lemma.lower())
        return gevonden

    def treffers(
        self,
        doc: Doc,
        woorden: Sequence[str],
        raak: list[int],
        kandidaten_per: dict[int, list[tuple[int, int, str]]],
    ) -> list[Treffer]:
        n = len(woorden)
        bezet = [False] * n
        treffers: list[Treffer] = []
        aanzet = [i for i in raak if kandidaten_per[i][0][0] < 0]

        def treffer(nummer: int, tokens: list[int], soort: str) -> None:
            for j in tokens:
                bezet[j] = True
            spans = [(t.idx, t.idx + len(t)) for t in (doc[j] for j in tokens)]
            posities = _aaneen(tokens, spans) if soort == "woordgroep" else tuple(spans)
            treffers.append(
                Treffer(nummer, self.termen[nummer].woord, posities, soort, tokens[0], tuple(tokens))
            )

        if self._groep:
            for i in aanzet:
                for groep in self._groep.get(woorden[i], ()):
                    tokens = self._groep_past(groep, woorden, i)
                    if tokens and not any(bezet[j] for j in tokens):
                        treffer(groep.term, tokens, "woordgroep")
                        break
        if self._los or self._te:
            for i in aanzet:
                if bezet[i]:
                    continue
                w = woorden[i]
                if w in self._los and not (i > 0 and woorden[i - 1] in _LIDWOORDEN):
                    for nummer, partikel in self._los[w]:
                        plek = self._partikel(woorden, i, partikel, bezet)
                        if plek is not None:
                            treffer(nummer, [i, plek], "gescheiden")
                            break
                if not bezet[i] and i + 2 < n and woorden[i + 1] == "te" and (w, woorden[i + 2]) in self._te:
                    treffer(self._te[(w, woorden[i + 2])][0], [i, i + 2], "gescheiden")
        termen = self.termen
        for i in raak:
            if bezet[i]:
                continue
            kandidaten = kandidaten_per[i]
            echt = [k for k in kandidaten if k[0] >= 0] if kandidaten[0][0] < 0 else kandidaten
            if not echt:
                continue
            if len(echt) == 1 and termen[echt[0][0]].woordsoort != WERKWOORD:
                treffer(echt[0][0], [i], echt[0][2])  # one noun or adjective: no context needed
                continue
            keuze = self._kies(echt, woorden, i)
            if keuze is not None:
                treffer(keuze[0], [i], keuze[1])
        treffers.sort(key=lambda t: t.posities[0])
        return treffers

    def _kies(
        self, kandidaten: list[tuple[int, int, str]], woorden: Sequence[str], i: int
    ) -> tuple[int, str] | None:
        """The candidate this token is, by context; None when context says it is another word."""
        vorige = woorden[i - 1] if i > 0 else ""
        volgende = woorden[i + 1] if i + 1 < len(woorden) else ""
        na_lidwoord = vorige in _LIDWOORDEN
        # an article and one inflected adjective before a bare stem: "met een scherpe boor"
        na_bijvoeglijk = i > 1 and vorige.endswith("e") and woorden[i - 2] in _LIDWOORDEN
        begin = i == 0 or vorige in _ZINSEINDE or "\n" in vorige
        goed = []
        for nummer, rang, soort in kandidaten:
            term = self.termen[nummer]
            if term.woordsoort == WERKWOORD:
                if (soort == "lemma" or woorden[i] in self._persoonsvorm.get(nummer, ())) and (
                    vorige in _VOOR_ZELFSTANDIG
                ):
                    continue  # de las, geen last, alle maten: a noun, not a verb form (but: zijn afgekeurd)
                if rang > 0 and volgende in _ANDERE_BETEKENIS.get(woorden[i], ()):
                    continue
                if woorden[i] in self._stam.get(nummer, ()) and (
                    na_bijvoeglijk or not (begin or vorige in _VOOR_STAM or volgende in _NA_STAM)
                ):
                    continue  # "hard materiaal", "grootvader las": not harden, not lassen
                if woorden[i] in self._finiet.get(nummer, ()) and self._heeft_partikel(woorden, i):
                    continue  # "Zet de afzuiging aan" is aanzetten, not zetten
                if vorige == "te" and i > 1 and woorden[i - 2] in _PARTIKEL_TE and nummer in self._finiet:
                    continue  # "vast te draaien" is vastdraaien
            goed.append((nummer, rang, soort, term.woordsoort))
        if not goed:
            return None
        if len({g[3] == WERKWOORD for g in goed}) > 1:
            # the imperative: at the start, or after "en"/","/"dan" and before an article (vijl de rand)
            wil_werkwoord = not na_lidwoord and (
                begin or vorige in _ONDERWERP or (vorige in _VOOR_STAM and volgende in _VOOR_NAAMWOORDGROEP)
            )
            goed.sort(key=lambda g: (0 if (g[3] == WERKWOORD) == wil_werkwoord else 1, g[1], g[0]))
        else:
            goed.sort(key=lambda g: (g[1], g[0]))
        return goed[0][0], goed[0][2]

    @staticmethod
    def _heeft_partikel(woorden: Sequence[str], i: int) -> bool:
        """Whether the clause of the verb at ``i`` ends in a particle (Zet de afzuiging aan.)."""
        for j in range(i + 1, min(len(woorden), i + 25)):
            w = woorden[j]
            if w in _ZINSEINDE or w == "," or "\n" in w:
                return False
            if w in _PARTIKEL_SET:
                volgende = woorden[j + 1] if j + 1 < len(woorden) else "."
                daarna = woorden[j + 2] if j + 2 < len(woorden) else "."
                if volgende in _ZINSEINDE or volgende == "," or "\n" in volgende:
                    return True
                # "aan en zet ...", "op voordat ...", but not "voor en na", "op en neer"
                if volgende in _VOEGWOORDEN and not (volgende in ("en", "of") and daarna in _PARTIKEL_SET):
                    return True
                # "Draai de kraan dicht na het werk", but "dicht bij de las" is near the weld
                if volgende in _VOORZETSELS and (w, volgende) != ("dicht", "bij"):
                    return True
        return False

    @staticmethod
    def _partikel(woorden: Sequence[str], i: int, partikel: str, bezet: list[bool]) -> int | None:
        """The particle of the verb at ``i``, later in the same clause and not a preposition."""
        for j in range(i + 1, min(len(woorden), i + 25)):
            w = woorden[j]
            if w in _ZINSEINDE or w == "," or "\n" in w or (w in _VOEGWOORDEN and j > i + 1):
                return None
            if w == partikel and not bezet[j]:
                volgende = woorden[j + 1] if j + 1 < len(woorden) else ""
                if volgende not in _VOOR_NAAMWOORDGROEP and not volgende[:1].isdigit():
                    return j
        return None

    @staticmethod
    def _groep_past(groep: _Groep, woorden: Sequence[str], i: int) -> list[int]:
        """Token positions of the group starting at ``i``; [] when it does not match."""
        lengte = len(groep.delen)
        if i + lengte <= len(woorden) and all(woorden[i + k] in groep.delen[k] for k in range(lengte)):
            return list(range(i, i + lengte))
        if groep.werkwoord is not None and all(
            i + k < len(woorden) and woorden[i + k] in groep.delen[k] for k in range(lengte - 1)
        ):
            # the verb moved: "Ga door de knieën." / "Je gaat door de knieën."
            begin, eind = i, i + lengte - 1
            while begin > 0 and woorden[begin - 1] not in _ZINSEINDE:
                begin -= 1
            while eind < len(woorden) and woorden[eind] not in _ZINSEINDE:
                eind += 1
            for j in [*range(begin, i), *range(i + lengte - 1, eind)]:
                if woorden[j] in groep.werkwoord:
                    return sorted([*range(i, i + lengte - 1), j])
        return []


class _Woorden(Sequence[str]):
    """The lower-case words of a Doc, made into strings only when asked (most tokens never are)."""

    __slots__ = ("_hashes", "_strings", "_memo")

    def __init__(self, hashes: list[int], strings: StringStore) -> None:
        self._hashes = hashes
        self._strings = strings
        self._memo: list[str | None] = [None] * len(hashes)

    def __len__(self) -> int:
        return len(self._hashes)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        w = self._memo[i]
        if w.__class__ is str:
            return w
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        w = self._strings[self._hashes[i]]
        if "’" in w:
            w = w.replace("’", "'")
        self._memo[i] = w
        return w


def _term(t: Termachtig) -> Term:
    vervoeging = str(getattr(t, "vervoeging", "") or "").strip()
    scheidbaar = getattr(t, "scheidbaar", None)
    return Term(
        unicodedata.normalize("NFC", t.woord.strip()),
        (t.meervoud or "").strip(),
        (t.woordsoort or "").strip(),
        vervoeging,
        # the list's flag counts when the list fills in the verb's forms (every verb then has one)
        bool(scheidbaar) if vervoeging and scheidbaar is not None else None,
    )


def _aaneen(tokens: list[int], spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """One span per run of adjacent tokens: "Eerste Hulp" is one highlight, "Zet ... in elkaar" two."""
    delen: list[tuple[int, int]] = []
    vorige = -2
    for j, (begin, eind) in zip(tokens, spans, strict=True):
        if j == vorige + 1 and delen:
            delen[-1] = (delen[-1][0], eind)
        else:
            delen.append((begin, eind))
        vorige = j
    return tuple(delen)


def _alledaags(infinitief: str) -> bool:
    derde = {s if s.endswith("t") else s + "t" for s in vm.stammen(infinitief)}
    return (
        min(zipf_frequency(infinitief, "nl"), max(zipf_frequency(d, "nl") for d in derde))
        >= _ALLEDAAGS_WERKWOORD
    )


@lru_cache(maxsize=100_000)
def _gewoon(woord: str) -> bool:
    return zipf_frequency(woord, "nl") >= _GEWOON_WOORD


# -- one headword at a time (the list check and the cards) ---------------------------------------


@lru_cache(maxsize=4096)
def _herkenner_voor(term: Term) -> Woordherkenner:
    return Woordherkenner([term])


def posities(tekst: str, term: Termachtig) -> list[tuple[int, int]]:
    """Character spans of ``term`` in ``tekst`` (every word of a split verb or a word group)."""
    herkenner = _herkenner_voor(_term(term))
    return sorted(p for t in herkenner.zoek(tekst) for p in t.posities)


def komt_voor(tekst: str, woord: str, meervoud: str = "", woordsoort: str = "") -> bool:
    """Whether ``tekst`` uses the headword in any of its forms."""
    return bool(_herkenner_voor(Term(woord, meervoud, woordsoort)).zoek(tekst))


def zoek_in(teksten: Sequence[str], termen: Iterable[Termachtig]) -> list[list[Treffer]]:
    """Occurrences of ``termen`` in each text (one shared matcher, texts through ``nlp.pipe``)."""
    herkenner = Woordherkenner(termen)
    nlp = nederlands()
    return list(herkenner.zoek_docs(nlp.pipe(unicodedata.normalize("NFC", t) for t in teksten)))
