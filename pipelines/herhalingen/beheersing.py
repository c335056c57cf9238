"""Mastery per vakwoord from a collection's review log, with FSRS.

Per card: the memory state (stability in days, and the forgetting curve's decay) is Anki's own when
the learner's Anki computes FSRS (``cards.data`` holds ``s``, ``d`` and, since FSRS-6, ``decay``);
otherwise we compute it from the card's answers in ``revlog`` with the ``fsrs`` package (FSRS-6,
default parameters). A "Forget"/reset of the card starts its history again.

Per word (one note = one vakwoord, matched by the note GUID the decks use): ``herhalingen`` counts
every answer on any of its cards, ``laatste_herhaling`` is the latest of them, and the memory state
is that of its weakest reviewed card (lowest stability): a word counts as known only as well as the
direction the learner knows worst. Cards never answered do not count. Recall probability is computed
in the warehouse for the day the table is built (``warehouse/kern/vakwoord_beheersing.sql``).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

import fsrs
import polars as pl

# revlog.type: 0 learn, 1 review, 2 relearn, 3 filtered deck, 4 manual, 5 rescheduled; ease 1-4 = answer.
ANTWOORD_SOORTEN = (0, 1, 2, 3)
HANDMATIG = 4
KOLOMMEN: dict[str, pl.DataType] = {
    "sector": pl.String(), "woord": pl.String(), "herhalingen": pl.Int64(), "laatste_herhaling": pl.Datetime("us"),
    "stabiliteit_dagen": pl.Float64(), "verval": pl.Float64(), "zwakste_herhaling": pl.Datetime("us"),
    "methode": pl.String(),
}  # fmt: skip

_PLANNER = fsrs.Scheduler(enable_fuzzing=False)
FSRS_VERVAL = float(_PLANNER.parameters[20])
ANKI_FSRS5_VERVAL = 0.5  # Anki's stored memory states from before FSRS-6 have no decay: FSRS-5's 0.5


@dataclass
class Kaartstaat:
    antwoorden: int
    laatste: dt.datetime
    stabiliteit: float
    verval: float
    methode: str


def _tijd(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC)


def _anki_staat(data: str | None) -> tuple[float, float] | None:
    if not data:
        return None
    try:
        waarden = json.loads(data)
    except ValueError:
        return None
    s = waarden.get("s") if isinstance(waarden, dict) else None
    if not isinstance(s, int | float) or s <= 0:
        return None
    verval = waarden.get("decay")
    return float(s), float(verval) if isinstance(verval, int | float) and verval > 0 else ANKI_FSRS5_VERVAL


def kaartstaat(cid: int, data: str | None, log: list[tuple[int, int, int, int]]) -> Kaartstaat | None:
    """One card's state from its revlog rows (id ms, ease, type, ivl), oldest first; None if never answered."""
    antwoorden = [r for r in log if 1 <= r[1] <= 4 and r[2] in ANTWOORD_SOORTEN]
    if not antwoorden:
        return None
    laatste = _tijd(antwoorden[-1][0])
    anki = _anki_staat(data)
    if anki is not None:
        return Kaartstaat(len(antwoorden), laatste, anki[0], anki[1], "anki")
    reset = max((i for i, r in enumerate(log) if r[2] == HANDMATIG and r[1] == 0 and r[3] == 0), default=-1)
    kaart = fsrs.Card(card_id=cid)
    for ms, ease, soort, _ivl in log[reset + 1 :]:
        if 1 <= ease <= 4 and soort in ANTWOORD_SOORTEN:
            kaart, _ = _PLANNER.review_card(kaart, fsrs.Rating(ease), review_datetime=_tijd(ms))
    if kaart.stability is None:  # only answers before a reset: not studied since
        return None
    return Kaartstaat(len(antwoorden), laatste, float(kaart.stability), FSRS_VERVAL, "fsrs")


_NOTITIES = "SELECT id, guid FROM notes"
_KAARTEN = "SELECT c.id, c.nid, c.data FROM cards AS c WHERE c.nid IN (SELECT value FROM json_each(?))"
_HERHALINGEN = """
SELECT r.cid, r.id, r.ease, r.type, r.ivl
FROM revlog AS r
WHERE r.cid IN (SELECT c.id FROM cards AS c WHERE c.nid IN (SELECT value FROM json_each(?)))
ORDER BY r.cid, r.id
"""


def beheersing(con: sqlite3.Connection, guids: Mapping[str, tuple[str, str]]) -> pl.DataFrame:
    """One row per vakwoord the learner answered at least once.

    Of other notes only the GUID is compared (in memory); their fields, cards and reviews are never read.
    """
    vakwoord_notities = {nid: guid for nid, guid in con.execute(_NOTITIES) if guid in guids}
    nids = json.dumps(sorted(vakwoord_notities))
    kaarten = [(vakwoord_notities[nid], cid, data) for cid, nid, data in con.execute(_KAARTEN, [nids])]
    logs: dict[int, list[tuple[int, int, int, int]]] = {}
    for cid, ms, ease, soort, ivl in con.execute(_HERHALINGEN, [nids]):
        logs.setdefault(cid, []).append((ms, ease, soort, ivl))
    per_notitie: dict[str, list[Kaartstaat]] = {}
    for guid, cid, data in kaarten:
        staat = kaartstaat(cid, data, logs.get(cid, []))
        if staat is not None:
            per_notitie.setdefault(guid, []).append(staat)
    rijen = []
    for guid, staten in per_notitie.items():
        zwakste = min(staten, key=lambda s: (s.stabiliteit, -s.laatste.timestamp()))
        sector, woord = guids[guid]
        rijen.append(
            {
                "sector": sector, "woord": woord, "herhalingen": sum(s.antwoorden for s in staten),
                "laatste_herhaling": max(s.laatste for s in staten).replace(tzinfo=None),
                "stabiliteit_dagen": zwakste.stabiliteit, "verval": zwakste.verval,
                "zwakste_herhaling": zwakste.laatste.replace(tzinfo=None), "methode": zwakste.methode,
            }
        )  # fmt: skip
    return pl.DataFrame(rijen, schema=KOLOMMEN).sort("sector", "woord")
