"""The one-pass byte scan behind the encoding checks, against plain Python on the whole file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipelines.gedeeld.tekencodering import Kenmerken, kenmerken

FIXTURES = Path(__file__).parent / "fixtures"
# Line ends, spaces, a UTF-8 pair (C3 AB = 'ë'), Windows-1252's '€' (80) and an undefined byte (81).
BYTES = [ord("a"), ord(";"), ord(" "), 0x0A, 0x0D, 0xC3, 0xAB, 0xE9, 0x80, 0x81, 0x9D]


def _verwacht(data: bytes) -> Kenmerken:
    ongeldig = [i for i, b in enumerate(data) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)]
    return Kenmerken(
        leeg=not data.strip(),
        ascii=data.isascii(),
        lege_regels=b"\n\n" in data or b"\n\r\n" in data,
        c1=any(0x80 <= b <= 0x9F for b in data),
        cp1252_ongeldig=ongeldig[0] if ongeldig else None,
        utf8_achtig=any(a in (0xC2, 0xC3) and 0x80 <= b <= 0xBF for a, b in zip(data, data[1:], strict=False)),
    )


@pytest.mark.parametrize("blok", [1, 2, 3, 7, 64])
def test_blokgrenzen_veranderen_niets(tmp_path: Path, blok: int) -> None:
    # Blank lines, UTF-8 pairs and bad bytes that straddle two blocks are found as in one piece.
    toeval = random.Random(blok)
    pad = tmp_path / "bytes.csv"
    for _ in range(300):
        data = bytes(toeval.choice(BYTES) for _ in range(toeval.randint(0, 30)))
        pad.write_bytes(data)
        gevonden = kenmerken(pad, blok=blok)
        verwacht = _verwacht(data)
        # The scan stops looking for C1 bytes once it met an undefined one: compare what is used.
        if verwacht.cp1252_ongeldig is None:
            assert gevonden == verwacht, data
        else:
            assert (gevonden.cp1252_ongeldig, gevonden.leeg, gevonden.ascii) == (
                verwacht.cp1252_ongeldig, verwacht.leeg, verwacht.ascii
            ), data


@pytest.mark.parametrize("pad", sorted(FIXTURES.rglob("*.csv")), ids=lambda p: p.name)
def test_fixtures_in_een_keer_en_in_blokken(pad: Path) -> None:
    assert kenmerken(pad) == kenmerken(pad, blok=5) == _verwacht(pad.read_bytes())
