"""Werkplekken, their requirements and vakwoorden, and placements -> staging."""


from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from pipelines import groepen
from pipelines.gedeeld.bestanden import Verslag, verwerk_bestanden
from pipelines.gedeeld.bronmetadata import EIGENAREN, KINDS, bron_metadata
from pipelines.gedeeld.laden import Landingsbestand, laad_bestand
from pipelines.resources import Landingsplaats, Pseudonimisering, Warehouse, lees_sql
from pipelines.werkplekken.verwerken import (
    WerkplekVerwerkt,
    controleer_soort,
    soort_bestand,
    verwerk_plaatsingen,
    verwerk_vakwoorden,
    verwerk_werkplekken,
)

STAGING_WERKPLEKKEN = AssetKey(["staging", "werkplekken"])
BRON = "werkplek"  # the source's name in controle.*
VOLGORDE = {"werkplekken": 0, "vakwoorden": 1, "plaatsingen": 2}


@asset(
    key=STAGING_WERKPLEKKEN,
    kinds={*KINDS, "csv"},
    owners=EIGENAREN,
    group_name=groepen.BRONNEN,
    description=(
        "Werkplekken (werkgever, sector, functie, vereist niveau per vaardigheid, VCA), hun vakwoorden en de "
        "plaatsingen van leerlingen, gecontroleerd en gepseudonimiseerd. Foute rijen gaan naar controle.quarantaine."
    ),
)
def staging_werkplekken(
    context: AssetExecutionContext,
    warehouse: Warehouse,
    landingsplaats: Landingsplaats,
    pseudonimisering: Pseudonimisering,
) -> MaterializeResult:
    sleutel = pseudonimisering.sleutel_voor(landingsplaats, warehouse)
    map_ = landingsplaats.pad / "werkplekken"
    bestanden = sorted(
        (p for p in map_.glob("*.csv") if p.is_file()) if map_.is_dir() else [],
        key=lambda p: (VOLGORDE.get(soort_bestand(p) or "", 9), p.name),
    )
    verslag = Verslag()
    limieten = landingsplaats.limieten
    with warehouse.verbinding() as con:

        def laad(bestand: Landingsbestand) -> tuple[int, int]:
            pad, naam = bestand.pad, bestand.naam
            soort = controleer_soort(pad)
            verwerkt: WerkplekVerwerkt
            if soort == "werkplekken":
                verwerkt = verwerk_werkplekken(pad, naam, limieten)
            else:
                # Werkplekken from other files count, but not the old version of this file.
                bekend = dict(con.execute(lees_sql("staging/bekende_werkplekken.sql"), [naam]).fetchall())
                if soort == "plaatsingen":
                    verwerkt = verwerk_plaatsingen(pad, naam, sleutel, set(bekend), limieten)
                else:
                    verwerkt = verwerk_vakwoorden(pad, naam, bekend, limieten)
            in_quarantaine = laad_bestand(
                con,
                bestand=bestand,
                bron=BRON,
                taalaanbieder=None,
                rijen_gelezen=verwerkt.rijen_gelezen,
                tabellen=verwerkt.tabellen,
                quarantaine=verwerkt.quarantaine,
                normalisaties=verwerkt.normalisaties,
            )
            return verwerkt.rijen_gelezen, in_quarantaine

        verwerk_bestanden(con, landingsplaats.pad, bestanden, laad, verslag, bron=BRON)
        beschrijving = bron_metadata(con, BRON)
    context.log.info(
        f"Werkplekken: {len(verslag.geladen)} bestanden geladen, {len(verslag.ongewijzigd)} ongewijzigd, "
        f"{len(verslag.geweigerd)} geweigerd."
    )
    return MaterializeResult(metadata={**verslag.metadata(), **beschrijving})
