"""The vakwoorden lists as warehouse tables that data teams can join on, with their checks."""


import polars as pl
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetKey,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)

from pipelines import groepen
from pipelines.gedeeld.woordenboek import EIGENAAR, kolomschema
from pipelines.resources import Warehouse, lees_sql
from vakwoorden.controle import FOUT, controleer_alles
from vakwoorden.lijst import SECTOREN, lees_lijst, lees_themas

VAKWOORD = AssetKey(["kern", "vakwoord"])
WERKPLEK_VAKWOORD = AssetKey(["kern", "werkplek_vakwoord"])


def vakwoorden_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    woorden: list[dict[str, object]] = []
    vertalingen: list[dict[str, object]] = []
    for sector in SECTOREN:
        volgorde = {t.naam: t.volgorde for t in lees_themas(sector)}
        for w in lees_lijst(sector):
            woorden.append(
                {
                    "sector": sector, "woord": w.woord, "lidwoord": w.lidwoord or None,
                    "meervoud": w.meervoud or None, "woordsoort": w.woordsoort, "thema": w.thema,
                    "thema_volgorde": volgorde.get(w.thema), "uitleg": w.uitleg, "voorbeeldzin": w.voorbeeldzin,
                    "niveau": w.niveau, "veiligheid": w.veiligheid, "afbeelding": w.afbeelding or None,
                    "regel": w.regel,
                }
            )  # fmt: skip
            for v in w.vertalingen.values():
                vertalingen.append(
                    {"sector": sector, "woord": w.woord, "taal": v.taal, "vertaling": v.tekst, "gecontroleerd": v.gecontroleerd}
                )
    return pl.DataFrame(woorden, infer_schema_length=None), pl.DataFrame(vertalingen, infer_schema_length=None)


@asset(
    key=VAKWOORD,
    group_name=groepen.KERN,
    kinds={"duckdb", "polars"},
    owners=[EIGENAAR],
    description=(
        "De vakwoordenlijsten van metaal, zorg en bouw als tabellen kern.vakwoord en kern.vakwoord_vertaling "
        "(sleutel: sector + woord)."
    ),
)
def vakwoord(context: AssetExecutionContext, warehouse: Warehouse) -> MaterializeResult:
    woorden, vertalingen = vakwoorden_frames()
    with warehouse.verbinding() as con:
        con.begin()
        con.register("woorden", woorden)
        con.register("vertalingen", vertalingen)
        con.execute(lees_sql("vragen/vakwoord_laden.sql"))
        con.commit()
        kolommen = kolomschema(con, "kern.vakwoord")
    per_sector = woorden.group_by("sector").len().sort("sector")
    return MaterializeResult(
        metadata={
            "dagster/row_count": MetadataValue.int(woorden.height),
            "dagster/column_schema": MetadataValue.table_schema(kolommen),
            "woorden": woorden.height,
            "vertalingen": vertalingen.height,
            **{f"woorden_{s}": n for s, n in per_sector.iter_rows()},
        }
    )


@asset_check(
    asset=VAKWOORD,
    name="woordenlijsten_kloppen",
    blocking=True,
    description="Dezelfde controle als 'vakwoorden controleer': spelling (hunspell-nl), lidwoord, meervoud, thema's.",
)
def woordenlijsten_kloppen() -> AssetCheckResult:
    problemen = controleer_alles()
    fouten = [p for p in problemen if p.ernst == FOUT]
    return AssetCheckResult(
        passed=not fouten,
        metadata={
            "fouten": len(fouten),
            "waarschuwingen": len(problemen) - len(fouten),
            "eerste_fouten": "\n".join(str(p) for p in fouten[:20]) or "geen",
        },
    )


@asset_check(
    asset=WERKPLEK_VAKWOORD,
    name="werkplekwoorden_in_lijst",
    additional_deps=[VAKWOORD],
    blocking=False,
    description="Elk vakwoord dat een werkplek vraagt, staat in de woordenlijst van de sector.",
)
def werkplekwoorden_in_lijst(warehouse: Warehouse) -> AssetCheckResult:
    with warehouse.verbinding(alleen_lezen=True) as con:
        gebouwd = con.execute(lees_sql("vragen/tabel_bestaat.sql"), ["kern", "vakwoord"]).fetchall()
        if not gebouwd:
            return AssetCheckResult(passed=True, metadata={"opmerking": "kern.vakwoord is nog niet gebouwd"})
        ontbrekend = con.execute(lees_sql("vragen/werkplekwoorden_ontbrekend.sql")).fetchall()
    return AssetCheckResult(
        passed=not ontbrekend,
        severity=AssetCheckSeverity.WARN,
        metadata={
            "ontbrekend": len(ontbrekend),
            "voorbeelden": "\n".join(f"{w} ({s}): {wp}" for wp, s, w in ontbrekend[:20]) or "geen",
        },
    )


VAKWOORDEN_ASSETS = [vakwoord]
VAKWOORDEN_CHECKS = [woordenlijsten_kloppen, werkplekwoorden_in_lijst]
