"""Row validation shared by the domains: reasons, quarantine and recorded normalisations."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from pipelines.gedeeld.inlezen import REGEL

REDEN = "reden"


@dataclass
class Normalisatie:
    """A value changed on arrival (e.g. 'b1' -> 'B1'): recorded per file, column and value."""

    kolom: str
    origineel: pl.Expr
    genormaliseerd: pl.Expr


@dataclass
class Controles:
    """Collects reasons per row; a row with at least one reason goes to quarantine."""

    redenen: list[pl.Expr] = field(default_factory=list)
    normalisaties: list[Normalisatie] = field(default_factory=list)

    def als(self, voorwaarde: pl.Expr, reden: str | pl.Expr) -> None:
        tekst = pl.lit(reden) if isinstance(reden, str) else reden
        self.redenen.append(pl.when(voorwaarde).then(tekst))

    def reden(self, expressie: pl.Expr) -> None:
        """An expression that is null when fine, or the reason."""
        self.redenen.append(expressie)

    def genormaliseerd(self, kolom: str, origineel: pl.Expr, genormaliseerd: pl.Expr) -> None:
        self.normalisaties.append(Normalisatie(kolom, origineel, genormaliseerd))

    def splits(self, frame: pl.DataFrame, bestand: str) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(good rows, quarantine rows with file, row and reason)."""
        if self.redenen:
            reden = pl.concat_str(self.redenen, separator="; ", ignore_nulls=True)
            frame = frame.with_columns(pl.when(reden == "").then(None).otherwise(reden).alias(REDEN))
        else:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(REDEN))
        goed = frame.filter(pl.col(REDEN).is_null()).drop(REDEN)
        fout = frame.filter(pl.col(REDEN).is_not_null()).select(
            pl.lit(bestand).alias("bestand"), pl.col(REGEL).alias("regel"), pl.col(REDEN)
        )
        return goed, fout

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
