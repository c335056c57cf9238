"""Turning one taalaanbieder export into canonical, pseudonymised rows plus quarantine.

Pure data work (no database): :func:`verwerk_bestand` reads a file as its mapping says, checks
every row, pseudonymises the learner on arrival and returns frames ready to load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.gedeeld.inlezen import REGEL, CsvOpties, lees_csv, lees_xlsx
from pipelines.gedeeld.validatie import Controles
from pipelines.privacy import (
    ID,
    ONGELDIG_BSN,
    ONGELDIG_VNUMMER,
    bsn_elfproef,
    is_vnummer,
    pseudonimiseer_kolom,
    schoon_nummer,
)
from pipelines.taalaanbieders import normaliseren as nm
from pipelines.taalaanbieders.mapping import Mapping

UREN_VELDEN = ("uren_aangeboden", "uren_aanwezig", "afwezig_geoorloofd", "afwezig_ongeoorloofd")

METING_SCHEMA = {
    "leerling": pl.String,
    "taalaanbieder": pl.String,
    "datum": pl.Date,
    "vaardigheid": pl.String,
    "niveau": pl.String,
    "soort_meting": pl.String,
    "instrument": pl.String,
    "uitslag": pl.String,
    "bestand": pl.String,
    "bronregel": pl.Int64,
}
UREN_SCHEMA = {
    "leerling": pl.String,
    "taalaanbieder": pl.String,
    "periode_start": pl.Date,
    "periode_eind": pl.Date,
    **{v: pl.Float64 for v in UREN_VELDEN},
    "bestand": pl.String,
    "bronregel": pl.Int64,
}
LEERLING_SCHEMA = {
    "leerling": pl.String,
    "taalaanbieder": pl.String,
    "datum": pl.Date,
    "id_soort": pl.String,
    "leerroute": pl.String,
    "thuistaal": pl.String,
    "bestand": pl.String,
    "bronregel": pl.Int64,
}


@dataclass
class Verwerkt:
    bestand: str
    rijen_gelezen: int
    metingen: pl.DataFrame
    uren: pl.DataFrame
    leerlingen: pl.DataFrame
    quarantaine: pl.DataFrame
    normalisaties: pl.DataFrame

    @property
    def rijen_geladen(self) -> int:
        return self.rijen_gelezen - self.quarantaine.height


def _veld(mapping: Mapping, naam: str) -> pl.Expr:
    """A canonical field from its column, or its fixed value, or null."""
    if naam in mapping.kolommen:
        return pl.col(mapping.kolommen[naam])
    if naam in mapping.vast:
        return pl.lit(mapping.vast[naam])
    return pl.lit(None, dtype=pl.String)


def _heeft(mapping: Mapping, naam: str) -> bool:
    return naam in mapping.kolommen or naam in mapping.vast


def _bronnaam(mapping: Mapping, naam: str) -> str:
    return mapping.kolommen.get(naam, f"[vast] {naam}")


def lees(mapping: Mapping, pad: Path) -> pl.DataFrame:
    kolommen = mapping.bronkolommen()
    if mapping.formaat == "xlsx":
        return lees_xlsx(pad, mapping.blad, kolommen)
    return lees_csv(pad, CsvOpties(mapping.codering, mapping.scheidingsteken), kolommen)


def _identificatie(mapping: Mapping, c: Controles) -> pl.Expr:
    # The cleaned identifier is computed once into column ID (see verwerk_frame).
    ruw = pl.col(ID)
    if mapping.id_soort == "bsn":
        c.als(ruw.is_null(), f"BSN ontbreekt in kolom '{mapping.id_kolom}'")
        c.als(ruw.is_not_null() & ~bsn_elfproef(ruw), ONGELDIG_BSN)
    elif mapping.id_soort == "vnummer":
        c.als(ruw.is_null(), f"V-nummer ontbreekt in kolom '{mapping.id_kolom}'")
        c.als(ruw.is_not_null() & ~is_vnummer(ruw), ONGELDIG_VNUMMER)
    else:
        c.als(ruw.is_null(), f"leerlingnummer ontbreekt in kolom '{mapping.id_kolom}'")
    return ruw


def _datum_controle(c: Controles, origineel: pl.Expr, waarde: pl.Expr, kolom: str, formaat: str, verplicht: bool) -> None:
    leesbaar = formaat.replace("%d", "dd").replace("%m", "mm").replace("%Y", "jjjj").replace("%y", "jj")
    tekst = nm.schoon(origineel)
    if verplicht:
        c.als(tekst.is_null(), f"datum ontbreekt in kolom '{kolom}'")
    c.als(
        tekst.is_not_null() & waarde.is_null(),
        pl.format("ongeldige datum '{}' in kolom '{}' (verwacht {})", tekst, pl.lit(kolom), pl.lit(leesbaar)),
    )
    c.als(waarde > pl.lit(dt.date.today()), pl.format("datum '{}' in kolom '{}' ligt in de toekomst", tekst, pl.lit(kolom)))


def _categorie(c: Controles, mapping: Mapping, veld: str, varianten: dict[str, str], toegestaan: tuple[str, ...]) -> pl.Expr:
    origineel = _veld(mapping, veld)
    waarde = nm.via_varianten(origineel, varianten)
    kolom = _bronnaam(mapping, veld)
    c.als(
        nm.schoon(origineel).is_not_null() & waarde.is_null(),
        pl.format("onbekende {} '{}' in kolom '{}'; gebruik {}", pl.lit(veld.replace("_", " ")),
                  nm.schoon(origineel), pl.lit(kolom), pl.lit(", ".join(toegestaan))),
    )  # fmt: skip
    c.genormaliseerd(kolom, nm.schoon(origineel), waarde)
    return waarde


def verwerk_frame(mapping: Mapping, frame: pl.DataFrame, bestand: str, sleutel: str) -> Verwerkt:
    """Validate, normalise and pseudonymise rows already read from ``bestand``."""
    c = Controles()
    ook_iso = mapping.formaat == "xlsx"
    frame = frame.with_columns(schoon_nummer(pl.col(mapping.id_kolom), mapping.id_soort == "bsn").alias(ID))
    kolommen: dict[str, pl.Expr] = {ID: _identificatie(mapping, c)}

    datum_bron = pl.col(mapping.kolommen["datum"])
    kolommen["datum"] = nm.datum(datum_bron, mapping.datumformaat, ook_iso)
    _datum_controle(c, datum_bron, kolommen["datum"], mapping.kolommen["datum"], mapping.datumformaat, True)

    kolommen["soort_meting"] = _categorie(c, mapping, "soort_meting", nm.SOORT_METING_VARIANTEN, nm.SOORTEN_METING)
    kolommen["instrument"] = nm.schoon(_veld(mapping, "instrument"))
    kolommen["uitslag"] = _categorie(c, mapping, "uitslag", nm.UITSLAG_VARIANTEN, nm.UITSLAGEN)
    kolommen["leerroute"] = _categorie(c, mapping, "leerroute", nm.LEERROUTE_VARIANTEN, nm.LEERROUTES)
    kolommen["thuistaal"] = _categorie(c, mapping, "thuistaal", nm.THUISTAAL_VARIANTEN, nm.THUISTALEN)

    for veld in ("periode_start", "periode_eind"):
        if _heeft(mapping, veld):
            kolommen[veld] = nm.datum(_veld(mapping, veld), mapping.datumformaat, ook_iso)
            _datum_controle(c, _veld(mapping, veld), kolommen[veld], _bronnaam(mapping, veld), mapping.datumformaat, False)
    for veld in UREN_VELDEN:
        if _heeft(mapping, veld):
            origineel = nm.schoon(_veld(mapping, veld))
            waarde = nm.getal(origineel, mapping.decimaalteken)
            kolommen[veld] = waarde
            kolom = _bronnaam(mapping, veld)
            c.als(origineel.is_not_null() & waarde.is_null(), pl.format("ongeldig getal '{}' in kolom '{}'", origineel, pl.lit(kolom)))
            c.als(waarde < 0, f"negatief aantal uren in kolom '{kolom}'")
    if {"uren_aangeboden", "uren_aanwezig"} <= kolommen.keys():
        c.als(
            kolommen["uren_aanwezig"] > kolommen["uren_aangeboden"],
            "meer uren aanwezig dan aangeboden; controleer de uren van deze periode",
        )

    # Levels: one column per skill (wide) or a skill column plus a level column (long).
    if mapping.is_breed:
        # Normalised once into a column of its own; the checks and the output read that column.
        frame = frame.with_columns(nm.niveau(pl.col(k)).alias(f"niveau:{v}") for v, k in mapping.vaardigheden.items())
        for vaardigheid, kolom in mapping.vaardigheden.items():
            genormaliseerd = pl.col(f"niveau:{vaardigheid}")
            kolommen[f"niveau:{vaardigheid}"] = genormaliseerd
            for voorwaarde, reden in nm.niveau_redenen(pl.col(kolom), kolom, genormaliseerd):
                c.als(voorwaarde, reden)
            c.genormaliseerd(kolom, nm.schoon(pl.col(kolom)), genormaliseerd)
        c.als(
            pl.all_horizontal([nm.schoon(pl.col(k)).is_null() for k in mapping.vaardigheden.values()])
            & pl.lit(not any(v in mapping.kolommen for v in UREN_VELDEN)),
            "geen enkel niveau ingevuld",
        )
    else:
        v_kolom, n_kolom = mapping.kolommen["vaardigheid"], mapping.kolommen["niveau"]
        vaardigheid_expr = nm.via_varianten(pl.col(v_kolom), nm.VAARDIGHEID_VARIANTEN)
        kolommen["vaardigheid"] = vaardigheid_expr
        c.als(nm.schoon(pl.col(v_kolom)).is_null(), f"vaardigheid ontbreekt in kolom '{v_kolom}'")
        knm = nm.schoon(pl.col(v_kolom)).str.to_uppercase() == "KNM"
        c.als(knm, "onderdeel 'KNM' is geen taalvaardigheid; KNM hoort niet in de NT2-voortgang")
        c.als(~knm & nm.schoon(pl.col(v_kolom)).is_not_null() & vaardigheid_expr.is_null(),
              pl.format("onbekende vaardigheid '{}' in kolom '{}'; gebruik {}", nm.schoon(pl.col(v_kolom)),
                        pl.lit(v_kolom), pl.lit(", ".join(nm.VAARDIGHEDEN))))  # fmt: skip
        c.genormaliseerd(v_kolom, nm.schoon(pl.col(v_kolom)), vaardigheid_expr)
        kolommen["niveau"] = nm.niveau(pl.col(n_kolom))
        c.als(nm.schoon(pl.col(n_kolom)).is_null(), f"niveau ontbreekt in kolom '{n_kolom}'")
        for voorwaarde, reden in nm.niveau_redenen(pl.col(n_kolom), n_kolom):
            c.als(voorwaarde, reden)
        c.genormaliseerd(n_kolom, nm.schoon(pl.col(n_kolom)), kolommen["niveau"])

    rijen_gelezen = frame.height
    # Reasons and normalisations refer to source columns, so evaluate them on the source frame.
    goed_bron, quarantaine = c.splits(frame, bestand)
    normalisaties = c.normalisatielog(goed_bron, bestand)
    goed = goed_bron.lazy().select(pl.col(REGEL), *(e.alias(k) for k, e in kolommen.items())).collect()
    goed = pseudonimiseer_kolom(goed, ID, sleutel, mapping.id_soort, bereik=_bereik(mapping))
    goed = goed.with_columns(pl.lit(mapping.code).alias("taalaanbieder"), pl.lit(bestand).alias("bestand"))
    return Verwerkt(
        bestand=bestand,
        rijen_gelezen=rijen_gelezen,
        metingen=_metingen(mapping, goed),
        uren=_uren(goed),
        leerlingen=_leerlingen(mapping, goed),
        quarantaine=quarantaine,
        normalisaties=normalisaties,
    )


def _bereik(mapping: Mapping) -> str:
    # A provider's own learner number means nothing elsewhere: scope it to the provider.
    return mapping.code if mapping.id_soort == "leerlingnummer" else ""


def _metingen(mapping: Mapping, goed: pl.DataFrame) -> pl.DataFrame:
    gemeenschappelijk = ["leerling", "taalaanbieder", "datum", "soort_meting", "instrument", "uitslag", "bestand", REGEL]
    if mapping.is_breed:
        niveau_kolommen = [f"niveau:{v}" for v in mapping.vaardigheden]
        lang = goed.select(*gemeenschappelijk, *niveau_kolommen).unpivot(
            index=gemeenschappelijk, on=niveau_kolommen, variable_name="vaardigheid", value_name="niveau"
        )
        lang = lang.filter(pl.col("niveau").is_not_null()).with_columns(
            pl.col("vaardigheid").str.strip_prefix("niveau:")
        )
    else:
        lang = goed.select(*gemeenschappelijk, "vaardigheid", "niveau")
    return lang.select(pl.col(k).cast(t) for k, t in METING_SCHEMA.items())


def _uren(goed: pl.DataFrame) -> pl.DataFrame:
    aanwezig = [v for v in UREN_VELDEN if v in goed.columns]
    if not aanwezig:
        return pl.DataFrame(schema=UREN_SCHEMA)
    uren = goed.filter(pl.any_horizontal([pl.col(v).is_not_null() for v in aanwezig]))
    uren = uren.with_columns(
        pl.coalesce(pl.col("periode_start") if "periode_start" in goed.columns else pl.lit(None), pl.col("datum"))
        .cast(pl.Date).alias("periode_start"),
        pl.coalesce(pl.col("periode_eind") if "periode_eind" in goed.columns else pl.lit(None), pl.col("datum"))
        .cast(pl.Date).alias("periode_eind"),
    )  # fmt: skip
    for v in UREN_VELDEN:
        if v not in uren.columns:
            uren = uren.with_columns(pl.lit(None, dtype=pl.Float64).alias(v))
    return uren.select(pl.col(k).cast(t) for k, t in UREN_SCHEMA.items())


def _leerlingen(mapping: Mapping, goed: pl.DataFrame) -> pl.DataFrame:
    # One row per accepted source row: the spine the reconciliation check counts.
    return goed.with_columns(pl.lit(mapping.id_soort).alias("id_soort")).select(
        pl.col(k).cast(t) for k, t in LEERLING_SCHEMA.items()
    )


def verwerk_bestand(mapping: Mapping, pad: Path, bestand: str, sleutel: str) -> Verwerkt:
    """Read ``pad`` (refusing it whole when unreadable) and process its rows."""
    return verwerk_frame(mapping, lees(mapping, pad), bestand, sleutel)
