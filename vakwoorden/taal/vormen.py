"""The forms a Dutch headword takes in running text, generated from the headword by rule.

spaCy's lookup table knows many irregular forms (boorde → boren, gehesen → hijsen) but misses
regular ones (laskappen, werkhandschoenen, tilt, draai): the matcher uses both. These rules
cover plurals (-en, -s, -'s), diminutives (-je, -tje, -pje, -kje, -etje), inflected adjectives
and the regular verb forms (stem, stem + t, past tense by 't kofschip, past participle), plus the
parts of separable verbs (aandraaien = aan + draaien).
"""

from __future__ import annotations

import unicodedata

KLINKERS = frozenset("aeiouyáéíóúàèëïöüâêôû")
# Particles that split off a separable verb ("Draai de moer aan." = aandraaien), longest first.
PARTIKELS: tuple[str, ...] = tuple(
    sorted(
        "aan af achter achteruit bij binnen boven buiten dicht door fijn gerust goed heen in kapot klaar krom "
        "langs los mee mis na neer om onder op open over plat recht rond samen schoon stil tegen terug "
        "toe uit vast voor voorbij vooruit vrij weg".split(),
        key=len,
        reverse=True,
    )
)
# Prefixes after which a past participle takes no ge-: verankerd, ontbraamd, herhaald.
ONSCHEIDBAAR = ("be", "ge", "her", "ont", "ver", "er")
_KOFSCHIP = frozenset("tkfschpx")
# Strong and irregular verbs the lists build on whose past forms spaCy's lookup table lacks or
# gets only partly: past singular, past plural, past participle (Dutch grammar, not a word list).
STERK: dict[str, tuple[str, str, str]] = {
    "staan": ("stond", "stonden", "gestaan"), "gaan": ("ging", "gingen", "gegaan"),
    "doen": ("deed", "deden", "gedaan"), "zien": ("zag", "zagen", "gezien"),
    "nemen": ("nam", "namen", "genomen"), "geven": ("gaf", "gaven", "gegeven"),
    "vallen": ("viel", "vielen", "gevallen"), "spreken": ("sprak", "spraken", "gesproken"),
    "dragen": ("droeg", "droegen", "gedragen"), "buigen": ("boog", "bogen", "gebogen"),
    "slijpen": ("sleep", "slepen", "geslepen"), "snijden": ("sneed", "sneden", "gesneden"),
    "krimpen": ("kromp", "krompen", "gekrompen"), "klinken": ("klonk", "klonken", "geklonken"),
    "trekken": ("trok", "trokken", "getrokken"), "zinken": ("zonk", "zonken", "gezonken"),
    "glijden": ("gleed", "gleden", "gegleden"), "rijden": ("reed", "reden", "gereden"),
    "wassen": ("waste", "wasten", "gewassen"), "scheren": ("schoor", "schoren", "geschoren"),
    "graven": ("groef", "groeven", "gegraven"),
    "hijsen": ("hees", "hesen", "gehesen"), "vlechten": ("vlocht", "vlochten", "gevlochten"),
    "heffen": ("hief", "hieven", "geheven"), "sluiten": ("sloot", "sloten", "gesloten"),
    "houden": ("hield", "hielden", "gehouden"), "komen": ("kwam", "kwamen", "gekomen"),
    "lopen": ("liep", "liepen", "gelopen"), "laten": ("liet", "lieten", "gelaten"),
    "leggen": ("legde", "legden", "gelegd"), "vragen": ("vroeg", "vroegen", "gevraagd"),
    "wijzen": ("wees", "wezen", "gewezen"), "schuiven": ("schoof", "schoven", "geschoven"),
    "breken": ("brak", "braken", "gebroken"), "bieden": ("bood", "boden", "geboden"),
    "kiezen": ("koos", "kozen", "gekozen"), "schrijven": ("schreef", "schreven", "geschreven"),
    "blijven": ("bleef", "bleven", "gebleven"), "zitten": ("zat", "zaten", "gezeten"),
    "liggen": ("lag", "lagen", "gelegen"), "slaan": ("sloeg", "sloegen", "geslagen"),
    "brengen": ("bracht", "brachten", "gebracht"), "denken": ("dacht", "dachten", "gedacht"),
    "zoeken": ("zocht", "zochten", "gezocht"), "kopen": ("kocht", "kochten", "gekocht"),
    "werpen": ("wierp", "wierpen", "geworpen"), "helpen": ("hielp", "hielpen", "geholpen"),
    "sterven": ("stierf", "stierven", "gestorven"), "bijten": ("beet", "beten", "gebeten"),
    "drinken": ("dronk", "dronken", "gedronken"), "eten": ("at", "aten", "gegeten"),
    "lezen": ("las", "lazen", "gelezen"), "hangen": ("hing", "hingen", "gehangen"),
    "vangen": ("ving", "vingen", "gevangen"), "springen": ("sprong", "sprongen", "gesprongen"),
    "dringen": ("drong", "drongen", "gedrongen"), "binden": ("bond", "bonden", "gebonden"),
    "vinden": ("vond", "vonden", "gevonden"), "winden": ("wond", "wonden", "gewonden"),
    "schieten": ("schoot", "schoten", "geschoten"), "gieten": ("goot", "goten", "gegoten"),
    "verliezen": ("verloor", "verloren", "verloren"), "wegen": ("woog", "wogen", "gewogen"),
}  # fmt: skip
# A participle made as ge + infinitive that is another word: geboren (born) is not a form of boren.
_GEEN_DEELWOORD = frozenset({"geboren"})


