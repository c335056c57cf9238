"""Benchmark: kern and marts at scale, and the example questions on the result.

    python bench/marts.py [--leerlingen 250000] [--database PAD] [--rondes 3]

Generates (inside DuckDB, bench/marts_genereer.sql) staging data for N learners with 40
measurements each (250,000 learners = 10 million measurements), builds every kern table from the
project's own warehouse/kern/*.sql, adds word lists and Anki mastery (bench/marts_lijsten.sql),
then times:

- one scan of kern: every column of every kern table read once (the yardstick);
- every mart, built exactly as the Dagster assets build them (pipelines.marts.bouw_mart), all of
  them --rondes times: best and median round, wall clock and processor time;
- writing alone: every mart's finished rows copied into a new table (what any build of tables this
  size costs before computing anything);
- every example question in warehouse/vragen/voorbeeld_*.sql (best of three runs).

Targets (issue 15): marts within 2x one scan of kern, every question under 0.3 s. Not a timed test:
the machine is shared, so the figures move with other load.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines.marts import MARTS, bouw_mart
from pipelines.resources import PROJECTMAP, WAREHOUSE_SQL, lees_sql, maak_schema

BENCH = Path(__file__).resolve().parent
# kern tables built from the taalaanbieder and werkplek staging tables (others need their own sources).
KERN = ["taalaanbieder", "nt2_meting", "nt2_uren", "leerling", "werkplek", "werkplek_niveau_eis",
        "werkplek_vakwoord", "plaatsing"]  # fmt: skip


def lees_sql_bench(naam: str) -> str:
    return (BENCH / f"marts_{naam}").read_text(encoding="utf-8")


def _cpu() -> float:
    """Processor time of this process so far, every thread (DuckDB's too)."""
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    return gebruik.ru_utime + gebruik.ru_stime


def _tijd(functie, *argumenten) -> float:  # type: ignore[no-untyped-def]
    begin = time.perf_counter()
    functie(*argumenten)
    return time.perf_counter() - begin


def scan_kern(con: duckdb.DuckDBPyConnection) -> float:
    """Read every column of every kern table once (a hash of every value: statistics cannot answer it)."""
    begin = time.perf_counter()
    for (tabel,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'kern' ORDER BY 1"
    ).fetchall():
        con.table(f"kern.{tabel}").aggregate("max(hash(COLUMNS(*)))").fetchall()
    return time.perf_counter() - begin


def bouw_kern(con: duckdb.DuckDBPyConnection, leerlingen: int, varianten: bool = False) -> dict[str, float]:
    """Generate the staging data, build kern and add word lists and mastery; returns kern build times.

    varianten: also add the edge cases of bench/marts_varianten.sql and marts_varianten_beheersing.sql
    (for the comparison of two builds).
    """
    maak_schema(con)
    con.execute("SET VARIABLE leerlingen = ?", [leerlingen])
    begin = time.perf_counter()
    con.execute(lees_sql_bench("genereer.sql"))
    if varianten:
        con.execute(lees_sql_bench("varianten.sql"))
    rijen = con.execute("SELECT count(*) FROM staging.nt2_rapportage").fetchall()[0][0]
    print(
        f"gegenereerd: {leerlingen:,} leerlingen, {rijen:,} rapportages in {time.perf_counter() - begin:.1f} s"
    )

    kern_tijden = {t: _tijd(con.execute, lees_sql(f"kern/{t}.sql")) for t in KERN}
    con.execute(lees_sql_bench("lijsten.sql"))
    if varianten:
        con.execute(lees_sql_bench("varianten_beheersing.sql"))
    metingen = con.execute("SELECT count(*) FROM kern.nt2_meting").fetchall()[0][0]
    beheersing = con.execute("SELECT count(*) FROM kern.vakwoord_beheersing").fetchall()[0][0]
    print(f"kern gebouwd in {sum(kern_tijden.values()):.2f} s ({metingen:,} metingen; "
          + ", ".join(f"{t} {s:.2f}" for t, s in kern_tijden.items()) + ")")  # fmt: skip
    print(f"woordenlijsten en beheersing erbij ({beheersing:,} rijen beheersing)")
    con.execute("CHECKPOINT")
    return kern_tijden


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--leerlingen", type=int, default=250_000)
    parser.add_argument("--database", type=Path, help="keep the warehouse here (default: a temporary folder)")
    parser.add_argument("--rondes", type=int, default=3, help="build every mart this many times (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database = args.database or Path(tmp) / "bench.duckdb"
        database.unlink(missing_ok=True)
        con = duckdb.connect(str(database))
        kern_tijden = bouw_kern(con, args.leerlingen)

        scan = min(scan_kern(con) for _ in range(3))
        print(f"één scan van kern (elke kolom van elke tabel): {scan:.2f} s (beste van 3)")
        groepering = min(_tijd(con.execute, lees_sql_bench("groepering.sql")) for _ in range(3))
        print(
            f"één groepering van kern.nt2_meting per leerling, taalaanbieder en vaardigheid: {groepering:.2f} s (beste van 3)"
        )

        rondes: list[dict[str, float]] = []
        cpu_rondes = []
        for ronde in range(args.rondes):
            mart_tijden = {}
            cpu_begin = _cpu()
            for naam in MARTS:
                begin = time.perf_counter()
                aantal = bouw_mart(con, naam)
                mart_tijden[naam] = time.perf_counter() - begin
                if ronde == 0:
                    print(f"  mart.{naam:<24} {mart_tijden[naam]:6.2f} s  {aantal:>12,} rijen")
            cpu_rondes.append(_cpu() - cpu_begin)
            rondes.append(mart_tijden)
        totalen = [sum(r.values()) for r in rondes]
        totaal, mediaan = min(totalen), statistics.median(totalen)
        print(
            f"marts samen (beste van {args.rondes}): {totaal:.2f} s = {totaal / scan:.1f}x één scan van kern (doel <= 2x), "
            f"{totaal / groepering:.1f}x één groepering, {totaal / sum(kern_tijden.values()):.2f}x het bouwen van kern; "
            f"mediaan {mediaan:.2f} s = {mediaan / scan:.1f}x; processortijd (beide kernen) beste "
            f"{min(cpu_rondes):.2f} s, mediaan {statistics.median(cpu_rondes):.2f} s"
        )
        print("  per mart beste / mediaan: " + ", ".join(
            f"{n} {min(r[n] for r in rondes):.2f}/{statistics.median(r[n] for r in rondes):.2f}" for n in MARTS
        ))  # fmt: skip

        # What writing alone costs: every mart's own rows into a new table (no computing at all).
        schrijven = {}
        for naam in MARTS:
            schrijven[naam] = min(
                _tijd(con.execute, f"CREATE OR REPLACE TABLE mart.bench_kopie AS FROM mart.{naam}")  # noqa: S608
                for _ in range(3)
            )
        con.execute("DROP TABLE mart.bench_kopie")
        kopie = sum(schrijven.values())
        print(
            f"alleen schrijven (de rijen van elke mart opnieuw als tabel, beste van 3): {kopie:.2f} s = "
            f"{kopie / scan:.1f}x één scan van kern; de marts rekenen dus {max(totaal - kopie, 0):.2f} s "
            "bovenop het schrijven"
        )
        print("  " + ", ".join(f"{n} {s:.2f}" for n, s in schrijven.items()))

        print("voorbeeldvragen (beste van 3; doel < 0,3 s):")
        for pad in sorted((WAREHOUSE_SQL / "vragen").glob("voorbeeld_*.sql")):
            sql = pad.read_text(encoding="utf-8")
            tijden = []
            for _ in range(3):
                begin = time.perf_counter()
                con.execute(sql)
                uitkomst = con.fetchall()
                tijden.append(time.perf_counter() - begin)
            status = "ok" if min(tijden) < 0.3 else "TE TRAAG"
            print(f"  {pad.relative_to(PROJECTMAP)}: {min(tijden):.3f} s ({len(uitkomst):,} rijen) {status}")
        con.close()


if __name__ == "__main__":
    main()
