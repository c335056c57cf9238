"""Make a demo learner whose Anki reviews are on the sync server, so `vakwoorden demo` shows the loop.

Usage: .venv/bin/python scripts/demo_leerling.py   (only on demo data: the landing folder must hold
DEMO-NEPGEGEVENS.txt). Uses the `anki` package (AGPL) in this separate process.

It takes a learner placed at a metaal werkplek in the demo placements, gives them the account
'demo-leerling' (password 'demo-wachtwoord', consent given) in <landing>/anki/deelnemers.csv, starts
Anki's sync server on a free local port with VAKWOORDEN_SYNC (default sync/), and plays the learner's
phone: it imports the werkplek's deck (built by the project), adds 60 days of simulated study to the
review log (seeded, so every run gives the same history, shifted to today), answers a few cards today
through Anki's scheduler, and syncs. Then `vakwoorden demo` fills kern.vakwoord_beheersing and
mart.vaktaal_gereedheid for that learner.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from anki.collection import Collection
from ankisync import aanmelden, importeer_deck, synchroniseer

from vakwoorden.anki.deck import bouw_deck, werkplek_titel
from vakwoorden.lijst import lees_lijst
from vakwoorden.sync.deelnemers import (
    Deelnemer,
    hash_wachtwoord,
    landingsmap,
    lees_deelnemers,
    nieuwe_deelnemer,
    schrijf_deelnemers,
    syncmap,
)
from vakwoorden.sync.server import start_server

NAAM, WACHTWOORD = "demo-leerling", "demo-wachtwoord"
DEMO_ZOUT = b"vakwoorden-demo!"  # only for this public demo password: real accounts get a random salt
TOESTEMMING = dt.date(2026, 1, 5)
DAG_MS = 86_400_000


def kies_plaatsing(landing: Path) -> tuple[str, str, str, list[str]]:
    """(soort, identificatie, werkplek, words) of the metaal placement whose werkplek needs most words."""
    map_ = landing / "werkplekken"
    sectoren = {r["werkplek"]: r["sector"] for r in csv.DictReader((map_ / "werkplekken.csv").open(encoding="utf-8-sig"))}
    woorden: dict[str, list[str]] = {}
    for r in csv.DictReader((map_ / "vakwoorden.csv").open(encoding="utf-8-sig")):
        woorden.setdefault(r["werkplek"], []).append(r["woord"])
    kandidaten = [
        r for r in csv.DictReader((map_ / "plaatsingen.csv").open(encoding="utf-8-sig"))
        if sectoren.get(r["werkplek"]) == "metaal" and r["soort_identificatie"].strip().lower() in ("bsn", "v-nummer", "vnummer")
    ]  # fmt: skip
    if not kandidaten:
        raise SystemExit("Geen plaatsing bij een metaalwerkplek in de demogegevens.")
    keuze = max(kandidaten, key=lambda r: (len(woorden.get(r["werkplek"], [])), r["werkplek"]))
    soort = "bsn" if keuze["soort_identificatie"].strip().lower() == "bsn" else "vnummer"
    return soort, keuze["identificatie"], keuze["werkplek"], woorden.get(keuze["werkplek"], [])


def demo_deelnemer(soort: str, identificatie: str) -> Deelnemer:
    """Always the same bytes (fixed salt and date), so demo/anki/deelnemers.csv stays recognisable as
    bundled demo data (pipelines/demo_inhoud.sha256) and the demo runs with the demo key."""
    return replace(
        nieuwe_deelnemer(NAAM, WACHTWOORD, soort, identificatie, True, TOESTEMMING),
        wachtwoord_hash=hash_wachtwoord(WACHTWOORD, zout=DEMO_ZOUT),
    )


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wacht_op(poort: int, proces: subprocess.Popen[bytes]) -> None:
    einde = time.monotonic() + 30
    while time.monotonic() < einde and proces.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("De syncserver startte niet.")


def simuleer_studie(col: Collection, rng: random.Random) -> Counter[str]:
    """Past answers in the review log, as Anki writes them: per note's first card a study pattern."""
    nu = int(time.time() * 1000)
    patronen = {
        "goed gekend": [60, 58, 54, 45, 30, 10],
        "net geleerd": [6, 5, 3, 1],
        "moeilijk": [40, 39, 30, 29, 12],
        "één keer": [2],
    }
    telling: Counter[str] = Counter()
    notities = sorted(col.find_notes("deck:Vakwoorden*"))
    for i, nid in enumerate(notities):
        if i % 5 == 4:
            continue  # not studied yet
        patroon = rng.choice(list(patronen))
        kaart = col.get_note(nid).cards()[0]
        for j, dagen in enumerate(patronen[patroon]):
            ease = 1 if patroon == "moeilijk" and j % 2 == 0 else 3
            col.db.execute(
                "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?,?,?,?,?,?,?,?,?)",
                nu - dagen * DAG_MS + rng.randint(0, 3_600_000), kaart.id, -1, ease, max(1, dagen // 3), 0, 2500,
                rng.randint(3000, 15000), 0 if j == 0 else 1,
            )  # fmt: skip
        telling[patroon] += 1
    # And today, through Anki's own scheduler: the first three cards that were not studied yet.
    for nid in [n for i, n in enumerate(notities) if i % 5 == 4][:3]:
        kaart = col.get_note(nid).cards()[0]
        kaart.start_timer()
        col.sched.answerCard(kaart, 3)
        telling["vandaag"] += 1
    return telling


def main() -> int:
    landing, sync = landingsmap(), syncmap()
    if not (landing / "DEMO-NEPGEGEVENS.txt").exists():
        print(f"Fout: {landing} is geen demomap (DEMO-NEPGEGEVENS.txt ontbreekt); dit script is alleen voor demogegevens.",
              file=sys.stderr)  # fmt: skip
        return 1
    soort, identificatie, werkplek, woorden_nodig = kies_plaatsing(landing)
    deelnemers = lees_deelnemers(landing)
    demo = demo_deelnemer(soort, identificatie)
    if deelnemers.get(NAAM) != demo:
        deelnemers[NAAM] = demo
        schrijf_deelnemers(landing, deelnemers)
    gevraagd = {w.lower() for w in woorden_nodig}
    woorden = [w for w in lees_lijst("metaal") if w.woord.lower() in gevraagd]
    poort = vrije_poort()
    server = start_server(deelnemers, sync, poort, "127.0.0.1", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wacht_op(poort, server)
        with tempfile.TemporaryDirectory(prefix="vakwoorden-demo-") as map_:
            deck = Path(map_) / "werkplek.apkg"
            bouw_deck(woorden, werkplek_titel(werkplek), deck, geluid=False, woordenlijst=False,
                      grootboek=Path(map_) / "grootboek")  # fmt: skip
            col = Collection(str(Path(map_) / "collection.anki2"))
            auth = aanmelden(col, NAAM, WACHTWOORD, f"http://127.0.0.1:{poort}/")
            importeer_deck(col, deck)
            telling = simuleer_studie(col, random.Random(14))
            synchroniseer(col, auth, upload_bij_conflict=True)
            col.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"Demo-leerling '{NAAM}' (werkplek {werkplek}, {len(woorden)} vakwoorden) heeft gesynchroniseerd naar {sync}:")
    print("  " + ", ".join(f"{n} {p}" for p, n in sorted(telling.items())))
    print("Draai nu 'vakwoorden demo' en bekijk kern.vakwoord_beheersing en mart.vaktaal_gereedheid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
