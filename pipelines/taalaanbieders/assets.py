"""Taalaanbieder exports -> staging (validated, pseudonymised), with reconciliation checks."""



import polars as pl
from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from pipelines import groepen
from pipelines.gedeeld.bestanden import Verslag, afleveringsvolgorde, relatief, verwerk_bestanden, weiger
from pipelines.gedeeld.bronmetadata import EIGENAREN, KINDS, bron_metadata
from pipelines.gedeeld.laden import Landingsbestand, migreer, veilige_sha256, weigering_intrekken
from pipelines.resources import Landingsplaats, Pseudonimisering, Warehouse, lees_sql
from pipelines.taalaanbieders.laden import laad_verwerkt
from pipelines.taalaanbieders.mapping import Mapping, bestanden_van, vind_mappings
from pipelines.taalaanbieders.verwerken import verwerk_bestand

STAGING_TAALAANBIEDERS = AssetKey(["staging", "taalaanbieders"])
BRON = "taalaanbieder"  # the source's name in controle.*


@asset(
    key=STAGING_TAALAANBIEDERS,
    kinds={*KINDS, "csv", "excel"},
    owners=EIGENAREN,
    group_name=groepen.BRONNEN,
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
        migreer(con)
        mappings, fouten = vind_mappings(landingsplaats.pad)
        for fout in fouten:  # that taalaanbieder's files wait, as they were, until the mapping is fixed
            naam = relatief(fout.pad, landingsplaats.pad)
            weiger(con, verslag, naam, veilige_sha256(fout.pad), fout.melding, bron=BRON, soort="Mapping")
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
        limieten = landingsplaats.limieten
        for mapping in mappings:

            def laad(bestand: Landingsbestand, mapping: Mapping = mapping) -> tuple[int, int]:
                with verwerk_bestand(con, mapping, bestand.pad, sleutel, limieten) as verwerkt:
                    return verwerkt.rijen_gelezen, laad_verwerkt(con, verwerkt, bestand)

            try:
                bestanden, buiten = bestanden_van(mapping, landingsplaats.pad)
            except Exception as fout:  # e.g. a pattern the file system cannot search: this mapping only
                naam = relatief(mapping.pad, landingsplaats.pad)
                weiger(con, verslag, naam, veilige_sha256(mapping.pad), bron=BRON, soort="Mapping", melding=
                       f"de bestanden van deze mapping konden niet gezocht worden ({type(fout).__name__}); "
                       "controleer 'patroon' in [bestand].")  # fmt: skip
                continue
            # Links to outside the landing folder go along: the shared walk refuses them unopened.
            alle = [*bestanden, *(weigering.pad for weigering in buiten)]
            verwerk_bestanden(con, landingsplaats.pad, afleveringsvolgorde(alle), laad, verslag, bron=BRON)
        beschrijving = bron_metadata(con, BRON)
    context.log.info(
        f"Taalaanbieders: {len(verslag.geladen)} bestanden geladen, {len(verslag.ongewijzigd)} ongewijzigd, "
        f"{len(verslag.geweigerd)} geweigerd."
    )
    return MaterializeResult(
        metadata={
            "taalaanbieders": len(mappings), "mappings_geweigerd": len(fouten), **verslag.metadata(), **beschrijving
        }
    )
