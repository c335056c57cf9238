"""The short summary printed after a run: what was loaded, quarantined, refused and built."""

from __future__ import annotations

from pathlib import Path

from pipelines.gedeeld.notatie import getal
from pipelines.resources import Warehouse, lees_sql


def druk_samenvatting(warehouse: Warehouse | Path) -> None:
    """The summary, read from the published copy (what the data team sees)."""
    wh = warehouse if isinstance(warehouse, Warehouse) else Warehouse(pad=str(warehouse))
    with wh.lezen() as con:
        print("Ingelezen bestanden (rijen gelezen / geladen / quarantaine):")
        for bestand, gelezen, geladen, quarantaine in con.execute(
            lees_sql("vragen/samenvatting_bestanden.sql")
        ).fetchall():
            print(f"  {bestand:<58} {getal(gelezen):>9} {getal(geladen):>9} {getal(quarantaine):>6}")
        geweigerd = con.execute(
            "SELECT bestand, reden FROM controle.geweigerd_bestand ORDER BY bestand"
        ).fetchall()
        for bestand, reden in geweigerd:
            print(f"  GEWEIGERD {bestand}: {reden}")
        print("\nWarehouse-tabellen:")
        for tabel, rijen in con.execute(lees_sql("vragen/samenvatting_tabellen.sql")).fetchall():
            print(f"  {tabel:<34} {getal(rijen):>9} rijen")
        print("\nLeerlingen met een plaatsing, op het niveau van hun werkplek:")
        for vaardigheid, op_niveau, met_doel in con.execute(
            lees_sql("vragen/samenvatting_doelen.sql")
        ).fetchall():
            print(f"  {vaardigheid:<20} {op_niveau:>4} van {met_doel}")
    print(f"\nWarehouse: {wh.bestand}")
    print(f"Leeskopie voor het datateam (houdt nooit een run op): {wh.leeskopie}")
    print("Bekijk de quarantaine met: SELECT * FROM controle.quarantaine;")
