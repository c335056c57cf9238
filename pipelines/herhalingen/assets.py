"""Asset: the Anki reviews of consenting learners -> staging.anki_beheersing (see bron.py)."""

import hashlib
import os
import tempfile
import time
import warnings
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
from dagster import (
    AssetChecksDefinition,
    AssetExecutionContext,
    AssetsDefinition,
    ConfigurableResource,
    EnvVar,
    MaterializeResult,
    asset,
)

from pipelines import groepen
from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.bestanden import Verslag
from pipelines.gedeeld.bronmetadata import EIGENAREN, bron_metadata
from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.laden import (
    Invoeging,
    Landingsbestand,
    Versie,
    laad_bestand,
    registreer_weigering,
    versie_bijwerken,
    vorige_lading,
)
from pipelines.gedeeld.paden import BUITEN_LANDINGSMAP, NIET_GELEZEN, binnen
from pipelines.herhalingen.beheersing import beheersing
from pipelines.herhalingen.bron import ANKI_HERHALINGEN
from pipelines.herhalingen.collectie import decknamen, kopieer_collectie, open_collectie, pak_colpkg_uit
from pipelines.privacy import pseudoniemen
from pipelines.resources import Landingsplaats, Pseudonimisering, Warehouse, projectpad
from vakwoorden import instellingen
from vakwoorden.anki.deck import note_guid
from vakwoorden.lijst import SECTOREN, Vakwoord, lees_lijst
from vakwoorden.sync.deelnemers import EXPORTS_MAP, Deelnemer, DeelnemerFout, deelnemers_pad, lees_deelnemers

SQL = Path(__file__).parent / "sql"
STAGING_ANKI = ANKI_HERHALINGEN.staging
STANDAARD_SYNC = "sync"
DEELNEMERS_NAAM = "anki/deelnemers.csv"


def _sql(naam: str) -> str:
    return sqlbestanden.lees(SQL / naam)


class AnkiSync(ConfigurableResource):
    """The folder where Anki's sync server keeps one collection per user (VAKWOORDEN_SYNC)."""

    map: str = STANDAARD_SYNC

    @property
    def pad(self) -> Path:
        return projectpad(self.map)


def alle_vakwoorden() -> list[Vakwoord]:
    return [w for sector in SECTOREN for w in lees_lijst(sector)]


class VakwoordGuids:
    """Note GUID -> (sector, woord), by the decks' own GUID function (vakwoorden.anki.deck.note_guid).

    A word's GUID is that of its sector deck, or depends on the name of the (werkplek or learner) deck
    it was delivered in; per deck name found in a learner's collection the GUIDs are computed once per run.
    """

    def __init__(self, woorden: list[Vakwoord]) -> None:
        self.woorden = woorden
        self.basis = {note_guid(w): (w.sector, w.woord) for w in woorden}
        self._per_deck: dict[str, dict[str, tuple[str, str]]] = {}

    def _deck(self, deck: str) -> dict[str, tuple[str, str]]:
        if deck not in self._per_deck:
            self._per_deck[deck] = {note_guid(w, deck): (w.sector, w.woord) for w in self.woorden}
        return self._per_deck[deck]

    def voor(self, decks: Iterable[str]) -> dict[str, tuple[str, str]]:
        guids = dict(self.basis)
        for deck in sorted(decks):
            guids.update(self._deck(deck))
        return guids


@dataclass(frozen=True)
class Ankibron:
    pad: Path  # the learner's file (a synced collection or a .colpkg)
    naam: str  # its name in the warehouse: by pseudonym, never by gebruikersnaam
    leerling: str
    soort: str  # 'sync' or 'export'

    def versie(self) -> Versie:
        """Size and modification time of the file and, for a synced collection, of its WAL."""
        delen = [self.pad, self.pad.with_name(self.pad.name + "-wal")] if self.soort == "sync" else [self.pad]
        stats = [p.stat() for p in delen if p.exists()]
        return Versie(sum(s.st_size for s in stats), max(s.st_mtime_ns for s in stats))


def _sha256(*paden: Path) -> str:
    h = hashlib.sha256()
    for pad in paden:
        if pad.exists():
            with pad.open("rb") as f:
                for blok in iter(lambda: f.read(1 << 20), b""):
                    h.update(blok)
    return h.hexdigest()


def _klaar(waarde: str) -> Future[str]:
    f: Future[str] = Future()
    f.set_result(waarde)
    return f


