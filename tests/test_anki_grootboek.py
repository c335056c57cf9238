"""The mod-time ledger: unchanged content keeps its time, changed content gets a newer one."""

from __future__ import annotations

import json

from vakwoorden.anki.grootboek import Grootboek, inhoud_hash


def test_zelfde_inhoud_zelfde_tijd(tmp_path):
    boek = Grootboek(tmp_path, nu=1000)
    assert boek.mod_voor("metaal-ar", "g1", "h1") == 1000
    assert boek.is_gewijzigd("metaal-ar", "g1")
    boek.opslaan()

    later = Grootboek(tmp_path, nu=5000)
    assert later.mod_voor("metaal-ar", "g1", "h1") == 1000
    assert not later.is_gewijzigd("metaal-ar", "g1")
    assert later.mod_voor("metaal-ar", "g1", "h2") == 5000
    assert later.aantal_gewijzigd == 1


def test_nieuwe_tijd_is_altijd_nieuwer(tmp_path):
    boek = Grootboek(tmp_path, nu=1000)
    boek.mod_voor("b", "g", "h1")
    boek.opslaan()
    # same second (or a clock that went back): still strictly newer
    assert Grootboek(tmp_path, nu=900).mod_voor("b", "g", "h2") == 1001


def test_opslaan_voegt_samen_met_wat_er_al_staat(tmp_path):
    a = Grootboek(tmp_path, nu=10)
    b = Grootboek(tmp_path, nu=20)
    a.mod_voor("metaal-en", "g1", "x")
    b.mod_voor("metaal-en", "g2", "y")
    a.opslaan()
    b.opslaan()
    data = json.loads((tmp_path / "metaal-en.json").read_text(encoding="utf-8"))
    assert data["notities"] == {"g1": {"inhoud": "x", "mod": 10}, "g2": {"inhoud": "y", "mod": 20}}


def test_kapot_bestand_telt_als_leeg(tmp_path):
    (tmp_path / "zorg-fa.json").write_text("{kapot", encoding="utf-8")
    assert Grootboek(tmp_path, nu=7).mod_voor("zorg-fa", "g", "h") == 7


def test_inhoud_hash_scheidt_delen():
    assert inhoud_hash("ab", "c") != inhoud_hash("a", "bc")
    assert inhoud_hash("a") == inhoud_hash("a")
