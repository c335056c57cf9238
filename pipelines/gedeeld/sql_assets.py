"""Assets defined by a .sql file: the file's name is the table, its COMMENT ON TABLE the description.

Each asset carries Dagster's conventional metadata: kinds (duckdb, sql), an owner, and after every
materialization ``dagster/row_count`` and ``dagster/column_schema`` (the table's columns with their
types and DuckDB COMMENTs, see pipelines/gedeeld/woordenboek.py).
"""


from collections.abc import Mapping, Sequence

from dagster import AssetExecutionContext, AssetKey, AssetsDefinition, MaterializeResult, MetadataValue, asset

from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.woordenboek import EIGENAAR, kolomschema, tabelcommentaar
from pipelines.resources import WAREHOUSE_SQL, Warehouse


def beschrijving(sql: str, schema: str, naam: str) -> str:
    """The table's COMMENT (Dutch, the data dictionary's text) in the SQL file. A file without one
    (tests/test_woordenboek.py fails on it) falls back to its leading comment lines."""
    commentaar = tabelcommentaar(sql, f"{schema}.{naam}")
    if commentaar:
        return commentaar
    kop = []
    for regel in sql.splitlines():
        if not regel.startswith("--"):
            break
        kop.append(regel.removeprefix("--").strip())
    return " ".join(kop) or f"Tabel {schema}.{naam}."


def sql_asset(schema: str, naam: str, deps: Sequence[AssetKey], groep: str) -> AssetsDefinition:
    pad = WAREHOUSE_SQL / schema / f"{naam}.sql"
    sql = sqlbestanden.lees(pad)
    tabel = f"{schema}.{naam}"

    @asset(
        key=AssetKey([schema, naam]),
        deps=list(deps),
        group_name=groep,
        description=beschrijving(sql, schema, naam),
        kinds={"duckdb", "sql"},
        owners=[EIGENAAR],
        metadata={"sql": f"warehouse/{schema}/{naam}.sql", "tabel": tabel},
    )
    def _sql_asset(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
        with warehouse.verbinding() as con:
            con.begin()
            con.execute(sql)
            con.commit()
            rij = con.table(tabel).aggregate("count(*)").fetchall()[0]
            kolommen = kolomschema(con, tabel)
        rijen = int(rij[0]) if rij else 0
        context.log.info(f"{tabel}: {rijen} rijen")
        return MaterializeResult(
            metadata={
                "dagster/row_count": MetadataValue.int(rijen),
                "dagster/column_schema": MetadataValue.table_schema(kolommen),
            }
        )

    return _sql_asset


def sql_assets(schema: str, afhankelijkheden: Mapping[str, Sequence[AssetKey]], groep: str) -> list[AssetsDefinition]:
    """One asset per table; every .sql file in warehouse/<schema>/ must be listed (and vice versa)."""
    bestanden = {p.stem for p in (WAREHOUSE_SQL / schema).glob("*.sql")}
    if bestanden != set(afhankelijkheden):
        raise ValueError(f"warehouse/{schema}/: .sql-bestanden {sorted(bestanden)} ≠ assets {sorted(afhankelijkheden)}")
    return [sql_asset(schema, naam, deps, groep) for naam, deps in afhankelijkheden.items()]
