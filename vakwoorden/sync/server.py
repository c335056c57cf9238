"""Starting Anki's own sync server (``python -m anki.syncserver``, AGPL) as a separate process.

Accounts come from deelnemers.csv; the server gets the password hashes (``PASSWORDS_HASHED=1``),
never a plain password. Its data (one collection per account) goes to VAKWOORDEN_SYNC.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from vakwoorden.sync.deelnemers import Deelnemer, DeelnemerFout

STANDAARD_POORT = 8080
STANDAARD_ADRES = "127.0.0.1"  # behind the gemeente's HTTPS proxy; 0.0.0.0 to listen on every interface


def anki_beschikbaar() -> bool:
    """Whether the optional `anki` package is installed (looked up, not imported)."""
    return importlib.util.find_spec("anki") is not None


def server_omgeving(
    deelnemers: Mapping[str, Deelnemer], sync_map: Path, poort: int, adres: str, basis: Mapping[str, str] | None = None
) -> dict[str, str]:
    if not deelnemers:
        raise DeelnemerFout("Er zijn nog geen deelnemers: voeg er eerst een toe met 'vakwoorden deelnemer toevoegen'.")
    omgeving = {k: v for k, v in (os.environ if basis is None else basis).items() if not k.startswith("SYNC_USER")}
    omgeving.update(
        {
            "SYNC_BASE": str(sync_map),
            "SYNC_HOST": adres,
            "SYNC_PORT": str(poort),
            "PASSWORDS_HASHED": "1",
            "RUST_LOG": omgeving.get("RUST_LOG", "anki=info"),
        }
    )
    for i, naam in enumerate(sorted(deelnemers), start=1):
        omgeving[f"SYNC_USER{i}"] = f"{naam}:{deelnemers[naam].wachtwoord_hash}"
    return omgeving


def start_server(
    deelnemers: Mapping[str, Deelnemer],
    sync_map: Path,
    poort: int = STANDAARD_POORT,
    adres: str = STANDAARD_ADRES,
    **popen: object,
) -> subprocess.Popen[bytes]:
    """Start the server; the caller waits for it or stops it."""
    if not anki_beschikbaar():
        raise DeelnemerFout(
            "Het pakket 'anki' is niet geïnstalleerd. Installeer de syncserver met: .venv/bin/pip install -e '.[sync]'"
        )
    sync_map.mkdir(parents=True, exist_ok=True)
    omgeving = server_omgeving(deelnemers, sync_map, poort, adres)
    return subprocess.Popen([sys.executable, "-m", "anki.syncserver"], env=omgeving, **popen)  # type: ignore[call-overload]


def stop_server(proces: subprocess.Popen[bytes], wachttijd: float = 5.0) -> int:
    """Ask the server to stop (as Ctrl+C does); it waits for open connections, so after ``wachttijd``
    seconds it is terminated, and killed if it still runs."""
    for stap in (lambda: proces.send_signal(signal.SIGINT), proces.terminate, proces.kill):
        if proces.poll() is not None:
            break
        stap()
        try:
            proces.wait(timeout=wachttijd)
        except subprocess.TimeoutExpired:
            continue
    return proces.wait()
