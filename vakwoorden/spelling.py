"""Dutch word knowledge for checking the lists: spelling, articles, plurals, example sentences.

Spelling is checked with the real hunspell-nl dictionary (OpenTaal): the ``hunspell`` program runs
once per batch of words (``-l`` to check, ``-a`` for suggestions, ``-m`` for the morphological
analysis that confirms unusual plurals). Trade terms that the dictionary lacks go in
``toegestane_woorden.txt`` next to this file, one per line with the reason after a ``#``.

The article and plural rules are deliberately small, so that a complaint is almost always a real
mistake: -heid/-teit/-tie/-ing → de (-ing minus the few words not made from a verb: het ding,
het messing), -isme and diminutives → het. The spaCy lookup table (spacy-lookups-data) is an extra
cross-check of plurals.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

TOEGESTANE_WOORDEN = Path(__file__).resolve().parent / "toegestane_woorden.txt"
INSTALLATIE_HINT = (
    "installeer de Debian-pakketten hunspell en hunspell-nl (sudo apt-get install hunspell hunspell-nl)"
)


class HunspellOntbreekt(RuntimeError):
    """hunspell or its Dutch dictionary is not installed, so spelling cannot be checked."""


# --------------------------------------------------------------------------------------------
# Allow-list
# --------------------------------------------------------------------------------------------


def lees_toegestane_woorden(pad: Path = TOEGESTANE_WOORDEN) -> dict[str, str]:
    """The allow-list as {word in lower case: reason}. Lines: ``woord  # reden``."""
    if not pad.exists():
        return {}
    woorden: dict[str, str] = {}
    for regel in pad.read_text(encoding="utf-8-sig").splitlines():
        woord, _, reden = regel.partition("#")
        woord = unicodedata.normalize("NFC", woord.strip())
        if woord:
            woorden[woord.casefold()] = reden.strip()
    return woorden


# --------------------------------------------------------------------------------------------
# hunspell
# --------------------------------------------------------------------------------------------

_RANDTEKENS = "()[]{}\"'.,;:!?¡¿«»“”‘’"


def woorden_in(tekst: str) -> list[str]:
    """The words of a (multi-word) entry for spell checking: split on spaces, punctuation stripped."""
    woorden = []
    for deel in tekst.split():
        deel = deel.strip(_RANDTEKENS)
        if any(teken.isalpha() for teken in deel):
            woorden.append(deel)
    return woorden


