"""Reading one export file into a table of text columns, or refusing it whole.

Only the columns asked for are kept, so names and other personal data in an export are never
loaded. Every value is read as text: parsing happens later, so that one bad value sends one row
to quarantine instead of failing the whole file. Every row keeps its line number in the file
(``bronregel``), also when blank lines are skipped, so quarantine messages point at the right line.

CSV files are parsed by DuckDB (fast on millions of rows); the table lives in the caller's
connection, normally a private in-memory one, so raw identifiers never touch the warehouse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
from duckdb import ColumnExpression, ConstantExpression, Expression, FunctionExpression, StarExpression

from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.limieten import STANDAARD_LIMIETEN, Limieten
from pipelines.gedeeld.notatie import getal
from pipelines.gedeeld.tekencodering import kenmerken, kopnamen, leesbron

REGEL = "bronregel"
MAX_REGEL = 2_000_000  # DuckDB's longest line in bytes (its default); a longer one refuses the file
LEES_CSV = Path(__file__).parent / "sql" / "lees_csv.sql"


@dataclass(frozen=True)
class CsvOpties:
    codering: str = "utf-8"
    scheidingsteken: str = ","


# What data looks like: five digits in a row (an identifier, a number), a date, or a long text.
_GEGEVENS = re.compile(r"\d{5}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|@")
_MAX_KOLOMNAAM = 60


def lijkt_kopregel(aanwezig: list[str], nodig: list[str]) -> bool:
    """Whether the first line holds column names (which may be quoted in a message) rather than a
    learner's data (which may not): it names at least one expected column, and no cell looks like
    data."""
    bekend = {k.casefold() for k in nodig}
    if not any(k.casefold() in bekend for k in aanwezig):
        return False
    return all(len(k) <= _MAX_KOLOMNAAM and not _GEGEVENS.search(k) for k in aanwezig)


def _controleer_kolommen(pad: Path, aanwezig: list[str], nodig: list[str]) -> None:
    ontbrekend = [k for k in dict.fromkeys(nodig) if k not in aanwezig]
    if ontbrekend and not lijkt_kopregel(aanwezig, nodig):
        raise OnleesbaarBestand(
            pad,
            f"de eerste regel lijkt geen kopregel met kolomnamen ({len(aanwezig)} velden, niet de verwachte namen). "
            f"Verwachte kolommen: {', '.join(repr(k) for k in dict.fromkeys(nodig))}. "
            "Vraag de taalaanbieder om een export met de kopregel bovenaan.",
        )
    if ontbrekend:
        raise OnleesbaarBestand(
            pad,
            f"verplichte kolom {', '.join(repr(k) for k in ontbrekend)} ontbreekt. "
            f"Aanwezige kolommen: {', '.join(repr(k) for k in aanwezig)}. "
            "Vraag de taalaanbieder om de kolom, of pas de kolomnaam aan in de mapping.",
        )
    dubbel = [k for k in dict.fromkeys(nodig) if aanwezig.count(k) > 1]
    if dubbel:
        raise OnleesbaarBestand(
            pad,
            f"kolom {', '.join(repr(k) for k in dubbel)} staat meer dan eens in de kopregel, zodat niet vast "
            "te stellen is welke bedoeld is. Geef de kolommen verschillende namen.",
        )


def _csv_fout(pad: Path, fout: duckdb.Error) -> OnleesbaarBestand:
    """DuckDB's message quotes the offending line (personal data), so only facts are taken from it."""
    tekst = str(fout)
    regel = re.search(r"CSV Error on Line: (\d+)", tekst)
    waar = f"regel {regel.group(1)}" if regel else "een regel"
    kolommen = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", tekst)
    if "Maximum line size" in tekst:
        wat = f"{waar} is langer dan {MAX_REGEL // 1_000_000} MB"
    elif kolommen:
        wat = f"{waar} heeft {kolommen.group(2)} kolommen, de kopregel {kolommen.group(1)}"
    elif "unterminated quote" in tekst:
        wat = f"{waar} heeft een aanhalingsteken (\") dat niet gesloten wordt"
    elif "unicode" in tekst.lower():
        wat = f"{waar} bevat tekens die niet in de opgegeven codering passen"
    else:
        wat = f"{waar} is niet te lezen"
    return OnleesbaarBestand(
        pad, f"het bestand is geen geldige CSV: {wat}. Controleer scheidingsteken en aanhalingstekens."
    )


