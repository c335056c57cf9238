"""Marts for jobcoaches and data teams. The SQL is in warehouse/mart/<table>.sql.

Each mart file creates its table and then sets DuckDB COMMENTs on the table and every column; the
data dictionary in warehouse/README.md is generated from those comments (``woordenboek()``).

Two sources are optional: the word lists (kern.vakwoord, built by the vakwoorden asset, which the
'inlezen' job does not run) and learners' mastery from Anki (kern.vakwoord_beheersing, from the
sync source). The marts read them through the temporary views ``bron_vakwoord`` and
``bron_vakwoord_beheersing``, which fall back to empty ones while a table is missing.
"""

from collections.abc import Mapping, Sequence

import duckdb
from dagster import (
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
    get_dagster_logger,
)

from pipelines import groepen
from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.sql_assets import beschrijving
from pipelines.gedeeld.woordenboek import EIGENAAR, kolomschema
from pipelines.resources import WAREHOUSE_SQL, Warehouse, lees_sql

MART_SQL = WAREHOUSE_SQL / "mart"


def kern(naam: str) -> AssetKey:
    return AssetKey(["kern", naam])


def mart(naam: str) -> AssetKey:
    return AssetKey(["mart", naam])


VAKWOORD_BEHEERSING_SQL = WAREHOUSE_SQL / "kern" / "vakwoord_beheersing.sql"

# Every mart of this module with what it is built from, in build order.
MARTS: dict[str, list[AssetKey]] = {
    "leertraject": [kern("nt2_meting")],
    "leerroute_doel": [],
    "voortgang_leerling": [mart("leertraject"), kern("leerling"), kern("plaatsing"), kern("werkplek"),
                           kern("werkplek_niveau_eis")],
    "plaatsing_doel": [mart("voortgang_leerling"), kern("plaatsing"), kern("werkplek"), kern("werkplek_niveau_eis"),
                       kern("leerling")],
    "plaatsing_vakwoord": [kern("plaatsing"), kern("werkplek_vakwoord"), kern("vakwoord"),
                           *([kern("vakwoord_beheersing")] if VAKWOORD_BEHEERSING_SQL.exists() else [])],
    "werkplek_gereedheid": [mart("plaatsing_doel"), mart("plaatsing_vakwoord"), kern("plaatsing"), kern("werkplek"),
                            kern("leerling")],
    "leerling_aanbieder": [mart("leertraject"), mart("leerroute_doel"), kern("leerling"), kern("nt2_uren")],
    "taalaanbieder_prestatie": [mart("leerling_aanbieder"), kern("taalaanbieder")],
    "voortgang_taalaanbieder": [mart("leerling_aanbieder"), kern("taalaanbieder")],
    "taalaanbieder_overzicht": [mart("leerling_aanbieder"), kern("taalaanbieder")],
    "cohort_overzicht": [mart("leerling_aanbieder"), mart("voortgang_leerling"), mart("werkplek_gereedheid"),
                         kern("leerling"), kern("plaatsing"), kern("werkplek")],
}  # fmt: skip

# Marts that may be shared outside the team: small counts suppressed (checked, blocking).
DEELBARE_MARTS = ("cohort_overzicht", "taalaanbieder_overzicht")

# Marts written by other parts of the project; every other .sql file in warehouse/mart/ must be above.
ANDERE_MARTS = {"vaktaal_gereedheid"}

_ONBEKEND = {p.stem for p in MART_SQL.glob("*.sql")} - set(MARTS) - ANDERE_MARTS
if _ONBEKEND:
    raise ValueError(f"warehouse/mart/: .sql-bestanden zonder asset: {sorted(_ONBEKEND)}")


def _tabel_bestaat(con: duckdb.DuckDBPyConnection, schema: str, tabel: str) -> bool:
    return bool(con.execute(lees_sql("vragen/tabel_bestaat.sql"), [schema, tabel]).fetchall())


