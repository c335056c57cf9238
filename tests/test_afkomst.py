"""Lineage follows from the SQL (issue 12.5): derived for kern, checked for the marts."""

from __future__ import annotations

import pytest
from dagster import AssetKey

from pipelines.bronnen import BRONNEN
from pipelines.definitions import defs
from pipelines.gedeeld.afkomst import afhankelijkheden, gelezen_tabellen
from pipelines.resources import WAREHOUSE_SQL


@pytest.mark.parametrize(
    ("sql", "verwacht"),
    [
        ("SELECT * FROM kern.leerling JOIN mart.leertraject USING (leerling)", {"kern.leerling", "mart.leertraject"}),
        ("-- reads kern.werkplek in a comment only\nSELECT 1", set()),
        ("SELECT 'kern.werkplek' AS tekst FROM staging.plaatsing", {"staging.plaatsing"}),
        ("CREATE OR REPLACE TABLE kern.x AS SELECT * FROM Staging.NT2_Rapportage", {"kern.x", "staging.nt2_rapportage"}),
        ("SELECT * FROM controle.quarantaine, kern.erk_niveau", {"kern.erk_niveau"}),
    ],
)
def test_gelezen_tabellen(sql: str, verwacht: set[str]) -> None:
    assert gelezen_tabellen(sql) == verwacht


def test_afhankelijkheden_via_het_register() -> None:
    sql = "CREATE TABLE kern.a AS SELECT * FROM staging.nt2_rapportage JOIN kern.b USING (x) JOIN kern.erk_niveau USING (y)"
    assert afhankelijkheden(sql, "kern.a", BRONNEN, ["kern.a", "kern.b"]) == [
        AssetKey(["kern", "b"]), AssetKey(["staging", "taalaanbieders"])
    ]  # fmt: skip


@pytest.mark.parametrize("schema", ["kern", "mart"])
def test_elke_gelezen_tabel_is_een_afhankelijkheid(schema: str) -> None:
    """Every staging, kern or mart table an asset's SQL reads is upstream of it in Dagster."""
    graaf = defs.resolve_asset_graph()
    sleutels = graaf.get_all_asset_keys()
    tabel_asset = {bron_tabel: bron.asset for bron in BRONNEN for bron_tabel in bron.tabellen}
    tabel_asset.update({".".join(k.path): k for k in sleutels if k.path[0] in ("kern", "mart")})
    for pad in sorted((WAREHOUSE_SQL / schema).glob("*.sql")):
        sleutel = AssetKey([schema, pad.stem])
        if sleutel not in sleutels:
            continue
        boven = graaf.get(sleutel).parent_keys
        nodig = {tabel_asset[t] for t in gelezen_tabellen(pad.read_text(encoding="utf-8")) if t in tabel_asset} - {sleutel}
        assert nodig <= boven, (pad.name, nodig - boven)
