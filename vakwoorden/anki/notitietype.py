"""The Anki note type of Vakwoorden: its fixed id, its fields, its card templates, and how one
Vakwoord fills the fields.

The templates are plain files next to this module (see README.md): ``kaart.css`` and one
``voorkant_<kaart>.html`` / ``achterkant_<kaart>.html`` pair per card. Parts shared by several
cards live in ``blok_<naam>.html`` and are pulled in by a ``<!-- blok: naam -->`` line.

Cards per note:
1. Nederlands -> betekenis: the word with its article; answer: uitleg, picture, translation.
2. Betekenis -> Nederlands: uitleg (word hidden), picture, translation; answer: de/het + word.
3. Luisteren: hear the word, recall it. Only made when the note has audio
   (the front is wrapped in ``{{#AudioWoord}}``, so an empty field means no card).

Never change ``NOTITIETYPE_ID``: learners' collections match the note type by it. New fields go at
the end of ``VELDEN`` (see README.md for what importing learners must then tick).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from importlib import resources

import genanki

from vakwoorden.lijst import RECHTS_NAAR_LINKS, TAALNAMEN, Vakwoord
from vakwoorden.taal.matcher import posities

from .grootboek import NOTITIETYPE_BOEK, Grootboek, inhoud_hash

NOTITIETYPE_ID = 1_718_204_563
NOTITIETYPE_NAAM = "Vakwoorden NT2"

VELDEN: tuple[str, ...] = (
    "Woord",
    "Lidwoord",
    "LidwoordKlasse",
    "Meervoud",
    "Woordsoort",
    "Uitleg",
    "UitlegVraag",
    "Voorbeeldzin",
    "Vertaling",
    "Taal",
    "TaalCode",
    "Richting",
    "VertalingStatus",
    "Afbeelding",
    "AfbeeldingLicentie",
    "AudioWoord",
    "AudioZin",
    "Thema",
    "Niveau",
    "Veiligheid",
    "Sector",
)

NIET_GECONTROLEERD = "vertaling niet gecontroleerd"


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


def lees_bestand(naam: str) -> str:
    return resources.files(__package__).joinpath(naam).read_text(encoding="utf-8")


def lees_sjabloon(naam: str) -> str:
    """A template file with its ``<!-- blok: x -->`` lines replaced by ``blok_x.html``."""
    return _BLOK.sub(lambda m: lees_bestand(f"blok_{m.group(1)}.html").strip(), lees_bestand(naam)).strip()


def sjablonen() -> list[dict[str, str]]:
    return [
        {
            "name": soort.naam,
            "qfmt": lees_sjabloon(f"voorkant_{soort.sjabloon}.html"),
            "afmt": lees_sjabloon(f"achterkant_{soort.sjabloon}.html"),
        }
        for soort in KAARTSOORTEN
    ]


class Notitietype(genanki.Model):
    """genanki's Model, but with a modification time that changes only when the templates do.

    genanki writes the package time as the note type's ``mod``, so each import would make Anki
    replace the note type again; with the ledger it is replaced only after a template change.
    """

    def __init__(self, mod: int) -> None:
        super().__init__(
            NOTITIETYPE_ID,
            NOTITIETYPE_NAAM,
            fields=[{"name": veld, "font": "Arial", "size": 20} for veld in VELDEN],
            templates=sjablonen(),
            css=lees_bestand("kaart.css"),
            sort_field_index=0,
        )
        self.mod = mod

    def to_json(self, timestamp: float, deck_id: int) -> dict[str, object]:
        data: dict[str, object] = super().to_json(timestamp, deck_id)
        data["mod"] = self.mod
        return data


def notitietype_hash() -> str:
    delen = [NOTITIETYPE_NAAM, *VELDEN, lees_bestand("kaart.css")]
    for sjabloon in sjablonen():
        delen.extend((sjabloon["name"], sjabloon["qfmt"], sjabloon["afmt"]))
    return inhoud_hash(*delen)


def maak_notitietype(grootboek: Grootboek) -> Notitietype:
    return Notitietype(grootboek.mod_voor(NOTITIETYPE_BOEK, str(NOTITIETYPE_ID), notitietype_hash()))


# --- finding the word in a sentence -------------------------------------------------------

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


def _is_vorm(token: str, woord: Vakwoord) -> bool:
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


def woord_posities(tekst: str, woord: Vakwoord) -> list[tuple[int, int]]:
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


def markeer_woord(tekst: str, woord: Vakwoord) -> str:
    """HTML of ``tekst`` with the word highlighted (``<span class="nadruk">``)."""
    return _vervang(tekst, posities(tekst, woord), None)


def verberg_woord(tekst: str, woord: Vakwoord) -> str:
    """HTML of ``tekst`` with the word replaced by an ellipsis, so the question does not give it away."""
    return _vervang(tekst, posities(tekst, woord), "…")


# --- fields of one note --------------------------------------------------------------------


def lidwoord_klasse(lidwoord: str) -> str:
    return {"de": "de", "het": "het", "de/het": "dehet"}.get(lidwoord, "geen")


def meervoud_html(woord: Vakwoord) -> str:
    if not woord.meervoud:
        return ""
    if woord.meervoud == "-":
        return "geen"
    return f'<span class="lidwoord-de">de {html.escape(woord.meervoud)}</span>'


def thema_naam(thema: str) -> str:
    return thema[:1].upper() + thema[1:]


def geluid_veld(media_naam: str | None) -> str:
    return f"[sound:{media_naam}]" if media_naam else ""


def notitie_velden(
    woord: Vakwoord,
    taal: str,
    *,
    audio_woord: str | None = None,
    audio_zin: str | None = None,
    afbeelding: str | None = None,
) -> list[str]:
    """Field values (HTML, escaped) for ``woord``; ``taal`` ``nl`` leaves the translation out.

    ``audio_woord``, ``audio_zin`` and ``afbeelding`` are media file names inside the package.
    """
    vertaling = woord.vertaling(taal) if taal != "nl" else None
    waarden = {
        "Woord": html.escape(woord.woord),
        "Lidwoord": html.escape(woord.lidwoord),
        "LidwoordKlasse": lidwoord_klasse(woord.lidwoord),
        "Meervoud": meervoud_html(woord),
        "Woordsoort": html.escape(woord.woordsoort),
        "Uitleg": html.escape(woord.uitleg),
        "UitlegVraag": verberg_woord(woord.uitleg, woord),
        "Voorbeeldzin": markeer_woord(woord.voorbeeldzin, woord),
        "Vertaling": html.escape(vertaling.tekst) if vertaling else "",
        "Taal": html.escape(TAALNAMEN.get(taal, taal)) if vertaling else "",
        "TaalCode": taal if vertaling else "",
        "Richting": ("rtl" if taal in RECHTS_NAAR_LINKS else "ltr") if vertaling else "",
        "VertalingStatus": NIET_GECONTROLEERD if vertaling and not vertaling.gecontroleerd else "",
        "Afbeelding": (
            f'<img src="{html.escape(afbeelding)}" alt="{html.escape(woord.woord)}">' if afbeelding else ""
        ),
        "AfbeeldingLicentie": html.escape(woord.afbeelding_licentie) if afbeelding else "",
        "AudioWoord": geluid_veld(audio_woord),
        "AudioZin": geluid_veld(audio_zin),
        "Thema": html.escape(thema_naam(woord.thema)),
        "Niveau": html.escape(woord.niveau),
        "Veiligheid": "ja" if woord.veiligheid else "",
        "Sector": html.escape(woord.sector),
    }
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
