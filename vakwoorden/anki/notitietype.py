"""The Anki note types of Vakwoorden: one per display language, all with the same fields.

Every note carries *all* translations (``Vertaling_<taal>``), so its content does not depend on
the deck it was built for: whichever deck a learner imports last, no note loses a translation.
Which translation a card shows, and the language of its instructions, is decided by the note
type: "Vakwoorden NT2 · العربية" shows the Arabic, with Arabic instructions (``dir="rtl"``).
See README.md ("One note, every language") for why.

The templates are plain files next to this module (see README.md): ``kaart.css`` and one
``voorkant_<kaart>.html`` / ``achterkant_<kaart>.html`` pair per card. Parts shared by several
cards live in ``blok_<naam>.html`` and are pulled in by a ``<!-- blok: naam -->`` line. Texts in
the learner's language are placeholders ``⟦soort:sleutel⟧`` filled per language from
``teksten.py``.

Cards per note:
1. Nederlands -> betekenis: the word with its article; answer: uitleg, picture, translation, sound.
2. Betekenis -> Nederlands: uitleg (word hidden), picture, translation; answer: de/het + word.
3. Luisteren: hear the word, recall it. Only made when the note has audio
   (the front is wrapped in ``{{#AudioWoord}}``, so an empty field means no card).

Never change the ids in ``NOTITIETYPE_IDS``: learners' collections match note types by them. New
fields go at the end of ``VELDEN`` (see README.md for what importing learners must then tick).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import genanki

from vakwoorden.lijst import TALEN, Vakwoord
from vakwoorden.taal.matcher import posities

from .afbreken import ZACHT, Afbreker
from .grootboek import NOTITIETYPE_BOEK, Grootboek, inhoud_hash
from .teksten import EIGEN_NAAM, richting, taal_attributen, tekst, tweetalig

TAALKEUZES: tuple[str, ...] = ("nl", *TALEN)
NOTITIETYPE_NAAM = "Vakwoorden NT2"
# One note type per display language; the ids are fixed forever (learners' collections use them).
NOTITIETYPE_IDS: dict[str, int] = {taal: 1_718_400_000 + nummer for nummer, taal in enumerate(TAALKEUZES)}

VELDEN: tuple[str, ...] = (
    "Woord",
    "WoordAfgebroken",
    "Lidwoord",
    "LidwoordKlasse",
    "Meervoud",
    "Woordsoort",
    "Uitleg",
    "UitlegVraag",
    "Voorbeeldzin",
    *(veld for taal in TALEN for veld in (f"Vertaling_{taal}", f"Ongecontroleerd_{taal}")),
    "Afbeelding",
    "AfbeeldingLicentie",
    "AudioWoord",
    "AudioZin",
    "Thema",
    "Niveau",
    "Veiligheid",
    "Sector",
)

ONGECONTROLEERD = "ongecontroleerd"


def notitietype_id(taal: str) -> int:
    return NOTITIETYPE_IDS[taal]


def notitietype_naam(taal: str) -> str:
    return f"{NOTITIETYPE_NAAM} · {EIGEN_NAAM[taal]}"


@dataclass(frozen=True)
class Kaartsoort:
    naam: str
    sjabloon: str  # file stem: voorkant_<sjabloon>.html and achterkant_<sjabloon>.html


KAARTSOORTEN: tuple[Kaartsoort, ...] = (
    Kaartsoort("1 Nederlands → betekenis", "nl_naar_betekenis"),
    Kaartsoort("2 Betekenis → Nederlands", "betekenis_naar_nl"),
    Kaartsoort("3 Luisteren", "luisteren"),
)

_BLOK = re.compile(r"<!--\s*blok:\s*([a-z_]+)\s*-->")
_PLEK = re.compile(r"⟦([a-z]+):([a-z_+]+)⟧")


def lees_bestand(naam: str) -> str:
    """A template or style file of this package, read again only when it changed on disk."""
    pad = resources.files(__package__).joinpath(naam)
    if isinstance(pad, Path):
        stat = pad.stat()
        return _lees_versie(pad, stat.st_mtime_ns, stat.st_size)
    return pad.read_text(encoding="utf-8")


@lru_cache(maxsize=256)
def _lees_versie(pad: Path, gewijzigd: int, grootte: int) -> str:
    return pad.read_text(encoding="utf-8")


def lees_sjabloon(naam: str) -> str:
    """A template file with its ``<!-- blok: x -->`` lines replaced by ``blok_x.html``."""
    return _BLOK.sub(lambda m: lees_bestand(f"blok_{m.group(1)}.html").strip(), lees_bestand(naam)).strip()


def _vertaling_blok(taal: str) -> str:
    """The translation on a card of the ``taal`` note type (nothing for Dutch-only)."""
    if taal == "nl":
        return ""
    veld, status = f"Vertaling_{taal}", f"Ongecontroleerd_{taal}"
    let_op = html.escape(tekst("ongecontroleerd", taal))
    return (
        f'{{{{#{veld}}}}}<div class="vertaling">'
        f'<div class="taal" {taal_attributen(taal)}>{html.escape(EIGEN_NAAM[taal])}</div>'
        f'<div class="vertaaltekst" {taal_attributen(taal)}>{{{{{veld}}}}}'
        f'{{{{#{status}}}}}<sup class="ongecontroleerd" title="{let_op}" aria-label="{let_op}">*</sup>'
        f"{{{{/{status}}}}}</div></div>{{{{/{veld}}}}}"
    )


def _voetnoot(taal: str) -> str:
    """Small print on the answer: what the * means (only when it is shown)."""
    if taal == "nl":
        return ""
    status = f"Ongecontroleerd_{taal}"
    return (
        f'{{{{#Vertaling_{taal}}}}}{{{{#{status}}}}}<div class="voetnoot" {taal_attributen(taal)}>'
        f"* {html.escape(tekst('ongecontroleerd', taal))}</div>{{{{/{status}}}}}{{{{/Vertaling_{taal}}}}}"
    )


def _label(sleutel: str, taal: str) -> str:
    """A short label: own language first, the Dutch word after it (Dutch only for nl)."""
    nederlands = html.escape(tekst(sleutel, "nl"))
    if taal == "nl":
        return f'<span lang="nl">{nederlands}</span>'
    return f'<span {taal_attributen(taal)}>{html.escape(tekst(sleutel, taal))}</span> · <span lang="nl">{nederlands}</span>'


def vul_in(sjabloon: str, taal: str) -> str:
    """Fill the ``⟦soort:sleutel⟧`` places of a template for the note type of ``taal``."""

    def vervang(m: re.Match[str]) -> str:
        soort, sleutel = m.group(1), m.group(2)
        if soort == "opdracht":
            return tweetalig(sleutel, taal)
        if soort == "label":
            return _label(sleutel, taal)
        if soort == "blok" and sleutel == "vertaling":
            return _vertaling_blok(taal)
        if soort == "blok" and sleutel == "voetnoot":
            return _voetnoot(taal)
        if soort == "taal" and sleutel == "richting":
            return richting(taal)
        raise ValueError(f"Onbekende plek in een kaartsjabloon: {m.group(0)}")

    return _PLEK.sub(vervang, sjabloon)


def sjablonen(taal: str = "nl") -> list[dict[str, str]]:
    return [
        {
            "name": soort.naam,
            "qfmt": vul_in(lees_sjabloon(f"voorkant_{soort.sjabloon}.html"), taal),
            "afmt": vul_in(lees_sjabloon(f"achterkant_{soort.sjabloon}.html"), taal),
        }
        for soort in KAARTSOORTEN
    ]


_VEREIST: dict[str, list[Any]] = {}


class Notitietype(genanki.Model):
    """genanki's Model, but with a modification time that changes only when the templates do.

    genanki writes the package time as the note type's ``mod``, so each import would make Anki
    replace the note type again; with the ledger it is replaced only after a template change.
    """

    def __init__(self, taal: str, mod: int) -> None:
        super().__init__(
            notitietype_id(taal),
            notitietype_naam(taal),
            fields=[{"name": veld, "font": "Arial", "size": 20} for veld in VELDEN],
            templates=sjablonen(taal),
            css=lees_bestand("kaart.css"),
            sort_field_index=0,
        )
        self.taal = taal
        self.mod = mod
        self._sjabloon_sleutel = inhoud_hash(
            *VELDEN, *(t[k] for t in self.templates for k in ("qfmt", "afmt"))
        )

    @property
    def _req(self) -> list[Any]:
        """Which fields each card needs (genanki renders every template once per field to find out,
        about a hundred renders): remembered per set of templates instead of per deck."""
        if self._sjabloon_sleutel not in _VEREIST:
            _VEREIST[self._sjabloon_sleutel] = genanki.Model._req.func(self)  # type: ignore[attr-defined]
        return _VEREIST[self._sjabloon_sleutel]

    def to_json(self, timestamp: float, deck_id: int) -> dict[str, object]:
        data: dict[str, object] = super().to_json(timestamp, deck_id)
        data["mod"] = self.mod
        return data


def notitietype_hash(taal: str) -> str:
    delen = [notitietype_naam(taal), *VELDEN, lees_bestand("kaart.css")]
    for sjabloon in sjablonen(taal):
        delen.extend((sjabloon["name"], sjabloon["qfmt"], sjabloon["afmt"]))
    return inhoud_hash(*delen)


def maak_notitietype(grootboek: Grootboek, taal: str) -> Notitietype:
    sleutel = str(notitietype_id(taal))
    return Notitietype(taal, grootboek.mod_voor(NOTITIETYPE_BOEK, sleutel, notitietype_hash(taal)))


# --- finding the word in a sentence -------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")


# Words after which a verb's bare stem is a noun instead: "een boor" is the tool, not "ik boor".
_LIDWOORDEN_EN_BEPALERS = frozenset(
    {"de", "het", "een", "die", "deze", "dat", "dit", "mijn", "jouw", "je", "zijn", "haar", "onze",
     "ons", "hun", "uw", "geen", "elke", "ieder", "iedere", "welke", "zo'n"}
)  # fmt: skip


def _is_stam(token: str, infinitief: str) -> bool:
    """True when ``token`` is the bare stem of the verb ``infinitief`` (boor/boren, las/lassen,
    zaag/zagen, schaaf/schaven): the one verb form that is also often a noun."""
    if not infinitief.endswith("en") or len(token) < 2:
        return False
    vormen = {token, token[:-1] + {"f": "v", "s": "z"}.get(token[-1], token[-1])}
    kandidaten = set()
    for vorm in vormen:
        kandidaten |= {vorm + "en", vorm + vorm[-1] + "en"}
        if len(vorm) >= 3 and vorm[-2] == vorm[-3] and vorm[-2] in "aeou":
            kandidaten.add(vorm[:-2] + vorm[-1] + "en")  # boor -> boren
    return infinitief in kandidaten


def _is_zelfstandig_gebruikt(tokens: list[re.Match[str]], index: int) -> bool:
    """True when token ``index`` reads as a noun: after an article or determiner, also with one
    inflected adjective in between ("een scherpe boor")."""
    vorige = [t.group().casefold() for t in tokens[max(0, index - 2) : index]]
    if vorige and vorige[-1] in _LIDWOORDEN_EN_BEPALERS:
        return True
    return len(vorige) == 2 and vorige[0] in _LIDWOORDEN_EN_BEPALERS and vorige[1].endswith("e")


def _vervang(tekst: str, posities: list[tuple[int, int]], vervanging: str | None) -> str:
    """Escape ``tekst``; each span becomes a highlight span, or ``vervanging`` when given."""
    delen: list[str] = []
    vorige = 0
    for begin, eind in posities:
        delen.append(html.escape(tekst[vorige:begin]))
        stuk = html.escape(tekst[begin:eind])
        delen.append(f'<span class="nadruk">{stuk}</span>' if vervanging is None else vervanging)
        vorige = eind
    delen.append(html.escape(tekst[vorige:]))
    return "".join(delen)


def kaart_posities(tekst: str, woord: Vakwoord) -> list[tuple[int, int]]:
    """Spans of ``woord`` in ``tekst`` for a card: the shared matcher's (``vakwoorden.taal``), less
    a verb's bare stem that stands as a noun ("met een scherpe boor" for ``boren``): the blank on
    a card must stand for the word asked, never for a related word."""
    spans = posities(tekst, woord)
    if woord.woordsoort != "werkwoord":
        return spans
    tokens = list(_TOKEN.finditer(tekst))
    begin_index = {m.start(): i for i, m in enumerate(tokens)}
    infinitief = woord.woord.casefold()
    return [
        (begin, eind)
        for begin, eind in spans
        if not _is_stam(tekst[begin:eind].casefold(), infinitief)
        or begin not in begin_index
        or not _is_zelfstandig_gebruikt(tokens, begin_index[begin])
    ]


def markeer_woord(tekst: str, woord: Vakwoord) -> str:
    """HTML of ``tekst`` with the word highlighted (``<span class="nadruk">``)."""
    return _vervang(tekst, kaart_posities(tekst, woord), None)


def verberg_woord(tekst: str, woord: Vakwoord) -> str:
    """HTML of ``tekst`` with the word replaced by an ellipsis, so the question does not give it away."""
    return _vervang(tekst, kaart_posities(tekst, woord), "…")


# --- fields of one note --------------------------------------------------------------------


def lidwoord_klasse(lidwoord: str) -> str:
    return {"de": "de", "het": "het", "de/het": "dehet"}.get(lidwoord, "geen")


def meervoud_html(woord: Vakwoord, afbreker: Afbreker | None = None) -> str:
    if not woord.meervoud:
        return ""
    if woord.meervoud == "-":
        return "geen"
    return f'<span class="lidwoord-de">de {afgebroken(woord.meervoud, afbreker)}</span>'


def thema_naam(thema: str) -> str:
    return thema[:1].upper() + thema[1:]


def geluid_veld(media_naam: str | None) -> str:
    return f"[sound:{media_naam}]" if media_naam else ""


def afgebroken(woord: str, afbreker: Afbreker | None) -> str:
    """HTML of ``woord`` with ``&shy;`` at its compound boundaries."""
    if afbreker is None:
        return html.escape(woord)
    return html.escape(afbreker.zacht(woord)).replace(ZACHT, "&shy;")


def notitie_velden(
    woord: Vakwoord,
    *,
    audio_woord: str | None = None,
    audio_zin: str | None = None,
    afbeelding: str | None = None,
    afbeelding_licentie: str = "",
    afbreker: Afbreker | None = None,
) -> list[str]:
    """Field values (HTML, escaped) for ``woord``: the same for every deck and language.

    ``audio_woord``, ``audio_zin`` and ``afbeelding`` are media file names inside the package.
    """
    waarden = {
        "Woord": html.escape(woord.woord),
        "WoordAfgebroken": afgebroken(woord.woord, afbreker),
        "Lidwoord": html.escape(woord.lidwoord),
        "LidwoordKlasse": lidwoord_klasse(woord.lidwoord),
        "Meervoud": meervoud_html(woord, afbreker),
        "Woordsoort": html.escape(woord.woordsoort),
        "Uitleg": html.escape(woord.uitleg),
        "UitlegVraag": verberg_woord(woord.uitleg, woord),
        "Voorbeeldzin": markeer_woord(woord.voorbeeldzin, woord),
        "Afbeelding": (
            f'<img src="{html.escape(afbeelding)}" alt="{html.escape(woord.woord)}">' if afbeelding else ""
        ),
        "AfbeeldingLicentie": html.escape(afbeelding_licentie) if afbeelding else "",
        "AudioWoord": geluid_veld(audio_woord),
        "AudioZin": geluid_veld(audio_zin),
        "Thema": html.escape(thema_naam(woord.thema)),
        "Niveau": html.escape(woord.niveau),
        "Veiligheid": "ja" if woord.veiligheid else "",
        "Sector": html.escape(woord.sector),
    }
    for taal in TALEN:
        vertaling = woord.vertaling(taal)
        waarden[f"Vertaling_{taal}"] = html.escape(vertaling.tekst) if vertaling else ""
        waarden[f"Ongecontroleerd_{taal}"] = (
            ONGECONTROLEERD if vertaling and not vertaling.gecontroleerd else ""
        )
    return [waarden[veld] for veld in VELDEN]


def _tag(tekst: str) -> str:
    return re.sub(r"\s+", "_", tekst.strip())


def notitie_tags(woord: Vakwoord) -> list[str]:
    tags = [
        "vakwoorden",
        f"sector::{_tag(woord.sector)}",
        f"thema::{_tag(woord.thema)}",
    ]
    if woord.niveau:
        tags.append(f"niveau::{_tag(woord.niveau)}")
    if woord.veiligheid:
        tags.append("veiligheid")
    return tags


def uitgesproken_woord(woord: Vakwoord) -> str:
    """What the word audio says: with its article when it has exactly one ("de veiligheidsbril")."""
    if woord.lidwoord in ("de", "het"):
        return f"{woord.lidwoord} {woord.woord}"
    return woord.woord
