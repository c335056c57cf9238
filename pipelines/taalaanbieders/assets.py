"""Taalaanbieder exports -> staging (validated, pseudonymised), with reconciliation checks."""


from pathlib import Path

import polars as pl
from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset, get_dagster_logger

from pipelines.gedeeld.bestanden import Verslag, relatief, verwerk_bestanden
from pipelines.gedeeld.laden import Landingsbestand, registreer_weigering, sha256, weigering_intrekken
from pipelines.resources import Landingsplaats, Pseudonimisering, Warehouse, lees_sql
from pipelines.taalaanbieders.laden import laad_verwerkt
from pipelines.taalaanbieders.mapping import Mapping, vind_mappings
from pipelines.taalaanbieders.verwerken import verwerk_bestand

STAGING_TAALAANBIEDERS = AssetKey(["staging", "taalaanbieders"])


def bestanden_van(mapping: Mapping) -> list[Path]:
    return sorted(p for p in mapping.pad.parent.glob(mapping.patroon) if p.is_file() and p.name != "mapping.toml")


@asset(
    key=STAGING_TAALAANBIEDERS,
    group_name="taalaanbieders",
    description=(
        "Voortgangsrapportages van taalaanbieders, per bestand ingelezen volgens de mapping.toml van de "
        "aanbieder, gecontroleerd en gepseudonimiseerd. Foute rijen gaan naar controle.quarantaine."
    ),
)
def staging_taalaanbieders(
    context: AssetExecutionContext,
    warehouse: Warehouse,
    landingsplaats: Landingsplaats,
    pseudonimisering: Pseudonimisering,
) -> MaterializeResult:
    sleutel = pseudonimisering.sleutel_voor(landingsplaats, warehouse)
    verslag = Verslag()
    with warehouse.verbinding() as con:
        mappings, fouten = vind_mappings(landingsplaats.pad)
        for fout in fouten:  # that taalaanbieder's files wait, as they were, until the mapping is fixed
            naam = relatief(fout.pad, landingsplaats.pad)
            get_dagster_logger().error(f"Mapping geweigerd: {naam}: {fout.melding}")
            verslag.geweigerd[naam] = fout.melding
            registreer_weigering(con, naam, sha256(fout.pad), fout.melding)
        for mapping in mappings:
            weigering_intrekken(con, relatief(mapping.pad, landingsplaats.pad))
        aanbieders = pl.DataFrame(
            {
                "taalaanbieder": [m.code for m in mappings],
                "naam": [m.naam for m in mappings],
                "instellingsnummer": [m.instellingsnummer for m in mappings],
                "formaat": [m.formaat for m in mappings],
            },
            schema={"taalaanbieder": pl.String, "naam": pl.String, "instellingsnummer": pl.String, "formaat": pl.String},
        )
        con.register("aanbieders", aanbieders)
        con.execute(lees_sql("staging/taalaanbieders_bijwerken.sql"))
        con.unregister("aanbieders")
        for mapping in mappings:

            def laad(bestand: Landingsbestand, mapping: Mapping = mapping) -> tuple[int, int]:
                with verwerk_bestand(con, mapping, bestand.pad, sleutel) as verwerkt:
                    return verwerkt.rijen_gelezen, laad_verwerkt(con, verwerkt, bestand)

            verwerk_bestanden(con, landingsplaats.pad, bestanden_van(mapping), laad, verslag)
    context.log.info(
        f"Taalaanbieders: {len(verslag.geladen)} bestanden geladen, {len(verslag.ongewijzigd)} ongewijzigd, "
        f"{len(verslag.geweigerd)} geweigerd."
    )
    return MaterializeResult(
        metadata={"taalaanbieders": len(mappings), "mappings_geweigerd": len(fouten), **verslag.metadata()}
    )
