"""Anki decks as assets: per sector and language, per werkplek, and per learner.

Built from the vakwoorden lists (after the blocking list check passed) and, for werkplek and
learner decks, from the warehouse. Audio is cached by content, so only the first build speaks.

Cheap to rebuild: a deck whose words, translations, pictures, audio settings and card code did not
change is not written again (``vakwoorden.anki.deck``, the ledger's ``invoer`` book). Learner decks
are stored once per distinct (words, language) in ``leerlingen/.gedeeld/`` and each learner's
``<pseudoniem>.apkg`` is a hard link to it: a learner's deck changes only when that learner's words
or language change, and learners with the same words share one file (and its audio) on disk.
"""

import os
from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, Config, MaterializeResult, asset

from pipelines import groepen
from pipelines.opzoeken import leerlingen_met_plaatsing
from pipelines.resources import Uitvoer, Warehouse, lees_sql
from vakwoorden.anki.deck import (
    TAALKEUZES,
    DeckResultaat,
    bouw_deck,
    bouw_sector_deck,
    grootboek_in,
    leerling_titel,
    pad_binnen,
    werkplek_titel,
    woorden_bij_sleutels,
)
from vakwoorden.anki.grootboek import Grootboek, inhoud_hash, tijdelijk_pad
from vakwoorden.lijst import SECTOREN, TALEN, lees_alle, lees_lijst, lees_themas

VAKWOORD = AssetKey(["kern", "vakwoord"])


class SectorDecksConfig(Config):
    sectoren: list[str] = list(SECTOREN)
    talen: list[str] = ["nl", *TALEN]
    geluid: bool = True


class WerkplekDecksConfig(Config):
    werkplek: str = ""  # empty: a deck for every werkplek
    taal: str = "nl"
    geluid: bool = True


class LeerlingDecksConfig(Config):
    leerling: str = ""  # a pseudonym; empty: every learner with a placement
    taal: str = ""  # empty: the learner's own language from the taalaanbieder, else Dutch
    geluid: bool = True


def _samenvatting(resultaten: list[DeckResultaat]) -> dict[str, int]:
    return {
        "decks": len(resultaten),
        "notities": sum(r.notities for r in resultaten),
        "kaarten": sum(r.kaarten for r in resultaten),
        "met_geluid": sum(r.met_geluid for r in resultaten),
        "ongecontroleerde_vertalingen": sum(r.ongecontroleerd for r in resultaten),
        "ongewijzigd_niet_herbouwd": sum(r.overgeslagen for r in resultaten),
    }


def koppel(bron: Path, doel: Path) -> None:
    """Make ``doel`` the same file as ``bron`` (a hard link, replaced atomically; a copy where the
    file system has no hard links). Nothing happens when it already is."""
    if doel.exists() and os.path.samefile(bron, doel):
        return
    tijdelijk = tijdelijk_pad(doel)
    tijdelijk.unlink(missing_ok=True)
    try:
        os.link(bron, tijdelijk)
    except OSError:
        import shutil

        shutil.copyfile(bron, tijdelijk)
    os.replace(tijdelijk, doel)


@asset(
    key=AssetKey(["decks", "sector"]),
    deps=[VAKWOORD],
    group_name=groepen.UITVOER,
    description="Een Anki-deck per sector en taal (met subdecks per thema, veiligheid eerst) en een woordenlijst om te printen.",
)
def sector_decks(
    context: AssetExecutionContext, config: SectorDecksConfig, uitvoer: Uitvoer
) -> MaterializeResult:
    map_ = uitvoer.pad / "decks"
    resultaten = []
    meldingen: set[str] = set()
    boek = Grootboek(grootboek_in(map_))  # one ledger for all its packages
    for sector in config.sectoren:
        woorden, themas = lees_lijst(sector), lees_themas(sector)  # once for all languages
        for taal in config.talen:
            resultaat = bouw_sector_deck(
                sector,
                map_ / f"{sector}-{taal}.apkg",
                taal=taal,
                woorden=woorden,
                themas=themas,
                geluid=config.geluid,
                grootboek=boek,
                melden=meldingen.add,
            )
            resultaten.append(resultaat)
            context.log.info(
                f"{resultaat.pad.name}: {resultaat.notities} notities, {resultaat.met_geluid} met geluid"
            )
    # Saved only when every package was written: a failed write must not be recorded as done.
    boek.opslaan()
    for melding in sorted(meldingen):
        context.log.warning(melding)
    return MaterializeResult(metadata={"map": str(map_), **_samenvatting(resultaten)})


