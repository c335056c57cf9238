"""The mod-time ledger ("grootboek") that lets a rebuilt deck update only notes that changed.

Why it exists
-------------
Anki's package importer (``update_notes`` = "if newer", the default) replaces an existing note
(matched by GUID) only when the note in the package has a *newer* modification time than the
note in the learner's collection. genanki stamps every note with the time the package is
written, so every rebuild looks "newer" and overwrites every note, including notes whose content
did not change but which the learner edited (an own mnemonic, a corrected translation).

Design
------
For each note we remember ``GUID -> (content hash, mod time)``. When a deck is built:

* content hash unchanged   -> the note keeps its old mod time, so Anki leaves the learner's note
  alone (it reports it as a duplicate);
* content hash new/changed -> the note gets ``max(now, old mod + 1)``, which is newer than the
  copy in the learner's collection, so Anki updates its fields and tags. Scheduling and review
  history live on the cards and in the revlog and are never touched by a note update.

The ledger is a set of small JSON files in one folder, one file per *book*: ``<sector>.json``
for notes (a note's content is the same in every language), ``notitietype.json`` for the note
types, whose templates get the same treatment, and ``pakketten.json`` with a content hash per
package written, so an unchanged deck is not written again.

Keep the folder between builds (it is tiny; commit it or keep it next to the decks). Without it
every note counts as changed once: nothing is lost in the learner's scheduling, but their own edits
of notes are overwritten by that one import.

Files are written atomically (temp file + rename) and merged with what is on disk at save time,
so two builds that share a book (e.g. a sector deck and a workplace deck built in parallel) do not
drop each other's entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

LEDGER_VERSION = 1
NOTITIETYPE_BOEK = "notitietype"


@dataclass(frozen=True)
class Boeking:
    """One ledger entry: the content hash of a note (or note type) and the mod time it was given."""

    inhoud: str
    mod: int


def tijdelijk_pad(pad: Path) -> Path:
    """A temporary name next to ``pad``, unique per process and thread, for writing then renaming.

    (Not ``tempfile.mkstemp``: its files are private (0600); these must get normal permissions.)
    """
    return pad.with_name(f".{pad.name}.{os.getpid()}-{threading.get_ident()}.tmp")


def inhoud_hash(*delen: str) -> str:
    """Stable hash of the parts that Anki would update (fields, tags, or templates and CSS)."""
    digest = hashlib.sha256()
    for deel in delen:
        digest.update(deel.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def boek_naam(sector: str) -> str:
    """The book of a sector's notes. One per sector, not per language: a note's content is the
    same in every language (all translations are fields), so it has one mod time everywhere."""
    return sector


class Grootboek:
    """Mod times per content hash, kept in ``map_`` (see the module docstring)."""

    def __init__(self, map_: Path, nu: float | None = None) -> None:
        self.map = map_
        self.nu = int(time.time() if nu is None else nu)
        self._boeken: dict[str, dict[str, Boeking]] = {}
        self._gewijzigd: dict[str, dict[str, Boeking]] = {}

    def pad(self, boek: str) -> Path:
        return self.map / f"{boek}.json"

    def mod_voor(self, boek: str, sleutel: str, inhoud: str) -> int:
        """The mod time to write for ``sleutel`` (a GUID) whose content hashes to ``inhoud``."""
        vorige = self._lees(boek).get(sleutel)
        if vorige is not None and vorige.inhoud == inhoud:
            return vorige.mod
        mod = self.nu if vorige is None else max(self.nu, vorige.mod + 1)
        boeking = Boeking(inhoud, mod)
        self._boeken[boek][sleutel] = boeking
        self._gewijzigd.setdefault(boek, {})[sleutel] = boeking
        return mod

    def zelfde(self, boek: str, sleutel: str, inhoud: str) -> bool:
        """True when ``sleutel`` was last recorded with content hash ``inhoud`` (records nothing)."""
        vorige = self._lees(boek).get(sleutel)
        return vorige is not None and vorige.inhoud == inhoud

    def is_gewijzigd(self, boek: str, sleutel: str) -> bool:
        """True when this build gave ``sleutel`` a new mod time (new or changed content)."""
        return sleutel in self._gewijzigd.get(boek, {})

    @property
    def aantal_gewijzigd(self) -> int:
        return sum(len(b) for boek, b in self._gewijzigd.items() if boek != NOTITIETYPE_BOEK)

    def opslaan(self) -> None:
        """Write the books that changed, merged with their current state on disk."""
        for boek, wijzigingen in self._gewijzigd.items():
            actueel = self._lees_bestand(self.pad(boek))
            actueel.update(wijzigingen)
            self._schrijf(self.pad(boek), actueel)
            self._boeken[boek] = actueel
        self._gewijzigd.clear()

    def _lees(self, boek: str) -> dict[str, Boeking]:
        if boek not in self._boeken:
            self._boeken[boek] = self._lees_bestand(self.pad(boek))
        return self._boeken[boek]

    @staticmethod
    def _lees_bestand(pad: Path) -> dict[str, Boeking]:
        try:
            data = json.loads(pad.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # A damaged ledger only costs one full update in the learners' collections.
            return {}
        notities = data.get("notities", {}) if isinstance(data, dict) else {}
        return {
            sleutel: Boeking(str(waarde["inhoud"]), int(waarde["mod"]))
            for sleutel, waarde in notities.items()
            if isinstance(waarde, dict) and "inhoud" in waarde and "mod" in waarde
        }

    @staticmethod
    def _schrijf(pad: Path, boekingen: dict[str, Boeking]) -> None:
        pad.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "versie": LEDGER_VERSION,
            "uitleg": "Wijzigingstijden van Anki-notities; zie vakwoorden/anki/grootboek.py. Bewaar dit bestand.",
            "notities": {
                sleutel: {"inhoud": b.inhoud, "mod": b.mod} for sleutel, b in sorted(boekingen.items())
            },
        }
        tijdelijk = tijdelijk_pad(pad)
        try:
            tijdelijk.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            os.replace(tijdelijk, pad)
        except BaseException:
            tijdelijk.unlink(missing_ok=True)
            raise
