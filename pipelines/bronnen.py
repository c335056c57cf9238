"""Every source of input, one line each. A new source is a folder under pipelines/ exporting
``BRON`` (see pipelines/gedeeld/bron.py) plus one line here; no shared file changes."""

from __future__ import annotations

from pipelines.gedeeld.bron import Bron
from pipelines.herhalingen import BRON as ANKI_HERHALINGEN
from pipelines.taalaanbieders import BRON as TAALAANBIEDERS
from pipelines.werkplekken import BRON as WERKPLEKKEN
from pipelines.werkplekteksten import BRON as WERKPLEKTEKSTEN

BRONNEN: tuple[Bron, ...] = (
    TAALAANBIEDERS,
    WERKPLEKKEN,
    WERKPLEKTEKSTEN,
    ANKI_HERHALINGEN,
)
