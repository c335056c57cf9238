"""Plots drawn once: each SVG carries the hash of what it was made from, so an unchanged plot is
taken from the file written last time, and the plots that must be drawn are drawn by worker
processes when there are many. Worker processes import only this module and the plots'."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib

from vakwoorden.rapport import grafiek

# What a plot depends on besides its data: the plotting code and matplotlib.
_GRAFIEKCODE = hashlib.sha256(
    Path(grafiek.__file__).read_bytes() + matplotlib.__version__.encode()
).hexdigest()


@dataclass(frozen=True)
class Grafiek:
    """A plot to draw: ``maak(*invoer)``, and where it was written before (``eerder``, if anywhere)."""

    maak: Callable[..., str]
    invoer: tuple[Any, ...]
    eerder: Path | None = None

    @property
    def merk(self) -> str:
        """The start of the SVG: it carries the hash of what the plot was made from."""
        sleutel = repr((self.maak.__name__, self.invoer, _GRAFIEKCODE)).encode("utf-8")
        return f'<svg data-invoer="{hashlib.sha256(sleutel).hexdigest()[:32]}"'

    def bewaard(self) -> str | None:
        """The same plot as written before to ``eerder``, if that file carries this plot's mark."""
        if self.eerder is None or not self.eerder.is_file():
            return None
        with self.eerder.open(encoding="utf-8") as bestand:
            if bestand.read(len(self.merk)) != self.merk:
                return None
        return self.eerder.read_text(encoding="utf-8")

    def teken(self) -> str:
        return self.merk + self.maak(*self.invoer).removeprefix("<svg")


MIN_VOOR_PROCESSEN = 16
"""From this many plots to draw on, they are drawn by worker processes, one per core (at most 4)."""


def teken_alle(grafieken: list[Grafiek]) -> list[str]:
    """Every plot, each taken from its earlier file when its data did not change, else drawn.

    Drawing takes a tenth of a second or more per plot (matplotlib), so a run that changed many
    learners' data draws in worker processes; they import only the plotting module. Where no
    process can be started, everything is drawn here.
    """
    uitkomst = [g.bewaard() for g in grafieken]
    te_tekenen = [i for i, svg in enumerate(uitkomst) if svg is None]
    kernen = min(os.cpu_count() or 1, 4)
    if len(te_tekenen) >= MIN_VOOR_PROCESSEN and kernen > 1:
        try:
            with ProcessPoolExecutor(kernen, mp_context=multiprocessing.get_context("spawn")) as processen:
                getekend = list(processen.map(_teken, [grafieken[i] for i in te_tekenen], chunksize=4))
            for i, svg in zip(te_tekenen, getekend, strict=True):
                uitkomst[i] = svg
        except (OSError, BrokenProcessPool):
            pass  # drawn below, in this process
    return [svg if svg is not None else g.teken() for g, svg in zip(grafieken, uitkomst, strict=True)]


def _teken(grafiek_: Grafiek) -> str:
    return grafiek_.teken()