def _tekst(waarde: str | None) -> Expression:
    return ConstantExpression(waarde).cast(duckdb.sqltype("VARCHAR"))


def _is_leeg(kolom: str) -> Expression:
    return ColumnExpression(kolom).isnull() | (FunctionExpression("trim", ColumnExpression(kolom)) == ConstantExpression(""))


def _maak_tabel(
    con: duckdb.DuckDBPyConnection,
    pad: Path,
    relatie: duckdb.DuckDBPyRelation,
    intern: dict[str, str],
    kolommen: dict[str, str],
    vast: dict[str, str | None],
    tabel: str,
    verwacht: int | None = None,
) -> duckdb.DuckDBPyRelation:
    """Materialise the wanted columns in file order, number the rows, and leave out blank ones.

    ``intern`` maps each source column to its name in ``relatie``; ``kolommen`` maps each output
    column to a source column. DuckDB keeps insertion order, so a row's ``rowid`` is its position
    in the file and ``bronregel`` (the line in the file; the header is line 1) costs nothing: no
    row-numbering pass, which would make the parallel CSV reader wait for the rows in order.
    """
    rijen = f"{tabel}_rijen"
    relatie = relatie.select(
        *(ColumnExpression(intern[bron]).alias(naam) for naam, bron in kolommen.items()),
        *(_tekst(waarde).alias(naam) for naam, waarde in vast.items()),
    )
    try:
        relatie.create(rijen)
    except duckdb.Error as fout:
        raise _csv_fout(pad, fout) from fout
    if verwacht is not None:
        gelezen = con.table(rijen).count("*").fetchall()[0][0]
        if gelezen != verwacht:  # the reader skipped (or split) a record: never load it short
            raise OnleesbaarBestand(
                pad,
                f"het bestand telt {getal(verwacht)} rijen onder de kopregel, maar er konden er {getal(gelezen)} "
                "gelezen worden: een rij is niet goed te lezen (bijvoorbeeld een zeer lange regel of een "
                "aanhalingsteken dat niet klopt). Er is niets geladen; vraag de taalaanbieder om een nieuwe export.",
            )
    genummerd = con.table(rijen).select(
        (ColumnExpression("rowid") + ConstantExpression(2)).alias(REGEL), StarExpression()
    )
    namen = list(kolommen)
    if not namen:
        genummerd.create_view(tabel)
        return con.table(tabel)
    leeg = _is_leeg(namen[0])
    for naam in namen[1:]:
        leeg = leeg & _is_leeg(naam)
    if genummerd.filter(leeg).count("*").fetchall()[0][0]:
        genummerd.filter(~leeg).create(tabel)  # a copy, only for the rare file with blank rows
    else:
        genummerd.create_view(tabel)
    return con.table(tabel)


def lees_csv_in(
    con: duckdb.DuckDBPyConnection,
    pad: Path,
    opties: CsvOpties,
    kolommen: dict[str, str],
    vast: dict[str, str | None] | None = None,
    tabel: str = "bron",
    limieten: Limieten = STANDAARD_LIMIETEN,
) -> duckdb.DuckDBPyRelation:
    """Read a CSV file into table ``tabel`` of ``con``: ``bronregel`` plus one text column per entry
    of ``kolommen`` (output name -> column in the file) and of ``vast`` (output name -> fixed value).

    The records are counted on the bytes first (see regeltelling.py); a file whose reader returns
    another number of rows is refused, so that a row is never dropped unnoticed."""
    if len(opties.scheidingsteken) != 1:
        raise OnleesbaarBestand(pad, "het scheidingsteken in de mapping moet precies één teken zijn, zoals ';' of ','.")
    limieten.controleer_grootte(pad)
    gevonden = kenmerken(pad, scheidingsteken=opties.scheidingsteken)
    if gevonden.leeg:
        raise OnleesbaarBestand(pad, "het bestand is leeg. Vraag de taalaanbieder om een nieuwe export.")
    bron = leesbron(pad, gevonden, opties.codering, opties.scheidingsteken)
    if bron.open_aanhalingsteken:
        raise OnleesbaarBestand(
            pad,
            "het bestand eindigt binnen een cel tussen aanhalingstekens: ergens staat een aanhalingsteken (\") "
            "dat niet gesloten wordt. Controleer scheidingsteken en aanhalingstekens.",
        )
    verwacht = None if bron.records is None else max(bron.records - 1, 0)
    if verwacht is not None:
        limieten.controleer_rijen(pad, verwacht)
    kopregel = kopnamen(bron.kopregel, opties.scheidingsteken)
    if len(kopregel) <= 1 and len(set(kolommen.values())) > 1:
        tip = ' De kopregel lijkt tabs te gebruiken: zet scheidingsteken = "\\t".' if "\t" in bron.kopregel else ""
        raise OnleesbaarBestand(
            pad,
            f"de kopregel heeft geen '{opties.scheidingsteken}' als scheidingsteken. "
            f"Zet het juiste 'scheidingsteken' in de mapping (vaak ';' bij Nederlandse Excel).{tip}",
        )
    _controleer_kolommen(pad, kopregel, list(kolommen.values()))
    # Columns get neutral names (k0, k1, ...) inside DuckDB: export headers hold any character.
    intern = {naam: f"k{i}" for i, naam in reversed(list(enumerate(kopregel)))}
    typen = {f"k{i}": "VARCHAR" for i in range(len(kopregel))}
    if isinstance(bron.bron, str):
        parameters = {"pad": bron.bron, "scheidingsteken": opties.scheidingsteken, "codering": bron.codering, "kolommen": typen}
        relatie = con.sql(sqlbestanden.lees(LEES_CSV), params=parameters)
    else:  # decoded in memory, always UTF-8
        relatie = con.read_csv(
            bron.bron, header=True, sep=opties.scheidingsteken, quotechar='"', escapechar='"', columns=typen, auto_detect=False
        )
    return _maak_tabel(con, pad, relatie, intern, kolommen, vast or {}, tabel, verwacht)


