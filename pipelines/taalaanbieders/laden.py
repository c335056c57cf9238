"""Loading one processed taalaanbieder export into staging, in one transaction."""

from __future__ import annotations

import duckdb

from pipelines.gedeeld.laden import Invoeging, Landingsbestand, laad_bestand
from pipelines.resources import lees_sql
from pipelines.taalaanbieders.verwerken import Verwerkt


def laad_verwerkt(con: duckdb.DuckDBPyConnection, verwerkt: Verwerkt, bestand: Landingsbestand) -> None:
    """Replace what this file contributed before by its new rows, quarantine and normalisations."""
    parameters: dict[str, object] = {
        "taalaanbieder": verwerkt.taalaanbieder,
        "bestand": verwerkt.bestand,
        "id_soort": verwerkt.id_soort,
    }
    invoeging = Invoeging(lees_sql("staging/nt2_rapportage_invoegen.sql"), verwerkt.goed, parameters)
    laad_bestand(
        con,
        bestand=bestand,
        bron="taalaanbieder",
        taalaanbieder=verwerkt.taalaanbieder,
        rijen_gelezen=verwerkt.rijen_gelezen,
        quarantaine=verwerkt.quarantaine,
        normalisaties=verwerkt.normalisaties,
        invoegingen=[invoeging],
    )
