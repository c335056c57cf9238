"""Benchmark: ingesting 200 learners' synced Anki collections into kern.vakwoord_beheersing.

    python bench/beheersing.py [--leerlingen 200] [--woorden 150]

Builds one real collection with the `anki` package (AGPL, test/sync extra; this script runs in its own
process): the project's metaal sector deck (397 notes, 2 cards each) plus the learner's own deck, and
a review history for ``--woorden`` words. Each learner gets a copy whose review log is shifted and
varied with plain SQLite (seeded), as ``<sync>/<user>/collection.anki2`` with a consenting account.
Then times the Anki source asset (copy, check, FSRS for every answered card, load) on a fresh
warehouse, kern.vakwoord_beheersing, and a second run in which nothing changed (skipped).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from dagster import materialize

from pipelines.gedeeld.sql_assets import sql_asset
from pipelines.herhalingen.assets import STAGING_ANKI, AnkiSync, maak_anki_asset
from pipelines.resources import Landingsplaats, Pseudonimisering, Warehouse
from vakwoorden.anki.deck import bouw_sector_deck
from vakwoorden.sync.deelnemers import Deelnemer, hash_wachtwoord, schrijf_deelnemers

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
SLEUTEL = "bench-sleutel-0123456789abcdef0123456789abcdef"
DAG_MS = 86_400_000


def bsn(rng: random.Random) -> str:
    while True:
        cijfers = [rng.randint(0, 9) for _ in range(8)]
        som = sum(c * g for c, g in zip(cijfers, range(9, 1, -1), strict=True))
        laatste = som % 11
        if laatste <= 9 and cijfers[0] != 0:
            return "".join(map(str, cijfers)) + str(laatste)


def sjabloon(map_: Path, woorden: int) -> Path:
    """A real Anki collection: the sector deck, an own deck, and answers on ``woorden`` words."""
    from anki.collection import Collection
    from ankisync import importeer_deck

    deck = map_ / "metaal.apkg"
    bouw_sector_deck("metaal", deck, geluid=False, woordenlijst=False, grootboek=map_ / "grootboek")
    (map_ / "sjabloon").mkdir()
    col = Collection(str(map_ / "sjabloon" / "collection.anki2"))
    importeer_deck(col, deck)
    eigen = col.decks.id("Eigen woorden")
    for i in range(50):
        notitie = col.new_note(col.models.by_name("Basic"))
        notitie["Front"], notitie["Back"] = f"eigen {i}", "privé"
        col.add_note(notitie, eigen)
    rng = random.Random(1)
    nu = int(time.time() * 1000)
    volgnummer = 0
    for nid in sorted(col.find_notes("deck:Vakwoorden*"))[:woorden]:
        for kaart in col.get_note(nid).cards():
            dagen = sorted(rng.sample(range(1, 90), rng.randint(2, 8)), reverse=True)
            for j, d in enumerate(dagen):
                volgnummer += 1
                col.db.execute(
                    "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?,?,?,?,?,?,?,?,?)",
                    nu - d * DAG_MS + volgnummer, kaart.id, -1, rng.choice((1, 3, 3, 3, 4)), 1, 0, 2500,
                    5000, 0 if j == 0 else 1,
                )  # fmt: skip
    col.close()
    return map_ / "sjabloon" / "collection.anki2"


def maak_leerlingen(sjabloon_pad: Path, landing: Path, sync: Path, aantal: int) -> None:
    rng = random.Random(2)
    wachtwoord = hash_wachtwoord("bench-wachtwoord", rondes=1000)  # the pipeline never checks it
    deelnemers = {}
    for i in range(aantal):
        naam = f"leerling{i:03d}"
        deelnemers[naam] = Deelnemer(naam, wachtwoord, "bsn", bsn(rng), True, dt.date(2026, 1, 1))
        doel = sync / naam / "collection.anki2"
        doel.parent.mkdir(parents=True)
        shutil.copyfile(sjabloon_pad, doel)
        con = sqlite3.connect(doel)
        con.execute("UPDATE revlog SET id = id - ? * 3600000, ease = CASE WHEN random() % 5 = 0 THEN 1 ELSE ease END",
                    [rng.randint(0, 24 * 20)])  # fmt: skip
        con.commit()
        con.close()
    schrijf_deelnemers(landing, deelnemers)


def draai(landing: Path, sync: Path, database: Path) -> tuple[float, float]:
    kern = sql_asset("kern", "vakwoord_beheersing", [STAGING_ANKI], "kern")
    resources = {
        "warehouse": Warehouse(pad=str(database)),
        "landingsplaats": Landingsplaats(map=str(landing)),
        "pseudonimisering": Pseudonimisering(sleutel=SLEUTEL),
    }
    anki = maak_anki_asset(AnkiSync(map=str(sync)))
    begin = time.perf_counter()
    assert materialize([anki], resources=resources).success
    bron = time.perf_counter() - begin
    begin = time.perf_counter()
    assert materialize([anki, kern], resources=resources, selection=[kern.key]).success
    return bron, time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leerlingen", type=int, default=200)
    parser.add_argument("--woorden", type=int, default=150, help="words each learner studied")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-beheersing-") as tmp:
        map_ = Path(tmp)
        landing, sync, database = map_ / "landing", map_ / "sync", map_ / "w.duckdb"
        begin = time.perf_counter()
        pad = sjabloon(map_, args.woorden)
        maak_leerlingen(pad, landing, sync, args.leerlingen)
        grootte = pad.stat().st_size / 1e6
        herhalingen = sqlite3.connect(pad).execute("SELECT count(*) FROM revlog").fetchone()[0]
        print(f"{args.leerlingen} collecties van {grootte:.1f} MB met {herhalingen} herhalingen elk "
              f"(klaargezet in {time.perf_counter() - begin:.1f} s)")  # fmt: skip
        bron, kern = draai(landing, sync, database)
        rijen = duckdb.connect(str(database), read_only=True).execute(
            "SELECT count(*), count(DISTINCT leerling) FROM kern.vakwoord_beheersing"
        ).fetchone()
        print(f"inlezen (kopie, controle, FSRS, laden): {bron:.1f} s = {bron / args.leerlingen * 1000:.0f} ms per leerling")
        print(f"kern.vakwoord_beheersing: {kern:.1f} s, {rijen[0]} rijen voor {rijen[1]} leerlingen")
        tweede, _ = draai(landing, sync, database)
        print(f"tweede run, niets gewijzigd: {tweede:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
