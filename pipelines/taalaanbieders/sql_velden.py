"""SQL that repeats per field, generated from the field declarations (velden.py).

The templates stay .sql files in sql/; only the lines per field are filled in here. Every name
comes from the declarations in this repository, never from input, so building the text is safe.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.woordenboek import kolomcommentaar_sql, zin
from pipelines.taalaanbieders.normaliseren import VAARDIGHEDEN
from pipelines.taalaanbieders.velden import VELDEN, Veld, niveauveld

SQL = Path(__file__).parent / "sql"
_INSPRING = "\n    "


def _sjabloon(naam: str) -> str:
    return sqlbestanden.lees(SQL / naam)


def _kolom(veld: Veld) -> str | None:
    o, b = f"o_{veld.naam}", f"b.{veld.naam}"
    if veld.soort == "id":
        return f"{o}.tekst AS leerling"
    if veld.soort in ("datum", "getal"):
        return f"{o}.{veld.soort} AS {veld.naam}"
    if veld.soort == "tekst":
        return f"CASE WHEN {o}.veld IS NULL THEN {b} ELSE {o}.tekst END AS {veld.naam}"
    if veld.soort == "niveau":
        vaardigheid = next(v for v in VAARDIGHEDEN if niveauveld(v) == veld.naam)
        return (
            f"coalesce(CASE WHEN {o}.veld IS NULL THEN {b} ELSE {o}.tekst END, "
            f"CASE WHEN o_vaardigheid.tekst = '{vaardigheid}' THEN o_niveau.tekst END) AS {veld.naam}"
        )
    return None  # a long export's skill and level: only judged, then turned wide above


@cache
def beoordeel_sql() -> str:
    """The row judgement (view ``beoordeeld``): sql/beoordeel.sql with its lines per field."""
    kolommen = [k for k in map(_kolom, VELDEN) if k]
    redenen = ", ".join(f"o_{v.naam}.reden" for v in VELDEN)
    leeg = " AND ".join(f"coalesce(o_{v.naam}.leeg, b.{v.naam} IS NULL)" for v in VELDEN if v.soort == "niveau")
    kruisregels = _sjabloon("kruisregels.sql").replace("{{alle_niveaus_leeg}}", leeg)
    kruisregels = "\n".join(r for r in kruisregels.splitlines() if not r.startswith("--")).strip()
    joins = "\n".join(
        f"LEFT JOIN oordeel AS o_{v.naam}\n    ON o_{v.naam}.veld = '{v.naam}' "
        f"AND o_{v.naam}.origineel IS NOT DISTINCT FROM b.{v.naam}"
        for v in VELDEN
    )
    return (
        _sjabloon("beoordeel.sql")
        .replace("{{kolommen}}", ("," + _INSPRING).join(kolommen))
        .replace("{{redenen}}", redenen)
        .replace("{{kruisregels}}", kruisregels)
        .replace("{{joins}}", joins)
    )


@cache
def normalisaties_sql() -> str:
    """The normalisation log (sql/normalisaties.sql) with one count per text field."""
    velden = [v for v in VELDEN if v.soort in ("tekst", "niveau", "lang")]
    per_veld = (_INSPRING + "UNION ALL ").join(
        f"SELECT '{v.naam}' AS veld, {v.naam} AS origineel, count(*) AS aantal FROM quarantaine GROUP BY ALL"  # noqa: S608
        for v in velden
    )
    return _sjabloon("normalisaties.sql").replace("{{per_veld}}", per_veld)


@cache
def staging_sql() -> str:
    """``staging.nt2_rapportage``: the accepted rows as delivered, one column per staged field."""
    velden = [
        f"{v.staging_naam} {v.sql_type}{' NOT NULL' if v.verplicht else ''}" for v in VELDEN if v.soort != "lang"
    ]
    commentaar = kolomcommentaar_sql(
        "staging.nt2_rapportage", {v.staging_naam: zin(v.omschrijving) for v in VELDEN if v.soort != "lang"}
    )
    return (
        _sjabloon("staging_tabel.sql")
        .replace("{{velden}}", ("," + _INSPRING).join(velden))
        .replace("{{commentaar}}\n", commentaar)
    )
