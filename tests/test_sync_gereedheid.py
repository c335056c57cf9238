"""A learner's .colpkg backup -> kern.vakwoord_beheersing -> mart.vaktaal_gereedheid, joined on the
same pseudonym as the placements: which of this werkplek's safety words does this learner know?"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey

pytest.importorskip("anki")

from sync_hulp import BSN, draai_anki, voeg_deelnemer_toe  # noqa: E402

from pipelines.gedeeld.sql_assets import sql_asset  # noqa: E402
from pipelines.marts import mart_asset  # noqa: E402
from pipelines.vakwoorden.assets import vakwoord  # noqa: E402
from pipelines.werkplekken.assets import STAGING_WERKPLEKKEN, staging_werkplekken  # noqa: E402
from vakwoorden.anki.deck import bouw_deck, note_guid, werkplek_titel  # noqa: E402
from vakwoorden.lijst import lees_lijst  # noqa: E402

DAG_MS = 86_400_000


def kern(naam: str) -> AssetKey:
    return AssetKey(["kern", naam])


def _mart_assets() -> list:
    kern_assets = [sql_asset("kern", t, [STAGING_WERKPLEKKEN], "kern") for t in ("plaatsing", "werkplek_vakwoord")]
    mart = mart_asset(
        "vaktaal_gereedheid", [kern("plaatsing"), kern("werkplek_vakwoord"), kern("vakwoord"), kern("vakwoord_beheersing")]
    )
    return [staging_werkplekken, *kern_assets, vakwoord, mart]


def _geschiedenis(col, nid: int, dagen_geleden: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Past answers ('good') on a note's first card, written into the collection's revlog as Anki does."""
    kaart = col.get_note(nid).cards()[0]
    nu = int(time.time() * 1000)
    for i, dagen in enumerate(dagen_geleden):
        soort = 0 if i == 0 else 1
        col.db.execute(
            "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?,?,?,?,?,?,?,?,?)",
            nu - dagen * DAG_MS + i, kaart.id, -1, 3, 1, 0, 2500, 6000, soort,
        )


def test_veiligheidswoorden_per_plaatsing(tmp_path: Path) -> None:
    from anki.collection import Collection
    from ankisync import importeer_deck

    woorden = lees_lijst("metaal")
    veilig = [w for w in woorden if w.veiligheid][:2]
    gewoon = [w for w in woorden if not w.veiligheid][:2]
    landing, database = tmp_path / "landing", tmp_path / "w.duckdb"
    (landing / "werkplekken").mkdir(parents=True)
    (landing / "werkplekken" / "werkplekken.csv").write_text(
        "werkplek,werkgever,sector,functie,vca_vereist,niveau_lezen,niveau_luisteren,niveau_spreken,"
        "niveau_gesprekken_voeren,niveau_schrijven\nWP-T1,Lasbedrijf Test,metaal,lasser,ja,A2,A2,A2,A2,A1\n",
        encoding="utf-8",
    )
    (landing / "werkplekken" / "vakwoorden.csv").write_text(
        "werkplek,woord\n" + "".join(f"WP-T1,{w.woord}\n" for w in [*veilig, *gewoon]), encoding="utf-8"
    )
    (landing / "werkplekken" / "plaatsingen.csv").write_text(
        "identificatie,soort_identificatie,werkplek,soort,startdatum,einddatum\n"
        f"{BSN},BSN,WP-T1,stage,{dt.date.today() - dt.timedelta(days=10)},\n",
        encoding="utf-8",
    )
    voeg_deelnemer_toe(landing, "leerling02")

    # The learner's own Anki: the werkplek's deck (built by the project) plus a deck of their own.
    deck, titel = tmp_path / "werkplek.apkg", werkplek_titel("WP-T1")
    bouw_deck([*veilig, *gewoon], titel, deck, geluid=False, woordenlijst=False, grootboek=tmp_path / "grootboek")
    (tmp_path / "telefoon").mkdir()
    col = Collection(str(tmp_path / "telefoon" / "collection.anki2"))
    importeer_deck(col, deck)
    per_guid = {col.get_note(n).guid: n for n in col.find_notes("deck:Vakwoorden*")}
    eigen = col.new_note(col.models.by_name("Basic"))
    eigen["Front"], eigen["Back"] = "mijn geheim", "privé"
    col.add_note(eigen, col.decks.id("Eigen"))
    kaart = eigen.cards()[0]
    kaart.start_timer()
    col.sched.answerCard(kaart, 3)  # reviewed, but not a vakwoord: never read
    # Known for weeks: the first safety word and the first ordinary word. Studied once today: the second safety word.
    for w in (veilig[0], gewoon[0]):
        _geschiedenis(col, per_guid[note_guid(w, titel)], [90, 87, 80, 60, 30])
    kaart = col.get_note(per_guid[note_guid(veilig[1], titel)]).cards()[0]
    kaart.start_timer()
    col.sched.answerCard(kaart, 3)
    exports = landing / "anki" / "exports" / "leerling02"
    exports.mkdir(parents=True)
    col.export_collection_package(str(exports / "back-up.colpkg"), include_media=False, legacy=False)
    col.close()

    resultaat = draai_anki(landing, database, tmp_path / "sync", extra=_mart_assets())
    assert resultaat.success
    con = duckdb.connect(str(database), read_only=True)
    try:
        beheersing = con.execute(
            "SELECT woord, herhalingen, beheerst FROM kern.vakwoord_beheersing ORDER BY woord"
        ).fetchall()
        assert {b[0]: b[2] for b in beheersing} == {veilig[0].woord: True, gewoon[0].woord: True, veilig[1].woord: False}
        assert "mijn geheim" not in str(con.execute("SELECT * FROM staging.anki_beheersing").fetchall())
        rij = con.execute(
            "SELECT g.leerling = p.leerling, woorden_nodig, woorden_bestudeerd, woorden_beheerst, veiligheidswoorden_nodig, "
            "veiligheidswoorden_bestudeerd, veiligheidswoorden_beheerst, veiligheidswoorden_gekend, "
            "veiligheidswoorden_nog_niet, lopend "
            "FROM mart.vaktaal_gereedheid AS g JOIN kern.plaatsing AS p USING (leerling, werkplek)"
        ).fetchall()
    finally:
        con.close()
    assert rij == [(True, 4, 3, 2, 2, 2, 1, [veilig[0].woord], [veilig[1].woord], True)]
