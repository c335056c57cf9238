"""Asset checks shared by the ingest domains: counts reconcile, refused files are visible."""


from collections.abc import Sequence

from dagster import AssetCheckResult, AssetChecksDefinition, AssetCheckSeverity, asset_check

from pipelines.gedeeld.bron import Bron
from pipelines.resources import Warehouse, lees_sql


def reconciliatie_checks(bron: Bron) -> Sequence[AssetChecksDefinition]:
    """The reconciliation of a source whose files are rows (``bron.telling``), and its refused files."""
    asset = bron.asset

    @asset_check(
        asset=asset,
        name="telling_per_bestand_klopt",
        blocking=True,
        description="Per bestand: rijen gelezen = rijen in staging + rijen in quarantaine. Niets kwijt, niets dubbel.",
    )
    def telling_per_bestand_klopt(warehouse: Warehouse) -> AssetCheckResult:
        with warehouse.verbinding(alleen_lezen=True) as con:
            parameters = {"bron": bron.naam, "tabellen": list(bron.telling)}
            rijen = con.execute(lees_sql("controle/telling_per_bestand.sql"), parameters).fetchall()
        afwijkend = [r for r in rijen if r[1] != r[2] + r[3]]
        return AssetCheckResult(
            passed=not afwijkend,
            metadata={
                "bestanden": len(rijen),
                "afwijkend": "\n".join(
                    f"{b}: gelezen {g}, staging {s}, quarantaine {q}" for b, g, s, q in afwijkend
                ) or "geen",
            },
        )

    @asset_check(
        asset=asset,
        name="geen_geweigerde_bestanden",
        blocking=False,
        description="Bestanden die helemaal niet te lezen waren (codering, leeg, kolom ontbreekt).",
    )
    def geen_geweigerde_bestanden(warehouse: Warehouse) -> AssetCheckResult:
        with warehouse.verbinding(alleen_lezen=True) as con:
            rijen = con.execute(lees_sql("controle/geweigerde_bestanden.sql"), {"bron": bron.naam}).fetchall()
        return AssetCheckResult(
            passed=not rijen,
            severity=AssetCheckSeverity.ERROR,
            metadata={"geweigerd": "\n".join(f"{b}: {r}" for b, r in rijen) or "geen"},
        )

    return [telling_per_bestand_klopt, geen_geweigerde_bestanden] if bron.telling else [geen_geweigerde_bestanden]
