"""The loop with the real thing: Anki's sync server, a real Anki client, the pipeline.

Answer 20 cards, sync, run: 20 mastery rows for the learner's pseudonym; study more, sync, run:
they update; withdraw consent, run: they disappear.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("anki")

from sync_hulp import BSN, Leerling, draai_anki, syncserver, voeg_deelnemer_toe  # noqa: E402

from pipelines.privacy import pseudoniemen  # noqa: E402
from vakwoorden.anki.deck import bouw_sector_deck  # noqa: E402
from vakwoorden.sync.deelnemers import lees_deelnemers, schrijf_deelnemers, wijzig  # noqa: E402


def _rijen(database: Path) -> list[tuple]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        return con.execute(
            "SELECT leerling, sector, woord, herhalingen, laatste_herhaling, stabiliteit_dagen, kans_herinnerd, beheerst "
            "FROM kern.vakwoord_beheersing ORDER BY woord"
        ).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("deck")
    uit = map_ / "metaal.apkg"
    bouw_sector_deck("metaal", uit, geluid=False, woordenlijst=False, grootboek=map_ / "grootboek")
    return uit


def test_herhalingen_komen_terug_als_beheersing(tmp_path: Path, deck: Path) -> None:
    landing, sync_map, database = tmp_path / "landing", tmp_path / "sync", tmp_path / "w.duckdb"
    voeg_deelnemer_toe(landing, "leerling01")
    with syncserver(landing, sync_map) as server:
        leerling = Leerling(tmp_path / "telefoon", "leerling01", server)
        leerling.importeer(deck)
        assert leerling.sync() == "volledig geüpload"
        notities = leerling.vakwoord_notities()
        assert len(notities) > 30
        leerling.beantwoord(notities[:20])
        assert leerling.sync() == "bijgewerkt"

        # The server still holds the collection open (exclusive lock): the pipeline reads a copy.
        assert draai_anki(landing, database, sync_map).success
        rijen = _rijen(database)
        pseudoniem = next(iter(pseudoniemen(_sleutel(), "bsn", [BSN]).values()))
        assert len(rijen) == 20
        assert {r[0] for r in rijen} == {pseudoniem}
        assert {r[1] for r in rijen} == {"metaal"}
        assert all(r[3] == 1 for r in rijen)
        assert all(r[5] > 0 and 0 < r[6] <= 1 for r in rijen)
        assert not any(r[7] for r in rijen)  # one answer is not mastery
        eerste = {r[2]: r for r in rijen}

        # Study more: the same 20 again and 5 new ones; sync; run again.
        leerling.beantwoord(notities[:25], ease=4)
        assert leerling.sync() == "bijgewerkt"
        assert draai_anki(landing, database, sync_map).success
        rijen = _rijen(database)
        assert len(rijen) == 25
        for r in rijen:
            if r[2] in eerste:
                assert r[3] == 2
                assert r[4] >= eerste[r[2]][4]
                assert r[5] > eerste[r[2]][5]  # 'easy' on a studied card: more stable
            else:
                assert r[3] == 1

        # An unchanged collection is not read again.
        resultaat = draai_anki(landing, database, sync_map)
        assert resultaat.success
        metadata = resultaat.asset_materializations_for_node("staging__anki_beheersing")[0].metadata
        assert metadata["bestanden_ongewijzigd"].value == 1
        assert metadata["bestanden_geladen"].value == 0
        assert len(_rijen(database)) == 25
        leerling.sluit()

    # Withdraw consent: the learner's rows disappear at the next run, and nothing of them stays registered.
    deelnemers = lees_deelnemers(landing)
    deelnemers["leerling01"] = wijzig(deelnemers["leerling01"], toestemming=False, datum=dt.date(2026, 11, 30))
    schrijf_deelnemers(landing, deelnemers)
    assert draai_anki(landing, database, sync_map).success
    assert _rijen(database) == []
    con = duckdb.connect(str(database), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM staging.anki_beheersing").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM controle.ingelezen_bestand WHERE bron = 'anki'").fetchall() == [(0,)]
    finally:
        con.close()


def _sleutel() -> str:
    from sync_hulp import SLEUTEL

    return SLEUTEL
