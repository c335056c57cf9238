"""Werkplekken's own texts (werkinstructies, toolboxen, vacatures) -> the vakwoorden they use.

Declared here for the registry (pipelines/bronnen.py); files, fields and refusals in bron.py.
"""

from pipelines.gedeeld.bron import Bron
from pipelines.werkplekteksten import bron
from pipelines.werkplekteksten.assets import (
    STAGING_WERKPLEKTEKSTEN,
    WERKPLEKTEKSTEN_ASSETS,
    WERKPLEKTEKSTEN_CHECKS,
)

BRON = Bron(
    naam=bron.NAAM,
    omschrijving="Teksten per werkplek (.txt, .md, .docx, .pdf): de vakwoorden die ze gebruiken en nieuwe termen.",
    asset=STAGING_WERKPLEKTEKSTEN,
    bestanden=bron.bestanden,
    assets=WERKPLEKTEKSTEN_ASSETS,
    checks=WERKPLEKTEKSTEN_CHECKS,
    schema=bron.commentaar,  # its tables are in warehouse/schema.sql; their comments come from bron.TABELLEN
    tabellen=tuple(t.naam for t in bron.TABELLEN),
)
