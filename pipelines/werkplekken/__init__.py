"""Werkplekken, their language requirements and vakwoorden, and placements: our own CSV template.

Declared here for the registry (pipelines/bronnen.py); the rules in verwerken.py.
"""

from pathlib import Path

from pipelines.gedeeld.bron import Bron
from pipelines.werkplekken.assets import STAGING_WERKPLEKKEN, staging_werkplekken


def bestanden(landingsplaats: Path) -> list[Path]:
    return sorted(landingsplaats.glob("werkplekken/*.csv"))


BRON = Bron(
    naam="werkplek",
    omschrijving="Werkplekken met hun taaleisen en vakwoorden, en de plaatsingen van leerlingen (CSV).",
    asset=STAGING_WERKPLEKKEN,
    bestanden=bestanden,
    assets=[staging_werkplekken],
    telling=("staging.werkplek", "staging.plaatsing", "staging.werkplek_vakwoord"),
    tabellen=("staging.werkplek", "staging.werkplek_niveau_eis", "staging.werkplek_vakwoord", "staging.plaatsing"),
)
