"""Anki decks as assets: per sector and language, per werkplek, and per learner.

Built from the vakwoorden lists (after the blocking list check passed) and, for werkplek and
learner decks, from the warehouse. Audio is cached by content, so only the first build speaks.
"""

from dagster import AssetExecutionContext, AssetKey, Config, MaterializeResult, asset

from pipelines.resources import Uitvoer, Warehouse, lees_sql
from vakwoorden.anki.deck import (
    DeckResultaat,
    bouw_deck,
    bouw_sector_deck,
    leerling_titel,
    pad_binnen,
    werkplek_titel,
    woorden_bij_sleutels,
)
from vakwoorden.lijst import SECTOREN, TALEN, lees_alle
from vakwoorden.warehouse_lookup import leerlingen_met_plaatsing, woorden_voor_leerling, woorden_voor_werkplek

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
    }


@asset(
    key=AssetKey(["decks", "sector"]),
    deps=[VAKWOORD],
    group_name="decks",
    description="Een Anki-deck per sector en taal (met subdecks per thema, veiligheid eerst) en een woordenlijst om te printen.",
)
def sector_decks(
    context: AssetExecutionContext, config: SectorDecksConfig, uitvoer: Uitvoer
) -> MaterializeResult:
    map_ = uitvoer.pad / "decks"
    resultaten = []
    meldingen: set[str] = set()
    for sector in config.sectoren:
        for taal in config.talen:
            resultaat = bouw_sector_deck(
                sector, map_ / f"{sector}-{taal}.apkg", taal=taal, geluid=config.geluid, melden=meldingen.add
            )
            resultaten.append(resultaat)
            context.log.info(
                f"{resultaat.pad.name}: {resultaat.notities} notities, {resultaat.met_geluid} met geluid"
            )
    for melding in sorted(meldingen):
        context.log.warning(melding)
    return MaterializeResult(metadata={"map": str(map_), **_samenvatting(resultaten)})


@asset(
    key=AssetKey(["decks", "werkplek"]),
    deps=[VAKWOORD, AssetKey(["kern", "werkplek_vakwoord"]), AssetKey(["kern", "werkplek"])],
    group_name="decks",
    description="Per werkplek een deck met precies de vakwoorden die die werkplek vraagt.",
)
def werkplek_decks(
    context: AssetExecutionContext, config: WerkplekDecksConfig, warehouse: Warehouse, uitvoer: Uitvoer
) -> MaterializeResult:
    lijsten = lees_alle()
    with warehouse.verbinding(alleen_lezen=True) as con:
        alle = [r[0] for r in con.execute(lees_sql("vragen/werkplekken.sql")).fetchall()]
    werkplekken = [config.werkplek] if config.werkplek else alle
    map_ = uitvoer.pad / "decks" / "werkplekken"
    resultaten = []
    for werkplek in werkplekken:
        woorden, ontbrekend = woorden_bij_sleutels(woorden_voor_werkplek(warehouse, werkplek), lijsten)
        if ontbrekend:
            context.log.warning(
                f"{werkplek}: {len(ontbrekend)} woorden staan niet in de lijsten en zijn overgeslagen."
            )
        if not woorden:
            continue
        uit = pad_binnen(map_, f"{werkplek}-{config.taal}.apkg")  # the code comes from input
        resultaten.append(
            bouw_deck(woorden, werkplek_titel(werkplek), uit, taal=config.taal, geluid=config.geluid)
        )
    return MaterializeResult(metadata={"map": str(map_), **_samenvatting(resultaten)})


@asset(
    key=AssetKey(["decks", "leerling"]),
    deps=[
        VAKWOORD,
        AssetKey(["kern", "werkplek_vakwoord"]),
        AssetKey(["kern", "plaatsing"]),
        AssetKey(["kern", "leerling"]),
    ],
    group_name="decks",
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
    resultaten = []
    for pseudoniem, eigen_taal in leerlingen:
        taal = config.taal or eigen_taal
        woorden, _ = woorden_bij_sleutels(woorden_voor_leerling(warehouse, pseudoniem), lijsten)
        if not woorden:
            continue
        uit = pad_binnen(map_, f"{pseudoniem}.apkg")
        resultaten.append(
            bouw_deck(woorden, leerling_titel(), uit, taal=taal, geluid=config.geluid, woordenlijst=False,
                      grootboek=pad_binnen(map_ / "grootboek", pseudoniem))
        )  # fmt: skip
    context.log.info(f"{len(resultaten)} leerlingdecks geschreven naar {map_}")
    return MaterializeResult(metadata={"map": str(map_), **_samenvatting(resultaten)})


DECK_ASSETS = [sector_decks, werkplek_decks, leerling_decks]