def lees_xlsx_in(
    con: duckdb.DuckDBPyConnection,
    pad: Path,
    blad: str | None,
    kolommen: dict[str, str],
    vast: dict[str, str | None] | None = None,
    tabel: str = "bron",
    limieten: Limieten = STANDAARD_LIMIETEN,
) -> duckdb.DuckDBPyRelation:
    """As :func:`lees_csv_in`, for a worksheet; rows are numbered as Excel numbers them. The
    limits are checked on the zip's directory before anything is unpacked."""
    limieten.controleer_grootte(pad)
    limieten.controleer_xlsx(pad)
    try:
        bladen = pl.read_excel(pad, sheet_id=0, infer_schema_length=0, drop_empty_rows=False, raise_if_empty=False)
    except Exception as fout:  # calamine raises its own error types for corrupt files
        raise OnleesbaarBestand(
            pad, f"het bestand is geen leesbaar Excel-bestand ({type(fout).__name__}). Sla het opnieuw op als .xlsx."
        ) from fout
    assert isinstance(bladen, dict)
    naam = f"werkblad '{blad[:60]}'" if blad is not None else "het eerste werkblad"  # never a sheet's own name
    if blad is None:
        blad = next(iter(bladen), None)
    if blad not in bladen:
        raise OnleesbaarBestand(
            pad,
            # The sheets' own names are not repeated: a sheet may be named after a learner.
            f"{naam} (de instelling 'blad') ontbreekt; het bestand heeft {len(bladen)} "
            "werkblad(en) met andere namen. "
            "Pas 'blad' aan in de mapping.",
        )
    frame = bladen[blad]
    limieten.controleer_rijen(pad, frame.height)
    if frame.height == 0:
        raise OnleesbaarBestand(pad, f"{naam} is leeg. Vraag de taalaanbieder om een nieuwe export.")
    kopregel = [str(k).strip() for k in frame.columns]
    _controleer_kolommen(pad, kopregel, list(kolommen.values()))
    intern = {naam: f"k{i}" for i, naam in reversed(list(enumerate(kopregel)))}
    frame = frame.rename(dict(zip(frame.columns, [f"k{i}" for i in range(len(kopregel))], strict=True)))
    frame = frame.select(pl.all().cast(pl.String))
    return _maak_tabel(con, pad, con.from_arrow(frame.to_arrow()), intern, kolommen, vast or {}, tabel)


def lees_csv(pad: Path, opties: CsvOpties, kolommen: list[str], limieten: Limieten = STANDAARD_LIMIETEN) -> pl.DataFrame:
    """The given columns of a CSV file as a Polars frame of text, with ``bronregel``."""
    with duckdb.connect() as con:
        return lees_csv_in(con, pad, opties, {k: k for k in kolommen}, limieten=limieten).pl()
