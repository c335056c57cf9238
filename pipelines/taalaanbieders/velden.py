"""The fields of a taalaanbieder export, declared once.

Everything that lists the fields follows from :data:`VELDEN`: what a mapping may fill
(mapping.py), the rules per field (beoordelen.py), the columns of ``staging.nt2_rapportage``, the
row judgement and the normalisation log (the SQL in :mod:`sql`, generated here), and the
unpivot into ``kern.nt2_meting`` (which takes every ``niveau_*`` column). A new field is one line
here plus, if it needs one, its rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.taalaanbieders.normaliseren import VAARDIGHEDEN


@dataclass(frozen=True)
class Veld:
    """One canonical field: a column of ``werk.bron`` and (except 'lang') of staging.

    ``soort`` says how the row judgement takes its value from the oordeel:
      id     the identifier, pseudonymised (staged as ``leerling``);
      datum  the oordeel's date;
      getal  the oordeel's number (hours, DECIMAL);
      tekst  the oordeel's text, or the export's own text when every value passed unchanged;
      niveau a wide export's level of one skill (combined with a long export's skill and level);
      lang   a long export's skill or level column: judged and turned wide, never staged itself.
    """

    naam: str
    soort: str
    omschrijving: str
    mapping: bool = True  # may be filled through [kolommen] or [vast]
    verplicht: bool = False  # NOT NULL in staging

    @property
    def sql_type(self) -> str:
        return {"datum": "DATE", "getal": "DECIMAL(12, 3)"}.get(self.soort, "VARCHAR")

    @property
    def staging_naam(self) -> str:
        return "leerling" if self.soort == "id" else self.naam


def niveauveld(vaardigheid: str) -> str:
    """The canonical column of a skill's level in a wide export, e.g. 'niveau_gesprekken_voeren'."""
    return "niveau_" + vaardigheid.replace(" ", "_")


# In the order reasons are listed in quarantine.
VELDEN: tuple[Veld, ...] = (
    Veld("id", "id", "identificatie van de leerling (BSN, V-nummer of leerlingnummer), meteen gepseudonimiseerd",
         mapping=False, verplicht=True),
    Veld("datum", "datum", "datum van de meting (verplicht)", verplicht=True),
    Veld("soort_meting", "tekst", "toets, examen of observatie (verplicht: kolom of vaste waarde)", verplicht=True),
    Veld("instrument", "tekst", "naam van de toets of het examen, bijvoorbeeld 'Staatsexamen NT2 I'"),
    Veld("uitslag", "tekst", "uitslag van een examen: geslaagd, gezakt of geen"),
    Veld("leerroute", "tekst", "B1-route, onderwijsroute of Z-route"),
    Veld("thuistaal", "tekst", "taal waarin de leerling kaarten wil (en, ar, ti, so, fa, tr, uk of nl)"),
    Veld("periode_start", "datum", "eerste dag van de rapportageperiode"),
    Veld("periode_eind", "datum", "laatste dag van de rapportageperiode"),
    Veld("uren_aangeboden", "getal", "lesuren aangeboden in de periode"),
    Veld("uren_aanwezig", "getal", "lesuren aanwezig in de periode"),
    Veld("afwezig_geoorloofd", "getal", "uren geoorloofd afwezig in de periode"),
    Veld("afwezig_ongeoorloofd", "getal", "uren ongeoorloofd afwezig in de periode"),
    *(Veld(niveauveld(v), "niveau", f"ERK-niveau voor {v} (brede export: [vaardigheden])", mapping=False)
      for v in VAARDIGHEDEN),
    Veld("vaardigheid", "lang", "ERK-vaardigheid, bij een export met een regel per vaardigheid"),
    Veld("niveau", "lang", "ERK-niveau, bij een export met een regel per vaardigheid"),
)  # fmt: skip
NAMEN: tuple[str, ...] = tuple(v.naam for v in VELDEN)
UREN_VELDEN: tuple[str, ...] = tuple(v.naam for v in VELDEN if v.soort == "getal")
# What a mapping may fill from a column ([kolommen]) or with a fixed value ([vast]).
CANONIEKE_VELDEN: dict[str, str] = {v.naam: v.omschrijving for v in VELDEN if v.mapping}
