"""The real sector lists build into decks that Anki imports and renders without errors."""

from __future__ import annotations

import pytest

from vakwoorden.anki import bouw_sector_deck
from vakwoorden.lijst import SECTOREN, lees_lijst, lijst_pad

pytest.importorskip("anki")

TAAL_PER_SECTOR = {"metaal": "ar", "zorg": "nl", "bouw": "ti"}


@pytest.mark.parametrize("sector", SECTOREN)
def test_echte_sector_deck(sector, tmp_path, anki_collectie):
    if not lijst_pad(sector).is_file():
        pytest.skip(f"{lijst_pad(sector)} bestaat nog niet")
    woorden = lees_lijst(sector)
    uit = tmp_path / f"{sector}.apkg"
    resultaat = bouw_sector_deck(
        sector, uit, taal=TAAL_PER_SECTOR[sector], geluid=False, grootboek=tmp_path / "gb"
    )
    assert resultaat.notities == len({w.woord for w in woorden})
    log = anki_collectie.importeer(uit).log
    assert len(log.new) == resultaat.notities
    col = anki_collectie.col
    assert col.note_count() == resultaat.notities and col.card_count() == resultaat.kaarten
    subdecks = sorted(d.name for d in col.decks.all_names_and_ids() if d.name.count("::") == 2)
    assert subdecks and subdecks[0].startswith(f"Vakwoorden::{sector.capitalize()}::1. ")
    anki_collectie.render_alle()
