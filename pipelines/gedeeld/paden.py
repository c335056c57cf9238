"""Paths from the input stay where they belong: read inside the landing folder, write inside the
output folder. A symbolic link, a '..' in a pattern or a code used as a file name could otherwise
lead anywhere on the machine."""

from __future__ import annotations

import re
from pathlib import Path

# A werkplek code (and any other code from the input that becomes part of a file or deck name):
# letters, digits, '-' and '_', starting with a letter or digit, at most 40 characters.
CODEPATROON = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")


BUITEN_LANDINGSMAP = (
    "dit bestand is een koppeling naar een plek buiten de landingsmap en wordt niet gelezen. "
    "Zet het bestand zelf in de map."
)
NIET_GELEZEN = "buiten-landingsmap"  # stands for the sha256 of a file that is never opened


def binnen(pad: Path, map_: Path) -> bool:
    """Whether ``pad``, with every symbolic link followed, lies inside ``map_``."""
    try:
        return pad.resolve().is_relative_to(map_.resolve())
    except (OSError, RuntimeError):  # a link loop, a file gone in the meantime
        return False


def is_code(tekst: str) -> bool:
    return CODEPATROON.fullmatch(tekst) is not None


def schrijfpad(map_: Path, *delen: str) -> Path:
    """``map_ / delen``, refused when it would land outside ``map_`` (a code like '../../x')."""
    pad = map_.joinpath(*delen)
    if any(d in ("", ".", "..") or "/" in d or "\\" in d for d in delen) or not binnen(pad, map_):
        raise ValueError(f"De naam {pad.name[:60]!r} zou buiten de uitvoermap terechtkomen en wordt niet geschreven.")
    return pad
