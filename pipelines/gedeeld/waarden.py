"""When a cell's value may be quoted in a reason, and how it is described when it may not.

Reasons end up in controle.quarantaine, in the log and in Dagster's metadata, which a data team
reads and shares. A value typed into the wrong column may be a name or a BSN, so a value is only
quoted when it has the shape its field expects (a level like ``B1+``, a date, a number, a
leerroute): then it is not personal data, and the coordinator sees exactly what to fix. Anything
else is described by its length: "een waarde van 12 tekens, niet getoond".
"""

from __future__ import annotations

import polars as pl

MAX_REDEN = 300  # a reason is at most this long, wherever it is stored or shown
# Every shape is anchored and short, so a quoted value is never long.
VORMEN: dict[str, tuple[str, ...]] = {
    "niveau": (r"^[A-Ca-c]?[0-9][0-9A-Za-z.+/ -]{0,6}$",),
    "datum": (r"^[0-9]{1,4}[-/. ][0-9]{1,2}[-/. ][0-9]{1,4}$",),
    "getal": (r"^[-+]?[0-9][0-9.,]{0,14}$",),
    "vaardigheid": (
        r"(?i)^([a-z]{2,3}|[a-z ]{0,20}(lezen|luisteren|spreken|voeren|schrijven|vaardigheid|interactie))$",
    ),
    "leerroute": (r"(?i)^([a-z0-9]{1,2}|[a-z0-9 -]{0,20}route)$",),
    "soort_meting": (r"(?i)^[a-z0-9 -]{0,30}(toets|test|examen|observatie)$",),
    "uitslag": (r"(?i)^([a-z]{1,2}|[a-z ]{0,20}(geslaagd|gezakt|behaald|voldoende|verschenen))$",),
    "thuistaal": (r"^[a-zA-Z]{2,3}$",),
    # A werkplek code (see WERKPLEKCODE) with a digit in it: a name typed in its place has none.
    "werkplekcode": (r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$", r"[0-9]"),
    "kleine_letters": (r"^[a-z][a-z -]{0,24}$",),  # sector, soort plaatsing: lower-case words only
    "ja_nee": (r"(?i)^[a-z0-9]{1,5}$",),
}
# Control characters (C0, DEL, C1): never stored, never shown.
CONTROLETEKENS = r"[\x00-\x1F\x7F-\x9F]"


def heeft_vorm(tekst: pl.Expr, vorm: str) -> pl.Expr:
    uitdrukking = tekst.str.contains(VORMEN[vorm][0])
    for patroon in VORMEN[vorm][1:]:
        uitdrukking = uitdrukking & tekst.str.contains(patroon)
    return uitdrukking.fill_null(False)


def getoond(tekst: pl.Expr, vorm: str) -> pl.Expr:
    """``'B1+'`` when the value has the field's shape, else a description without the value."""
    return (
        pl.when(heeft_vorm(tekst, vorm))
        .then(pl.format("'{}'", tekst))
        .otherwise(pl.format("(een waarde van {} tekens, niet getoond)", tekst.str.len_chars()))
    )


def in_kolom(tekst: pl.Expr, vorm: str, kolom: str) -> pl.Expr:
    """`` 'B1+' in kolom 'Lezen'``, or the description in place of the value."""
    return pl.format(" {} in kolom '{}'", getoond(tekst, vorm), pl.lit(kolom))


def kort(reden: str) -> str:
    """A reason for storing or showing: no control characters, at most MAX_REDEN characters."""
    schoon = "".join(" " if ord(t) < 32 or 0x7F <= ord(t) <= 0x9F else t for t in reden)
    return schoon if len(schoon) <= MAX_REDEN else schoon[: MAX_REDEN - 1] + "…"


def schoon(expressie: pl.Expr) -> pl.Expr:
    """Trimmed text with empty strings as null; control characters (a NUL, a tab, a line break
    inside a cell) become spaces, so they never reach staging."""
    tekst = expressie.cast(pl.String).str.replace_all(CONTROLETEKENS, " ").str.strip_chars()
    return pl.when(tekst == "").then(None).otherwise(tekst)
