"""Reading one export file into a frame of text columns, or refusing it whole.

Only the columns asked for are kept, so names and other personal data in an export are never
loaded. Every value is read as text: parsing happens later, row by row, so that one bad value
sends one row to quarantine instead of failing the whole file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.gedeeld.fouten import OnleesbaarBestand

REGEL = "bronregel"
# 'Ã«' and friends: UTF-8 bytes decoded as Windows-1252.
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]")


@dataclass(frozen=True)
class CsvOpties:
    codering: str = "utf-8"
    scheidingsteken: str = ","


def _decodeer(pad: Path, ruw: bytes, codering: str) -> str:
    try:
        codec = codecs.lookup(codering)
    except LookupError as fout:
        raise OnleesbaarBestand(pad, f"onbekende tekencodering '{codering}' in de mapping.") from fout
    if codec.name == "utf-8":
        codering = "utf-8-sig"  # a BOM is not part of the first column name
    try:
        tekst = ruw.decode(codering)
    except UnicodeDecodeError as fout:
        raise OnleesbaarBestand(
            pad,
            f"het bestand is niet te lezen als {codec.name} (ongeldige byte op positie {fout.start}). "
            f"Sla het op als {codec.name}, of zet de juiste 'codering' in de mapping.",
        ) from fout
    if codec.name != "utf-8" and _MOJIBAKE.search(tekst):
        raise OnleesbaarBestand(
            pad,
            f"het bestand lijkt UTF-8 te zijn, maar de mapping zegt {codec.name} (tekens als 'Ã«'). "
            "Zet codering = \"utf-8\" in de mapping, of lever het bestand aan in de afgesproken codering.",
        )
    return tekst


def _controleer_kolommen(pad: Path, aanwezig: list[str], nodig: list[str]) -> None:
    ontbrekend = [k for k in nodig if k not in aanwezig]
    if ontbrekend:
        raise OnleesbaarBestand(
            pad,
            f"verplichte kolom {', '.join(repr(k) for k in ontbrekend)} ontbreekt. "
            f"Aanwezige kolommen: {', '.join(repr(k) for k in aanwezig)}. "
            "Vraag de taalaanbieder om de kolom, of pas de kolomnaam aan in de mapping.",
        )


def _met_regelnummers(frame: pl.DataFrame, eerste_regel: int) -> pl.DataFrame:
    frame = frame.with_row_index(REGEL, offset=eerste_regel).with_columns(pl.col(REGEL).cast(pl.Int64))
    waarden = [c for c in frame.columns if c != REGEL]
    leeg = pl.all_horizontal([pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in waarden])
    return frame.filter(~leeg)


def lees_csv(pad: Path, opties: CsvOpties, kolommen: list[str]) -> pl.DataFrame:
    """Read the given columns of a CSV file as text, with the file's line numbers."""
    ruw = pad.read_bytes()
    if not ruw.strip():
        raise OnleesbaarBestand(pad, "het bestand is leeg. Vraag de taalaanbieder om een nieuwe export.")
    tekst = _decodeer(pad, ruw, opties.codering)
    kopregel = next(csv.reader(io.StringIO(tekst.split("\n", 1)[0]), delimiter=opties.scheidingsteken), [])
    kopregel = [k.strip() for k in kopregel]
    if len(kopregel) <= 1 and len(kolommen) > 1:
        raise OnleesbaarBestand(
            pad,
            f"de kopregel heeft geen '{opties.scheidingsteken}' als scheidingsteken. "
            "Zet het juiste 'scheidingsteken' in de mapping (vaak ';' bij Nederlandse Excel).",
        )
    _controleer_kolommen(pad, kopregel, kolommen)
    if "\n\n" in tekst or "\n\r\n" in tekst:
        # Polars skips blank lines, which would shift every line number after them; turn
        # them into rows of empty fields instead, which are then dropped with their number.
        lege_rij = opties.scheidingsteken * (len(kopregel) - 1)
        tekst = re.sub(r"(?m)^\r?$", lege_rij, tekst.rstrip("\r\n")) + "\n"
    try:
        frame = pl.read_csv(
            io.BytesIO(tekst.encode("utf-8")),
            separator=opties.scheidingsteken,
            infer_schema=False,
            columns=kolommen,
            new_columns=None,
            truncate_ragged_lines=False,
        )
    except pl.exceptions.PolarsError as fout:
        raise OnleesbaarBestand(
            pad, f"het bestand is geen geldige CSV ({str(fout).splitlines()[0]}). Controleer scheidingsteken en aanhalingstekens."
        ) from fout
    frame = frame.rename({k: k.strip() for k in frame.columns})
    return _met_regelnummers(frame, eerste_regel=2)


def lees_xlsx(pad: Path, blad: str | None, kolommen: list[str]) -> pl.DataFrame:
    """Read the given columns of a worksheet as text, numbered as Excel numbers its rows."""
    try:
        bladen = pl.read_excel(pad, sheet_id=0, infer_schema_length=0, drop_empty_rows=False, raise_if_empty=False)
    except Exception as fout:  # calamine raises its own error types for corrupt files
        raise OnleesbaarBestand(
            pad, f"het bestand is geen leesbaar Excel-bestand ({type(fout).__name__}). Sla het opnieuw op als .xlsx."
        ) from fout
    assert isinstance(bladen, dict)
    if blad is None:
        blad = next(iter(bladen), None)
    if blad not in bladen:
        raise OnleesbaarBestand(
            pad, f"werkblad '{blad}' ontbreekt; aanwezig: {', '.join(bladen)}. Pas 'blad' aan in de mapping."
        )
    frame = bladen[blad]
    if frame.height == 0:
        raise OnleesbaarBestand(pad, f"werkblad '{blad}' is leeg. Vraag de taalaanbieder om een nieuwe export.")
    frame = frame.rename({k: str(k).strip() for k in frame.columns})
    _controleer_kolommen(pad, frame.columns, kolommen)
    return _met_regelnummers(frame.select(kolommen).cast(pl.String), eerste_regel=2)
