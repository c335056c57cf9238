"""Anki decks from the vakwoorden lists: per sector, per workplace, per learner.

Public functions (see deck.py): ``bouw_sector_deck``, ``bouw_deck``, ``werkplek_titel``,
``leerling_titel``, ``woorden_bij_sleutels``; the result is a ``DeckResultaat``.
Where a card's template is: ``voorkant_*.html``, ``achterkant_*.html`` and ``kaart.css`` in this
folder (README.md).
"""

from .deck import (
    DeckResultaat,
    bouw_deck,
    bouw_sector_deck,
    deck_id,
    leerling_titel,
    note_guid,
    sector_titel,
    werkplek_titel,
    woorden_bij_sleutels,
)

__all__ = [
    "DeckResultaat",
    "bouw_deck",
    "bouw_sector_deck",
    "deck_id",
    "leerling_titel",
    "note_guid",
    "sector_titel",
    "werkplek_titel",
    "woorden_bij_sleutels",
]
