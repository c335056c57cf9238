"""Normalisation of the values taalaanbieders write in many ways.

Each function returns a Polars expression for the canonical value (null when the value cannot
be normalised without guessing). The caller records every value that changed, and sends every
value that could not be normalised to quarantine with a reason in plain Dutch.
"""

from __future__ import annotations

import polars as pl

VAARDIGHEDEN: tuple[str, ...] = ("lezen", "luisteren", "spreken", "gesprekken voeren", "schrijven")
NIVEAUS: tuple[str, ...] = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
LEERROUTES: tuple[str, ...] = ("B1-route", "onderwijsroute", "Z-route")
SOORTEN_METING: tuple[str, ...] = ("toets", "examen", "observatie")
UITSLAGEN: tuple[str, ...] = ("geslaagd", "gezakt", "geen")
THUISTALEN: tuple[str, ...] = ("nl", "en", "ar", "ti", "so", "fa", "tr", "uk")

# Lower-case spellings seen in exports -> canonical value. DUO's codes (LE, LU, SP, SC) included.
VAARDIGHEID_VARIANTEN: dict[str, str] = {
    "lezen": "lezen", "le": "lezen", "leesvaardigheid": "lezen",
    "luisteren": "luisteren", "lu": "luisteren", "luistervaardigheid": "luisteren",
    "spreken": "spreken", "sp": "spreken", "spreekvaardigheid": "spreken",
    "gesprekken voeren": "gesprekken voeren", "gesprekken": "gesprekken voeren",
    "gesprekvoeren": "gesprekken voeren", "gv": "gesprekken voeren",
    "mondelinge interactie": "gesprekken voeren", "interactie": "gesprekken voeren",
    "schrijven": "schrijven", "sc": "schrijven", "schrijfvaardigheid": "schrijven",
}  # fmt: skip
LEERROUTE_VARIANTEN: dict[str, str] = {
    "b1-route": "B1-route", "b1 route": "B1-route", "b1route": "B1-route", "b": "B1-route", "b1": "B1-route",
    "onderwijsroute": "onderwijsroute", "onderwijs": "onderwijsroute", "o": "onderwijsroute",
    "z-route": "Z-route", "z route": "Z-route", "zroute": "Z-route", "z": "Z-route",
    "zelfredzaamheidsroute": "Z-route",
}  # fmt: skip
SOORT_METING_VARIANTEN: dict[str, str] = {
    "toets": "toets", "test": "toets", "voortgangstoets": "toets", "niveautoets": "toets",
    "examen": "examen", "inburgeringsexamen": "examen", "staatsexamen": "examen",
    "staatsexamen nt2": "examen",
    "observatie": "observatie", "docentobservatie": "observatie", "inschatting docent": "observatie",
}  # fmt: skip
UITSLAG_VARIANTEN: dict[str, str] = {
    "geslaagd": "geslaagd", "behaald": "geslaagd", "voldoende": "geslaagd", "g": "geslaagd",
    "gezakt": "gezakt", "niet behaald": "gezakt", "onvoldoende": "gezakt", "z": "gezakt",
    "geen": "geen", "geen uitslag": "geen", "niet verschenen": "geen",
}  # fmt: skip
THUISTAAL_VARIANTEN: dict[str, str] = {
    "nl": "nl", "nederlands": "nl",
    "en": "en", "engels": "en", "english": "en",
    "ar": "ar", "arabisch": "ar",
    "ti": "ti", "tigrinya": "ti", "tigrinia": "ti",
    "so": "so", "somalisch": "so",
    "fa": "fa", "farsi": "fa", "dari": "fa", "perzisch": "fa", "dari/farsi": "fa",
    "tr": "tr", "turks": "tr",
    "uk": "uk", "oekraïens": "uk", "oekraiens": "uk",
}  # fmt: skip


def schoon(expressie: pl.Expr) -> pl.Expr:
    """Trimmed text with empty strings as null."""
    tekst = expressie.cast(pl.String).str.strip_chars()
    return pl.when(tekst == "").then(None).otherwise(tekst)


def via_varianten(expressie: pl.Expr, varianten: dict[str, str]) -> pl.Expr:
    sleutel = schoon(expressie).str.to_lowercase().str.replace_all(r"\s+", " ")
    return sleutel.replace_strict(varianten, default=None, return_dtype=pl.String)


def niveau(expressie: pl.Expr) -> pl.Expr:
    """ERK level: case and spaces ignored, sub-levels ('A2.2') rounded down to the level.

    'B1+' or 'A1/A2' are ambiguous and stay null, so they go to quarantine.
    """
    tekst = schoon(expressie).str.to_uppercase().str.replace_all(" ", "")
    return tekst.str.extract(r"^(A0|A1|A2|B1|B2|C1|C2)(?:\.[1-4])?$", 1)


def niveau_redenen(origineel: pl.Expr, kolomnaam: str) -> list[tuple[pl.Expr, pl.Expr]]:
    """(condition, reason) pairs for a non-empty level that could not be normalised."""
    tekst = schoon(origineel)
    onbekend = tekst.is_not_null() & niveau(origineel).is_null()
    referentie = tekst.str.to_uppercase().str.contains(r"^[1-4]F$")
    return [
        (
            onbekend & referentie,
            pl.format(
                "referentieniveau '{}' in kolom '{}' is geen ERK-niveau; vraag de taalaanbieder om het ERK-niveau",
                tekst,
                pl.lit(kolomnaam),
            ),
        ),
        (
            onbekend & ~referentie,
            pl.format(
                "onbekend niveau '{}' in kolom '{}'; gebruik A0, A1, A2, B1, B2, C1 of C2", tekst, pl.lit(kolomnaam)
            ),
        ),
    ]


def getal(expressie: pl.Expr, decimaalteken: str) -> pl.Expr:
    tekst = schoon(expressie).str.replace_all(" ", "")
    if decimaalteken == ",":
        tekst = tekst.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True)
    return tekst.cast(pl.Float64, strict=False)


def datum(expressie: pl.Expr, formaat: str, ook_iso: bool = False) -> pl.Expr:
    """Date in the mapping's format; spreadsheet cells holding real dates arrive as ISO text."""
    tekst = schoon(expressie)
    waarde = tekst.str.strptime(pl.Date, formaat, strict=False)
    if ook_iso:
        iso = tekst.str.slice(0, 10).str.strptime(pl.Date, "%Y-%m-%d", strict=False)
        waarde = pl.coalesce(waarde, iso)
    return waarde
