"""Taalaanbieders' voortgangsrapportages: one folder per taalaanbieder with its mapping.toml.

Declared here for the registry (pipelines/bronnen.py); the fields in velden.py, the rules in
beoordelen.py, the mapping in mapping.py, the tables' SQL in sql/.
"""

from pathlib import Path

from pipelines.gedeeld.bron import Bron
from pipelines.taalaanbieders.assets import STAGING_TAALAANBIEDERS, staging_taalaanbieders
from pipelines.taalaanbieders.mapping import MAPPING_BESTAND, bestanden_van, vind_mappings
from pipelines.taalaanbieders.sql_velden import staging_sql


def bestanden(landingsplaats: Path) -> list[Path]:
    """Every mapping.toml and what the mappings' patterns find (a link to outside too: its refusal is news)."""
    gevonden = set(landingsplaats.glob(f"taalaanbieders/*/{MAPPING_BESTAND}"))
    mappings, _ = vind_mappings(landingsplaats)  # a broken mapping: only its mapping.toml, until it is fixed
    for mapping in mappings:
        goed, buiten = bestanden_van(mapping, landingsplaats)
        gevonden.update([*goed, *(f.pad for f in buiten)])
    return sorted(gevonden)


BRON = Bron(
    naam="taalaanbieder",
    omschrijving="Voortgangsrapportages van taalaanbieders (CSV of xlsx), gelezen volgens hun mapping.toml.",
    asset=STAGING_TAALAANBIEDERS,
    bestanden=bestanden,
    assets=[staging_taalaanbieders],
    telling=("staging.nt2_rapportage",),
    schema=staging_sql,
    tabellen=("staging.nt2_rapportage", "staging.taalaanbieder"),
)
