"""Pushing words (14.5): `vakwoorden deelnemer stuur` puts a deck into the learner's collection on the
real sync server; the phone gets it at its next sync and keeps its reviews. Wrong password, unknown
user: refused in Dutch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("anki")

from sync_hulp import WACHTWOORD, Leerling, syncserver, voeg_deelnemer_toe  # noqa: E402

from vakwoorden.anki.deck import bouw_deck, bouw_sector_deck, werkplek_titel  # noqa: E402
from vakwoorden.lijst import lees_lijst  # noqa: E402


def _stuur(landing: Path, naam: str, deck: Path, server: str, wachtwoord: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opdrachten.cli", "deelnemer", "stuur", naam, "--deck", str(deck), "--server", server,
         "--wachtwoord-invoer"],
        input=wachtwoord + "\n", capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "VAKWOORDEN_DATA": str(landing)},
    )  # fmt: skip


def test_woorden_sturen_houdt_herhalingen(tmp_path: Path) -> None:
    landing, sync_map = tmp_path / "landing", tmp_path / "sync"
    voeg_deelnemer_toe(landing, "leerling03")
    sector = tmp_path / "bouw.apkg"
    bouw_sector_deck("bouw", sector, geluid=False, woordenlijst=False, grootboek=tmp_path / "grootboek")
    werkplek = tmp_path / "werkplek.apkg"
    bouw_deck(lees_lijst("metaal")[:12], werkplek_titel("WP-ME01"), werkplek, geluid=False, woordenlijst=False,
              grootboek=tmp_path / "grootboek")  # fmt: skip
    with syncserver(landing, sync_map) as server:
        telefoon = Leerling(tmp_path / "telefoon", "leerling03", server)
        telefoon.importeer(sector)
        assert telefoon.sync() == "volledig geüpload"
        eigen = telefoon.vakwoord_notities()
        telefoon.beantwoord(eigen[:5])
        assert telefoon.sync() == "bijgewerkt"
        herhalingen = telefoon.col.db.all("SELECT id, cid, ease FROM revlog ORDER BY id")
        planning = telefoon.col.db.all("SELECT id, due, ivl, type, queue FROM cards WHERE id IN "
                                       "(SELECT cid FROM revlog) ORDER BY id")  # fmt: skip

        gestuurd = _stuur(landing, "leerling03", werkplek, server, WACHTWOORD)
        assert gestuurd.returncode == 0, gestuurd.stderr
        assert "12 nieuwe" in gestuurd.stdout

        assert telefoon.sync() == "bijgewerkt"  # no full sync: the phone simply receives the words
        assert len(telefoon.col.find_notes(f'"deck:{werkplek_titel("WP-ME01")}"')) == 12
        assert len(telefoon.vakwoord_notities()) == len(eigen) + 12
        assert telefoon.col.db.all("SELECT id, cid, ease FROM revlog ORDER BY id") == herhalingen
        assert telefoon.col.db.all("SELECT id, due, ivl, type, queue FROM cards WHERE id IN "
                                   "(SELECT cid FROM revlog) ORDER BY id") == planning  # fmt: skip

        # Sent again: nothing doubled, the learner's new answers stay.
        nieuw = telefoon.col.find_notes(f'"deck:{werkplek_titel("WP-ME01")}"')
        telefoon.beantwoord(sorted(nieuw)[:2])
        assert telefoon.sync() == "bijgewerkt"
        opnieuw = _stuur(landing, "leerling03", werkplek, server, WACHTWOORD)
        assert opnieuw.returncode == 0, opnieuw.stderr
        assert "0 nieuwe" in opnieuw.stdout
        telefoon.sync()
        assert len(telefoon.vakwoord_notities()) == len(eigen) + 12
        assert telefoon.col.db.scalar("SELECT count(*) FROM revlog") == len(herhalingen) + 2

        # Refusals, in Dutch, and nothing changed.
        fout = _stuur(landing, "leerling03", werkplek, server, "verkeerd-wachtwoord")
        assert fout.returncode == 1
        assert "verkeerd wachtwoord" in fout.stderr
        onbekend = _stuur(landing, "niemand", werkplek, server, WACHTWOORD)
        assert onbekend.returncode == 1
        assert "Onbekende deelnemer 'niemand'" in onbekend.stderr
        voeg_deelnemer_toe(landing, "nieuwkomer", bsn="123456782")  # added after the server started
        niet_op_server = _stuur(landing, "nieuwkomer", werkplek, server, WACHTWOORD)
        assert niet_op_server.returncode == 1
        assert "onbekende gebruikersnaam of verkeerd wachtwoord" in niet_op_server.stderr
        assert telefoon.sync() == "bijgewerkt"
        assert telefoon.col.db.scalar("SELECT count(*) FROM revlog") == len(herhalingen) + 2
        telefoon.sluit()


def test_aanmelden_met_verkeerd_wachtwoord_geweigerd(tmp_path: Path) -> None:
    from ankisync import Aanmeldfout

    landing = tmp_path / "landing"
    voeg_deelnemer_toe(landing, "leerling04")
    with syncserver(landing, tmp_path / "sync") as server:
        with pytest.raises(Aanmeldfout, match="verkeerd wachtwoord"):
            Leerling(tmp_path / "telefoon", "leerling04", server, wachtwoord="fout-wachtwoord")
        with pytest.raises(Aanmeldfout, match="onbekende gebruikersnaam"):
            Leerling(tmp_path / "telefoon2", "onbekend", server)
