"""The one rule engine (pipelines/gedeeld/oordeel.py) and the werkplek rules on it, table-driven."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipelines.gedeeld.oordeel import ORIGINEEL, Oordeel, Regel, beoordeel_frame
from pipelines.gedeeld.waarden import schoon
from pipelines.werkplekken.verwerken import verwerk_plaatsingen, verwerk_vakwoorden, verwerk_werkplekken


def test_elke_waarde_een_keer_beoordeeld_en_teruggezet() -> None:
    frame = pl.DataFrame({"bronregel": [2, 3, 4, 5], "niveau": ["a2", "A2", "b1+", None], "x": ["1", "1", "2", "2"]})
    velden = {"niveau": Oordeel(tekst=schoon(ORIGINEEL).str.to_uppercase(),
                                regels=(Regel(schoon(ORIGINEEL).str.contains(r"\+"), "dubbelzinnig"),),
                                vastleggen=True)}  # fmt: skip
    kruis = (Regel(pl.col("niveau").is_null(), "leeg niveau"),)
    uit = beoordeel_frame(frame, velden, "f.csv", kruis)
    assert uit.goed.select("bronregel", "niveau").rows() == [(2, "A2"), (3, "A2")]
    assert uit.quarantaine.rows() == [("f.csv", 4, "dubbelzinnig"), ("f.csv", 5, "leeg niveau")]
    assert uit.normalisaties.rows() == [("f.csv", "niveau", "a2", "A2", 1, 2)]
    assert not [c for c in uit.goed.columns if c.startswith("__o_")]


KOP_WERKPLEK = "werkplek,werkgever,sector,functie,vca_vereist,niveau_lezen,niveau_luisteren,niveau_spreken,niveau_gesprekken_voeren,niveau_schrijven\n"


@pytest.mark.parametrize(
    ("rij", "reden"),
    [
        ("WP-1,Bedrijf,metaal,lasser,ja,A2,A2,A2,A2,A1", None),
        ("WP-1,Bedrijf,Metaal,lasser,J,2F,a2,A2,A2,A1", None),
        (",Bedrijf,metaal,lasser,ja,A2,A2,A2,A2,A1", "werkplek ontbreekt"),
        ("../X,Bedrijf,metaal,lasser,ja,A2,A2,A2,A2,A1", "voldoet niet aan het patroon"),
        ("WP-1,,metaal,lasser,ja,A2,A2,A2,A2,A1", "werkgever ontbreekt"),
        ("WP-1,Bedrijf,techniek,lasser,ja,A2,A2,A2,A2,A1", "onbekende sector 'techniek'"),
        ("WP-1,Bedrijf,Jan Jansen,lasser,ja,A2,A2,A2,A2,A1", "onbekende sector (een waarde van 10 tekens, niet getoond)"),
        ("WP-1,Bedrijf,metaal,lasser,misschien,A2,A2,A2,A2,A1", "vca_vereist is (een waarde van 9 tekens"),
        ("WP-1,Bedrijf,metaal,lasser,ja,B1+,A2,A2,A2,A1", "onbekend niveau 'B1+' in kolom 'niveau_lezen'"),
    ],
)  # fmt: skip
def test_werkplekregels(tmp_path: Path, rij: str, reden: str | None) -> None:
    pad = tmp_path / "werkplekken.csv"
    pad.write_text(KOP_WERKPLEK + rij + "\n", encoding="utf-8")
    uit = verwerk_werkplekken(pad, "werkplekken.csv")
    redenen = [r for _, _, r in uit.quarantaine.rows()]
    assert (redenen == []) if reden is None else (len(redenen) == 1 and reden in redenen[0]), redenen
    if reden is None:
        assert uit.tabellen["werkplek"].select("sector", "vca_vereist").rows() == [("metaal", True)]


def test_dubbele_werkplek(tmp_path: Path) -> None:
    pad = tmp_path / "werkplekken.csv"
    pad.write_text(KOP_WERKPLEK + "WP-1,A,bouw,x,nee,A1,A1,A1,A1,A1\nWP-1,B,bouw,y,nee,A1,A1,A1,A1,A1\n", encoding="utf-8")
    assert [r for _, _, r in verwerk_werkplekken(pad, "w").quarantaine.rows()] == [
        "werkplek komt vaker voor in dit bestand; elke werkplek één keer"
    ] * 2


@pytest.mark.parametrize(
    ("rij", "reden"),
    [
        ("111222333,BSN,WP-1,stage,2025-01-06,", None),
        ("12345672,bsn,WP-1,Snuffelstage,06-01-2025,2025-03-01", None),  # 012345672: leading zero restored; dd-mm-jjjj; variant
        ("123456789,BSN,WP-1,stage,2025-01-06,", "ongeldig BSN (11-proef)"),
        (",BSN,WP-1,stage,2025-01-06,", "identificatie ontbreekt"),
        ("111222333,paspoort,WP-1,stage,2025-01-06,", "soort_identificatie moet BSN of V-nummer zijn"),
        ("111222333,BSN,WP-9,stage,2025-01-06,", "onbekende werkplek 'WP-9'"),
        ("111222333,BSN,Amal Haddad,stage,2025-01-06,", "onbekende werkplek (een waarde van 11 tekens, niet getoond)"),
        ("111222333,BSN,WP-1,stage,1899-01-06,", "startdatum ligt voor 1-1-2000"),
        ("111222333,BSN,WP-1,stage,2025-03-01,2025-01-06", "einddatum ligt voor de startdatum"),
        ("111222333,BSN,WP-1,stage,2025-03-01,morgen", "ongeldige einddatum (een waarde van 6 tekens"),
    ],
)  # fmt: skip
def test_plaatsingsregels(tmp_path: Path, rij: str, reden: str | None) -> None:
    pad = tmp_path / "plaatsingen.csv"
    pad.write_text("identificatie,soort_identificatie,werkplek,soort,startdatum,einddatum\n" + rij + "\n", encoding="utf-8")
    uit = verwerk_plaatsingen(pad, "p", "s" * 40, {"WP-1"})
    redenen = [r for _, _, r in uit.quarantaine.rows()]
    if reden is None:
        assert redenen == [] and uit.tabellen["plaatsing"].height == 1
        assert "111222333" not in str(uit.tabellen["plaatsing"].rows())  # pseudonymised
    else:
        assert len(redenen) == 1 and reden in redenen[0], redenen


def test_vakwoordregels(tmp_path: Path) -> None:
    pad = tmp_path / "vakwoorden.csv"
    pad.write_text("werkplek,woord\nWP-1,laskap\nWP-2,laskap\nWP-1,\nWP-1," + "x" * 61 + "\n", encoding="utf-8")
    uit = verwerk_vakwoorden(pad, "v", {"WP-1": "metaal"})
    assert uit.tabellen["werkplek_vakwoord"].select("werkplek", "sector", "woord").rows() == [("WP-1", "metaal", "laskap")]
    assert [(r, reden.split(";")[0]) for _, r, reden in uit.quarantaine.rows()] == [
        (3, "onbekende werkplek 'WP-2'"), (4, "woord ontbreekt"), (5, "woord is langer dan 60 tekens")
    ]  # fmt: skip
