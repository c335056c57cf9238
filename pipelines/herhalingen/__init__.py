"""Learners' Anki reviews -> vaktaal mastery per word (issue 14). Declared in ``bron.py``; the
registry entry (pipelines/bronnen.py) is ``BRON`` below."""

from pathlib import Path

from pipelines.gedeeld.bron import Bron
from pipelines.herhalingen.assets import ANKI_ASSETS, ANKI_CHECKS, STAGING_ANKI
from pipelines.herhalingen.bron import ANKI_HERHALINGEN


def bestanden(landingsplaats: Path) -> list[Path]:
    """What lands for this source: backups in anki/exports/ and the accounts file. (The synced
    collections live in VAKWOORDEN_SYNC, outside the landing folder; the daily run reads them.)"""
    return sorted([*landingsplaats.glob("anki/exports/**/*.colpkg"), *landingsplaats.glob("anki/deelnemers.csv")])


BRON = Bron(
    naam=ANKI_HERHALINGEN.naam,
    omschrijving="Herhalingen van leerlingen in Anki (gesynchroniseerde collecties en .colpkg-back-ups), met toestemming.",
    asset=STAGING_ANKI,
    bestanden=bestanden,
    assets=ANKI_ASSETS,
    checks=ANKI_CHECKS,
    tabellen=tuple(t for t in ANKI_HERHALINGEN.tabellen if t.startswith("staging.")),
)
