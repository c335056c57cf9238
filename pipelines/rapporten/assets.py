"""Report assets. The HTML and its SVG plots go to <uitvoer>/rapporten/; the plots also to the metadata."""

import datetime as dt

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    MaterializeResult,
    MetadataValue,
    asset,
)

from pipelines import groepen
from pipelines.rapporten.maak import (
    gemeenterapport,
    kleine_aantallen,
    leerlingen_met_lopende_plaatsing,
)
from pipelines.rapporten.maak import leerlingrapporten as maak_leerlingrapporten  # the asset has the name
from pipelines.resources import Uitvoer, Warehouse
from vakwoorden.rapport.grafiek import als_data_uri

GROEP = groepen.UITVOER
# Learners whose plot is embedded in the metadata (about 60 kB each); all are listed with their files.
IN_METADATA = 1


def _mart(naam: str) -> AssetKey:
    return AssetKey(["mart", naam])


@asset(
    key=AssetKey(["rapporten", "leerlingen"]),
    deps=[_mart("werkplek_gereedheid"), _mart("plaatsing_doel"), _mart("plaatsing_vakwoord"), _mart("leerroute_doel"),
          AssetKey(["kern", "nt2_meting"]), AssetKey(["kern", "nt2_uren"]), AssetKey(["kern", "leerling"])],
    group_name=GROEP,
    description=(
        "Per leerling met een lopende plaatsing een rapport voor de jobcoach (HTML, 1-2 A4): niveau per "
        "vaardigheid tegen de eis van de werkplek, vaktaal, aanwezigheid en het deck om nu te oefenen. "
        "Bestandsnaam = pseudoniem."
    ),
)  # fmt: skip
def leerlingrapporten(
    context: AssetExecutionContext, warehouse: Warehouse, uitvoer: Uitvoer
) -> MaterializeResult:
    map_ = uitvoer.pad / "rapporten" / "leerlingen"
    vandaag = dt.date.today()
    regels = ["| leerling | rapport | grafiek |", "|---|---|---|"]
    voorbeelden = []
    with warehouse.verbinding(alleen_lezen=True) as con:
        leerlingen = leerlingen_met_lopende_plaatsing(con)
        rapporten = maak_leerlingrapporten(con, leerlingen, uitvoer.pad / "decks", vandaag, eerder=map_)
    for i, (leerling, rapport) in enumerate(zip(leerlingen, rapporten, strict=True)):
        pad = rapport.schrijf(map_)
        regels.append(f"| {leerling} | {pad.name} | {pad.stem}-niveaus.svg |")
        if i < IN_METADATA:
            voorbeelden.append(
                f"**{leerling}**\n\n![niveau per vaardigheid]({als_data_uri(rapport.grafieken['niveaus'])})"
            )
    context.log.info(f"{len(leerlingen)} leerlingrapporten geschreven naar {map_}")
    return MaterializeResult(
        metadata={
            "rapporten": len(leerlingen),
            "map": str(map_),
            "grafieken": MetadataValue.md(
                "\n\n".join(voorbeelden) or "Geen leerlingen met een lopende plaatsing."
            ),
            "bestanden": MetadataValue.md("\n".join(regels)),
        }
    )


GEMEENTE = AssetKey(["rapporten", "gemeente"])


@asset(
    key=GEMEENTE,
    deps=[_mart("cohort_overzicht"), _mart("taalaanbieder_overzicht")],
    group_name=GROEP,
    check_specs=[
        AssetCheckSpec(
            "afscherming",
            asset=GEMEENTE,
            blocking=True,
            description="Het geschreven gemeenterapport toont geen enkel aantal onder 10.",
        )
    ],
    description=(
        "Het deelbare overzicht voor de gemeente (HTML, A4): cohorten en taalaanbieders, aantallen onder 10 "
        "afgeschermd. Alleen gemaakt als de afscherming van beide marts gecontroleerd is."
    ),
)
def gemeenterapport_asset(
    context: AssetExecutionContext, warehouse: Warehouse, uitvoer: Uitvoer
) -> MaterializeResult:
    with warehouse.verbinding(alleen_lezen=True) as con:
        rapport = gemeenterapport(con)
    pad = rapport.schrijf(uitvoer.pad / "rapporten")
    context.log.info(f"Gemeenterapport geschreven: {pad}")
    # Checked on the file as written, the form in which it is shared.
    fout = kleine_aantallen(pad.read_text(encoding="utf-8"))
    return MaterializeResult(
        metadata={
            "rapport": str(pad),
            "grafiek": MetadataValue.md(f"![groei per 100 uur]({als_data_uri(rapport.grafieken['groei'])})"),
        },
        check_results=[
            AssetCheckResult(
                check_name="afscherming",
                passed=not fout,
                severity=AssetCheckSeverity.ERROR,
                metadata={
                    "cellen_met_klein_aantal": len(fout),
                    "voorbeelden": "\n".join(fout[:10]) or "geen",
                },
            )
        ],
    )


RAPPORT_ASSETS = [leerlingrapporten, gemeenterapport_asset]
