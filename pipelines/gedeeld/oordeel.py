"""The rule engine every source uses: judge each distinct value of a field once.

A file of two million rows holds a few dozen distinct levels, dates and hour counts, and one
identifier per learner. So each field's rules run on its distinct values only, and the result is a
small lookup table, the *oordeel*, that the rows are joined to: a rule is written once, in Polars,
and costs the same on a file of ten rows as on a file of ten million. Rules across fields of one
row (an end before a start, a duplicate key) run on the rows, after the join.

Every oordeel row holds: the field (``veld``), the value as it arrived (``origineel``, null for an
empty cell), the canonical value (``tekst``, ``datum`` or ``getal``), the reasons to quarantine
a row with this value (``reden``, null when fine), whether it is empty (``leeg``), and, for values
that were normalised, the change to record (``kolom``, ``van``, ``naar``).

Taalaanbieder exports (millions of rows) join the oordeel in DuckDB (taalaanbieders/sql/);
smaller sources join it in Polars with :func:`beoordeel_frame`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from pipelines.gedeeld.inlezen import REGEL
from pipelines.gedeeld.waarden import MAX_REDEN, schoon

ORIGINEEL = pl.col("origineel")
VOORBEWERKT = pl.col("voorbewerkt")
GETAL_TYPE = pl.Decimal(12, 3)  # exact: sums are the same in every run
OORDEEL_SCHEMA: dict[str, pl.DataType] = {
    "veld": pl.String(),
    "origineel": pl.String(),
    "tekst": pl.String(),
    "datum": pl.Date(),
    "getal": GETAL_TYPE,
    "reden": pl.String(),
    "leeg": pl.Boolean(),
    "kolom": pl.String(),
    "van": pl.String(),
    "naar": pl.String(),
    "aantal": pl.Int64(),
    "eerste_regel": pl.Int64(),
}


@dataclass(frozen=True)
class Regel:
    """A reason to quarantine: when ``voorwaarde`` holds for a value, ``reden`` says why."""

    voorwaarde: pl.Expr
    reden: pl.Expr | str


@dataclass(frozen=True)
class Oordeel:
    """How one field judges a value: canonical value, refusal rules and whether changes are recorded."""

    tekst: pl.Expr | None = None
    voorbewerkt: pl.Expr | None = None  # computed once into column VOORBEWERKT, which the rules may read
    datum: pl.Expr | None = None
    getal: pl.Expr | None = None
    regels: tuple[Regel, ...] = ()
    vastleggen: bool = False  # record every value that was changed on arrival
    # A text field whose values may pass through as they are: when the file holds only values that
    # are accepted unchanged, the field gets no oordeel rows and the row judgement takes the export's
    # text itself (see sql/beoordeel.sql), which spares a join over every row. Never the identifier.
    doorgeven: bool = False


def beoordeel_waarden(veld: str, kolom: str, oordeel: Oordeel, waarden: pl.DataFrame) -> pl.DataFrame:
    """The oordeel rows of one field, one per distinct value.

    ``waarden`` holds each distinct value (``origineel``) and, for a field whose changes are
    recorded (:attr:`Oordeel.vastleggen`), how often it occurs (``aantal``) and its first line in
    the file (``eerste_regel``); only the normalisation log reads those two.
    """
    geen = pl.lit(None)
    redenen = [pl.when(r.voorwaarde.fill_null(False)).then(pl.lit(r.reden) if isinstance(r.reden, str) else r.reden)
               for r in oordeel.regels]  # fmt: skip
    reden = pl.concat_str(redenen, separator="; ", ignore_nulls=True) if redenen else geen
    canoniek = oordeel.tekst if oordeel.tekst is not None else geen
    # Lazy, so that Polars computes an expression the rules share (such as the trimmed value) once.
    frame = waarden.lazy().cast({"origineel": pl.String})
    if oordeel.voorbewerkt is not None:
        frame = frame.with_columns(oordeel.voorbewerkt.alias("voorbewerkt"))
    frame = frame.select(
        pl.lit(veld).alias("veld"),
        ORIGINEEL,
        canoniek.alias("tekst"),
        (oordeel.datum if oordeel.datum is not None else geen).alias("datum"),
        (oordeel.getal if oordeel.getal is not None else geen).alias("getal"),
        pl.when(reden != "").then(reden).alias("reden"),
        schoon(ORIGINEEL).is_null().alias("leeg"),
        pl.lit(kolom).alias("kolom"),
        schoon(ORIGINEEL).alias("van"),
        *(pl.col(k) if k in waarden.columns else geen.alias(k) for k in ("aantal", "eerste_regel")),
    )
    if oordeel.vastleggen:
        veranderd = pl.col("van").is_not_null() & pl.col("tekst").is_not_null() & (pl.col("van") != pl.col("tekst"))
        frame = frame.with_columns(pl.when(veranderd).then(pl.col("van")).alias("van"), pl.when(veranderd).then(pl.col("tekst")).alias("naar"))
    else:
        frame = frame.with_columns(pl.lit(None).alias("van"), pl.lit(None).alias("naar"))
    return frame.select(pl.col(k).cast(t) for k, t in OORDEEL_SCHEMA.items()).collect()


def alles_ongewijzigd(oordeel: Oordeel, beoordeeld: pl.DataFrame) -> bool:
    """True when ``oordeel`` lets its values pass through and every value in ``beoordeeld`` (the
    field's oordeel rows) is accepted exactly as it arrived: then the field needs no rows at all."""
    if not oordeel.doorgeven:
        return False
    zo_gelaten = (
        pl.col("reden").is_null()
        & pl.col("tekst").eq_missing(ORIGINEEL)
        & (pl.col("leeg") == ORIGINEEL.is_null())
    )
    return bool(beoordeeld.select(zo_gelaten.all()).item())


@dataclass(frozen=True)
class Beoordeeld:
    """A small file judged: the accepted rows (every judged field canonical), the quarantine
    (file, row, reason) and the normalisation log of the accepted rows."""

    goed: pl.DataFrame
    quarantaine: pl.DataFrame
    normalisaties: pl.DataFrame


def beoordeel_frame(
    frame: pl.DataFrame, velden: dict[str, Oordeel], bestand: str, kruisregels: Sequence[Regel] = ()
) -> Beoordeeld:
    """Judge ``frame`` (text columns plus ``bronregel``): each field in ``velden`` on its distinct
    values, joined back to the rows (the field's column then holds its canonical value), then the
    ``kruisregels`` on the rows. Reasons are listed in the order of ``velden``, then ``kruisregels``."""
    redenen: list[pl.Expr] = []
    for kolom, oordeel in velden.items():
        waarden = frame.group_by(kolom).agg(
            pl.len().cast(pl.Int64).alias("aantal"), pl.col(REGEL).min().alias("eerste_regel")
        ).rename({kolom: "origineel"})
        beoordeeld = beoordeel_waarden(kolom, kolom, oordeel, waarden)
        waarde = "datum" if oordeel.datum is not None else "getal" if oordeel.getal is not None else "tekst"
        opzoek = beoordeeld.select(
            pl.col("origineel"),
            pl.col(waarde).alias(f"__o_{kolom}"),
            pl.col("reden").alias(f"__o_reden_{kolom}"),
            pl.col("van").alias(f"__o_van_{kolom}"),
            pl.col("naar").alias(f"__o_naar_{kolom}"),
        )
        frame = (
            frame.join(opzoek, left_on=kolom, right_on="origineel", how="left", nulls_equal=True)
            .drop(kolom)
            .rename({f"__o_{kolom}": kolom})
        )
        redenen.append(pl.col(f"__o_reden_{kolom}"))
    redenen += [pl.when(r.voorwaarde.fill_null(False)).then(pl.lit(r.reden) if isinstance(r.reden, str) else r.reden)
                for r in kruisregels]  # fmt: skip
    frame = frame.with_columns(
        pl.concat_str(redenen, separator="; ", ignore_nulls=True).alias("__o_reden") if redenen else pl.lit(None, pl.String).alias("__o_reden")
    ).with_columns(pl.when(pl.col("__o_reden") != "").then(pl.col("__o_reden")).alias("__o_reden"))
    fout = pl.col("__o_reden").is_not_null()
    quarantaine = frame.filter(fout).select(
        pl.lit(bestand).alias("bestand"), pl.col(REGEL).alias("regel"), pl.col("__o_reden").str.slice(0, MAX_REDEN).alias("reden")
    ).sort("regel")
    goed = frame.filter(~fout)
    delen = [
        goed.filter(pl.col(f"__o_van_{kolom}").is_not_null()).group_by(f"__o_van_{kolom}", f"__o_naar_{kolom}").agg(
            pl.len().cast(pl.Int64).alias("aantal"), pl.col(REGEL).min().alias("eerste_regel")
        ).select(
            pl.lit(kolom).alias("kolom"), pl.col(f"__o_van_{kolom}").alias("origineel"),
            pl.col(f"__o_naar_{kolom}").alias("genormaliseerd"), "aantal", "eerste_regel",
        )
        for kolom, oordeel in velden.items() if oordeel.vastleggen
    ]  # fmt: skip
    schema = {"kolom": pl.String, "origineel": pl.String, "genormaliseerd": pl.String, "aantal": pl.Int64, "eerste_regel": pl.Int64}
    normalisaties = (pl.concat(delen) if delen else pl.DataFrame(schema=schema)).with_columns(
        pl.lit(bestand).alias("bestand")
    ).select("bestand", *schema).sort("kolom", "origineel")
    hulp = [c for c in goed.columns if c.startswith("__o_")]  # the judgement's own columns
    return Beoordeeld(goed.drop(hulp), quarantaine, normalisaties)
