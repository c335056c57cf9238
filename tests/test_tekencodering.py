"""The one-pass byte scan behind the encoding checks, against plain Python on the whole file."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import duckdb
import pytest

from pipelines.gedeeld.tekencodering import Kenmerken, kenmerken

FIXTURES = Path(__file__).parent / "fixtures"
# Line ends, spaces, a UTF-8 pair (C3 AB = 'ë'), Windows-1252's '€' (80) and an undefined byte (81).
BYTES = [ord("a"), ord(";"), ord(" "), 0x0A, 0x0D, 0xC3, 0xAB, 0xE9, 0x80, 0x81, 0x9D, 0x00, ord('"')]


def _bom(data: bytes) -> str | None:
    for bom, naam in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return naam
    return None


def records(data: bytes, scheidingsteken: int = ord(";")) -> tuple[int, bool]:
    """Plain Python: records (header included) and whether the data ends inside quotes, by the rules
    of regeltelling.py, one byte at a time."""
    binnen, vorige, regeleinden, i = False, 0x0A, 0, 0
    while i < len(data):
        if data[i] == 0x22:
            j = i
            while j < len(data) and data[j] == 0x22:
                j += 1
            if (j - i) % 2:
                binnen = not binnen if vorige in (scheidingsteken, 0x0A, 0x0D) else False
            vorige, i = 0x22, j
            continue
        regeleinden += data[i] == 0x0A and not binnen
        vorige, i = data[i], i + 1
    return regeleinden + (0 if not data or data[-1] == 0x0A else 1), binnen


def _verwacht(data: bytes, scheidingsteken: str | None = None) -> Kenmerken:
    ongeldig = [i for i, b in enumerate(data) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)]
    geteld = records(data, ord(scheidingsteken)) if scheidingsteken else (None, False)
    return Kenmerken(
        leeg=not data.strip(),
        ascii=data.isascii(),
        lege_regels=b"\n\n" in data or b"\n\r\n" in data,
        c1=any(0x80 <= b <= 0x9F for b in data),
        cp1252_ongeldig=ongeldig[0] if ongeldig else None,
        utf8_achtig=any(a in (0xC2, 0xC3) and 0x80 <= b <= 0xBF for a, b in zip(data, data[1:], strict=False)),
        bom=_bom(data),
        cr_los=any(b == 0x0D and (i + 1 == len(data) or data[i + 1] != 0x0A) for i, b in enumerate(data)),
        nul=data.count(0),
        records=geteld[0],
        open_aanhalingsteken=geteld[1],
    )


@pytest.mark.parametrize("blok", [1, 2, 3, 7, 64])
def test_blokgrenzen_veranderen_niets(tmp_path: Path, blok: int) -> None:
    # Blank lines, UTF-8 pairs and bad bytes that straddle two blocks are found as in one piece.
    toeval = random.Random(blok)
    pad = tmp_path / "bytes.csv"
    for _ in range(300):
        data = bytes(toeval.choice(BYTES) for _ in range(toeval.randint(0, 30)))
        pad.write_bytes(data)
        gevonden = kenmerken(pad, blok=blok, scheidingsteken=";")
        verwacht = _verwacht(data, ";")
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
    assert kenmerken(pad, scheidingsteken=";") == kenmerken(pad, blok=5, scheidingsteken=";") == _verwacht(
        pad.read_bytes(), ";"
    )


@pytest.mark.parametrize("zaad", range(4))
def test_telling_gelijk_aan_duckdb_op_geldige_csv(tmp_path: Path, zaad: int) -> None:
    # Quoted cells with separators, quotes and line breaks, and stray quotes in unquoted cells
    # (5" schroef): the byte count agrees with DuckDB's reader on every file it reads.
    toeval = random.Random(zaad)

    def veld() -> str:
        kans = toeval.random()
        if kans < 0.3:
            binnen = "".join(toeval.choice(["a", '""', "\n", ";", " "]) for _ in range(toeval.randint(0, 6)))
            return f'"{binnen}"'
        if kans < 0.4:
            return toeval.choice(['5" schroef', 'ab"c', '12"'])
        return "".join(toeval.choice("abc 12") for _ in range(toeval.randint(0, 5)))

    con = duckdb.connect()
    pad = tmp_path / "x.csv"
    for _ in range(50):
        rijen = ["a;b"] + [f"{veld()};{veld()}" for _ in range(toeval.randint(1, 6))]
        data = ("\n".join(rijen) + toeval.choice(["\n", ""])).encode()
        pad.write_bytes(data)
        gelezen = con.sql(
            "SELECT count(*) FROM read_csv($pad, header = true, sep = ';', quote = '\"', escape = '\"', "
            "columns = {'a': 'VARCHAR', 'b': 'VARCHAR'}, auto_detect = false)",
            params={"pad": str(pad)},
        ).fetchall()[0][0]
        assert kenmerken(pad, scheidingsteken=";").records == gelezen + 1, data