@asset(
    key=AssetKey(["decks", "werkplek"]),
    deps=[VAKWOORD, AssetKey(["kern", "werkplek_vakwoord"]), AssetKey(["kern", "werkplek"])],
    group_name=groepen.UITVOER,
    description="Per werkplek een deck met precies de vakwoorden die die werkplek vraagt.",
)
def werkplek_decks(
    context: AssetExecutionContext, config: WerkplekDecksConfig, warehouse: Warehouse, uitvoer: Uitvoer
) -> MaterializeResult:
    lijsten = lees_alle()
    with warehouse.verbinding(alleen_lezen=True) as con:  # one connection for all the questions
        alle = [r[0] for r in con.execute(lees_sql("vragen/werkplekken.sql")).fetchall()]
        werkplekken = [config.werkplek] if config.werkplek else alle
        vraag = lees_sql("vragen/woorden_voor_werkplek.sql")
        paren = {w: [(str(a), str(b)) for a, b in con.execute(vraag, [w]).fetchall()] for w in werkplekken}
    map_ = uitvoer.pad / "decks" / "werkplekken"
    resultaten = []
    boek = Grootboek(grootboek_in(map_))  # one ledger for all its packages
    for werkplek in werkplekken:
        woorden, ontbrekend = woorden_bij_sleutels(paren[werkplek], lijsten)
        if ontbrekend:
            context.log.warning(
                f"{werkplek}: {len(ontbrekend)} woorden staan niet in de lijsten en zijn overgeslagen."
            )
        if not woorden:
            continue
        uit = pad_binnen(map_, f"{werkplek}-{config.taal}.apkg")  # the code comes from input
        resultaten.append(
            bouw_deck(
                woorden,
                werkplek_titel(werkplek),
                uit,
                taal=config.taal,
                geluid=config.geluid,
                grootboek=boek,
            )
        )
    # Saved only when every package was written: a failed write must not be recorded as done.
    boek.opslaan()
    return MaterializeResult(metadata={"map": str(map_), **_samenvatting(resultaten)})


@asset(
    key=AssetKey(["decks", "leerling"]),
    deps=[
        VAKWOORD,
        AssetKey(["kern", "werkplek_vakwoord"]),
        AssetKey(["kern", "plaatsing"]),
        AssetKey(["kern", "leerling"]),
    ],
    group_name=groepen.UITVOER,
    description=(
        "Per leerling met een plaatsing een deck met de vakwoorden van zijn of haar werkplek(ken), in de eigen taal. "
        "Bestandsnaam = pseudoniem; de jobcoach koppelt dat aan de persoon."
    ),
)
def leerling_decks(
    context: AssetExecutionContext, config: LeerlingDecksConfig, warehouse: Warehouse, uitvoer: Uitvoer
) -> MaterializeResult:
    lijsten = lees_alle()
    leerlingen = leerlingen_met_plaatsing(warehouse)
    if config.leerling:
        leerlingen = [(p, t) for p, t in leerlingen if p == config.leerling] or [(config.leerling, "nl")]
    map_ = uitvoer.pad / "decks" / "leerlingen"
    gedeeld = map_ / ".gedeeld"
    resultaten: dict[Path, DeckResultaat] = {}
    leerlingdecks = 0
    boek = Grootboek(map_ / "grootboek")  # one ledger for all its packages
    with warehouse.verbinding(alleen_lezen=True) as con:  # one connection for all the questions
        vraag = lees_sql("vragen/woorden_voor_leerling.sql")
        paren = {p: [(str(a), str(b)) for a, b in con.execute(vraag, [p]).fetchall()] for p, _ in leerlingen}
    for pseudoniem, eigen_taal in leerlingen:
        taal = config.taal or eigen_taal
        if taal not in TAALKEUZES:
            taal = "nl"
        woorden, _ = woorden_bij_sleutels(paren[pseudoniem], lijsten)
        if not woorden:
            continue
        # The deck depends only on the words and the language: one file per distinct pair.
        woorden = sorted(woorden, key=lambda w: (w.sector, w.woord))
        sleutel = inhoud_hash(taal, *(f"{w.sector}|{w.woord}" for w in woorden))[:24]
        bron = pad_binnen(gedeeld, f"{taal}-{sleutel}.apkg")
        if bron not in resultaten:
            resultaten[bron] = bouw_deck(
                woorden, leerling_titel(), bron, taal=taal, geluid=config.geluid, woordenlijst=False,
                grootboek=boek,
            )  # fmt: skip
        koppel(bron, pad_binnen(map_, f"{pseudoniem}.apkg"))
        leerlingdecks += 1
    # Saved only when every package was written: a failed write must not be recorded as done.
    boek.opslaan()
    if not config.leerling and gedeeld.is_dir():
        for oud in gedeeld.glob("*.apkg"):  # decks no learner uses any more
            if oud.resolve() not in resultaten:
                oud.unlink()
    gebouwd = sum(not r.overgeslagen for r in resultaten.values())
    context.log.info(
        f"{leerlingdecks} leerlingdecks in {map_} ({len(resultaten)} verschillende, {gebouwd} opnieuw gebouwd)"
    )
    return MaterializeResult(
        metadata={
            "map": str(map_),
            "leerlingdecks": leerlingdecks,
            **_samenvatting(list(resultaten.values())),
        }
    )


DECK_ASSETS = [sector_decks, werkplek_decks, leerling_decks]
