"""`vakwoorden export`: the marts as Parquet, CSV and XLSX for data teams.

Only the ``mart`` schema is exported: pseudonyms, never raw identifiers, and nothing of staging or
controle (no quarantine lines). Text cells that a spreadsheet would run as a formula (leading ``=``,
``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe in CSV and XLSX; Parquet keeps
the values as they are (it is read by tools, not by spreadsheets).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from opdrachten.paden import uitvoer_pad, warehouse_pad

if TYPE_CHECKING:  # imported where used, so that `vakwoorden --help` stays quick
    import duckdb
    import polars as pl

FORMAATEN = ("parquet", "csv", "xlsx")
FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_RIJEN = 1_048_575  # a worksheet holds 1,048,576 rows, one of them the header
# Column names that would mean a raw identifier slipped into a mart: refuse to export those.
VERBODEN_KOLOMMEN = frozenset(
    {"bsn", "vnummer", "v_nummer", "identificatie", "leerlingnummer", "naam_leerling"}
)


@dataclass
class Exportresultaat:
    map: Path
    bestanden: list[Path] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)


def neutraliseer(waarde: str | None) -> str | None:
    """A text cell as a spreadsheet may show it: formula-like text gets a leading apostrophe."""
    if waarde is not None and waarde.startswith(FORMULETEKENS):
        return "'" + waarde
    return waarde


def _neutraliseer_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Flatten lists and structs to text (CSV and spreadsheets have no nested cells), then neutralise text."""
    import polars as pl

    vlak = frame.with_columns(
        *(pl.col(k).list.eval(pl.element().cast(pl.String)).list.join(", ").alias(k)
          for k, soort in frame.schema.items() if isinstance(soort, pl.List | pl.Array)),
        *(pl.col(k).struct.json_encode().alias(k) for k, soort in frame.schema.items() if isinstance(soort, pl.Struct)),
    )  # fmt: skip
    tekst = [naam for naam, soort in vlak.schema.items() if soort == pl.String]
    patroon = "^[=+\\-@\t\r]"
    return vlak.with_columns(
        pl.when(pl.col(k).str.contains(patroon)).then(pl.lit("'") + pl.col(k)).otherwise(pl.col(k)).alias(k)
        for k in tekst
    )


def mart_tabellen(con: duckdb.DuckDBPyConnection, alleen_deelbaar: bool = False) -> list[str]:
    """The mart tables; shareable ones are those whose COMMENT starts with 'DEELBAAR'."""
    from pipelines.resources import lees_sql

    rijen = con.execute(lees_sql("vragen/export_tabellen.sql")).fetchall()
    return [naam for naam, deelbaar in rijen if deelbaar or not alleen_deelbaar]


def _schrijf_xlsx(frame: pl.DataFrame, pad: Path, blad: str) -> None:
    import xlsxwriter

    # No text is ever turned into a formula or a link, whatever it starts with.
    with xlsxwriter.Workbook(
        str(pad), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    ) as werkmap:
        frame.write_excel(werkmap, worksheet=blad[:31], autofit=frame.height <= 10_000)


def exporteer(
    con: duckdb.DuckDBPyConnection,
    map_: Path,
    alleen_deelbaar: bool = False,
    formaten: tuple[str, ...] = FORMAATEN,
) -> Exportresultaat:
    map_.mkdir(parents=True, exist_ok=True)
    resultaat = Exportresultaat(map_)
    for naam in mart_tabellen(con, alleen_deelbaar):
        rel = con.table(f"mart.{naam}")
        verboden = VERBODEN_KOLOMMEN & {k.lower() for k in rel.columns}
        if verboden:
            raise ValueError(
                f"mart.{naam} heeft een kolom met identificatienummers ({sorted(verboden)}); niet geëxporteerd."
            )
        if "parquet" in formaten:
            pad = map_ / f"{naam}.parquet"
            rel.write_parquet(str(pad))
            resultaat.bestanden.append(pad)
        if "csv" not in formaten and "xlsx" not in formaten:
            continue
        frame = _neutraliseer_frame(rel.pl())
        if "csv" in formaten:
            pad = map_ / f"{naam}.csv"
            frame.write_csv(pad)
            resultaat.bestanden.append(pad)
        if "xlsx" in formaten:
            if frame.height > XLSX_MAX_RIJEN:
                resultaat.overgeslagen.append(
                    f"{naam}.xlsx: {frame.height} rijen past niet in een werkblad; gebruik de CSV of Parquet."
                )
            else:
                pad = map_ / f"{naam}.xlsx"
                _schrijf_xlsx(frame, pad, naam)
                resultaat.bestanden.append(pad)
    from pipelines.marts import woordenboek

    pad = map_ / "woordenboek.md"
    pad.write_text("# Gegevenswoordenboek van de marts\n\n" + woordenboek(con), encoding="utf-8")
    resultaat.bestanden.append(pad)
    return resultaat


def standaard_warehouse() -> Path:
    return warehouse_pad()


def standaard_uitvoer() -> Path:
    return uitvoer_pad()


def registreer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "export",
        help="schrijf de marts als Parquet, CSV en Excel (voor datateams)",
        description=(
            "Schrijft elke mart als Parquet, CSV en Excel-bestand naar <uitvoermap>/export/, met een "
            "gegevenswoordenboek. Alleen pseudoniemen, geen quarantaine. Tekst die een spreadsheet als "
            "formule zou uitvoeren, krijgt in CSV en Excel een apostrof ervoor."
        ),
    )
    parser.add_argument(
        "--warehouse",
        type=Path,
        help="het warehouse (standaard: $VAKWOORDEN_WAREHOUSE of warehouse/vakwoorden.duckdb)",
    )
    parser.add_argument(
        "--uit",
        type=Path,
        help="uitvoermap (standaard: $VAKWOORDEN_UIT of uit/); de bestanden komen in export/",
    )
    parser.add_argument(
        "--deelbaar",
        action="store_true",
        help="alleen de deelbare overzichten (aantallen onder 10 afgeschermd)",
    )
    parser.add_argument(
        "--formaat",
        action="append",
        choices=FORMAATEN,
        help="alleen dit formaat (mag vaker; standaard alle drie)",
    )
    parser.set_defaults(uitvoeren=voer_uit)


def voer_uit(args: argparse.Namespace) -> int:
    import duckdb

    from pipelines.resources import Warehouse

    database = args.warehouse or standaard_warehouse()
    map_ = (args.uit or standaard_uitvoer()) / "export"
    if not Path(database).exists():
        print(
            f"Fout: het warehouse {database} bestaat nog niet. Draai eerst: vakwoorden demo.", file=sys.stderr
        )
        return 1
    try:
        with Warehouse(pad=str(database)).lezen() as con:
            resultaat = exporteer(con, map_, args.deelbaar, tuple(args.formaat or FORMAATEN))
    except (duckdb.Error, ValueError) as fout:
        print(f"Fout: export mislukt: {fout}", file=sys.stderr)
        return 1
    for melding in resultaat.overgeslagen:
        print(f"Let op: {melding}", file=sys.stderr)
    print(f"{len(resultaat.bestanden)} bestanden geschreven naar {map_}")
    return 0
