"""Plots drawn once: each SVG carries the hash of what it was made from, so an unchanged plot is
taken from the file written last time, and the plots that must be drawn are drawn by worker
processes when there are many. Worker processes import only this module and the plots'."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cached_property
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

    @cached_property
    def merk(self) -> str:
        """The start of the SVG: it carries the hash of what the plot was made from."""
        sleutel = repr((self.maak.__name__, self.invoer, _GRAFIEKCODE)).encode("utf-8")
        return f'<svg data-invoer="{hashlib.sha256(sleutel).hexdigest()[:32]}"'

    def bewaard(self) -> str | None:
        """The same plot as written before to ``eerder``, if that file carries this plot's mark."""
        try:
            svg = self.eerder.read_text(encoding="utf-8") if self.eerder is not None else None
        except (OSError, UnicodeDecodeError):
            return None
        return svg if svg is not None and svg.startswith(self.merk) else None

    def teken(self) -> str:
        return self.merk + self.maak(*self.invoer).removeprefix("<svg")


MIN_VOOR_PROCESSEN = 16
"""From this many plots on, they are drawn by worker processes, one per core (at most 4)."""


class Tekenaar:
    """Draws plots while the caller goes on reading: ``teken`` returns at once, with a function that
    gives the SVG when it is needed.

    A plot whose data did not change is taken from its earlier file. The others are drawn by worker
    processes once :meth:`verwacht` was told of many plots (drawing takes a tenth of a second or more
    per plot); the workers import only the plotting code. Without workers (few plots, one core, or
    no process could be started) a plot is drawn here when its SVG is asked for.
    """

    def __init__(self) -> None:
        self._processen: ProcessPoolExecutor | None = None

    def __enter__(self) -> Tekenaar:
        return self

    def __exit__(self, *fout: object) -> None:
        if self._processen is not None:
            self._processen.shutdown(wait=True, cancel_futures=True)
            self._processen = None

    def verwacht(self, aantal: int) -> None:
        kernen = min(os.cpu_count() or 1, 4)
        if self._processen is None and aantal >= MIN_VOOR_PROCESSEN and kernen > 1:
            try:
                self._processen = ProcessPoolExecutor(kernen, mp_context=multiprocessing.get_context("spawn"))
            except OSError:
                self._processen = None

    def teken(self, grafiek_: Grafiek) -> Callable[[], str]:
        svg = grafiek_.bewaard()
        if svg is not None:
            return lambda: svg
        if self._processen is not None:
            try:
                toekomst = self._processen.submit(_teken, grafiek_)
            except (RuntimeError, BrokenProcessPool, OSError):
                pass  # drawn here, when asked
            else:
                return lambda: _uitkomst(toekomst, grafiek_)
        return grafiek_.teken


def _uitkomst(toekomst: Future[str], grafiek_: Grafiek) -> str:
    try:
        return toekomst.result()
    except BrokenProcessPool:  # a worker died (out of memory?): draw it here
        return grafiek_.teken()


def _teken(grafiek_: Grafiek) -> str:
    return grafiek_.teken()
