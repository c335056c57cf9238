"""Helpers for the sync tests: the real Anki sync server on loopback and a real Anki client.

The client side imports the `anki` package (a test-only dependency here, as in scripts/).
"""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dagster import ExecuteInProcessResult, materialize

from pipelines.gedeeld.sql_assets import sql_asset
from pipelines.herhalingen.assets import ANKI_CHECKS, STAGING_ANKI, AnkiSync, maak_anki_asset
from pipelines.resources import Landingsplaats, Pseudonimisering, Warehouse
from vakwoorden.sync.deelnemers import Deelnemer, lees_deelnemers, nieuwe_deelnemer, schrijf_deelnemers
from vakwoorden.sync.server import start_server

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "scripts"))
SLEUTEL = "test-sleutel-0123456789abcdef0123456789abcdef"
WACHTWOORD = "geheim-wachtwoord-1"
BSN = "111222333"  # passes the 11-proef


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def voeg_deelnemer_toe(landing: Path, naam: str, bsn: str = BSN, toestemming: bool = True) -> Deelnemer:
    deelnemers = lees_deelnemers(landing)
    d = nieuwe_deelnemer(naam, WACHTWOORD, "bsn", bsn, toestemming, dt.date(2026, 11, 1))
    deelnemers[naam] = d
    schrijf_deelnemers(landing, deelnemers)
    return d


@contextmanager
def syncserver(landing: Path, sync_map: Path) -> Iterator[str]:
    """The real server (`python -m anki.syncserver`, started by the project's code) on a free port."""
    poort = vrije_poort()
    proces = start_server(lees_deelnemers(landing), sync_map, poort, "127.0.0.1",
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        einde = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                if proces.poll() is not None or time.monotonic() > einde:
                    raise RuntimeError(f"syncserver start niet: {proces.stderr.read() if proces.stderr else ''}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{poort}/"
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


class Leerling:
    """A learner's own Anki (the real collection) that syncs with the server."""

    def __init__(self, map_: Path, naam: str, server: str, wachtwoord: str = WACHTWOORD) -> None:
        from anki.collection import Collection
        from ankisync import aanmelden

        map_.mkdir(parents=True, exist_ok=True)
        self.col = Collection(str(map_ / "collection.anki2"))
        self.auth = aanmelden(self.col, naam, wachtwoord, server)

    def importeer(self, pakket: Path) -> Any:
        from ankisync import importeer_deck

        return importeer_deck(self.col, pakket)

    def sync(self) -> str:
        from ankisync import synchroniseer

        return synchroniseer(self.col, self.auth, upload_bij_conflict=True)

    def beantwoord(self, notities: list[int], ease: int = 3) -> None:
        """Answer the first card of each note (col.sched.answerCard), as a learner would."""
        for nid in notities:
            kaart = self.col.get_note(nid).cards()[0]
            kaart.start_timer()
            self.col.sched.answerCard(kaart, ease)

    def vakwoord_notities(self) -> list[int]:
        return sorted(self.col.find_notes("deck:Vakwoorden*"))

    def sluit(self) -> None:
        self.col.close()


def draai_anki(landing: Path, database: Path, sync_map: Path, extra: list[Any] | None = None) -> ExecuteInProcessResult:
    """The pipeline's Anki source and kern.vakwoord_beheersing (plus ``extra`` assets), in-process."""
    kern = sql_asset("kern", "vakwoord_beheersing", [STAGING_ANKI], "kern")
    return materialize(
        [maak_anki_asset(AnkiSync(map=str(sync_map))), kern, *ANKI_CHECKS, *(extra or [])],
        resources={
            "warehouse": Warehouse(pad=str(database)),
            "landingsplaats": Landingsplaats(map=str(landing)),
            "pseudonimisering": Pseudonimisering(sleutel=SLEUTEL),
        },
        raise_on_error=False,
    )