def norm(woord: str) -> str:
    """The form words are compared in: NFC, lower case, one kind of apostrophe."""
    return unicodedata.normalize("NFC", woord).casefold().replace("’", "'").replace("‘", "'")


def _is_klinker(letter: str) -> bool:
    return letter in KLINKERS


def _lettergrepen(woord: str) -> int:
    """Vowel groups: a rough syllable count (enough to tell 'met' from 'metsel')."""
    aantal, vorige = 0, False
    for letter in woord:
        klinker = _is_klinker(letter)
        if klinker and not vorige:
            aantal += 1
        vorige = klinker
    return aantal


def stammen(infinitief: str) -> list[str]:
    """Stems of a regular infinitive: lassen → las, maken → maak, leven → leef, staan → sta.

    An -el/-er/-em/-en syllable before the ending may be unstressed (metselen → metsel) or
    stressed (solderen → soldeer); both stems are given then, since no rule tells them apart.
    """
    w = norm(infinitief)
    if w.endswith(("aan", "oen", "zien")):
        basis = w[:-1]  # gaan → ga(at), doen → doe(t), zien → zie(t)
        return [basis[:-1] if basis.endswith("aa") else basis]
    if not w.endswith("en") or len(w) <= 3:
        return [w[:-1]] if w.endswith("n") and len(w) > 2 else [w]
    ruw = w[:-2]
    if len(ruw) >= 2 and ruw[-1] == ruw[-2] and not _is_klinker(ruw[-1]):
        kandidaten = [ruw[:-1]]  # lassen → las, zetten → zet
    elif (
        len(ruw) >= 2
        and not _is_klinker(ruw[-1])
        and ruw[-2] in "aeou"
        and (len(ruw) == 2 or not _is_klinker(ruw[-3]))
    ):
        lang = ruw[:-1] + ruw[-2] + ruw[-1]  # maken → maak, boren → boor
        if ruw[-2] == "e" and ruw[-1] in "lrmn" and _lettergrepen(ruw) > 1:
            kandidaten = [ruw, lang]  # metselen → metsel; solderen → soldeer
        else:
            kandidaten = [lang]
    else:
        kandidaten = [ruw]
    uit: list[str] = []
    for stam in kandidaten:
        if stam.endswith("v"):
            stam = stam[:-1] + "f"
        elif stam.endswith("z"):
            stam = stam[:-1] + "s"
        if stam not in uit:
            uit.append(stam)
    return uit


