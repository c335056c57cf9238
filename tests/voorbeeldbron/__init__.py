"""An example source, kept in the tests: extra requirements per werkplek ('rijbewijs B',
'VCA-VOL'), a CSV in ``<landing>/eisen/*.csv`` with columns werkplek and eis.

It shows what issue 12 promises: a source is this folder plus one line in pipelines/bronnen.py
(the test adds that line with monkeypatch). It uses only shared building blocks (reader, rules,
load, file walk) and declares its files, rules and table; no shared file names it.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from dagster import AssetKey, MaterializeResult, asset

from pipelines import groepen
from pipelines.gedeeld.bestanden import Verslag, verwerk_bestanden
from pipelines.gedeeld.bron import Bron
from pipelines.gedeeld.inlezen import REGEL, CsvOpties, lees_csv
from pipelines.gedeeld.laden import Landingsbestand, laad_bestand
from pipelines.gedeeld.oordeel import ORIGINEEL, Oordeel, Regel, beoordeel_frame
from pipelines.gedeeld.waarden import schoon
from pipelines.resources import Landingsplaats, Warehouse

NAAM = "werkplekeis"
ASSET = AssetKey(["staging", "werkplekeisen"])
KOLOMMEN = ["werkplek", "eis"]
# Its fields and rules, judged on distinct values like every source's.
VELDEN = {
    veld: Oordeel(tekst=schoon(ORIGINEEL), regels=(Regel(schoon(ORIGINEEL).is_null(), f"{veld} ontbreekt"),))
    for veld in KOLOMMEN
}


def bestanden(landingsplaats: Path) -> list[Path]:
    return sorted(landingsplaats.glob("eisen/*.csv"))


def schema() -> str:
    return (Path(__file__).parent / "sql" / "schema.sql").read_text(encoding="utf-8")


@asset(key=ASSET, group_name=groepen.BRONNEN, description="Extra eisen per werkplek (voorbeeldbron).")
def staging_werkplekeisen(warehouse: Warehouse, landingsplaats: Landingsplaats) -> MaterializeResult:
    verslag = Verslag()
    with warehouse.verbinding() as con:

        def laad(bestand: Landingsbestand) -> tuple[int, int]:
            frame = lees_csv(bestand.pad, CsvOpties("utf-8", ","), KOLOMMEN, landingsplaats.limieten)
            oordeel = beoordeel_frame(frame, VELDEN, bestand.naam)  # the shared rule engine
            tabel = oordeel.goed.select(
                "werkplek", "eis", pl.lit(bestand.naam).alias("bestand"), pl.col(REGEL).alias("bronregel")
            )
            in_quarantaine = laad_bestand(
                con, bestand=bestand, bron=NAAM, taalaanbieder=None, rijen_gelezen=frame.height,
                tabellen={"werkplek_extra_eis": tabel}, quarantaine=oordeel.quarantaine,
                normalisaties=oordeel.normalisaties,
            )  # fmt: skip
            return frame.height, in_quarantaine

        verwerk_bestanden(con, landingsplaats.pad, bestanden(landingsplaats.pad), laad, verslag, bron=NAAM)
    return MaterializeResult(metadata=verslag.metadata())


BRON = Bron(
    naam=NAAM,
    omschrijving="Extra eisen per werkplek, zoals een rijbewijs (voorbeeld).",
    asset=ASSET,
    bestanden=bestanden,
    assets=[staging_werkplekeisen],
    telling=("staging.werkplek_extra_eis",),
    schema=schema,
    tabellen=("staging.werkplek_extra_eis",),
)
