"""Errors whose message is meant for a coordinator or data team, in plain Dutch."""

from __future__ import annotations

from pathlib import Path

from pipelines.gedeeld.waarden import kort


class OnleesbaarBestand(Exception):
    """A file that cannot be read at all; it is refused whole and nothing of it is loaded."""

    def __init__(self, pad: Path, melding: str) -> None:
        melding = kort(melding)  # no control characters, at most 300 characters
        super().__init__(f"{pad}: {melding}")
        self.pad = pad
        self.melding = melding
