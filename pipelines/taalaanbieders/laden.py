"""Loading one processed taalaanbieder export into staging, in one transaction."""

from __future__ import annotations

import duckdb

from pipelines.gedeeld.laden import Invoeging, Landingsbestand, laad_bestand
from pipelines.resources import lees_sql
from pipelines.taalaanbieders.sql_velden import normalisaties_sql
from pipelines.taalaanbieders.verwerken import Verwerkt, sql


def laad_verwerkt(con: duckdb.DuckDBPyConnection, verwerkt: Verwerkt, bestand: Landingsbestand) -> int:
    """Replace what this file contributed before by its new rows, quarantine and normalisations.

    The accepted rows stream from the row judgement into staging; every row that is then not in
    staging goes to quarantine. Returns the number of rows quarantined.
    """

    def rijen_ontbreken(con: duckdb.DuckDBPyConnection) -> bool:
        # Most files have no bad row: then counting the staged rows (milliseconds) shows nothing
        # is missing, and the search for missing rows (a join over every row) is not needed.
        # Staged rows are distinct rows of the file, as the oordeel has one row per value.
        gestaged = con.sql(sql("gestaged.sql"), params={"bestand": bestand.naam}).fetchall()[0][0]
        return bool(gestaged < verwerkt.rijen_gelezen)

    parameters: dict[str, object] = {
        "taalaanbieder": verwerkt.taalaanbieder,
        "bestand": bestand.naam,
        "id_soort": verwerkt.id_soort,
    }
    return laad_bestand(
        con,
        bestand=bestand,
        bron="taalaanbieder",
        taalaanbieder=verwerkt.taalaanbieder,
        rijen_gelezen=verwerkt.rijen_gelezen,
        invoegingen=[
            Invoeging(lees_sql("staging/nt2_rapportage_invoegen.sql"), verwerkt.goed, parameters),
            Invoeging(sql("quarantaine.sql"), parameters={"bestand": bestand.naam}, alleen_als=rijen_ontbreken),
            Invoeging(normalisaties_sql(), parameters={"bestand": bestand.naam}),
        ],
    )
