"""The source 'Anki-herhalingen' as a declaration: which files, which fields, which rules, which tables.

(Issue 12's source registry is not built yet; this module says the same things in one place, so a
registry can take it over as it is.)
"""

from __future__ import annotations

from dataclasses import dataclass

from dagster import AssetKey


@dataclass(frozen=True)
class Bestandssoort:
    naam: str
    patroon: str  # where the files are, relative to their folder
    map: str  # which folder
    beschrijving: str


@dataclass(frozen=True)
class Veld:
    naam: str
    herkomst: str
    regel: str


@dataclass(frozen=True)
class Bron:
    naam: str
    bestanden: tuple[Bestandssoort, ...]
    deelnemers: str
    velden: tuple[Veld, ...]
    weigeringen: tuple[str, ...]
    staging: AssetKey
    tabellen: tuple[str, ...]


ANKI_HERHALINGEN = Bron(
    naam="anki",
    bestanden=(
        Bestandssoort(
            "sync", "<gebruikersnaam>/collection.anki2 (+ -wal)", "VAKWOORDEN_SYNC (standaard sync/)",
            "De collectie die de syncserver van een deelnemer bewaart; gelezen als kopie, ook terwijl de server draait.",
        ),
        Bestandssoort(
            "export", "<gebruikersnaam>/*.colpkg", "<landingsmap>/anki/exports/",
            "Een back-up die de leerling in Anki maakte (Anki 2.1.50 of nieuwer: collection.anki21b, zstd).",
        ),
    ),  # fmt: skip
    deelnemers="<landingsmap>/anki/deelnemers.csv (beheer: vakwoorden deelnemer); alleen deelnemers met toestemming=ja",
    velden=(
        Veld("leerling", "identificatie + soort_identificatie uit deelnemers.csv",
             "HMAC-pseudoniem als bij taalaanbieders en plaatsingen (bsn: 11-proef; vnummer: 10 cijfers)"),
        Veld("sector, woord", "notes.guid", "alleen notities met de GUID van een vakwoord (vakwoorden.anki.deck.note_guid)"),
        Veld("herhalingen", "revlog (ease 1-4, type 0-3)", "alle antwoorden op de kaarten van het woord"),
        Veld("laatste_herhaling", "revlog.id (ms)", "het laatste antwoord, UTC"),
        Veld("stabiliteit_dagen, verval", "cards.data (s, decay) of revlog via FSRS-6",
             "de zwakste beantwoorde kaart van het woord; 'vergeten' (reset) begint opnieuw"),
    ),  # fmt: skip
    weigeringen=(
        "geen zip-archief / geen collectie in het archief (.colpkg)",
        "oude back-up zonder collection.anki21b",
        "geen SQLite-database, beschadigd (quick_check), tabellen col/notes/cards/revlog ontbreken",
        "schemaversie buiten 11-18 (andere Anki-versie)",
        "export van een onbekende gebruikersnaam",
    ),
    staging=AssetKey(["staging", "anki_beheersing"]),
    tabellen=("staging.anki_beheersing", "kern.vakwoord_beheersing", "mart.vaktaal_gereedheid"),
)
