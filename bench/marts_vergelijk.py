"""Compare two builds of the marts on the same generated data: every mart table must be equal.

    python bench/marts_vergelijk.py [--leerlingen 20000] [--oud REVISIE] [--database PAD]

Generates the benchmark's data (bench/marts_genereer.sql) plus the edge cases of
bench/marts_varianten.sql (a second taalaanbieder, failed exams only, two measurements on one day,
hours without levels, several running placements, werkplekken with high or no requirements,
placements of unknown learners or werkplekken), builds kern once, then builds every mart twice: with
the SQL of the git revision REVISIE (default HEAD: the last commit) and with the working tree's
(pipelines.marts.bouw_mart). Each mart is compared on its columns (names and types in order), its
comments, and its rows both ways with EXCEPT ALL (so duplicates count). Prints one line per mart
and ends with exit status 1 when any mart differs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from marts import bouw_kern

from pipelines.marts import MARTS, bouw_mart
from pipelines.resources import PROJECTMAP

KOLOMMEN = """
SELECT column_name, data_type, comment FROM duckdb_columns()
WHERE schema_name = ? AND table_name = ? ORDER BY column_index
"""


def sql_uit_git(revisie: str, pad: str) -> str:
    return subprocess.run(
        ["git", "show", f"{revisie}:{pad}"], cwd=PROJECTMAP, check=True, capture_output=True, text=True
    ).stdout


def bouw_oud(con: duckdb.DuckDBPyConnection, revisie: str) -> None:
    """Every mart with the SQL of an earlier revision (the optional sources present, as in the bench)."""
    for naam in MARTS:
        con.begin()
        for bron in ("vakwoord", "vakwoord_beheersing"):
            con.execute(sql_uit_git(revisie, f"warehouse/mart/bron/{bron}.sql"))
        con.execute(sql_uit_git(revisie, f"warehouse/mart/{naam}.sql"))
        con.commit()


def verschil(con: duckdb.DuckDBPyConnection, naam: str) -> list[str]:
    """What differs between oud.<naam> and mart.<naam> (empty: equal)."""
    fouten = []
    oud_kolommen = con.execute(KOLOMMEN, ["oud", naam]).fetchall()
    nieuw_kolommen = con.execute(KOLOMMEN, ["mart", naam]).fetchall()
    if [k[:2] for k in oud_kolommen] != [k[:2] for k in nieuw_kolommen]:
        fouten.append(f"kolommen verschillen: {oud_kolommen} tegen {nieuw_kolommen}")
        return fouten
    if oud_kolommen != nieuw_kolommen:
        fouten.append("kolomcommentaar verschilt")
    opmerkingen = con.execute(
        "SELECT schema_name, comment FROM duckdb_tables() WHERE table_name = ? AND schema_name IN ('oud', 'mart')",
        [naam],
    ).fetchall()
    if len({c for _, c in opmerkingen}) != 1:
        fouten.append("tabelcommentaar verschilt")
    for van, naar in (("oud", "mart"), ("mart", "oud")):
        rijen = con.execute(
            f"SELECT count(*) FROM (FROM {van}.{naam} EXCEPT ALL FROM {naar}.{naam})"  # noqa: S608 (our own names)
        ).fetchall()[0][0]
        if rijen:
            fouten.append(f"{rijen:,} rijen in {van} die niet in {naar} staan")
    return fouten


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--leerlingen", type=int, default=20_000)
    parser.add_argument("--oud", default="HEAD", help="git revision with the reference SQL (default: HEAD)")
    parser.add_argument("--database", type=Path, help="keep the warehouse here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database = args.database or Path(tmp) / "vergelijk.duckdb"
        database.unlink(missing_ok=True)
        con = duckdb.connect(str(database))
        bouw_kern(con, args.leerlingen, varianten=True)

        begin = time.perf_counter()
        bouw_oud(con, args.oud)
        print(f"marts met de SQL van {args.oud}: {time.perf_counter() - begin:.2f} s")
        con.execute("CREATE SCHEMA oud")
        for naam in MARTS:
            con.execute(f"ALTER TABLE mart.{naam} RENAME TO {naam}_oud")
            con.execute(f"CREATE TABLE oud.{naam} AS FROM mart.{naam}_oud")  # noqa: S608
            con.execute(f"DROP TABLE mart.{naam}_oud")
        # The copies lose their comments: take them over from the reference SQL's COMMENT statements.
        for naam in MARTS:
            for regel in sql_uit_git(args.oud, f"warehouse/mart/{naam}.sql").splitlines():
                if regel.startswith("COMMENT ON"):
                    con.execute(regel.replace(f" mart.{naam}", f" oud.{naam}", 1))

        begin = time.perf_counter()
        for naam in MARTS:
            bouw_mart(con, naam)
        print(f"marts met de SQL van de werkmap: {time.perf_counter() - begin:.2f} s")

        verschillen = 0
        for naam in MARTS:
            rijen = con.execute(f"SELECT count(*) FROM mart.{naam}").fetchall()[0][0]  # noqa: S608
            fouten = verschil(con, naam)
            verschillen += bool(fouten)
            print(f"  mart.{naam:<24} {rijen:>10,} rijen  " + ("; ".join(fouten) if fouten else "gelijk"))
        con.close()
    if verschillen:
        print(f"{verschillen} mart(s) verschillen")
        sys.exit(1)
    print("elke mart is gelijk")


if __name__ == "__main__":
    main()