def _verleden_uitgang(infinitief: str) -> str:
    """'t kofschip: the past tense takes -te after a voiceless stem end, else -de."""
    w = norm(infinitief)
    ruw = w[:-2] if w.endswith("en") else w[:-1]
    return "t" if ruw and ruw[-1] in _KOFSCHIP else "d"


def persoonsvormen(infinitief: str) -> set[str]:
    """The finite forms (stem, stem + t, past tense) of a verb as written, without a split particle:
    the forms that may also be read as a noun after an article (de las, geen last)."""
    w = norm(infinitief)
    d = _verleden_uitgang(w)
    vormen: set[str] = set()
    for stam in stammen(w):
        vormen.update({stam, stam if stam.endswith("t") else stam + "t", stam + d + "e", stam + d + "en"})
    gevonden = _sterke_basis(w)
    if gevonden is not None:
        voor, _, (ev, mv, _deelwoord) = gevonden
        vormen |= {voor + ev, voor + mv}  # the past tense; a participle (ingenomen) is no finite form
    return vormen


def werkwoordsvormen(infinitief: str) -> set[str]:
    """Regular forms of a verb written as one word (no separated particle)."""
    w = norm(infinitief)
    vormen = {w, w + "d", w + "de"}  # infinitive/plural, present participle
    d = _verleden_uitgang(w)
    zonder_ge = w.startswith(ONSCHEIDBAAR)
    for stam in stammen(w):
        vormen.add(stam)
        vormen.add(stam if stam.endswith("t") else stam + "t")
        vormen.update({stam + d + "e", stam + d + "en"})
        deelwoord = stam if stam.endswith(("t", "d")) else stam + d
        vormen.add(deelwoord if zonder_ge else "ge" + deelwoord)
    if not zonder_ge and "ge" + w not in _GEEN_DEELWOORD:
        vormen.add("ge" + w)  # strong participles that keep the vowel: gemeten, gewassen
    if w.endswith("aan"):
        vormen.add(w[:-1] + "t")  # staan → staat
    vormen |= sterke_vormen(w, samen=True)
    return vormen


def _sterke_basis(infinitief: str) -> tuple[str, str, tuple[str, str, str]] | None:
    """(prefix, base, forms) when the verb ends in a strong verb: innemen → ('in', 'nemen', ...)."""
    for lengte in range(len(infinitief), 2, -1):
        basis = infinitief[-lengte:]
        if basis in STERK:
            return infinitief[:-lengte], basis, STERK[basis]
    return None


def sterke_vormen(infinitief: str, samen: bool) -> set[str]:
    """Past forms of a strong verb. ``samen``: with its prefix joined (innam, ingenomen, verzonken);
    else the forms that stand apart from a separated particle (nam, namen)."""
    gevonden = _sterke_basis(norm(infinitief))
    if gevonden is None:
        return set()
    voor, _, (ev, mv, deelwoord) = gevonden
    if not samen:
        return {ev, mv}
    if voor.endswith(ONSCHEIDBAAR) and voor not in PARTIKELS:
        deelwoord = deelwoord.removeprefix("ge")  # verzinken → verzonken
    return {voor + ev, voor + mv, voor + deelwoord}


def splits_scheidbaar(infinitief: str) -> tuple[str, str] | None:
    """(particle, base verb) of a separable verb: aandraaien → ('aan', 'draaien'); else None."""
    w = norm(infinitief)
    for partikel in PARTIKELS:
        rest = w[len(partikel) :]
        if w.startswith(partikel) and len(rest) >= 4 and rest.endswith("n") and _lettergrepen(rest) >= 1:
            return partikel, rest
    return None


def scheidbare_vormen(infinitief: str) -> tuple[str, str, set[str]] | None:
    """For a separable verb: the particle, the base infinitive and the base's finite forms that can
    stand apart from the particle (draai, draait, draaide, draaiden, draaien); joined forms such as
    aangedraaid and aandraait are in :func:`werkwoordsvormen_samen`."""
    delen = splits_scheidbaar(infinitief)
    if delen is None:
        return None
    partikel, basis = delen
    d = _verleden_uitgang(basis)
    los = {basis}
    for stam in stammen(basis):
        los.update({stam, stam if stam.endswith("t") else stam + "t", stam + d + "e", stam + d + "en"})
    if basis.endswith("aan"):
        los.add(basis[:-1] + "t")
    los |= sterke_vormen(basis, samen=False)
    return partikel, basis, los


