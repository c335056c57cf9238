"""Client side of Anki's sync protocol, for the scripts in this folder (separate processes).

This module imports the `anki` package (AGPL-3.0-or-later); it is never imported by the vakwoorden
or pipelines packages, only run in its own process by `vakwoorden deelnemer stuur`, the demo script
and the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.errors import SyncError
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition
from anki.sync_pb2 import SyncCollectionResponse

ZELFDE = SyncCollectionResponse.ChangesRequired


class Aanmeldfout(RuntimeError):
    """The server refused the user name or password."""


def aanmelden(col: Collection, gebruikersnaam: str, wachtwoord: str, server: str) -> Any:
    try:
        return col.sync_login(gebruikersnaam, wachtwoord, server)
    except SyncError as fout:
        raise Aanmeldfout(
            f"De syncserver ({server}) weigert de aanmelding van '{gebruikersnaam}': onbekende gebruikersnaam of "
            "verkeerd wachtwoord."
        ) from fout


def synchroniseer(col: Collection, auth: Any, upload_bij_conflict: bool = False) -> str:
    """One sync; a full sync is a download, unless the server is empty (or upload is asked for)."""
    uit = col.sync_collection(auth, False)
    if uit.required not in (ZELFDE.FULL_UPLOAD, ZELFDE.FULL_DOWNLOAD, ZELFDE.FULL_SYNC):
        return "bijgewerkt"
    upload = uit.required == ZELFDE.FULL_UPLOAD or (uit.required == ZELFDE.FULL_SYNC and upload_bij_conflict)
    col.close_for_full_sync()
    col.full_upload_or_download(auth=auth, server_usn=uit.server_media_usn, upload=upload)
    col.reopen(after_full_sync=True)
    return "volledig geüpload" if upload else "volledig gedownload"


def importeer_deck(col: Collection, pakket: Path) -> Any:
    """Import as the deck guarantee says: reviews and scheduling kept, notes only updated when newer."""
    opties = ImportAnkiPackageOptions(
        merge_notetypes=True,
        with_scheduling=False,
        with_deck_configs=False,
        update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
    )
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(pakket), options=opties))
