"""Marts for jobcoaches and data teams. The SQL is in warehouse/mart/<table>.sql."""

from __future__ import annotations

from pipelines.gedeeld.sql_assets import sql_assets
from pipelines.kern import kern

MART_ASSETS = sql_assets(
    "mart",
    {
        "voortgang_leerling": [kern("nt2_meting"), kern("leerling"), kern("plaatsing"), kern("werkplek"),
                               kern("werkplek_niveau_eis")],
        "voortgang_taalaanbieder": [kern("nt2_meting"), kern("nt2_uren"), kern("taalaanbieder")],
        "werkplek_gereedheid": [kern("nt2_meting"), kern("plaatsing"), kern("werkplek"), kern("werkplek_niveau_eis")],
    },  # fmt: skip
    groep="marts",
)