def ankibronnen(
    deelnemers: dict[str, Deelnemer], pseudoniem: dict[str, str], sync_map: Path, landing: Path
) -> tuple[list[Ankibron], list[tuple[Path, str, str]]]:
    """The sources of consenting learners, and exports that belong to no known account (refused)."""
    bronnen: list[Ankibron] = []
    onbekend: list[tuple[Path, str, str]] = []  # (file, its name in controle, why it is refused)
    for naam, d in sorted(deelnemers.items()):
        if not d.toestemming:
            continue
        collectie = sync_map / naam / "collection.anki2"
        if collectie.is_file():
            bronnen.append(Ankibron(collectie, f"anki/sync/{pseudoniem[naam]}/collection.anki2", pseudoniem[naam], "sync"))
    exports = landing / EXPORTS_MAP
    if exports.is_dir():
        for pad in sorted(exports.rglob("*.colpkg")):
            if not pad.is_file():
                continue
            map_ = pad.parent.relative_to(exports).as_posix()
            if not binnen(pad, landing):  # a symbolic link to elsewhere: never opened
                onbekend.append((pad, f"anki/exports/{map_}/{pad.name}", BUITEN_LANDINGSMAP))
                continue
            eigenaar = deelnemers.get(map_)
            if eigenaar is None:
                onbekend.append((pad, f"anki/exports/{map_}/{pad.name}", ONBEKENDE_DEELNEMER))
                continue
            if eigenaar.toestemming:
                bronnen.append(Ankibron(pad, f"anki/exports/{pseudoniem[map_]}/{pad.name}", pseudoniem[map_], "export"))
    return bronnen, onbekend


ONBEKENDE_DEELNEMER = (
    "back-up van een onbekende deelnemer: zet hem in anki/exports/<gebruikersnaam>/ van een deelnemer uit "
    "'vakwoorden deelnemer lijst'."
)


def lees_bron(bron: Ankibron, werkmap: Path, guids: VakwoordGuids) -> tuple[pl.DataFrame, str]:
    """The mastery rows of one source, and the sha256 of what was read (the copy, WAL included)."""
    if bron.soort == "sync":
        database = kopieer_collectie(bron.pad, werkmap)
        sha = _sha256(database, database.with_name(database.name + "-wal"))
    else:
        sha = _sha256(bron.pad)
        database = pak_colpkg_uit(bron.pad, werkmap)
    with open_collectie(database, bron.pad) as con:
        return beheersing(con, guids.voor(decknamen(con))), sha


def verwerk_ankibronnen(
    con: duckdb.DuckDBPyConnection,
    deelnemers: dict[str, Deelnemer],
    sleutel: str,
    sync_map: Path,
    landing: Path,
    verslag: Verslag,
) -> None:
    """Load every new or changed source; forget sources of learners without consent (any more)."""
    metid: dict[str, list[str]] = {}
    for naam, d in deelnemers.items():
        metid.setdefault(d.soort_identificatie, []).append(naam)
    pseudoniem: dict[str, str] = {}
    for soort, namen in metid.items():
        tabel = pseudoniemen(sleutel, soort, [deelnemers[n].identificatie for n in namen])
        pseudoniem.update({n: tabel[deelnemers[n].identificatie] for n in namen})
    bronnen, onbekend = ankibronnen(deelnemers, pseudoniem, sync_map, landing)
    actueel = pl.DataFrame({"bestand": [b.naam for b in bronnen]}, schema={"bestand": pl.String})
    con.begin()
    con.register("actueel", actueel)
    try:
        con.execute(_sql("opruimen.sql"))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.unregister("actueel")
    for pad, naam, reden in onbekend:
        verslag.geweigerd[naam] = reden
        sha = _sha256(pad) if binnen(pad, landing) else NIET_GELEZEN
        registreer_weigering(con, naam, sha, reden, ANKI_HERHALINGEN.naam)
    guids: VakwoordGuids | None = None
    for bron in bronnen:
        versie = bron.versie()
        vorige = vorige_lading(con, bron.naam)
        if vorige is not None and vorige.versie == versie:
            verslag.ongewijzigd.append(bron.naam)
            continue
        guids = guids if guids is not None else VakwoordGuids(alle_vakwoorden())
        with tempfile.TemporaryDirectory(prefix="vakwoorden-anki-") as werkmap:
            try:
                rijen, sha = lees_bron(bron, Path(werkmap), guids)
            except OnleesbaarBestand as fout:
                sha = _sha256(bron.pad)
                verslag.geweigerd[bron.naam] = fout.melding
                registreer_weigering(con, bron.naam, sha, fout.melding, ANKI_HERHALINGEN.naam)
                continue
        if vorige is not None and vorige.sha256 == sha:
            versie_bijwerken(con, bron.naam, versie)
            verslag.ongewijzigd.append(bron.naam)
            continue
        laad_bestand(
            con,
            bestand=Landingsbestand(bron.pad, bron.naam, versie, _klaar(sha)),
            bron="anki",
            taalaanbieder=None,
            rijen_gelezen=rijen.height,
            invoegingen=[
                Invoeging(_sql("verwijder_bestand.sql"), parameters={"bestand": bron.naam}),
                Invoeging(_sql("voeg_toe.sql"), frame=rijen,
                          parameters={"leerling": bron.leerling, "bron": bron.soort, "bestand": bron.naam}),
            ],
        )  # fmt: skip
        verslag.geladen.append(bron.naam)
        verslag.rijen_gelezen += rijen.height
        verslag.rijen_geladen += rijen.height


