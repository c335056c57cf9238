"""Counting a CSV file's records on its raw bytes, independently of the CSV reader.

DuckDB's reader can drop a record without an error (measured: a last line of 100 MB without a
line end comes back as no row at all). The reconciliation of rows read against rows staged and
quarantined is only worth something when "rows read" does not come from that same reader, so
this module counts the records itself, on the bytes, in blocks, with NumPy:

* a record ends at a line feed (LF; CR LF counts once) that is not inside a quoted field;
* a quote opens a quoted field only at the start of a field (first byte of the file, or after
  the separator, LF or CR); anywhere else it is an ordinary character, as in ``5" schroef``;
* inside a quoted field two quotes are one quote, and an odd run of quotes closes the field.

Quotes come in runs (two quotes at a field start are an empty field; three open a field that
starts with a quote),
and the rules above make each run act on the state "inside a quoted field or not" as one of three
functions: toggle (an odd run at a field start), reset to outside (an odd run elsewhere) or
nothing (an even run). A prefix over those functions gives the state between every two runs in
one vectorised pass, so a file of millions of quoted fields is counted in a fraction of a second.

Bare CRs (old Mac line ends) are not line ends here: such files are rewritten to LF before
they are read (see tekencodering.py) and counted on the rewritten bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

LF, CR, AANHALINGSTEKEN = 0x0A, 0x0D, 0x22
_LEEG = np.zeros(0, dtype=np.uint8)
_MAX_VASTHOUDEN = 1 << 20  # a run of quotes longer than this at a block end is taken as it is
_VERZAMEL = 1 << 20  # bytes gathered before they are counted


@dataclass
class Regelteller:
    """Feed the file's bytes in order with :meth:`voed`, then :meth:`sluit`; read :attr:`records`."""

    scheidingsteken: int
    binnen_aanhalingstekens: bool = False
    regeleinden: int = 0  # LFs outside quoted fields
    laatste_byte: int | None = None
    _vorige: int = LF  # the byte before the data to come; the file's start counts as a line start
    _vast: np.ndarray = field(default_factory=lambda: _LEEG)
    _wachtend: list[np.ndarray] = field(default_factory=list)
    _wachtend_bytes: int = 0

    def voed(self, nieuw: np.ndarray) -> None:
        """Take in the next bytes (a uint8 array; it is copied, so the caller may reuse it).

        Blocks are gathered to about 1 MiB before they are counted: NumPy's cost per call, not
        per byte, dominates on small blocks."""
        if not nieuw.size:
            return
        self.laatste_byte = int(nieuw[-1])
        self._wachtend.append(nieuw.copy())
        self._wachtend_bytes += nieuw.size
        if self._wachtend_bytes >= _VERZAMEL:
            self._tel_wachtend()

    def _tel_wachtend(self) -> None:
        if not self._wachtend:
            return
        stukken, self._wachtend, self._wachtend_bytes = self._wachtend, [], 0
        data = np.concatenate([self._vast, *stukken]) if self._vast.size or len(stukken) > 1 else stukken[0]
        # A run of quotes at the end may go on in the next block: hold it back until then.
        if data[-1] == AANHALINGSTEKEN:
            niet = np.flatnonzero(data != AANHALINGSTEKEN)
            begin = int(niet[-1]) + 1 if niet.size else 0
            if data.size - begin <= _MAX_VASTHOUDEN:
                self._vast = data[begin:].copy()
                data = data[:begin]
            else:
                self._vast = _LEEG
        else:
            self._vast = _LEEG
        self._verwerk(data)

    def sluit(self) -> None:
        """The file has ended: take in what was held back."""
        self._tel_wachtend()
        vast, self._vast = self._vast, _LEEG
        self._verwerk(vast)

    @property
    def records(self) -> int:
        """Records in the file, the header included: every record end, plus a last record
        without a line end."""
        if self.laatste_byte is None:
            return 0
        return self.regeleinden + (0 if self.laatste_byte == LF else 1)

    def _verwerk(self, data: np.ndarray) -> None:
        if not data.size:
            return
        posities = np.flatnonzero(data == AANHALINGSTEKEN)
        if not posities.size:
            if not self.binnen_aanhalingstekens:
                self.regeleinden += int(np.count_nonzero(data == LF))
            self._vorige = int(data[-1])
            return
        # Runs of consecutive quotes: where each starts and how long it is.
        nieuw_run = np.empty(posities.size, dtype=bool)
        nieuw_run[0] = True
        np.not_equal(posities[1:], posities[:-1] + 1, out=nieuw_run[1:])
        begin_index = np.flatnonzero(nieuw_run)
        begin = posities[begin_index]
        lengte = np.diff(np.append(begin_index, posities.size))
        voor = np.where(begin > 0, data[np.maximum(begin - 1, 0)], self._vorige)
        veldbegin = (voor == self.scheidingsteken) | (voor == LF) | (voor == CR)
        oneven = (lengte & 1) == 1
        wissel = (veldbegin & oneven).astype(np.int64)
        terug = ~veldbegin & oneven  # an odd run inside a field: whatever the state, outside after it
        wissels = np.cumsum(wissel)
        laatste_terug = np.maximum.accumulate(np.where(terug, np.arange(terug.size), -1))
        sinds_terug = wissels - np.where(laatste_terug >= 0, wissels[np.maximum(laatste_terug, 0)], 0)
        start = np.where(laatste_terug >= 0, 0, int(self.binnen_aanhalingstekens))
        binnen_na = ((start + sinds_terug) & 1).astype(bool)  # state after each run
        # Line feeds count unless they lie between two runs where the state is "inside": count
        # them all, then take off those inside quoted fields (usually none, or a few).
        regeleinden = int(np.count_nonzero(data == LF))
        stuk_begin = np.concatenate([[0], begin + lengte])
        stuk_eind = np.concatenate([begin, [data.size]])
        binnen = np.concatenate([[self.binnen_aanhalingstekens], binnen_na])
        if binnen.any():
            lf = np.flatnonzero(data == LF)
            regeleinden -= int((np.searchsorted(lf, stuk_eind[binnen]) - np.searchsorted(lf, stuk_begin[binnen])).sum())
        self.regeleinden += regeleinden
        self.binnen_aanhalingstekens = bool(binnen_na[-1])
        self._vorige = int(data[-1])


def tel_records(data: bytes, scheidingsteken: str, blok: int = 1 << 20) -> Regelteller:
    """Count the records of ``data`` (for text that was decoded and rewritten in memory)."""
    teller = Regelteller(ord(scheidingsteken))
    array = np.frombuffer(data, dtype=np.uint8)
    for begin in range(0, array.size, blok):
        teller.voed(array[begin : begin + blok])
    teller.sluit()
    return teller
