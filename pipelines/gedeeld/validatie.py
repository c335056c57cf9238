"""Row validation shared by the domains: reasons, quarantine and recorded normalisations."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from pipelines.gedeeld.inlezen import REGEL
from pipelines.gedeeld.waarden import MAX_REDEN

REDEN = "reden"


@dataclass
class Normalisatie:
    """A value changed on arrival (e.g. 'b1' -> 'B1'): recorded per file, column and value."""

    kolom: str
    origineel: pl.Expr
    genormaliseerd: pl.Expr


@dataclass
class Controles:
    """Collects (condition, reason) pairs; a row meeting at least one condition goes to quarantine.

    Reasons are text built per row, which is costly on millions of rows, so :meth:`splits`
    first separates the rows with a cheap boolean test and builds reasons only for bad rows.
    """

    regels: list[tuple[pl.Expr, pl.Expr]] = field(default_factory=list)
    normalisaties: list[Normalisatie] = field(default_factory=list)

    def als(self, voorwaarde: pl.Expr, reden: str | pl.Expr) -> None:
        tekst = pl.lit(reden) if isinstance(reden, str) else reden
        self.regels.append((voorwaarde.fill_null(False), tekst))

    def genormaliseerd(self, kolom: str, origineel: pl.Expr, genormaliseerd: pl.Expr) -> None:
        self.normalisaties.append(Normalisatie(kolom, origineel, genormaliseerd))

    def splits(self, frame: pl.DataFrame, bestand: str) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(good rows, quarantine rows with file, row and reason)."""
        if not self.regels:
            return frame, pl.DataFrame(schema={"bestand": pl.String, "regel": pl.Int64, REDEN: pl.String})
        # Lazy, so that Polars computes sub-expressions shared by several conditions only once.
        fout = frame.lazy().with_columns(pl.any_horizontal([v for v, _ in self.regels]).alias(REDEN)).collect()
        goed = fout.filter(~pl.col(REDEN)).drop(REDEN)
        slecht = fout.filter(pl.col(REDEN)).drop(REDEN)
        reden = pl.concat_str([pl.when(v).then(t) for v, t in self.regels], separator="; ", ignore_nulls=True)
        quarantaine = slecht.select(
            pl.lit(bestand).alias("bestand"), pl.col(REGEL).alias("regel"), reden.str.slice(0, MAX_REDEN).alias(REDEN)
        )
        return goed, quarantaine

    def normalisatielog(self, goed: pl.DataFrame, bestand: str) -> pl.DataFrame:
        """Every changed value of the rows that were kept, counted per (column, from, to)."""
        delen = []
        for n in self.normalisaties:
            delen.append(
                goed.select(
                    pl.lit(n.kolom).alias("kolom"),
                    n.origineel.cast(pl.String).alias("origineel"),
                    n.genormaliseerd.cast(pl.String).alias("genormaliseerd"),
                    pl.col(REGEL),
                ).filter(
                    pl.col("genormaliseerd").is_not_null()
                    & pl.col("origineel").is_not_null()
                    & (pl.col("origineel") != pl.col("genormaliseerd"))
                )
            )
        schema = {"kolom": pl.String, "origineel": pl.String, "genormaliseerd": pl.String, REGEL: pl.Int64}
        if not delen:
            alles = pl.DataFrame(schema=schema)
        else:
            alles = pl.concat(delen)
        return (
            alles.group_by("kolom", "origineel", "genormaliseerd")
            .agg(pl.len().cast(pl.Int64).alias("aantal"), pl.col(REGEL).min().alias("eerste_regel"))
            .with_columns(pl.lit(bestand).alias("bestand"))
            .select("bestand", "kolom", "origineel", "genormaliseerd", "aantal", "eerste_regel")
            .sort("kolom", "origineel")
        )