def _env(naam: str, standaard: str) -> str | EnvVar:
    return EnvVar(naam) if naam in os.environ else standaard


def maak_anki_asset(sync: AnkiSync | None = None) -> AssetsDefinition:
    """The asset, with the sync folder bound to it (VAKWOORDEN_SYNC unless given, e.g. by a test)."""

    # Bound to the asset (resource_defs) so that runs given only the standard resources still work.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # resource_defs on @asset is marked beta in Dagster 1.13
        return _maak(sync or AnkiSync(map=_env(instellingen.SYNC, STANDAARD_SYNC)))


def _maak(sync: AnkiSync) -> AssetsDefinition:
    @asset(
        key=STAGING_ANKI,
        group_name=groepen.BRONNEN,
        kinds={"duckdb", "sqlite"},
        owners=EIGENAREN,
        resource_defs={"anki_sync": sync},
        description=(
            "Vaktaalbeheersing uit Anki: per deelnemer met toestemming en per vakwoord de herhalingen en de "
            "FSRS-stabiliteit, uit de gesynchroniseerde collectie en .colpkg-back-ups. Andere notities worden "
            "niet gelezen. Zonder toestemming (of na intrekken) verdwijnen de rijen van die leerling."
        ),
    )
    def staging_anki(
        context: AssetExecutionContext,
        warehouse: Warehouse,
        landingsplaats: Landingsplaats,
        pseudonimisering: Pseudonimisering,
        anki_sync: AnkiSync,
    ) -> MaterializeResult:
        begin = time.perf_counter()
        try:
            deelnemers = lees_deelnemers(landingsplaats.pad)
        except DeelnemerFout as fout:
            # Refused whole; what was loaded stays as it was (no consent is withdrawn by a broken file).
            pad = deelnemers_pad(landingsplaats.pad)
            with warehouse.verbinding() as con:
                registreer_weigering(con, DEELNEMERS_NAAM, _sha256(pad), str(fout), ANKI_HERHALINGEN.naam)
            context.log.error(f"Bestand geweigerd: {DEELNEMERS_NAAM}: {fout}")
            return MaterializeResult(metadata={"bestanden_geweigerd": 1, "geweigerd": f"{DEELNEMERS_NAAM}: {fout}"})
        sleutel = pseudonimisering.sleutel_voor(landingsplaats, warehouse) if deelnemers else ""
        verslag = Verslag()
        with warehouse.verbinding() as con:
            verwerk_ankibronnen(con, deelnemers, sleutel, anki_sync.pad, landingsplaats.pad, verslag)
            leerlingen = con.sql("SELECT count(DISTINCT leerling) FROM staging.anki_beheersing").fetchall()[0][0]
            beschrijving = bron_metadata(con, ANKI_HERHALINGEN.naam)
        context.log.info(
            f"Anki: {len(verslag.geladen)} bronnen gelezen, {len(verslag.ongewijzigd)} ongewijzigd, "
            f"{len(verslag.geweigerd)} geweigerd ({time.perf_counter() - begin:.1f} s)."
        )
        return MaterializeResult(
            metadata={
                **verslag.metadata(),
                "deelnemers": len(deelnemers),
                "met_toestemming": sum(d.toestemming for d in deelnemers.values()),
                "leerlingen_met_herhalingen": int(leerlingen),
                **beschrijving,
            }
        )

    return staging_anki


staging_anki = maak_anki_asset()


ANKI_ASSETS = [staging_anki]
ANKI_CHECKS: list[AssetChecksDefinition] = []  # refused files: the check every source gets (gedeeld/checks.py)