def bereid_bronnen_voor(con: duckdb.DuckDBPyConnection) -> dict[str, bool]:
    """Create the temp views over the optional sources; returns which sources are present."""
    aanwezig = {}
    for bron in ("vakwoord", "vakwoord_beheersing"):
        echt = _tabel_bestaat(con, "kern", bron)
        if echt:
            try:
                con.execute(lees_sql(f"mart/bron/{bron}.sql"))
            except duckdb.Error as fout:  # a table of another shape than agreed: do not break the marts
                get_dagster_logger().warning(
                    f"kern.{bron} is niet te lezen zoals afgesproken ({fout}); telt als leeg."
                )
                echt = False
        if not echt:
            con.execute(lees_sql(f"mart/bron/{bron}_leeg.sql"))
        aanwezig[bron] = echt
    return aanwezig


def bouw_mart(con: duckdb.DuckDBPyConnection, naam: str) -> int:
    """(Re)build one mart with its comments in one transaction; returns its row count."""
    sql = lees_sql(f"mart/{naam}.sql")
    con.begin()
    try:
        bereid_bronnen_voor(con)
        con.execute(sql)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    rij = con.table(f"mart.{naam}").aggregate("count(*)").fetchall()[0]
    return int(rij[0])


def bouw_alle_marts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Every mart of this module in dependency order (for the benchmark and tests)."""
    return {naam: bouw_mart(con, naam) for naam in MARTS}


def _beschrijving(naam: str) -> str:
    """The mart's COMMENT ON TABLE (Dutch, as in the data dictionary), else its leading comment."""
    return beschrijving(sqlbestanden.lees(MART_SQL / f"{naam}.sql"), "mart", naam)


