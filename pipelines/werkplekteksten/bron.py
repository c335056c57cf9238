"""The werkplek-text source, declared in one place: where its files are, which kinds it reads, what
it stages and by which rules a file is refused.

A coordinator drops a werkplek's own texts (werkinstructies, veiligheidsinstructies, a VCA
toolbox, a vacaturetekst, a zorgplan's vaste afspraken) in ``<landing>/werkplekken/teksten/<werkplek>/``.
Each file is read (vakwoorden.taal.documenten), searched for the vakwoorden of the werkplek's
sector and for unlisted terms (vakwoorden.taal.termen), and only the terms and their counts are
staged: a text may name a contact person, so no text reaches the warehouse or the logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipelines.gedeeld import sqlbestanden
from pipelines.gedeeld.woordenboek import commentaar_sql, zin
from vakwoorden.taal.documenten import SOORTEN

NAAM = "werkplektekst"  # controle.ingelezen_bestand.bron
MAP = Path("werkplekken") / "teksten"  # in the landing folder; one folder per werkplek
PATROON = "*/*"  # <werkplek>/<file>
SQL = Path(__file__).resolve().parent / "sql"


@dataclass(frozen=True)
class Veld:
    naam: str
    omschrijving: str


@dataclass(frozen=True)
class Tabel:
    naam: str
    velden: tuple[Veld, ...]
    omschrijving: str = ""  # the table's DuckDB COMMENT (the columns' come from velden)


# What a text yields, per file (kern aggregates per werkplek).
TABELLEN: tuple[Tabel, ...] = (
    Tabel(
        "staging.werkplek_tekst_vakwoord",
        (
            Veld("werkplek", "de map <landing>/werkplekken/teksten/<werkplek>/"),
            Veld("sector", "de sector van de werkplek (uit werkplekken*.csv): die lijst is doorzocht"),
            Veld("woord", "trefwoord uit de vakwoordenlijst van de sector"),
            Veld("aantal", "hoe vaak de tekst het woord gebruikt, in welke vorm ook"),
            Veld("bestand", "het tekstbestand, vanaf de landingsmap"),
        ),
        "Per tekstbestand van een werkplek de woorden uit de vakwoordenlijst van de sector die de tekst gebruikt. "
        "Alleen woorden en tellingen: de tekst zelf komt nooit in het warehouse.",
    ),
    Tabel(
        "staging.werkplek_termsuggestie",
        (
            Veld("werkplek", "de map van de werkplek"),
            Veld("term", "zelfstandig naamwoord dat in geen enkele vakwoordenlijst staat"),
            Veld("aantal", "hoe vaak de tekst de term gebruikt"),
            Veld(
                "algemene_frequentie",
                "Zipf-waarde in gewoon Nederlands (wordfreq): 0 zeldzaam, 7 heel gewoon",
            ),
            Veld("bestand", "het tekstbestand, vanaf de landingsmap"),
        ),
        "Per tekstbestand van een werkplek de zelfstandige naamwoorden die in geen enkele vakwoordenlijst staan "
        "(voorstellen voor nieuwe vakwoorden). Woorden met een hoofdletter (namen) worden nooit voorgesteld.",
    ),
)

# Why a file is refused (besides what vakwoorden.taal.documenten says about its content).
ONBEKENDE_WERKPLEK = (
    "de map '{werkplek}' is geen bekende werkplek; noem de map naar een werkplekcode uit werkplekken*.csv "
    "(bijvoorbeeld WP-ME01) of voeg de werkplek daar toe"
)
GEEN_MAP = "teksten horen in een map per werkplek: zet het bestand in werkplekken/teksten/<werkplekcode>/"


def bestanden(landingsplaats: Path) -> list[Path]:
    """The source's files in the landing folder: every file in a werkplek folder, and stray files
    directly under teksten/ (refused with a reason, so they are not silently ignored)."""
    map_ = landingsplaats / MAP
    if not map_.is_dir():
        return []
    gevonden = [
        p
        for p in (*map_.glob(PATROON), *map_.glob("*"))
        if p.is_file() and not p.name.startswith((".", "~$"))
    ]
    return sorted(set(gevonden))


def is_leesbare_soort(pad: Path) -> bool:
    return pad.suffix.lower() in SOORTEN


def sql(naam: str) -> str:
    return sqlbestanden.lees(SQL / f"{naam}.sql")


def commentaar() -> str:
    """The DuckDB COMMENTs of the source's tables, from TABELLEN (run with the warehouse's schema)."""
    opmerkingen = (commentaar_sql(t.naam, t.omschrijving, {v.naam: zin(v.omschrijving) for v in t.velden}) for t in TABELLEN)
    return "BEGIN TRANSACTION;\n" + "".join(opmerkingen) + "COMMIT;\n"  # one commit: run at every session's start
