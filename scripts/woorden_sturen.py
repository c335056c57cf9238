"""Put a deck into a learner's collection on the sync server, through Anki's sync protocol.

Usage (normally via `vakwoorden deelnemer stuur`): python scripts/woorden_sturen.py GEBRUIKER DECK.apkg
SERVER_URL, with the learner's password on standard input. A separate process: it uses the `anki`
package (AGPL). Steps: download the learner's collection as that user into a temporary folder, import
the deck (reviews, scheduling and the learner's own edits kept: notes are updated only when the deck's
version is newer, scheduling is not imported), sync the change back. The phone gets the words at its
next sync.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from anki.collection import Collection
from anki.errors import AnkiError
from ankisync import Aanmeldfout, aanmelden, importeer_deck, synchroniseer


def stuur(gebruikersnaam: str, deck: Path, server: str, wachtwoord: str) -> str:
    with tempfile.TemporaryDirectory(prefix="vakwoorden-stuur-") as map_:
        col = Collection(str(Path(map_) / "collection.anki2"))
        try:
            auth = aanmelden(col, gebruikersnaam, wachtwoord, server)
            synchroniseer(col, auth)  # an empty local collection: a full download of the learner's
            uit = importeer_deck(col, deck)
            nieuw = len(uit.log.new)
            bijgewerkt = len(uit.log.updated)
            synchroniseer(col, auth, upload_bij_conflict=True)
        finally:
            col.close()
    return f"{nieuw} nieuwe en {bijgewerkt} bijgewerkte woorden gestuurd naar '{gebruikersnaam}'."


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    gebruikersnaam, deck, server = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    wachtwoord = sys.stdin.readline().rstrip("\r\n")
    try:
        print(stuur(gebruikersnaam, deck, server, wachtwoord))
    except Aanmeldfout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 1
    except AnkiError as fout:
        print(f"Fout: de syncserver of het deck gaf een fout: {fout}", file=sys.stderr)
        return 1
    except OSError as fout:
        print(f"Fout: de syncserver ({server}) is niet bereikbaar: {fout}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
