"""Normalisation of the values taalaanbieders write in many ways.

Each function returns a Polars expression for the canonical value (null when the value cannot
be normalised without guessing). The caller records every value that changed, and sends every
value that could not be normalised to quarantine with a reason in plain Dutch.
"""

from __future__ import annotations

import polars as pl

from pipelines.gedeeld.waarden import in_kolom, schoon
from vakwoorden.domein import LEERROUTES, NIVEAUS, THUISTALEN, VAARDIGHEDEN

__all__ = ["LEERROUTES", "NIVEAUS", "THUISTALEN", "VAARDIGHEDEN", "schoon"]  # the domain's vocabulary, for the rules

SOORTEN_METING: tuple[str, ...] = ("toets", "examen", "observatie")
UITSLAGEN: tuple[str, ...] = ("geslaagd", "gezakt", "geen")

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
    waar = in_kolom(tekst, "niveau", kolomnaam)
    return [
        (
            onbekend & referentie,
            pl.format("referentieniveau{} is geen ERK-niveau; vraag de taalaanbieder om het ERK-niveau", waar),
        ),
        (onbekend & ~referentie, pl.format("onbekend niveau{}; gebruik A0, A1, A2, B1, B2, C1 of C2", waar)),
    ]


# Hours are DECIMAL(12, 3) in the warehouse: sums are exact and the same in every run.
UREN_TYPE = pl.Decimal(12, 3)
_GETAL = {
    # decimal sign -> (plain notation, with thousands grouped by the other sign)
    ",": (r"^[-+]?[0-9]+(,[0-9]{1,3})?$", r"^[-+]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]{1,3})?$"),
    ".": (r"^[-+]?[0-9]+(\.[0-9]{1,3})?$", r"^[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]{1,3})?$"),
}


def getal_tekst(expressie: pl.Expr) -> pl.Expr:
    return schoon(expressie).str.replace_all(" ", "")


def getal_past(expressie: pl.Expr, decimaalteken: str) -> pl.Expr:
    """Whether the notation fits the mapping's decimal sign: ``12,5`` or ``1.234,5`` for a comma.
    ``12.5`` does not: it is quarantined rather than read as 125, and so is a fourth decimal."""
    tekst = getal_tekst(expressie)
    gewoon, gegroepeerd = _GETAL[decimaalteken]
    return tekst.str.contains(gewoon) | tekst.str.contains(gegroepeerd)


def getal(expressie: pl.Expr, decimaalteken: str) -> pl.Expr:
    """The number, exact (DECIMAL), or null when its notation does not fit (see getal_past)."""
    tekst = getal_tekst(expressie)
    duizendtal = "." if decimaalteken == "," else ","
    waarde = tekst.str.replace_all(duizendtal, "", literal=True).str.replace(decimaalteken, ".", literal=True)
    return pl.when(getal_past(expressie, decimaalteken)).then(waarde).cast(UREN_TYPE, strict=False)


def datum(expressie: pl.Expr, formaat: str, ook_iso: bool = False) -> pl.Expr:
    """Date in the mapping's format; spreadsheet cells holding real dates arrive as ISO text.

    A format with %Y wants the year in full: '4-3-25' is not the year 25 but null (the caller
    quarantines it with :func:`jaar_te_kort`). Only a format with %y reads two-digit years."""
    tekst = schoon(expressie)
    waarde = tekst.str.strptime(pl.Date, formaat, strict=False)
    if "%Y" in formaat:
        waarde = pl.when(waarde.dt.year() >= 1000).then(waarde)
    if ook_iso:
        iso = tekst.str.slice(0, 10).str.strptime(pl.Date, "%Y-%m-%d", strict=False)
        waarde = pl.coalesce(waarde, iso)
    return waarde


def jaar_te_kort(expressie: pl.Expr, formaat: str) -> pl.Expr:
    """A date that would read in the format if only its year had two digits, like '4-3-25'."""
    if "%Y" not in formaat:
        return pl.lit(False)
    tekst = schoon(expressie)
    return tekst.str.strptime(pl.Date, formaat.replace("%Y", "%y"), strict=False).is_not_null() & tekst.str.contains(
        r"(^|[^0-9])[0-9]{2}$|^[0-9]{2}[^0-9]"
    )