def werkwoordsvormen_samen(infinitief: str) -> set[str]:
    """All one-word forms, including the joined forms of a separable verb (aandraait, aangedraaid)."""
    vormen = werkwoordsvormen(infinitief)
    delen = splits_scheidbaar(infinitief)
    if delen is not None:
        partikel, basis = delen
        vormen |= {partikel + vorm for vorm in werkwoordsvormen(basis)}
    return vormen


def meervouden(woord: str, meervoud: str = "") -> set[str]:
    """The plural(s): the list's own, or when it gives none the regular candidates."""
    w = norm(woord)
    if meervoud and meervoud != "-":
        return {norm(m.strip()) for m in meervoud.split("/") if m.strip()}
    if meervoud == "-":
        return set()
    uit = {w + "s", w + "en", w + "'s"}
    if (
        len(w) >= 2
        and not _is_klinker(w[-1])
        and _is_klinker(w[-2])
        and (len(w) < 3 or not _is_klinker(w[-3]))
    ):
        uit.add(w + w[-1] + "en")  # kap → kappen
    return uit


def verkleinwoorden(woord: str) -> set[str]:
    """Diminutives and their plurals: kap → kapje(s), bril → brilletje(s), kraan → kraantje(s)."""
    w = norm(woord)
    if len(w) < 2:
        return set()
    enkel = {w + "je", w + "tje", w + "pje", w + "kje", w + "etje"}
    if not _is_klinker(w[-1]) and _is_klinker(w[-2]):
        enkel.add(w + w[-1] + "etje")  # bril → brilletje, rem → remmetje
    if w.endswith(("a", "o", "u", "i", "y")):
        enkel.add(w + "'tje")  # accu → accuutje is also written accu'tje
        enkel.add(w + w[-1] + "tje")
    return enkel | {v + "s" for v in enkel}


def naamwoordsvormen(woord: str, meervoud: str = "") -> set[str]:
    """A noun's forms: itself, its plural(s) and diminutives."""
    w = norm(woord)
    vormen = {w} | meervouden(w, meervoud)
    if " " not in w:
        vormen |= verkleinwoorden(w)
    return vormen


def bijvoeglijke_vormen(woord: str) -> set[str]:
    """An adjective's forms: glad → gladde, gladder, gladst(e); kalm → kalme."""
    w = norm(woord)
    basis = {w}
    if (
        len(w) >= 2
        and not _is_klinker(w[-1])
        and _is_klinker(w[-2])
        and (len(w) < 3 or not _is_klinker(w[-3]))
    ):
        basis.add(w + w[-1])  # glad → gladd-e
    if len(w) >= 3 and not _is_klinker(w[-1]) and w[-2] == w[-3] and _is_klinker(w[-2]):
        basis.add(w[:-2] + w[-1])  # groot → grot-e
    if w.endswith("f"):
        basis.add(w[:-1] + "v")
    if w.endswith("s") and not w.endswith("ss"):
        basis.add(w[:-1] + "z")
    vormen = {w, w + "st", w + "ste"}
    for b in basis:
        vormen.update({b + "e", b + "er", b + "ere"})
    return vormen


def vormen(woord: str, meervoud: str = "", woordsoort: str = "") -> set[str]:
    """All one-word forms of a headword by its part of speech (nouns when the kind is unknown)."""
    if woordsoort == "werkwoord":
        return werkwoordsvormen_samen(woord)
    if woordsoort == "bijvoeglijk naamwoord":
        return bijvoeglijke_vormen(woord)
    if woordsoort == "bijwoord":
        return {norm(woord)}
    return naamwoordsvormen(woord, meervoud)
