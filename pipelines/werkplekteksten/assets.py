"""Werkplek texts -> the vakwoorden each werkplek really uses, and suggested new terms (staging).

Declared in :mod:`pipelines.werkplekteksten.bron`. Files are loaded like every other source
(:func:`pipelines.gedeeld.bestanden.verwerk_bestanden`: unchanged files are skipped, a bad file
is refused whole with a Dutch reason in ``controle.geweigerd_bestand``). A text is analysed again
when the word lists or the matcher change, and its rows go when the file is removed.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

import polars as pl
from dagster import (
    AssetCheckResult,
    AssetExecutionContext,
    AssetKey,
    MaterializeResult,
    asset,
    asset_check,
)

from pipelines import groepen
from pipelines.gedeeld.bestanden import Verslag, verwerk_bestanden
from pipelines.gedeeld.bronmetadata import EIGENAREN, bron_metadata
from pipelines.gedeeld.fouten import OnleesbaarBestand
from pipelines.gedeeld.laden import Invoeging, Landingsbestand, laad_bestand, weigering_intrekken
from pipelines.resources import Landingsplaats, Warehouse
from pipelines.werkplekken.assets import STAGING_WERKPLEKKEN
from pipelines.werkplekteksten import bron
from vakwoorden.lijst import SECTOREN, lees_lijst, lijst_pad
from vakwoorden.taal import documenten, matcher, termen, vormen
from vakwoorden.taal.termen import Termzoeker

STAGING_WERKPLEKTEKSTEN = AssetKey(["staging", "werkplekteksten"])


def lijstversie() -> str:
    """Changes when a word list or the matcher changes: then every text is analysed again."""
    h = hashlib.sha256()
    for sector in SECTOREN:
        pad = lijst_pad(sector)
        h.update(pad.read_bytes() if pad.exists() else b"")
    for module in (matcher, vormen, termen, documenten):
        h.update(Path(str(module.__file__)).read_bytes())
    return h.hexdigest()


def _zoekers() -> Callable[[str], Termzoeker]:
    gemaakt: dict[str, Termzoeker] = {}

    def zoeker(sector: str) -> Termzoeker:
        if sector not in gemaakt:
            gemaakt[sector] = Termzoeker.voor_sector(sector)
        return gemaakt[sector]

    return zoeker


def analyseer_bestand(
    pad: Path, werkplek: str, sector: str, naam: str, zoeker: Termzoeker
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The terms of one text file as staging frames; refused files raise OnleesbaarBestand."""
    try:
        tekst = documenten.lees_document(pad)
    except documenten.OnleesbaarDocument as fout:
        raise OnleesbaarBestand(pad, fout.reden) from None
    analyse = zoeker.analyseer(tekst)
    del tekst  # nothing of the text itself goes further than this function
    woorden = pl.DataFrame(
        {
            "werkplek": [werkplek] * len(analyse.woorden),
            "sector": [sector] * len(analyse.woorden),
            "woord": list(analyse.woorden),
            "aantal": list(analyse.woorden.values()),
            "bestand": [naam] * len(analyse.woorden),
        },
        schema={
            "werkplek": pl.String,
            "sector": pl.String,
            "woord": pl.String,
            "aantal": pl.Int64,
            "bestand": pl.String,
        },
    )
    termen_ = sorted(t for t in analyse.kandidaten if t in analyse.naamwoord)
    suggesties = pl.DataFrame(
        {
            "werkplek": [werkplek] * len(termen_),
            "term": termen_,
            "aantal": [analyse.kandidaten[t] for t in termen_],
            "algemene_frequentie": [zoeker.algemene_frequentie(t) for t in termen_],
            "bestand": [naam] * len(termen_),
        },
        schema={
            "werkplek": pl.String,
            "term": pl.String,
            "aantal": pl.Int64,
            "algemene_frequentie": pl.Float64,
            "bestand": pl.String,
        },
    )
    return woorden, suggesties


def _vergeet(con, naam: str) -> None:  # type: ignore[no-untyped-def]
    parameters = {"bestand": naam}
    con.execute(bron.sql("verwijder_vakwoorden"), parameters)
    con.execute(bron.sql("verwijder_suggesties"), parameters)
    con.execute(bron.sql("vergeet_bestand"), {"bestand": naam, "bron": bron.NAAM})