def mart_asset(naam: str, deps: Sequence[AssetKey]) -> AssetsDefinition:
    @asset(
        key=mart(naam),
        deps=list(deps),
        group_name=groepen.MARTS,
        description=_beschrijving(naam),
        kinds={"duckdb", "sql"},
        owners=[EIGENAAR],
        metadata={
            "sql": f"warehouse/mart/{naam}.sql",
            "tabel": f"mart.{naam}",
            "deelbaar": naam in DEELBARE_MARTS,
        },
    )
    def _mart(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
        with warehouse.verbinding() as con:
            rijen = bouw_mart(con, naam)
            kolommen = kolomschema(con, f"mart.{naam}")
        context.log.info(f"mart.{naam}: {rijen} rijen")
        return MaterializeResult(
            metadata={
                "rijen": rijen,
                "dagster/row_count": MetadataValue.int(rijen),
                "dagster/column_schema": MetadataValue.table_schema(kolommen),
            }
        )

    return _mart


def _kolommen(con: duckdb.DuckDBPyConnection, naam: str) -> list[str]:
    return [r[0] for r in con.execute(lees_sql("mart/controle/kolommen.sql"), [naam]).fetchall()]


def _telling(con: duckdb.DuckDBPyConnection, controle: str, naam: str) -> int:
    rij = con.execute(lees_sql(f"mart/controle/{controle}.sql"), [f"mart.{naam}"]).fetchall()[0]
    return int(sum(v or 0 for v in rij))


# Columns that hold an ERK level (warehouse/mart/controle/niveaus.sql matches the same names).
NIVEAUKOLOMMEN = {"start_niveau", "huidig_niveau", "vereist_niveau", "doel_niveau", "niveau_bij_start"}


def invarianten(con: duckdb.DuckDBPyConnection, naam: str) -> dict[str, int]:
    """Violations per invariant of one mart: levels A0..C2, learners in kern, percentages 0..100."""
    kolommen = _kolommen(con, naam)
    fouten = {}
    if NIVEAUKOLOMMEN & set(kolommen):
        fouten["niveaus_buiten_a0_c2"] = _telling(con, "niveaus", naam)
    if "leerling" in kolommen:
        fouten["leerlingen_niet_in_kern"] = _telling(con, "leerlingen", naam)
    if any(k.endswith("_procent") for k in kolommen):
        fouten["procenten_buiten_0_100"] = _telling(con, "procenten", naam)
    return fouten


def afscherming_fouten(con: duckdb.DuckDBPyConnection, naam: str) -> list[tuple]:
    """Rows of a shareable mart that show a count below 10 or a figure derived from one."""
    return con.execute(lees_sql(f"mart/controle/afscherming_{naam}.sql")).fetchall()


def _invarianten_check(naam: str) -> AssetChecksDefinition:
    @asset_check(
        asset=mart(naam),
        name="invarianten",
        blocking=False,
        description=(
            "Niveaus liggen tussen A0 en C2, elke leerling bestaat in kern, percentages liggen tussen 0 en 100."
        ),
    )
    def _check(warehouse: Warehouse) -> AssetCheckResult:
        with warehouse.verbinding(alleen_lezen=True) as con:
            fouten = invarianten(con, naam)
        return AssetCheckResult(
            passed=not any(fouten.values()),
            severity=AssetCheckSeverity.ERROR,
            metadata={"gecontroleerd": ", ".join(fouten) or "niets van toepassing", **fouten},
        )

    return _check


def _afscherming_check(naam: str) -> AssetChecksDefinition:
    @asset_check(
        asset=mart(naam),
        name="afscherming",
        blocking=True,
        description="Deelbaar: geen aantal onder 10 zichtbaar, en geen cijfer dat uit zo'n aantal is afgeleid.",
    )
    def _check(warehouse: Warehouse) -> AssetCheckResult:
        with warehouse.verbinding(alleen_lezen=True) as con:
            fout = afscherming_fouten(con, naam)
        return AssetCheckResult(
            passed=not fout,
            severity=AssetCheckSeverity.ERROR,
            metadata={
                "regels_niet_afgeschermd": len(fout),
                "voorbeelden": "\n".join(map(str, fout[:10])) or "geen",
            },
        )

    return _check


def _andere_marts() -> Mapping[str, list[AssetKey]]:
    """vaktaal_gereedheid (sync source) is a .sql file here too; registered with its inputs once it exists."""
    if (MART_SQL / "vaktaal_gereedheid.sql").exists():
        return {"vaktaal_gereedheid": [kern("vakwoord_beheersing"), kern("plaatsing"), kern("werkplek_vakwoord"),
                                       kern("vakwoord")]}  # fmt: skip
    return {}


MART_ASSETS = [mart_asset(naam, deps) for naam, deps in {**MARTS, **_andere_marts()}.items()]
MART_CHECKS = [
    *(_invarianten_check(naam) for naam in MARTS),
    *(_afscherming_check(naam) for naam in DEELBARE_MARTS),
]


def woordenboek(con: duckdb.DuckDBPyConnection) -> str:
    """The mart section of the data dictionary, from the COMMENTs in the warehouse."""
    delen = []
    for tabel, opmerking in con.execute(lees_sql("mart/controle/tabellen.sql")).fetchall():
        if tabel not in MARTS:  # marts of other modules document themselves
            continue
        kolommen = con.execute(lees_sql("mart/controle/kolomcommentaar.sql"), [tabel]).fetchall()
        delen.append(f"**mart.{tabel}**: {opmerking or ''}\n")
        delen.append("| kolom | type | betekenis |\n|---|---|---|")
        delen.extend(f"| `{k}` | {t} | {c or ''} |" for k, t, c in kolommen)
        delen.append("")
    return "\n".join(delen).rstrip() + "\n"


def _schrijf_woordenboek(database: str, readme: str = str(WAREHOUSE_SQL / "README.md")) -> None:
    """Replace the generated part of warehouse/README.md (between the markers) from a built warehouse."""
    import re
    from pathlib import Path

    with duckdb.connect(database, read_only=True) as con:
        deel = woordenboek(con)
    pad = Path(readme)
    tekst = pad.read_text(encoding="utf-8")
    nieuw = re.sub(
        r"(<!-- marts:begin -->\n).*(<!-- marts:einde -->)", lambda m: m[1] + deel + m[2], tekst, flags=re.S
    )
    pad.write_text(nieuw, encoding="utf-8")


if __name__ == "__main__":  # python -m pipelines.marts woordenboek <warehouse.duckdb>
    import sys

    if len(sys.argv) != 3 or sys.argv[1] != "woordenboek":
        sys.exit("gebruik: python -m pipelines.marts woordenboek <warehouse.duckdb>")
    _schrijf_woordenboek(sys.argv[2])
