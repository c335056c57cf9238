"""`vakwoorden deelnemer` and `vakwoorden syncserver`: accounts with hashed passwords and consent."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from opdrachten.cli import main
from vakwoorden.sync.deelnemers import (
    DeelnemerFout,
    controleer_wachtwoord,
    hash_wachtwoord,
    lees_deelnemers,
    schoon_identificatie,
)


@pytest.fixture
def landing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VAKWOORDEN_DATA", str(tmp_path / "landing"))
    monkeypatch.setenv("VAKWOORDEN_SYNC", str(tmp_path / "sync"))
    return tmp_path / "landing"


def _cli(monkeypatch: pytest.MonkeyPatch, wachtwoord: str | None, *argumenten: str) -> int:
    if wachtwoord is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.StringIO(wachtwoord + "\n"))
    return main(list(argumenten))


def test_toevoegen_wijzigen_verwijderen(landing: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(monkeypatch, "zeer-geheim-1", "deelnemer", "toevoegen", "amina", "--bsn", "1112.22.333",
                "--toestemming", "ja", "--datum", "2026-11-01", "--wachtwoord-invoer") == 0  # fmt: skip
    tekst = (landing / "anki" / "deelnemers.csv").read_text(encoding="utf-8")
    assert "zeer-geheim-1" not in tekst and "$pbkdf2-sha256$" in tekst
    assert oct((landing / "anki" / "deelnemers.csv").stat().st_mode & 0o777) == "0o600"
    d = lees_deelnemers(landing)["amina"]
    assert (d.identificatie, d.soort_identificatie, d.toestemming, d.toestemming_datum) == (
        "111222333", "bsn", True, dt.date(2026, 11, 1))
    assert controleer_wachtwoord("zeer-geheim-1", d.wachtwoord_hash)
    assert not controleer_wachtwoord("zeer-geheim-2", d.wachtwoord_hash)

    # Refusals in Dutch, the file unchanged.
    assert _cli(monkeypatch, "zeer-geheim-1", "deelnemer", "toevoegen", "b", "--bsn", "123456782",
                "--toestemming", "ja", "--wachtwoord-invoer") == 1  # fmt: skip
    assert _cli(monkeypatch, "zeer-geheim-1", "deelnemer", "toevoegen", "bilal", "--bsn", "123456789",
                "--toestemming", "ja", "--wachtwoord-invoer") == 1  # fmt: skip
    assert _cli(monkeypatch, "kort", "deelnemer", "toevoegen", "bilal", "--vnummer", "1234567890",
                "--toestemming", "ja", "--wachtwoord-invoer") == 1  # fmt: skip
    assert _cli(monkeypatch, "zeer-geheim-1", "deelnemer", "toevoegen", "bilal", "--bsn", "111222333",
                "--toestemming", "ja", "--wachtwoord-invoer") == 1  # fmt: skip
    fouten = capsys.readouterr().err
    assert "Ongeldige gebruikersnaam 'b'" in fouten
    assert "geen geldig BSN (de 11-proef klopt niet)" in fouten
    assert "te kort" in fouten
    assert "hoort al bij deelnemer 'amina'" in fouten
    assert list(lees_deelnemers(landing)) == ["amina"]

    assert _cli(monkeypatch, "zeer-geheim-2", "deelnemer", "toevoegen", "bilal", "--vnummer", "1234567890",
                "--toestemming", "nee", "--wachtwoord-invoer") == 0  # fmt: skip
    assert _cli(monkeypatch, None, "deelnemer", "wijzigen", "amina", "--toestemming", "nee", "--datum", "2026-11-30") == 0
    assert "ingetrokken" in capsys.readouterr().out
    assert _cli(monkeypatch, "nieuw-wachtwoord", "deelnemer", "wijzigen", "bilal", "--wachtwoord",
                "--wachtwoord-invoer") == 0  # fmt: skip
    deelnemers = lees_deelnemers(landing)
    assert (deelnemers["amina"].toestemming, deelnemers["amina"].toestemming_datum) == (False, dt.date(2026, 11, 30))
    assert controleer_wachtwoord("nieuw-wachtwoord", deelnemers["bilal"].wachtwoord_hash)

    assert _cli(monkeypatch, None, "deelnemer", "lijst") == 0
    lijst = capsys.readouterr().out
    assert "amina" in lijst and "BSN …333" in lijst and "111222333" not in lijst and "pbkdf2" not in lijst

    (landing.parent / "sync" / "amina").mkdir(parents=True)
    (landing.parent / "sync" / "amina" / "collection.anki2").write_bytes(b"x")
    assert _cli(monkeypatch, None, "deelnemer", "verwijderen", "amina") == 0
    assert not (landing.parent / "sync" / "amina").exists()
    assert list(lees_deelnemers(landing)) == ["bilal"]
    assert _cli(monkeypatch, None, "deelnemer", "verwijderen", "amina") == 1
    assert "Onbekende deelnemer 'amina'" in capsys.readouterr().err


def test_identificaties() -> None:
    assert schoon_identificatie("bsn", "11 12 22 01") == "011122201"  # 8 digits: the lost leading zero back
    assert schoon_identificatie("vnummer", "12 3456 7890") == "1234567890"
    with pytest.raises(DeelnemerFout, match="V-nummer"):
        schoon_identificatie("vnummer", "12345")
    with pytest.raises(DeelnemerFout, match="11-proef"):
        schoon_identificatie("bsn", "111222334")


def test_hash_in_het_formaat_van_de_server() -> None:
    phc = hash_wachtwoord("abc", rondes=1000, zout=b"0123456789abcdef")
    assert phc.startswith("$pbkdf2-sha256$i=1000,l=32$MDEyMzQ1Njc4OWFiY2RlZg$")
    assert controleer_wachtwoord("abc", phc)


def test_syncserver_commando(landing: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("anki")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from anki.collection import Collection
    from ankisync import Aanmeldfout, aanmelden

    assert _cli(monkeypatch, "zeer-geheim-1", "deelnemer", "toevoegen", "amina", "--bsn", "111222333",
                "--toestemming", "ja", "--wachtwoord-invoer") == 0  # fmt: skip
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    proces = subprocess.Popen(
        [sys.executable, "-m", "opdrachten.cli", "syncserver", "--poort", str(poort), "--adres", "127.0.0.1"],
        env={**os.environ}, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert proces.stdout is not None
        assert "Anki-syncserver voor 1 deelnemer(s)" in proces.stdout.readline()
        einde = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < einde and proces.poll() is None
                time.sleep(0.1)
        col = Collection(str(tmp_path / "collection.anki2"))
        try:
            assert aanmelden(col, "amina", "zeer-geheim-1", f"http://127.0.0.1:{poort}/")
            with pytest.raises(Aanmeldfout):
                aanmelden(col, "amina", "fout-wachtwoord", f"http://127.0.0.1:{poort}/")
        finally:
            col.close()
    finally:
        proces.send_signal(signal.SIGTERM)  # as a service manager stops it: the Anki server stops too
        assert proces.wait(timeout=20) is not None
    with pytest.raises(OSError):  # the Anki server itself is gone too
        socket.create_connection(("127.0.0.1", poort), timeout=1).close()
    assert (landing.parent / "sync" / "amina").is_dir()  # VAKWOORDEN_SYNC