class Spellingcontrole:
    """Checks words against hunspell-nl plus the allow-list; remembers every answer.

    Checking runs ``hunspell -l`` (fast: hundreds of words in a fraction of a second).
    Suggestions come from ``hunspell -a``, which is slow for Dutch (about 0.2 s per unknown word),
    so they are only made for the first ``MAX_SUGGESTIES`` unknown words.
    """

    MAX_SUGGESTIES = 20

    def __init__(
        self,
        woordenboek: str = "nl",
        programma: str = "hunspell",
        toegestaan: Path | None = TOEGESTANE_WOORDEN,
    ) -> None:
        self.woordenboek = woordenboek
        self.programma = programma
        self.toegestaan = lees_toegestane_woorden(toegestaan) if toegestaan else {}
        self._fout: dict[str, bool] = {}  # word -> rejected by hunspell
        self._suggesties: dict[str, list[str]] = {}
        self._gezocht: set[str] = set()  # words whose suggestions were looked up
        self._analyses: dict[str, list[tuple[str, str]]] = {}

    def _hunspell(self, optie: str, woorden: list[str], tijdslimiet: float | None = None) -> str:
        """Run hunspell once with ``optie`` on one word per line; its standard output."""
        pad = shutil.which(self.programma)
        if pad is None:
            raise HunspellOntbreekt(
                f"Het programma '{self.programma}' is niet gevonden, dus de spelling kan niet worden "
                f"gecontroleerd. Oplossing: {INSTALLATIE_HINT}."
            )
        # '^' makes hunspell treat the rest of the line as text, never as a pipe-mode command.
        invoer = "".join(f"^{woord}\n" for woord in woorden)
        resultaat = subprocess.run(
            [pad, "-d", self.woordenboek, "-i", "UTF-8", optie],
            input=invoer.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=tijdslimiet,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
        )
        fout = resultaat.stderr.decode("utf-8", "replace")
        if resultaat.returncode != 0 or "Can't open" in fout:
            raise HunspellOntbreekt(
                f"Het Nederlandse woordenboek '{self.woordenboek}' voor hunspell is niet gevonden, dus de "
                f"spelling kan niet worden gecontroleerd. Oplossing: {INSTALLATIE_HINT}."
            )
        return resultaat.stdout.decode("utf-8", "replace")

    def _zoek_suggesties(self, woorden: list[str]) -> None:
        try:
            uitvoer = self._hunspell("-a", woorden, tijdslimiet=10)
        except subprocess.TimeoutExpired:
            return
        for regel in uitvoer.splitlines():
            # "& woord aantal positie: suggestie1, suggestie2" ("#" = no suggestions)
            if regel.startswith("& "):
                kop, _, rest = regel.partition(": ")
                self._suggesties[kop.split()[1]] = [s.strip() for s in rest.split(",") if s.strip()]

    def controleer(self, woorden: Iterable[str], suggesties: bool = True) -> dict[str, list[str]]:
        """Unknown words with hunspell's suggestions (possibly empty); correct words are left out.

        With ``suggesties=False`` no new suggestions are looked up (much faster for many unknown words).
        """
        lijst = list(dict.fromkeys(unicodedata.normalize("NFC", w) for w in woorden if w.strip()))
        lijst = [w for w in lijst if w.casefold() not in self.toegestaan]
        nieuw = [w for w in lijst if w not in self._fout]
        if nieuw:
            afgewezen = set(self._hunspell("-l", nieuw).split())
            for woord in nieuw:
                delen = re.split(r"[-'’/]", woord)
                self._fout[woord] = woord in afgewezen or any(d in afgewezen for d in delen)
        if suggesties:
            zonder = [w for w in lijst if self._fout[w] and w not in self._gezocht][: self.MAX_SUGGESTIES]
            if zonder:
                self._gezocht.update(zonder)
                self._zoek_suggesties(zonder)
        return {w: self._suggesties.get(w, []) for w in lijst if self._fout[w]}

    def analyseer(self, woorden: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """hunspell's morphological analyses (``-m``): per word a list of (stem, tag), e.g.
        ``laskappen`` → [("laskap", "NN2")] (NN2: plural noun); compounds give their last part."""
        lijst = list(dict.fromkeys(woorden))
        nieuw = [w for w in lijst if w not in self._analyses and w.strip()]
        if nieuw:
            for woord in nieuw:
                self._analyses[woord] = []
            for regel in self._hunspell("-m", nieuw).splitlines():
                vorm, _, analyse = regel.partition("  ")
                stammen = re.findall(r"st:(\S+)", analyse)
                labels = re.findall(r"ts:(\S+)", analyse)
                if vorm in self._analyses and stammen:
                    self._analyses[vorm].append((stammen[-1], labels[-1] if labels else ""))
        return {w: self._analyses.get(w, []) for w in lijst}

    def is_goed(self, woord: str) -> bool:
        return not self.controleer([woord])


@cache
def standaard_controle() -> Spellingcontrole:
    """A shared checker with the project's allow-list (its answers are cached for the session)."""
    return Spellingcontrole()


# --------------------------------------------------------------------------------------------
# Articles: only rules without exceptions
# --------------------------------------------------------------------------------------------

_DE_UITGANGEN = ("heid", "teit", "tie")
# -ing words that are not made from a verb: het ding, het messing (brass)
_ING_HET = frozenset({"ding", "onding"})
_ING_HET_STAART = ("messing",)
_VERKLEINWOORD = re.compile(r"(?:[bcdfghkpstxz]je|etje|tje|pje)$")


def vereist_lidwoord(woord: str) -> tuple[str, str] | None:
    """(article, reason) when the ending of a one-word noun fixes its article, else None."""
    w = woord.casefold()
    if " " in w or len(w) < 4:
        return None
    if w.endswith("ing") and w not in _ING_HET and not w.endswith(_ING_HET_STAART):
        return "de", "woorden op -ing"
    for uitgang in _DE_UITGANGEN:
        if w.endswith(uitgang):
            return "de", f"woorden op -{uitgang}"
    if w.endswith("isme"):
        return "het", "woorden op -isme"
    if _VERKLEINWOORD.search(w):
        return "het", "verkleinwoorden (op -je, -tje, -pje, -etje)"
    return None


# --------------------------------------------------------------------------------------------
# Plurals
# --------------------------------------------------------------------------------------------

MEERVOUD_UITGANGEN: tuple[str, ...] = ("en", "ën", "s", "a", "i", "ae")
_STAM_UITGANGEN_MEERVOUD = ("eren", "ën", "en", "'s", "’s", "es", "s", "a", "i", "ae")
_STAM_UITGANGEN_LEMMA = ("", "e", "um", "us", "is", "on", "a")
# Irregular plurals as (end of lemma, end of plural); also used for compounds (vrachtschip).
ONREGELMATIG: tuple[tuple[str, str], ...] = (
    ("schip", "schepen"),
    ("stad", "steden"),
    ("gelid", "gelederen"),
    ("lid", "leden"),
    ("smid", "smeden"),
    ("heid", "heden"),
    ("man", "lieden"),
    ("man", "lui"),
    ("man", "mensen"),
    ("koe", "koeien"),
    ("vlo", "vlooien"),
    ("been", "beenderen"),
    ("ex", "ices"),
    ("ix", "ices"),
    ("eau", "eaux"),
    ("y", "ies"),
)


def _norm(woord: str) -> str:
    """Spelling-neutral form for comparing stems: z~s, v~f, doubled letters once, no diaeresis."""
    zonder_trema = "".join(
        c for c in unicodedata.normalize("NFD", woord.casefold()) if not unicodedata.combining(c)
    )
    w = zonder_trema.replace("’", "'").replace("z", "s").replace("v", "f")
    return re.sub(r"(.)\1+", r"\1", w)


def _meervoud_van_woord(woord: str, meervoud: str) -> bool:
    w, m = woord.casefold(), meervoud.casefold()
    for eind_lemma, eind_meervoud in ONREGELMATIG:
        if w.endswith(eind_lemma) and m == w[: len(w) - len(eind_lemma)] + eind_meervoud:
            return True
    if not m.endswith(MEERVOUD_UITGANGEN):
        return False
    stammen = {_norm(m[: len(m) - len(u)]) for u in _STAM_UITGANGEN_MEERVOUD if m.endswith(u)}
    lemmas = {
        _norm(w[: len(w) - len(u)]) for u in _STAM_UITGANGEN_LEMMA if w.endswith(u) and len(w) > len(u) + 1
    }
    return bool(stammen & lemmas)


def meervoud_past(woord: str, meervoud: str) -> bool:
    """Whether ``meervoud`` can plausibly be the plural of ``woord`` (also for word groups).

    For a word group every word must stay the same, get an adjective -e, or be a plausible plural,
    and at least one word must be a plural (``rode knop`` → ``rode knoppen``).
    """
    woorden, meervouden = woord.split(), meervoud.split()
    if len(woorden) != len(meervouden) or not woorden:
        return False
    heeft_meervoud = False
    for w, m in zip(woorden, meervouden, strict=True):
        if w.casefold() == m.casefold() or m.casefold() == w.casefold() + "e":
            continue
        if _meervoud_van_woord(w, m):
            heeft_meervoud = True
        elif _norm(m) == _norm(w) + "e":  # adjective with spelling change: groot → grote
            continue
        else:
            return False
    return heeft_meervoud


def is_meervoud_volgens_woordenboek(woord: str, meervoud: str, analyses: list[tuple[str, str]]) -> bool:
    """Whether hunspell analyses ``meervoud`` as the plural (NN2) of ``woord`` or of its last part."""
    w = woord.casefold()
    return any(
        label == "NN2" and (stam.casefold() == w or (len(stam) >= 3 and w.endswith(stam.casefold())))
        for stam, label in analyses
    )


@cache
def _lemma_tabel() -> dict[str, str]:
    """spaCy's Dutch lookup lemmatizer table (form → lemma); empty when the package is absent."""
    try:
        bestand = resources.files("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz"
        with bestand.open("rb") as ruw, gzip.open(ruw, "rt", encoding="utf-8") as tekst:
            tabel: dict[str, str] = json.load(tekst)
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - dependency missing
        return {}
    return tabel


def lemma_volgens_spacy(vorm: str) -> str | None:
    """The lemma the spaCy lookup table gives for a word form, or None if it does not know it."""
    return _lemma_tabel().get(vorm.casefold()) or _lemma_tabel().get(vorm)


# --------------------------------------------------------------------------------------------
# Does a sentence use the word?
# --------------------------------------------------------------------------------------------

SCHEIDBARE_DELEN: tuple[str, ...] = tuple(
    sorted(
        "aan af achter bij binnen buiten dicht door heen in klaar langs los mee mis na neer om onder "
        "op open over plat recht rond samen schoon stil tegen terug toe uit vast voor vrij weg".split(),
        key=len,
        reverse=True,
    )
)
_PLAATSHOUDERS = frozenset({"zich", "iets", "iemand", "je", "jezelf", "zichzelf", "het", "de", "een"})


def zin_woorden(zin: str) -> list[str]:
    return [_norm(t) for t in re.findall(r"[\w'’-]+", zin.casefold())]


def _werkwoordstam(infinitief: str) -> str:
    w = infinitief.casefold()
    if w.endswith("en") and len(w) > 3:
        return w[:-2]
    if w.endswith("n") and len(w) > 2:
        return w[:-1]
    return w


def _vorm_komt_voor(stam: str, tokens: list[str], ook_achteraan: bool = False) -> bool:
    s = _norm(stam)
    if not s:
        return True
    for t in tokens:
        if t.startswith(s) or t.startswith("ge" + s) or (ook_achteraan and len(s) >= 3 and s in t):
            return True
    return False


def _werkwoord_komt_voor(infinitief: str, tokens: list[str]) -> bool:
    if _vorm_komt_voor(_werkwoordstam(infinitief), tokens):
        return True
    w = infinitief.casefold()
    for deel in SCHEIDBARE_DELEN:
        rest = w[len(deel) :]
        if w.startswith(deel) and len(rest) >= 3:
            stam = _werkwoordstam(rest)
            gesplitst = _norm(deel) in tokens and _vorm_komt_voor(stam, tokens)
            voltooid = any(t.startswith(_norm(deel + "ge" + stam)) for t in tokens)
            if gesplitst or voltooid:
                return True
    return False


def zin_bevat_woord(zin: str, woord: str, meervoud: str = "", werkwoord: bool = False) -> bool:
    """Whether an example sentence uses the entry: the word itself, its plural, an inflected form
    (``grote`` for ``groot``) or, for verbs, a form that starts with the stem, also when a
    separable verb is split (``draai ... aan`` for ``aandraaien``)."""
    tokens = zin_woorden(zin)
    for vorm in (woord, meervoud):
        if not vorm or vorm == "-":
            continue
        delen = [d for d in vorm.split() if d.casefold() not in _PLAATSHOUDERS] or vorm.split()
        goed = True
        for i, deel in enumerate(delen):
            laatste = i == len(delen) - 1
            if werkwoord and laatste:
                goed = goed and _werkwoord_komt_voor(deel, tokens)
            else:
                goed = goed and _vorm_komt_voor(deel, tokens, ook_achteraan=not werkwoord)
        if goed:
            return True
    return False
