"""Reading the word lists: parsed once per process for the same bytes, yet every edit is seen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import vakwoorden.lijst as lijst
from vakwoorden.lijst import SECTOREN, lees_lijst
from vakwoorden.taal.termen import Termzoeker

KOP = "woord,lidwoord,meervoud,woordsoort,thema,uitleg,voorbeeldzin,niveau,veiligheid\n"


@pytest.mark.parametrize(
    ("inhoud", "woorden"),
    [
        (KOP + "moer,de,moeren,zelfstandig naamwoord,materialen,Uitleg.,Zin.,A2,nee\n", ["moer"]),
        ("\ufeff" + KOP + "bout,de,bouten,zelfstandig naamwoord,materialen,Uitleg.,Zin.,A2,nee\n", ["bout"]),
        (KOP.replace("\n", "\r\n") + "vijl,de,vijlen,zelfstandig naamwoord,gereedschap,U.,Z.,A2,nee\r\n", ["vijl"]),
        (KOP, []),
    ],
    ids=["gewoon", "bom", "crlf", "alleen_kop"],
)
def test_lijst_lezen(tmp_path: Path, inhoud: str, woorden: list[str]) -> None:
    pad = tmp_path / "woorden.csv"
    pad.write_bytes(inhoud.encode("utf-8"))
    assert [w.woord for w in lees_lijst("metaal", pad=pad)] == woorden


def test_elke_wijziging_wordt_gezien_en_elke_lezer_krijgt_een_eigen_lijst(tmp_path: Path) -> None:
    pad = tmp_path / "woorden.csv"
    pad.write_text(KOP + "moer,de,moeren,zelfstandig naamwoord,materialen,Uitleg.,Zin.,A2,nee\n", encoding="utf-8")
    eerste = lees_lijst("metaal", pad=pad)
    tweede = lees_lijst("metaal", pad=pad)
    assert eerste == tweede and eerste is not tweede
    eerste.clear()  # a caller that changes its list changes nobody else's
    assert [w.woord for w in lees_lijst("metaal", pad=pad)] == ["moer"]
    # The same size, written straight after: no file time could tell these apart, the bytes do.
    pad.write_text(KOP + "boor,de,boren,zelfstandig naamwoord,materialen,Uitleg.,Zin.,A2,nee\n", encoding="utf-8")
    assert [w.woord for w in lees_lijst("metaal", pad=pad)] == ["boor"]
    assert lees_lijst("metaal", pad=pad)[0].regel == 2


def test_termzoeker_volgt_de_lijsten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for sector in SECTOREN:
        (tmp_path / sector).mkdir()
        shutil.copy(lijst.lijst_pad(sector), tmp_path / sector / "woorden.csv")
    monkeypatch.setattr(lijst, "LIJSTEN_MAP", tmp_path)
    zin = "Pak de kwispeldoor van de werkbank."
    zoeker = Termzoeker.voor_sector("metaal")
    assert Termzoeker.voor_sector("metaal") is zoeker  # made once for the same lists
    assert "kwispeldoor" not in set(zoeker.analyseer(zin).woorden)
    with (tmp_path / "metaal" / "woorden.csv").open("a", encoding="utf-8") as f:
        f.write("kwispeldoor,de,kwispeldoren,zelfstandig naamwoord,gereedschap,Uitleg.,Zin.,A2,nee\n")
    nieuw = Termzoeker.voor_sector("metaal")
    assert nieuw is not zoeker
    assert "kwispeldoor" in set(nieuw.analyseer(zin).woorden)
