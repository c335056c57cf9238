"""Building Anki decks (.apkg) from Vakwoord lists.

Two entry points:

* ``bouw_sector_deck(sector, uit, taal=...)``: one deck per sector, a subdeck per theme
  ("Vakwoorden::Metaal::1. Veiligheid"), themes in the order of ``themas.csv`` (safety first).
  The subdecks are numbered because Anki lists (and, by default, studies) subdecks alphabetically.
* ``bouw_deck(woorden, titel, uit, taal=...)``: any list of words in one deck, e.g. the words a
  workplace needs ("Vakwoorden::Werkplek::<naam>") or a learner's own selection.

Ids that must never change, so that a newer build updates what learners already study:

* the note type ids (``notitietype.NOTITIETYPE_IDS``, one per display language);
* deck ids: derived from the deck name (``deck_id``: first 30 bits of its SHA-256, plus 2**30);
  Anki matches decks by name on import anyway, the id only has to be stable and valid;
* note GUIDs: a note belongs to one deck. In a sector deck it is ``genanki.guid_for(sector,
  woord)``; in any other deck ``genanki.guid_for(deck name, sector, woord)`` (``note_guid``). So a
  werkplek or learner deck never lands as an empty deck on top of a sector deck the learner
  already has (Anki keeps existing cards in their deck). README.md explains the whole design.

Every note carries all translations and the same content in every language (``notitie_velden``);
the display language is the note type's. Notes get their modification time from the ledger
(``grootboek.py``): unchanged notes keep their old time, so a re-import leaves them (and the
learner's own edits) alone. A package whose content did not change is not written again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import itertools
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import genanki

from vakwoorden.lijst import (
    LIJSTEN_MAP,
    SECTOREN,
    TAALNAMEN,
    Thema,
    Vakwoord,
    lees_alle,
    lees_lijst,
    lees_themas,
)

from .afbeeldingen import ATTRIBUTIE, Afbeeldingen
from .afbreken import Afbreker
from .archief import Archief, media_lid
from .audio import Uitspraak, stem_sleutel
from .grootboek import Grootboek, boek_naam, inhoud_hash, tijdelijk_pad
from .notitietype import (
    TAALKEUZES,
    VELDEN,
    Notitietype,
    maak_notitietype,
    notitie_tags,
    notitie_velden,
    thema_naam,
    uitgesproken_woord,
)
from .teksten import EIGEN_NAAM
from .woordenlijst import schrijf_woordenlijst

WORTEL = "Vakwoorden"
PAKKETTEN_BOEK = "pakketten"
"""Ledger book with the content hash of every package written (key: the package's path)."""
INVOER_BOEK = "invoer"
"""Ledger book with, per package, a hash of everything it is made from (words, language, pictures,
audio settings, this code): when that is unchanged and the package exists, nothing is rebuilt."""
STUDIEOPTIES_ID = 1_718_500_001
"""Id of the deck options preset "Vakwoorden" in the package (used when the learner imports presets)."""
NIEUW_PER_DAG = 10

Voortgang = Callable[[str, int, int], None]
"""Progress callback: (step name in Dutch, done, total)."""
Melden = Callable[[str], None]
"""Receives each warning (in Dutch) once, as soon as it is known."""


@dataclass
class DeckResultaat:
    """What was built; the counts are what the CLI summary shows."""

    pad: Path
    titel: str
    taal: str
    notities: int = 0
    kaarten: int = 0
    met_geluid: int = 0
    met_afbeelding: int = 0
    ongecontroleerd: int = 0
    zonder_vertaling: int = 0
    gewijzigd: int = 0
    overgeslagen: bool = False
    """True when the package's content was unchanged, so the file on disk was kept as it was."""
    woordenlijst: Path | None = None
    grootboek: Path | None = None
    meldingen: list[str] = field(default_factory=list)


def deck_id(naam: str) -> int:
    """Stable deck id from the deck name: 2**30 + the first 30 bits of SHA-256(name)."""
    getal = int.from_bytes(hashlib.sha256(naam.encode("utf-8")).digest()[:4], "big")
    return (1 << 30) + (getal & ((1 << 30) - 1))


def note_guid(woord: Vakwoord, deck: str | None = None) -> str:
    """The GUID of ``woord``'s note: in its sector deck (``deck`` None or the sector deck's name),
    or in the deck named ``deck`` (a werkplek or learner deck)."""
    if deck is None or deck == sector_titel(woord.sector):
        return str(genanki.guid_for(woord.sector, woord.woord))
    return str(genanki.guid_for(deck, woord.sector, woord.woord))


def sector_titel(sector: str) -> str:
    return f"{WORTEL}::{sector.capitalize()}"


def _deelnaam(tekst: str) -> str:
    """A deck name part: no '::' (which would nest) and no surrounding spaces."""
    return re.sub(r"\s+", " ", tekst.replace("::", " ")).strip() or "?"


def werkplek_titel(werkplek: str) -> str:
    return f"{WORTEL}::Werkplek::{_deelnaam(werkplek)}"


def leerling_titel() -> str:
    """Title of a learner's own deck. The pseudonym stays out: the learner sees this name."""
    return f"{WORTEL}::Mijn woorden"


def standaard_grootboek(uit: Path) -> Path:
    """The ledger folder a package ``uit`` uses by default: next to it."""
    return grootboek_in(uit.resolve().parent)


def grootboek_in(map_: Path) -> Path:
    """The ledger folder of the packages in ``map_``."""
    return map_.resolve() / "vakwoorden-grootboek"


def pad_binnen(map_: Path, naam: str) -> Path:
    """``map_ / naam``, refused (ValueError, in Dutch) when it would end up outside ``map_``.

    For file names built from input (werkplek codes, pseudonyms): ``../x`` or ``/tmp/x`` must
    never make a deck or a list land elsewhere.
    """
    basis = map_.resolve()
    pad = (basis / naam).resolve()
    if not pad.is_relative_to(basis) or pad == basis:
        raise ValueError(
            f"De bestandsnaam '{naam}' zou buiten de uitvoermap {basis} komen; "
            "gebruik alleen letters, cijfers, '-' en '_' in codes."
        )
    return pad


@lru_cache(maxsize=1)
def standaard_afbreker() -> Afbreker:
    """One compound splitter per process, knowing the words of the shipped lists."""
    extra = [deel for lijst in lees_alle().values() for w in lijst for deel in (w.woord, w.meervoud)]
    return Afbreker(extra)


class Vakwoorddeck(genanki.Deck):
    """A genanki deck that uses the "Vakwoorden" options preset (``STUDIEOPTIES_ID``)."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = super().to_json()
        data["conf"] = STUDIEOPTIES_ID
        return data


class Vakwoordpakket(genanki.Package):
    """A genanki package that also carries the options preset "Vakwoorden": few new cards a day
    (``NIEUW_PER_DAG``) and a word's other cards buried until the next day (siblings).

    Anki applies a package's presets only when the learner ticks "Import any deck presets" (off by
    default); otherwise the decks use the learner's own default preset.
    """

    def __init__(self, decks: Sequence[genanki.Deck], media: Mapping[str, Path] | None = None) -> None:
        """``media``: name in the package (what the fields' ``[sound:…]`` and ``<img>`` use) -> file."""
        super().__init__(list(decks))
        self.media = dict(sorted((media or {}).items()))

    def write_to_file(self, file: str, timestamp: float | None = None) -> None:
        """genanki's ``write_to_file``, but faster and smaller: the collection database is built in
        memory (genanki's own writes a temporary file, whose commits wait for the disk) and
        compressed; sound and pictures are stored as they are (already compressed), each read and
        checksummed once per process under its media name (``archief.py``), with no temporary
        links or copies."""
        verbinding = sqlite3.connect(":memory:")
        try:
            moment = time.time() if timestamp is None else timestamp
            self.write_to_db(verbinding.cursor(), moment, itertools.count(int(moment * 1000)))
            verbinding.commit()
            database = verbinding.serialize()
        finally:
            verbinding.close()
        namen = dict(enumerate(self.media))
        with open(file, "wb") as uit:
            pakket = Archief(uit, moment)
            pakket.voeg_toe("collection.anki2", database, comprimeer=True)
            pakket.voeg_toe(
                "media", json.dumps({str(nummer): naam for nummer, naam in namen.items()}).encode()
            )
            for nummer, naam in namen.items():
                data, crc = media_lid(naam, self.media[naam])
                pakket.voeg_toe(str(nummer), data, crc=crc)
            pakket.sluit()

    def write_to_db(self, cursor: Any, timestamp: float, id_gen: Any) -> None:
        super().write_to_db(cursor, timestamp, id_gen)
        (dconf_json,) = cursor.execute("SELECT dconf FROM col").fetchone()
        presets = json.loads(dconf_json)
        preset = json.loads(json.dumps(presets["1"]))
        preset.update({"id": STUDIEOPTIES_ID, "name": "Vakwoorden", "mod": 0})
        preset["new"].update({"perDay": NIEUW_PER_DAG, "bury": True})
        preset["rev"].update({"perDay": 200, "bury": True})
        preset["buryInterdayLearning"] = True
        presets[str(STUDIEOPTIES_ID)] = preset
        cursor.execute("UPDATE col SET dconf = ?", (json.dumps(presets),))


class Vakwoordnotitie(genanki.Note):
    """A genanki note written with its own modification time (from the ledger).

    genanki 0.13 writes ``int(timestamp)`` (the package time) as every note's ``mod``; this
    override is a copy of ``genanki.Note.write_to_db`` with ``self.mod`` in that place.
    """

    def __init__(self, *, mod: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mod = mod

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        self._check_number_model_fields_matches_num_fields()
        self._check_invalid_html_tags_in_fields()
        cursor.execute(
            "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);",
            (
                next(id_gen),
                self.guid,
                self.model.model_id,
                self.mod,
                -1,
                self._format_tags(),
                self._format_fields(),
                self.sort_field,
                0,
                0,
                "",
            ),
        )
        note_id = cursor.lastrowid
        for card in self.cards:
            card.write_to_db(cursor, timestamp, deck_id, note_id, id_gen, self.due)


def controleer_taal(taal: str) -> None:
    if taal not in TAALKEUZES:
        raise ValueError(f"Onbekende taal '{taal}'. Kies uit: {', '.join(TAALKEUZES)}.")


def studievolgorde(woorden: Sequence[Vakwoord], themas: Sequence[Thema]) -> list[tuple[str, list[Vakwoord]]]:
    """Words grouped per theme in the order of ``themas`` (themes not listed come last),
    safety-critical words first within a theme, otherwise in list order."""
    volgorde = {thema.naam: thema.volgorde for thema in themas}
    groepen: dict[str, list[Vakwoord]] = {}
    for woord in woorden:
        groepen.setdefault(woord.thema, []).append(woord)
    onbekend = 10**6
    gesorteerd = sorted(groepen, key=lambda t: (volgorde.get(t, onbekend), list(groepen).index(t)))
    return [(thema, sorted(groepen[thema], key=lambda w: not w.veiligheid)) for thema in gesorteerd]


def woorden_bij_sleutels(
    paren: Iterable[tuple[str, str]], lijsten: Mapping[str, Sequence[Vakwoord]]
) -> tuple[list[Vakwoord], list[tuple[str, str]]]:
    """The Vakwoord for each (sector, woord), in the given order, and the pairs not found."""
    index = {(w.sector, w.woord): w for lijst in lijsten.values() for w in lijst}
    gevonden: list[Vakwoord] = []
    ontbrekend: list[tuple[str, str]] = []
    gezien: set[tuple[str, str]] = set()
    for paar in paren:
        if paar in gezien:
            continue
        gezien.add(paar)
        woord = index.get(paar)
        if woord is None:
            ontbrekend.append(paar)
        else:
            gevonden.append(woord)
    return gevonden, ontbrekend


def bouw_sector_deck(
    sector: str,
    uit: Path,
    *,
    taal: str = "nl",
    woorden: Sequence[Vakwoord] | None = None,
    themas: Sequence[Thema] | None = None,
    lijsten_map: Path | None = None,
    geluid: bool = True,
    cache: Path | None = None,
    grootboek: Path | Grootboek | None = None,
    woordenlijst: Path | bool = True,
    voortgang: Voortgang | None = None,
    melden: Melden | None = None,
    nu: float | None = None,
) -> DeckResultaat:
    """Deck "Vakwoorden::<Sector>" with a subdeck per theme, in the order of ``themas``.

    ``woorden``/``themas`` default to the sector's ``woorden.csv``/``themas.csv`` in
    ``lijsten_map`` (default: the lists shipped in this package). Other options: see ``bouw_deck``.
    """
    if sector not in SECTOREN:
        raise ValueError(f"Onbekende sector '{sector}'. Kies uit: {', '.join(SECTOREN)}.")
    lijst = list(woorden) if woorden is not None else lees_lijst(sector, lijsten_map)
    thema_lijst = list(themas) if themas is not None else lees_themas(sector, lijsten_map)
    return _bouw(
        lijst,
        sector_titel(sector),
        uit,
        taal=taal,
        themas=thema_lijst,
        lijsten_map=lijsten_map,
        beschrijving=f"Vaktaal voor de sector {sector}.",
        geluid=geluid,
        cache=cache,
        grootboek=grootboek,
        woordenlijst=woordenlijst,
        voortgang=voortgang,
        melden=melden,
        nu=nu,
    )


def bouw_deck(
    woorden: Sequence[Vakwoord],
    titel: str,
    uit: Path,
    *,
    taal: str = "nl",
    geluid: bool = True,
    cache: Path | None = None,
    grootboek: Path | Grootboek | None = None,
    woordenlijst: Path | bool = True,
    lijsten_map: Path | None = None,
    voortgang: Voortgang | None = None,
    melden: Melden | None = None,
    nu: float | None = None,
) -> DeckResultaat:
    """One deck ``titel`` (e.g. ``werkplek_titel("Van Dijk – lasser")``) with exactly ``woorden``,
    in the given order except that safety-critical words come first.

    taal: ``nl`` (Dutch only) or a code from ``TALEN`` (that translation is shown).
    geluid: make pronunciation (espeak-ng + lame); without those tools the deck has no sound.
    cache: audio cache folder (default ``audio.standaard_cache()``).
    grootboek: ledger folder (default ``vakwoorden-grootboek`` next to ``uit``), or an open
        ``Grootboek`` shared by several builds (the caller saves it, once, with ``opslaan``).
    woordenlijst: write the printable list next to ``uit`` (True), to this path, or not (False).
    lijsten_map: where ``<sector>/afbeeldingen/`` are (default: the package's lists).
    nu: build time (seconds), for reproducible tests.
    """
    return _bouw(
        list(woorden),
        titel,
        uit,
        taal=taal,
        themas=None,
        lijsten_map=lijsten_map,
        beschrijving="Vaktaal voor je werk.",
        geluid=geluid,
        cache=cache,
        grootboek=grootboek,
        woordenlijst=woordenlijst,
        voortgang=voortgang,
        melden=melden,
        nu=nu,
    )


def _uniek(woorden: Iterable[Vakwoord], meld: Melden) -> list[Vakwoord]:
    gezien: set[str] = set()
    uniek: list[Vakwoord] = []
    for woord in woorden:
        if woord.sleutel in gezien:
            meld(
                f"'{woord.woord}' ({woord.sector}) staat twee keer in de lijst; alleen de eerste wordt gebruikt."
            )
            continue
        gezien.add(woord.sleutel)
        uniek.append(woord)
    return uniek


def _media_naam(bron: Path) -> str:
    """Media name of a picture: by its content, so two files never clash in a learner's
    collection (Anki keeps all media in one flat folder) and a changed picture gets a new name."""
    stat = bron.stat()
    return _media_naam_van(bron, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _media_naam_van(bron: Path, grootte: int, gewijzigd: int) -> str:
    """``_media_naam``, read once per version of the file (size and time in the key)."""
    digest = hashlib.sha256(bron.read_bytes()).hexdigest()[:16]
    return f"vakwoorden_{digest}{bron.suffix.lower()}"


def _bouw(
    woorden: list[Vakwoord],
    titel: str,
    uit: Path,
    *,
    taal: str,
    themas: Sequence[Thema] | None,
    lijsten_map: Path | None,
    beschrijving: str,
    geluid: bool = True,
    cache: Path | None = None,
    grootboek: Path | Grootboek | None = None,
    woordenlijst: Path | bool = True,
    voortgang: Voortgang | None = None,
    melden: Melden | None = None,
    nu: float | None = None,
) -> DeckResultaat:
    controleer_taal(taal)
    resultaat = DeckResultaat(pad=uit, titel=titel, taal=taal)

    def meld(tekst: str) -> None:
        resultaat.meldingen.append(tekst)
        if melden is not None:
            melden(tekst)

    woorden = _uniek(woorden, meld)
    if not woorden:
        raise ValueError("Geen woorden om een deck van te maken.")
    groepen = _deckgroepen(woorden, titel, themas)

    uitspraak = Uitspraak(cache, aan=geluid)
    if geluid and not uitspraak.beschikbaar:
        meld(uitspraak.reden)
    eigen_boek = not isinstance(grootboek, Grootboek)
    boek = (
        grootboek
        if isinstance(grootboek, Grootboek)
        else Grootboek(grootboek or standaard_grootboek(uit), nu)
    )
    afbeeldingen = Afbeeldingen(lijsten_map or LIJSTEN_MAP)
    lijst_pad = (
        (uit.with_suffix(".html") if woordenlijst is True else Path(woordenlijst)) if woordenlijst else None
    )
    invoer = _invoer_hash(woorden, titel, taal, themas, beschrijving, uitspraak.beschikbaar, afbeeldingen)
    sleutel = str(uit.resolve())
    if (
        uit.is_file()
        and boek.zelfde(INVOER_BOEK, sleutel, invoer)
        and (lijst_pad is None or lijst_pad.is_file())
    ):
        # Nothing it is made from changed: keep the package (and list) on disk as they are.
        _tel_zonder_bouwen(resultaat, woorden, taal, uitspraak, afbeeldingen)
        resultaat.overgeslagen = True
        resultaat.grootboek = boek.map
        resultaat.woordenlijst = lijst_pad
        return resultaat
    teksten = [t for w in woorden for t in (uitgesproken_woord(w), w.voorbeeldzin)]
    audio = uitspraak.maak_alle(
        teksten, (lambda gedaan, totaal: voortgang("Uitspraak maken", gedaan, totaal)) if voortgang else None
    )

    model = maak_notitietype(boek, taal)
    afbreker = standaard_afbreker()
    media: dict[str, Path] = {}  # media name -> file
    decks: list[genanki.Deck] = []
    if themas is not None:  # the sector deck itself, above its theme subdecks
        decks.append(Vakwoorddeck(deck_id(titel), titel, _beschrijving(beschrijving, taal)))
    sector_deck = themas is not None
    positie = 0
    for groep in groepen:
        omschrijving = _omschrijving(groep.omschrijving) if sector_deck else _beschrijving(beschrijving, taal)
        deck = Vakwoorddeck(deck_id(groep.decknaam), groep.decknaam, omschrijving)
        decks.append(deck)
        for woord in groep.woorden:
            positie += 1
            notitie = _notitie(
                woord,
                None if sector_deck else titel,
                model,
                boek,
                audio,
                positie,
                afbeeldingen,
                afbreker,
                media,
                meld,
            )
            deck.add_note(notitie)
            _tel(resultaat, woord, notitie, taal, boek)
            if voortgang is not None:
                voortgang("Kaarten maken", positie, len(woorden))
    media.update({pad.name: pad for pad in audio.values()})

    pakket_hash = _pakket_hash(model, decks, media)
    mod = boek.mod_voor(PAKKETTEN_BOEK, sleutel, pakket_hash)
    onveranderd = not boek.is_gewijzigd(PAKKETTEN_BOEK, sleutel) and uit.is_file()
    if onveranderd:
        resultaat.overgeslagen = True
    else:
        _schrijf_pakket(decks, media, uit, mod if nu is None else nu)

    if lijst_pad is not None:
        if not (onveranderd and lijst_pad.is_file()):
            schrijf_woordenlijst(
                lijst_pad,
                titel,
                [(groep.kopje, groep.woorden) for groep in groepen],
                taal,
                {groep.kopje: groep.omschrijving for groep in groepen},
                afbeeldingen=afbeeldingen,
                afbreker=afbreker,
            )
        resultaat.woordenlijst = lijst_pad
    boek.mod_voor(INVOER_BOEK, sleutel, invoer)
    if eigen_boek:
        boek.opslaan()
    resultaat.grootboek = boek.map
    return resultaat


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """Hash of the code and templates that turn words into cards (this package, the matcher)."""
    basis = Path(__file__).resolve().parent
    bestanden = sorted([*basis.glob("*.py"), *basis.glob("*.html"), *basis.glob("*.css")])
    taal = basis.parent / "taal"
    bestanden += sorted(taal.glob("*.py")) if taal.is_dir() else []
    bestanden.append(basis.parent / "lijst.py")
    return inhoud_hash(*(f"{p.name}\n{p.read_text(encoding='utf-8')}" for p in bestanden))


_INHOUD: dict[int, tuple[Vakwoord, str]] = {}


def _inhoud_van(woord: Vakwoord) -> str:
    """Every field of ``woord`` as text, except its line in the file (not content). Remembered per
    object (the object is kept, so its id cannot be reused), as one list serves 8 languages."""
    bekend = _INHOUD.get(id(woord))
    if bekend is not None and bekend[0] is woord:
        return bekend[1]
    if len(_INHOUD) > 50_000:
        _INHOUD.clear()
    tekst = repr(dataclasses.replace(woord, regel=0))
    _INHOUD[id(woord)] = (woord, tekst)
    return tekst


def _invoer_hash(
    woorden: Sequence[Vakwoord],
    titel: str,
    taal: str,
    themas: Sequence[Thema] | None,
    beschrijving: str,
    geluid: bool,
    afbeeldingen: Afbeeldingen,
) -> str:
    """Everything a package is made from, cheap to compute (no audio, no fields)."""
    delen = [_code_hash(), stem_sleutel(), str(geluid), taal, titel, beschrijving, repr(themas)]
    for woord in woorden:
        delen.append(_inhoud_van(woord))
        afbeelding = afbeeldingen.voor(woord)
        if afbeelding is not None:
            stat = afbeelding.bestand.stat()
            delen.append(f"{afbeelding.bestand}:{stat.st_size}:{stat.st_mtime_ns}:{afbeelding.licentie}")
    return inhoud_hash(*delen)


def _tel_zonder_bouwen(
    resultaat: DeckResultaat,
    woorden: Sequence[Vakwoord],
    taal: str,
    uitspraak: Uitspraak,
    afbeeldingen: Afbeeldingen,
) -> None:
    """The counts of a package that was not rebuilt, from its words."""
    resultaat.notities = len(woorden)
    for woord in woorden:
        geluid = uitspraak.beschikbaar and uitspraak.pad_voor(uitgesproken_woord(woord)).is_file()
        resultaat.met_geluid += geluid
        resultaat.kaarten += 2 + geluid
        resultaat.met_afbeelding += afbeeldingen.voor(woord) is not None
        if taal != "nl":
            vertaling = woord.vertaling(taal)
            resultaat.zonder_vertaling += vertaling is None
            resultaat.ongecontroleerd += vertaling is not None and not vertaling.gecontroleerd


def _pakket_hash(model: Notitietype, decks: Sequence[genanki.Deck], media: Mapping[str, Path]) -> str:
    """Everything that ends up in the package, except the time it is written: note type, decks,
    notes with their mod times, and media by name (every media name is a hash of its content)."""
    delen: list[str] = [str(model.model_id), str(model.mod), json.dumps(model.templates), model.css]
    for deck in decks:
        delen.extend((deck.name, deck.description))
        for notitie in deck.notes:
            delen.extend(
                (notitie.guid, str(notitie.mod), str(notitie.due), " ".join(notitie.tags), *notitie.fields)
            )
    delen.extend(sorted(media))
    return inhoud_hash(*delen)


@dataclass(frozen=True)
class _Deckgroep:
    """The words of one (sub)deck, and how the deck and the printed list call it."""

    decknaam: str
    kopje: str
    omschrijving: str
    woorden: list[Vakwoord]


def _deckgroepen(woorden: list[Vakwoord], titel: str, themas: Sequence[Thema] | None) -> list[_Deckgroep]:
    if themas is None:
        return [_Deckgroep(titel, "", "", sorted(woorden, key=lambda w: not w.veiligheid))]
    omschrijvingen = {t.naam: t.omschrijving for t in themas}
    per_thema = studievolgorde(woorden, themas)
    breedte = len(str(len(per_thema)))  # "01." when there are ten themes or more
    groepen = []
    for nummer, (thema, groep) in enumerate(per_thema, 1):
        kopje = f"{nummer:0{breedte}d}. {_deelnaam(thema_naam(thema))}"
        groepen.append(_Deckgroep(f"{titel}::{kopje}", kopje, omschrijvingen.get(thema, ""), groep))
    return groepen


def _beschrijving(basis: str, taal: str) -> str:
    """The deck description (HTML): what it is, the colours, and the pictures' licence."""
    taaldeel = (
        " Alleen Nederlands."
        if taal == "nl"
        else f" Met vertaling in het {TAALNAMEN[taal]} ({html.escape(EIGEN_NAAM[taal])})."
    )
    return (
        f"{html.escape(basis)} Uitleg in eenvoudig Nederlands.{taaldeel}<br>"
        "Kleuren: <b style='color:#1556b0'>de</b>-woorden blauw, "
        "<b style='color:#b83d00'>het</b>-woorden oranje, de/het paars.<br>"
        f"<small>{html.escape(ATTRIBUTIE)}</small>"
    )


def _omschrijving(tekst: str) -> str:
    """A theme subdeck's description: text from themas.csv, so escaped."""
    return html.escape(tekst)


_VELDEN: dict[tuple[str, str | None, str | None, str | None, str], tuple[list[str], list[str], str]] = {}
"""Per word content, sound, picture: the note's fields, its tags and their hash (the same in every
language and every deck, so computed once per process)."""


def _notitie(
    woord: Vakwoord,
    deck: str | None,
    model: Notitietype,
    boek: Grootboek,
    audio: Mapping[str, Path],
    positie: int,
    afbeeldingen: Afbeeldingen,
    afbreker: Afbreker,
    media: dict[str, Path],
    meld: Melden,
) -> Vakwoordnotitie:
    audio_woord = audio.get(uitgesproken_woord(woord))
    audio_zin = audio.get(woord.voorbeeldzin)
    afbeelding = afbeeldingen.voor(woord)
    if woord.afbeelding and afbeelding is None:
        meld(f"Afbeelding niet gevonden voor '{woord.woord}': {woord.afbeelding}")
    afbeelding_naam = None
    if afbeelding is not None:
        afbeelding_naam = _media_naam(afbeelding.bestand)
        media[afbeelding_naam] = afbeelding.bestand
    sleutel = (
        _inhoud_van(woord),
        audio_woord.name if audio_woord else None,
        audio_zin.name if audio_zin else None,
        afbeelding_naam,
        afbeelding.licentie if afbeelding else "",
    )
    bekend = _VELDEN.get(sleutel)
    if bekend is None:
        if len(_VELDEN) > 50_000:
            _VELDEN.clear()
        velden = notitie_velden(
            woord,
            audio_woord=sleutel[1],
            audio_zin=sleutel[2],
            afbeelding=afbeelding_naam,
            afbeelding_licentie=sleutel[4],
            afbreker=afbreker,
        )
        tags = notitie_tags(woord)
        bekend = _VELDEN[sleutel] = (velden, tags, inhoud_hash(*velden, " ".join(tags)))
    velden, tags, inhoud = bekend
    guid = note_guid(woord, deck)
    mod = boek.mod_voor(boek_naam(woord.sector), guid, inhoud)
    return Vakwoordnotitie(model=model, fields=list(velden), tags=list(tags), guid=guid, due=positie, mod=mod)


_AUDIO_WOORD, _AFBEELDING = VELDEN.index("AudioWoord"), VELDEN.index("Afbeelding")


def _tel(
    resultaat: DeckResultaat, woord: Vakwoord, notitie: Vakwoordnotitie, taal: str, boek: Grootboek
) -> None:
    resultaat.notities += 1
    resultaat.kaarten += len(notitie.cards)
    if notitie.fields[_AUDIO_WOORD]:
        resultaat.met_geluid += 1
    if notitie.fields[_AFBEELDING]:
        resultaat.met_afbeelding += 1
    if taal != "nl":
        vertaling = woord.vertaling(taal)
        if vertaling is None:
            resultaat.zonder_vertaling += 1
        elif not vertaling.gecontroleerd:
            resultaat.ongecontroleerd += 1
    if boek.is_gewijzigd(boek_naam(woord.sector), notitie.guid):
        resultaat.gewijzigd += 1


def _schrijf_pakket(
    decks: list[genanki.Deck], media: Mapping[str, Path], uit: Path, nu: float | None
) -> None:
    """Write the .apkg atomically, so a learner never downloads a half-written file.

    ``media``: name in the package -> file (a sound in the audio cache, a picture in the lists).
    """
    uit.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = tijdelijk_pad(uit)
    try:
        Vakwoordpakket(decks, media).write_to_file(
            str(tijdelijk), timestamp=time.time() if nu is None else nu
        )
        os.replace(tijdelijk, uit)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
