"""Assets defined by a .sql file: the file's name is the table, its leading comment the description."""


from collections.abc import Mapping, Sequence

from dagster import AssetExecutionContext, AssetKey, AssetsDefinition, MaterializeResult, asset

from pipelines.resources import WAREHOUSE_SQL, Warehouse


def _beschrijving(sql: str, schema: str, naam: str) -> str:
    commentaar = [r.removeprefix("--").strip() for r in sql.splitlines() if r.startswith("--")]
    return " ".join(commentaar) or f"Tabel {schema}.{naam}."


def sql_asset(schema: str, naam: str, deps: Sequence[AssetKey], groep: str) -> AssetsDefinition:
    pad = WAREHOUSE_SQL / schema / f"{naam}.sql"
    sql = pad.read_text(encoding="utf-8")

    @asset(
        key=AssetKey([schema, naam]),
        deps=list(deps),
        group_name=groep,
        description=_beschrijving(sql, schema, naam),
        metadata={"sql": f"warehouse/{schema}/{naam}.sql", "tabel": f"{schema}.{naam}"},
    )
    def _sql_asset(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
        with warehouse.verbinding() as con:
            con.begin()
            con.execute(sql)
            con.commit()
            rij = con.table(f"{schema}.{naam}").aggregate("count(*)").fetchall()[0]
        rijen = int(rij[0]) if rij else 0
        context.log.info(f"{schema}.{naam}: {rijen} rijen")
        return MaterializeResult(metadata={"rijen": rijen})

    return _sql_asset


def sql_assets(schema: str, afhankelijkheden: Mapping[str, Sequence[AssetKey]], groep: str) -> list[AssetsDefinition]:
    """One asset per table; every .sql file in warehouse/<schema>/ must be listed (and vice versa)."""
    bestanden = {p.stem for p in (WAREHOUSE_SQL / schema).glob("*.sql")}
    if bestanden != set(afhankelijkheden):
        raise ValueError(f"warehouse/{schema}/: .sql-bestanden {sorted(bestanden)} ≠ assets {sorted(afhankelijkheden)}")
    return [sql_asset(schema, naam, deps, groep) for naam, deps in afhankelijkheden.items()]