@asset(
    key=STAGING_WERKPLEKTEKSTEN,
    deps=[STAGING_WERKPLEKKEN],
    group_name=groepen.BRONNEN,
    kinds={"duckdb", "spacy"},
    owners=EIGENAREN,
    description=(
        "Teksten per werkplek (werkinstructies, veiligheidsinstructies, VCA-toolbox, vacaturetekst, zorgplan; "
        ".txt, .md, .docx, .pdf) uit <landingsmap>/werkplekken/teksten/<werkplek>/: de vakwoorden uit de lijst "
        "van de sector die ze gebruiken en voorgestelde nieuwe termen, met tellingen. Geen tekst in het warehouse."
    ),
)
def staging_werkplekteksten(
    context: AssetExecutionContext, warehouse: Warehouse, landingsplaats: Landingsplaats
) -> MaterializeResult:
    bestanden = bron.bestanden(landingsplaats.pad)
    aanwezig = {p.relative_to(landingsplaats.pad).as_posix() for p in bestanden}
    verslag = Verslag()
    zoeker = _zoekers()
    woorden_totaal = 0
    with warehouse.verbinding() as con:
        versie = lijstversie()
        vorige = con.execute(bron.sql("lijstversie")).fetchall()
        geladen = [r[0] for r in con.execute(bron.sql("geladen_bestanden"), {"bron": bron.NAAM}).fetchall()]
        opnieuw = bool(vorige) and vorige[0][0] != versie
        for naam in geladen:
            if opnieuw or naam not in aanwezig:
                _vergeet(con, naam)
        for naam, _reden in con.execute(bron.sql("geweigerde_teksten")).fetchall():
            if naam not in aanwezig:
                weigering_intrekken(con, naam)  # a refused file that is gone no longer needs fixing
        con.execute(bron.sql("lijstversie_bijwerken"), {"versie": versie})
        sectoren = dict(con.execute(bron.sql("werkplek_sectoren")).fetchall())

        def laad(bestand: Landingsbestand) -> tuple[int, int]:
            nonlocal woorden_totaal
            pad = bestand.pad
            werkplek = pad.parent.name
            if pad.parent == landingsplaats.pad / bron.MAP:
                raise OnleesbaarBestand(pad, bron.GEEN_MAP)
            if werkplek not in sectoren:
                raise OnleesbaarBestand(pad, bron.ONBEKENDE_WERKPLEK.format(werkplek=werkplek))
            woorden, suggesties = analyseer_bestand(
                pad, werkplek, sectoren[werkplek], bestand.naam, zoeker(sectoren[werkplek])
            )
            woorden_totaal += woorden.height
            parameters: dict[str, object] = {"bestand": bestand.naam}
            laad_bestand(
                con,
                bestand=bestand,
                bron=bron.NAAM,
                taalaanbieder=None,
                rijen_gelezen=1,  # one document
                invoegingen=[
                    Invoeging(bron.sql("verwijder_vakwoorden"), parameters=parameters),
                    Invoeging(bron.sql("verwijder_suggesties"), parameters=parameters),
                    Invoeging(bron.sql("vakwoorden_invoegen"), woorden),
                    Invoeging(bron.sql("suggesties_invoegen"), suggesties),
                ],
            )
            return 1, 0

        verwerk_bestanden(con, landingsplaats.pad, bestanden, laad, verslag, bron=bron.NAAM)
        beschrijving = bron_metadata(con, bron.NAAM)
    context.log.info(
        f"Werkplekteksten: {len(verslag.geladen)} bestanden geladen, {len(verslag.ongewijzigd)} ongewijzigd, "
        f"{len(verslag.geweigerd)} geweigerd; {woorden_totaal} vakwoorden gevonden in de nieuwe teksten."
    )
    return MaterializeResult(
        metadata={
            **verslag.metadata(),
            "vakwoorden_gevonden": woorden_totaal,
            "opnieuw_geanalyseerd": opnieuw,
            **beschrijving,
        }
    )


@asset_check(
    asset=STAGING_WERKPLEKTEKSTEN,
    name="gevonden_woorden_staan_in_de_lijst",
    blocking=True,
    description="Elk woord dat in de teksten van een werkplek is gevonden, staat in de vakwoordenlijst van de sector.",
)
def gevonden_woorden_staan_in_de_lijst(warehouse: Warehouse) -> AssetCheckResult:
    lijsten = {s: {w.woord for w in lees_lijst(s)} for s in SECTOREN}
    with warehouse.verbinding(alleen_lezen=True) as con:
        rijen = con.execute(bron.sql("gevonden_woorden")).fetchall()
    fout = [
        (werkplek, sector, woord)
        for werkplek, sector, woord in rijen
        if woord not in lijsten.get(sector, set())
    ]
    return AssetCheckResult(
        passed=not fout,
        metadata={
            "woorden": len(rijen),
            "niet_in_lijst": "\n".join(f"{w}: {s}/{woord}" for w, s, woord in fout[:50]) or "geen",
        },
    )


WERKPLEKTEKSTEN_ASSETS = [staging_werkplekteksten]
WERKPLEKTEKSTEN_CHECKS = [gevonden_woorden_staan_in_de_lijst]  # refused files: the check every source gets
