"""Frozen copies of the two Dutch word matchers the project had before vakwoorden.taal.matcher
(the cards' highlight in vakwoorden/anki/notitietype.py at 6773d18, the list check's
spelling.zin_bevat_woord at 47cc666), kept only as the baseline the one matcher is measured
against on the shared table of cases (tests/test_matcher.py)."""

# ruff: noqa
from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_KLINKERS = set("aeiouyáéíóúëïöü")
_NAAMWOORD_UITGANGEN = ("", "e", "en", "s", "'s", "’s", "er", "ere", "st", "ste", "je", "jes", "tje", "tjes")
_WERKWOORD_UITGANGEN = ("", "t", "d", "te", "ten", "de", "den", "en", "end", "ende")


def werkwoord_stammen(infinitief: str) -> set[str]:
    """Likely stems of a Dutch infinitive: ``lassen`` -> las, ``maken`` -> maak, ``lezen`` -> lees.

    Lenient on purpose (it also keeps the raw stem): it only decides what to highlight.
    """
    if infinitief.endswith("en") and len(infinitief) > 3:
        ruw = infinitief[:-2]
    elif infinitief.endswith("n") and len(infinitief) > 2:
        return {infinitief[:-1]}  # gaan, doen, zien: gaa-t, doe-t, zie-t
    else:
        return {infinitief}
    stam = ruw
    if len(stam) >= 2 and stam[-1] == stam[-2] and stam[-1] not in _KLINKERS:
        stam = stam[:-1]
    elif (
        len(stam) >= 2
        and stam[-1] not in _KLINKERS
        and stam[-2] in "aeou"
        and (len(stam) == 2 or stam[-3] not in _KLINKERS)
    ):
        stam = stam[:-1] + stam[-2] + stam[-1]
    if stam.endswith("v"):
        stam = stam[:-1] + "f"
    elif stam.endswith("z"):
        stam = stam[:-1] + "s"
    return {stam, ruw}


def _is_vorm(token: str, woord) -> bool:
    lemma = woord.woord.casefold()
    if token == lemma or (woord.meervoud not in ("", "-") and token == woord.meervoud.casefold()):
        return True
    if woord.woordsoort == "werkwoord":
        for stam in werkwoord_stammen(lemma):
            if any(token == stam + u for u in _WERKWOORD_UITGANGEN):
                return True
            if token in (f"ge{stam}t", f"ge{stam}d", f"ge{lemma}"):
                return True
        return False
    if token.startswith(lemma) and token[len(lemma) :] in _NAAMWOORD_UITGANGEN:
        return True
    # spelling changes before an ending with e: snel -> snelle, groot -> grote (but not plaat -> plat)
    varianten = set()
    if len(lemma) >= 2 and lemma[-1] not in _KLINKERS:
        varianten.add(lemma + lemma[-1])
        if len(lemma) >= 4 and lemma[-2] == lemma[-3] and lemma[-2] in _KLINKERS:
            varianten.add(lemma[:-2] + lemma[-1])
    return any(
        token.startswith(v) and token[len(v) :].startswith("e") and token[len(v) :] in _NAAMWOORD_UITGANGEN
        for v in varianten
    )


def woord_posities(tekst: str, woord) -> list[tuple[int, int]]:
    """Spans of ``woord`` (or its plural or a verb form) in ``tekst``; empty when not found."""
    if " " in woord.woord:
        patroon = re.compile(r"(?<!\w)" + re.escape(woord.woord) + r"\w*", re.IGNORECASE)
        return [m.span() for m in patroon.finditer(tekst)]
    tokens = list(_TOKEN.finditer(tekst))
    treffers = [m.span() for m in tokens if _is_vorm(m.group().casefold(), woord)]
    if not treffers and len(woord.woord) >= 4:
        # compounds: "bril" in "veiligheidsbrillen"
        lemma = woord.woord.casefold()
        treffers = [m.span() for m in tokens if lemma in m.group().casefold()]
    return treffers



def _norm(woord: str) -> str:
    """Spelling-neutral form for comparing stems: z~s, v~f, doubled letters once, no diaeresis."""
    zonder_trema = "".join(
        c for c in unicodedata.normalize("NFD", woord.casefold()) if not unicodedata.combining(c)
    )
    w = zonder_trema.replace("’", "'").replace("z", "s").replace("v", "f")
    return re.sub(r"(.)\1+", r"\1", w)


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
