"""Kern: clean, de-duplicated tables promoted from staging once the blocking checks passed.

The SQL is in warehouse/kern/<table>.sql; here only the lineage.
"""

from __future__ import annotations

from dagster import AssetKey

from pipelines.gedeeld.sql_assets import sql_assets
from pipelines.herhalingen.assets import STAGING_ANKI
from pipelines.taalaanbieders.assets import STAGING_TAALAANBIEDERS
from pipelines.werkplekken.assets import STAGING_WERKPLEKKEN
from pipelines.werkplekteksten.assets import STAGING_WERKPLEKTEKSTEN


def kern(naam: str) -> AssetKey:
    return AssetKey(["kern", naam])


KERN_ASSETS = sql_assets(
    "kern",
    {
        "taalaanbieder": [STAGING_TAALAANBIEDERS],
        "nt2_meting": [STAGING_TAALAANBIEDERS],
        "nt2_uren": [STAGING_TAALAANBIEDERS],
        "leerling": [STAGING_TAALAANBIEDERS],
        "werkplek": [STAGING_WERKPLEKKEN],
        "werkplek_niveau_eis": [STAGING_WERKPLEKKEN],
        "werkplek_vakwoord": [STAGING_WERKPLEKKEN, STAGING_WERKPLEKTEKSTEN],
        "werkplek_tekst_vakwoord": [STAGING_WERKPLEKTEKSTEN],
        "werkplek_termsuggestie": [STAGING_WERKPLEKTEKSTEN],
        "plaatsing": [STAGING_WERKPLEKKEN],
        "vakwoord_beheersing": [STAGING_ANKI],
    },
    groep="kern",
)
