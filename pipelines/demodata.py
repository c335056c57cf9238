"""Seeded generator of realistic (but entirely fake) exports for the demo and the benchmark.

It writes what a gemeente's landing folder would hold: three taalaanbieders that each export
differently, werkplekken with their requirements and vakwoorden, and placements. A handful
of rows are deliberately wrong, so the demo shows quarantine at work.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.resources import DEMO_MARKERING
from pipelines.taalaanbieders.normaliseren import VAARDIGHEDEN

NIVEAUS = ["A0", "A1", "A2", "B1", "B2"]
VOORNAMEN = ["Amal", "Yonas", "Faisal", "Ruta", "Hamid", "Sara", "Omar", "Lina", "Dawit", "Nour", "Olena", "Ahmad"]
ACHTERNAMEN = ["Haddad", "Tesfay", "Mohamed", "Ahmadi", "Yilmaz", "Abdi", "Kovalenko", "Hussein", "Gebre", "Rahimi"]
PLAATSEN = ["Zwolle", "Deventer", "Kampen", "Apeldoorn", "Hengelo"]
TALEN = ["ar", "ti", "fa", "so", "tr", "uk", "en", "ar", "ti", "ar"]
TAALNAAM = {"ar": "Arabisch", "ti": "Tigrinya", "fa": "Dari", "so": "Somalisch", "tr": "Turks", "uk": "Oekraïens", "en": "Engels"}
ROUTES = ["B1-route"] * 6 + ["onderwijsroute"] * 2 + ["Z-route"] * 2
WERKGEVERS = {
    "metaal": [("Lasbedrijf De Vonk", "lasser"), ("Constructie Oost", "constructiebankwerker"),
               ("Plaatwerk Twente", "plaatwerker"), ("Machinefabriek IJssel", "verspaner"),
               ("Staalbouw Kampen", "montagemedewerker"), ("Metaalvakschool", "leerling lasser"),
               ("Hekwerk Salland", "productiemedewerker metaal"), ("RVS Techniek", "lasser rvs"),
               ("Aluminium Werken", "samensteller"), ("Smederij Het Anker", "smid")],
    "zorg": [("Zorggroep De Linde", "helpende zorg en welzijn"), ("Thuiszorg Oost", "verzorgende IG"),
             ("Verpleeghuis Het Baken", "zorghulp"), ("Woonzorg Salland", "helpende"),
             ("Ziekenhuis Isala", "voedingsassistent"), ("Revalidatie Vechtdal", "zorghulp"),
             ("Dagbesteding De Brug", "begeleider"), ("Wijkzorg Zwolle", "thuishulp"),
             ("Zorgcentrum De Esch", "verzorgende"), ("Hospice Kampen", "zorgvrijwilliger")],
    "bouw": [("Bouwbedrijf Van Dijk", "timmerman"), ("Steigerbouw Noord", "steigerbouwer"),
             ("Metselbedrijf Oost", "metselaar"), ("Betonbouw IJssel", "betonwerker"),
             ("Sloopwerken Twente", "sloper"), ("Infra Salland", "grondwerker"),
             ("Renovatie Deventer", "allround bouwvakker"), ("Dakwerken Kampen", "dakdekker"),
             ("Afbouw Zwolle", "stukadoor"), ("Tegelwerk Oost", "tegelzetter")],
}  # fmt: skip
EISEN = {"metaal": ("A2", "A2", "A2", "A2", "A1"), "zorg": ("B1", "B1", "B1", "B1", "A2"), "bouw": ("A2", "A2", "A2", "A2", "A1")}
PLAATSINGSSOORTEN = ["stage", "proefplaatsing", "leerwerkplek", "dienstverband", "vrijwilligerswerk"]


def bsn(rng: random.Random) -> str:
    """A random BSN that passes the 11-proef."""
    while True:
        cijfers = [rng.randint(0, 9) for _ in range(8)]
        cijfers[0] = rng.randint(1, 6)
        som = sum(c * g for c, g in zip(cijfers, range(9, 1, -1), strict=True))
        laatste = som % 11
        if laatste <= 9:
            return "".join(map(str, cijfers)) + str(laatste)


def ongeldig_bsn(rng: random.Random) -> str:
    goed = bsn(rng)
    return goed[:-1] + str((int(goed[-1]) + 1) % 10)


@dataclass
class Leerling:
    bsn: str
    vnummer: str
    voornaam: str
    achternaam: str
    aanbieder: str
    route: str
    taal: str
    start: list[int]  # start level index per skill
    tempo: float  # levels per year
    begin: dt.date


def maak_leerlingen(rng: random.Random, aantal: int, begin: dt.date) -> list[Leerling]:
    aanbieders = ["taalschool-noord", "roc-midden", "leerhuis-zuid"]
    leerlingen = []
    for i in range(aantal):
        route = rng.choice(ROUTES)
        tempo = {"B1-route": 1.0, "onderwijsroute": 1.4, "Z-route": 0.4}[route] * rng.uniform(0.5, 1.5)
        basis = rng.choice([0, 0, 1, 1, 2]) if route != "onderwijsroute" else rng.choice([1, 2, 2])
        leerlingen.append(
            Leerling(
                bsn=bsn(rng), vnummer=f"{rng.randint(1, 9)}{rng.randint(0, 10**9 - 1):09d}",
                voornaam=rng.choice(VOORNAMEN), achternaam=rng.choice(ACHTERNAMEN),
                aanbieder=aanbieders[i % 3], route=route, taal=rng.choice(TALEN),
                start=[max(0, min(3, basis + rng.choice([-1, 0, 0, 1]))) for _ in VAARDIGHEDEN],
                tempo=tempo, begin=begin + dt.timedelta(days=rng.randint(0, 200)),
            )
        )  # fmt: skip
    return leerlingen


def niveau_op(leerling: Leerling, vaardigheid: int, datum: dt.date, rng: random.Random) -> int:
    jaren = max(0.0, (datum - leerling.begin).days / 365)
    traag = 0.8 if VAARDIGHEDEN[vaardigheid] in ("spreken", "gesprekken voeren") else 1.0
    return min(4, leerling.start[vaardigheid] + int(jaren * leerling.tempo * traag + rng.uniform(-0.3, 0.3)))


def kwartalen(begin: dt.date, eind: dt.date) -> list[tuple[dt.date, dt.date]]:
    perioden: list[tuple[dt.date, dt.date]] = []
    jaar, kwartaal = begin.year, (begin.month - 1) // 3
    while True:
        start = dt.date(jaar, kwartaal * 3 + 1, 1)
        volgende = dt.date(jaar + (kwartaal == 3), (kwartaal + 1) % 4 * 3 + 1, 1)
        if volgende > eind:
            return perioden
        perioden.append((start, volgende - dt.timedelta(days=1)))
        jaar, kwartaal = volgende.year, (volgende.month - 1) // 3


def _komma(getal: float) -> str:
    return f"{getal:.1f}".replace(".", ",")


def schrijf_taalschool_noord(map_: Path, leerlingen: list[Leerling], perioden, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """';'-separated Windows-1252 CSV, decimal comma, dd-mm-jjjj, one row per learner per quarter."""
    kop = ["Periode van", "Periode tot", "BSN", "Achternaam", "Voornaam", "Woonplaats", "Leerroute", "Moedertaal",
           "Uren aangeboden", "Uren aanwezig", "Afwezig geoorloofd", "Afwezig ongeoorloofd", "Datum toets", "Toets",
           "Lezen", "Luisteren", "Spreken", "Gesprekken voeren", "Schrijven", "Opmerking"]  # fmt: skip
    regels = [";".join(kop)]
    for ll in (x for x in leerlingen if x.aanbieder == "taalschool-noord"):
        for start, eind in perioden:
            if eind < ll.begin:
                continue
            aangeboden = rng.choice([120.0, 132.0, 144.0])
            aanwezig = round(aangeboden * rng.uniform(0.6, 1.0), 1)
            geoorloofd = round((aangeboden - aanwezig) * rng.uniform(0.3, 0.8), 1)
            toets = eind - dt.timedelta(days=rng.randint(3, 20))
            niveaus = [NIVEAUS[niveau_op(ll, v, toets, rng)] for v in range(5)]
            niveaus = [n.lower() if rng.random() < 0.05 else n for n in niveaus]  # sloppy case, normalised
            rij = [start.strftime("%d-%m-%Y"), eind.strftime("%d-%m-%Y"), ll.bsn, ll.achternaam, ll.voornaam,
                   rng.choice(PLAATSEN), ll.route.replace("-route", ""), TAALNAAM[ll.taal], _komma(aangeboden),
                   _komma(aanwezig), _komma(geoorloofd), _komma(aangeboden - aanwezig - geoorloofd),
                   toets.strftime("%d-%m-%Y"), "Voortgangstoets NT2", *niveaus, "café bezocht"]  # fmt: skip
            regels.append(";".join(rij))
    # Deliberately wrong rows: an invalid BSN, an ambiguous level, an impossible date.
    fout = ["01-04-2025", "30-06-2025", ongeldig_bsn(rng), "Test", "Fout", "Zwolle", "B1", "Arabisch", "120,0",
            "100,0", "10,0", "10,0", "15-06-2025", "Voortgangstoets NT2", "A2", "A2", "A1", "A1", "A1", ""]  # fmt: skip
    regels.append(";".join(fout))
    regels.append(";".join([*fout[:2], leerlingen[0].bsn, *fout[3:14], "B1+", "A2", "A2", "A2", "A1", ""]))
    regels.append(";".join([*fout[:2], leerlingen[3].bsn, *fout[3:12], "31-02-2025", *fout[13:]]))
    (map_ / "voortgang-2025.csv").write_bytes(("\r\n".join(regels) + "\r\n").encode("cp1252"))


def schrijf_roc_midden(map_: Path, leerlingen: list[Leerling], perioden, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """UTF-8 CSV with BOM, ',' separated, ISO dates, one row per measurement (long format)."""
    codes = {"lezen": "LE", "luisteren": "LU", "spreken": "SP", "gesprekken voeren": "Gesprekken", "schrijven": "SC"}
    rijen = []
    for ll in (x for x in leerlingen if x.aanbieder == "roc-midden"):
        for i, (_start, eind) in enumerate(perioden):
            if eind < ll.begin or i % 2:
                continue
            datum = eind - dt.timedelta(days=rng.randint(3, 25))
            soort, instrument = ("observatie", "Docentobservatie") if i % 4 else ("toets", "TOA")
            for v, vaardigheid in enumerate(VAARDIGHEDEN):
                niveau = NIVEAUS[niveau_op(ll, v, datum, rng)]
                if rng.random() < 0.1 and niveau != "A0":
                    niveau += rng.choice([".1", ".2"])  # sub-levels, normalised down
                rijen.append([ll.vnummer, f"{ll.voornaam} {ll.achternaam}", datum.isoformat(), codes[vaardigheid],
                              niveau, soort, instrument, "", ll.route[0], ll.taal])  # fmt: skip
        # An inburgeringsexamen per learner near the end, on the B1-route.
        if ll.route == "B1-route":
            datum = perioden[-1][1] - dt.timedelta(days=rng.randint(5, 60))
            for v, vaardigheid in enumerate(VAARDIGHEDEN):
                if vaardigheid == "gesprekken voeren":
                    continue
                niveau_nu = niveau_op(ll, v, datum, rng)
                uitslag = "Geslaagd" if niveau_nu >= 3 else "Gezakt"
                rijen.append([ll.vnummer, f"{ll.voornaam} {ll.achternaam}", datum.isoformat(), codes[vaardigheid],
                              "B1", "Examen", "Inburgeringsexamen", uitslag, "B", ll.taal])  # fmt: skip
    # Deliberately wrong: KNM is not a language skill, '2F' is no ERK level, a future date.
    ll = leerlingen[1]
    rijen.append([ll.vnummer, "X", "2025-05-01", "KNM", "A2", "Examen", "Inburgeringsexamen", "Geslaagd", "B", "ar"])
    rijen.append([ll.vnummer, "X", "2025-05-02", "LE", "2F", "Toets", "TOA", "", "B", "ar"])
    rijen.append([ll.vnummer, "X", "2099-01-01", "LE", "A2", "Toets", "TOA", "", "B", "ar"])
    frame = pl.DataFrame(
        rijen, orient="row",
        schema=["V-nummer", "Naam", "Datum", "Onderdeel", "Niveau", "Soort", "Instrument", "Uitslag", "Route", "Taal"],
    )  # fmt: skip
    (map_ / "resultaten-2024-2025.csv").write_bytes(b"\xef\xbb\xbf" + frame.write_csv().encode("utf-8"))


def schrijf_leerhuis_zuid(map_: Path, leerlingen: list[Leerling], perioden, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """An .xlsx workbook, sheet 'Voortgang', real date cells, one row per learner per half year."""
    rijen = []
    for ll in (x for x in leerlingen if x.aanbieder == "leerhuis-zuid"):
        for i in range(0, len(perioden) - 1, 2):
            start, eind = perioden[i][0], perioden[i + 1][1]
            if eind < ll.begin:
                continue
            aangeboden = float(rng.choice([240, 260]))
            aanwezig = round(aangeboden * rng.uniform(0.55, 1.0))
            rijen.append({
                "Leerlingnr": f"LZ{rng.randint(10000, 99999)}", "BSN": ll.bsn,
                "Naam leerling": f"{ll.voornaam} {ll.achternaam}", "Start periode": start, "Einde periode": eind,
                "Route": ll.route, "Taal": ll.taal, "Aangeboden": aangeboden, "Aanwezig": float(aanwezig),
                "Geoorloofd": float(round((aangeboden - aanwezig) / 2)), "Ongeoorloofd": float((aangeboden - aanwezig) - round((aangeboden - aanwezig) / 2)),
                "Peildatum": eind - dt.timedelta(days=7), "Meting": "observatie",
                **{v.capitalize(): NIVEAUS[niveau_op(ll, n, eind, rng)] for n, v in enumerate(VAARDIGHEDEN)},
            })  # fmt: skip
    rijen.append({**rijen[0], "BSN": "12345", "Peildatum": dt.date(2025, 1, 10)})  # too short a BSN
    rijen.append({**rijen[1], "Route": "snelroute", "Peildatum": dt.date(2025, 1, 11)})  # unknown route
    pl.DataFrame(rijen).write_excel(map_ / "voortgang-leerhuis-zuid.xlsx", worksheet="Voortgang")


MAPPINGS = {
    "taalschool-noord": '''# Taalschool Noord levert elk kwartaal een CSV uit hun leerlingvolgsysteem (Excel, Nederlands).
naam = "Taalschool Noord"
instellingsnummer = "BOW-10452"

[bestand]
formaat = "csv"
patroon = "*.csv"
codering = "windows-1252"
scheidingsteken = ";"
decimaalteken = ","
datumformaat = "%d-%m-%Y"

[identificatie]
soort = "bsn"
kolom = "BSN"

[kolommen]
datum = "Datum toets"
instrument = "Toets"
leerroute = "Leerroute"
thuistaal = "Moedertaal"
periode_start = "Periode van"
periode_eind = "Periode tot"
uren_aangeboden = "Uren aangeboden"
uren_aanwezig = "Uren aanwezig"
afwezig_geoorloofd = "Afwezig geoorloofd"
afwezig_ongeoorloofd = "Afwezig ongeoorloofd"

[vaardigheden]
lezen = "Lezen"
luisteren = "Luisteren"
spreken = "Spreken"
"gesprekken voeren" = "Gesprekken voeren"
schrijven = "Schrijven"

[vast]
soort_meting = "toets"
''',
    "roc-midden": '''# ROC Midden exporteert toets- en examenresultaten: een regel per vaardigheid, UTF-8 met BOM.
naam = "ROC Midden, afdeling NT2"
instellingsnummer = "25LX"

[bestand]
formaat = "csv"
patroon = "resultaten-*.csv"
codering = "utf-8"
scheidingsteken = ","
decimaalteken = "."
datumformaat = "%Y-%m-%d"

[identificatie]
soort = "vnummer"
kolom = "V-nummer"

[kolommen]
datum = "Datum"
vaardigheid = "Onderdeel"
niveau = "Niveau"
soort_meting = "Soort"
instrument = "Instrument"
uitslag = "Uitslag"
leerroute = "Route"
thuistaal = "Taal"
''',
    "leerhuis-zuid": '''# Leerhuis Zuid stuurt een Excel-werkmap per half jaar.
naam = "Leerhuis Zuid"
instellingsnummer = "BOW-20981"

[bestand]
formaat = "xlsx"
patroon = "*.xlsx"
blad = "Voortgang"
datumformaat = "%d-%m-%Y"

[identificatie]
soort = "bsn"
kolom = "BSN"

[kolommen]
datum = "Peildatum"
soort_meting = "Meting"
leerroute = "Route"
thuistaal = "Taal"
periode_start = "Start periode"
periode_eind = "Einde periode"
uren_aangeboden = "Aangeboden"
uren_aanwezig = "Aanwezig"
afwezig_geoorloofd = "Geoorloofd"
afwezig_ongeoorloofd = "Ongeoorloofd"

[vaardigheden]
lezen = "Lezen"
luisteren = "Luisteren"
spreken = "Spreken"
"gesprekken voeren" = "Gesprekken voeren"
schrijven = "Schrijven"
''',
}


def _sectorwoorden() -> dict[str, list[tuple[str, bool]]]:
    from vakwoorden.lijst import SECTOREN, lees_lijst

    woorden: dict[str, list[tuple[str, bool]]] = {}
    for sector in SECTOREN:
        try:
            woorden[sector] = [(w.woord, w.veiligheid) for w in lees_lijst(sector)]
        except FileNotFoundError:
            woorden[sector] = []
    return woorden


def schrijf_werkplekken(map_: Path, leerlingen: list[Leerling], rng: random.Random, einde: dt.date) -> None:
    werkplekken = []
    vakwoorden = []
    woorden = _sectorwoorden()
    for sector, lijst in WERKGEVERS.items():
        for i, (werkgever, functie) in enumerate(lijst):
            code = f"WP-{sector[:2].upper()}{i + 1:02d}"
            eis = EISEN[sector] if i % 3 else tuple("2F" if n == "B1" else n for n in EISEN[sector])
            werkplekken.append([code, werkgever, sector, functie, "nee" if sector == "zorg" else "ja", *eis])
            veilig = [w for w, v in woorden[sector] if v]
            overig = [w for w, v in woorden[sector] if not v]
            keuze = veilig[:15] + rng.sample(overig, min(len(overig), 25))
            vakwoorden += [[code, w] for w in keuze]
    werkplekken.append(["WP-XX99", "Onbekend Bedrijf", "horeca", "kok", "nee", "A2", "A2", "A2", "A2", "A1"])
    kop = ["werkplek", "werkgever", "sector", "functie", "vca_vereist",
           "niveau_lezen", "niveau_luisteren", "niveau_spreken", "niveau_gesprekken_voeren", "niveau_schrijven"]  # fmt: skip
    pl.DataFrame(werkplekken, orient="row", schema=kop).write_csv(map_ / "werkplekken.csv")
    pl.DataFrame(vakwoorden, orient="row", schema=["werkplek", "woord"]).write_csv(map_ / "vakwoorden.csv")
    codes = [w[0] for w in werkplekken[:-1]]
    plaatsingen = []
    for ll in rng.sample(leerlingen, k=len(leerlingen) * 2 // 3):
        start = ll.begin + dt.timedelta(days=rng.randint(120, 500))
        if start > einde:
            continue
        eind = start + dt.timedelta(days=rng.choice([90, 180, 365]))
        id_, soort_id = (ll.vnummer, "V-nummer") if ll.aanbieder == "roc-midden" else (ll.bsn, "BSN")
        plaatsingen.append([id_, soort_id, f"{ll.voornaam} {ll.achternaam}", rng.choice(codes),
                            rng.choice(PLAATSINGSSOORTEN), start.isoformat(), eind.isoformat() if eind < einde else ""])  # fmt: skip
    plaatsingen.append([leerlingen[2].bsn, "BSN", "X", "WP-XX99", "stage", "2025-03-01", ""])  # unknown werkplek
    plaatsingen.append([leerlingen[4].bsn, "BSN", "X", codes[0], "stage", "2025-03-01", "2025-01-01"])  # ends before start
    kop = ["identificatie", "soort_identificatie", "naam", "werkplek", "soort", "startdatum", "einddatum"]
    pl.DataFrame(plaatsingen, orient="row", schema=kop).write_csv(map_ / "plaatsingen.csv")


def genereer(map_: Path, leerlingen: int = 300, zaad: int = 2026, einde: dt.date = dt.date(2026, 9, 30)) -> None:
    """Write a complete demo landing folder to ``map_``."""
    rng = random.Random(zaad)
    begin = einde - dt.timedelta(days=730)
    groep = maak_leerlingen(rng, leerlingen, begin)
    perioden = kwartalen(begin, einde)
    for code, mapping in MAPPINGS.items():
        doel = map_ / "taalaanbieders" / code
        doel.mkdir(parents=True, exist_ok=True)
        (doel / "mapping.toml").write_text(mapping, encoding="utf-8")
    schrijf_taalschool_noord(map_ / "taalaanbieders" / "taalschool-noord", groep, perioden, rng)
    schrijf_roc_midden(map_ / "taalaanbieders" / "roc-midden", groep, perioden, rng)
    schrijf_leerhuis_zuid(map_ / "taalaanbieders" / "leerhuis-zuid", groep, perioden, rng)
    (map_ / "werkplekken").mkdir(parents=True, exist_ok=True)
    schrijf_werkplekken(map_ / "werkplekken", groep, rng, einde)
    (map_ / DEMO_MARKERING).write_text(
        "Deze map bevat nepgegevens, gemaakt door 'vakwoorden genereer'. Namen en nummers zijn verzonnen.\n"
        "Alleen de meegeleverde demobestanden (herkend aan hun inhoud) mogen zonder eigen VAKWOORDEN_SLEUTEL\n"
        "ingelezen worden; dit bestand kopiëren verandert daar niets aan.\n",
        encoding="utf-8",
    )


def genereer_groot(pad: Path, rijen: int, zaad: int = 7) -> None:
    """One large taalaanbieder file in Taalschool Noord's format (for the benchmark).

    Names carry accents, as real ones do (Latin-1 range, so a bare DuckDB can read it too).
    """
    rng = random.Random(zaad)
    leerlingen = max(1, rijen // 8)
    bsns = [bsn(rng) for _ in range(leerlingen)]
    index = pl.int_range(0, rijen, eager=True)
    i = pl.col("i")
    frame = pl.DataFrame({"i": index, "BSN": pl.Series(bsns).gather(index % leerlingen)}).select(
        pl.lit("01-01-2025").alias("Periode van"),
        pl.lit("31-03-2025").alias("Periode tot"),
        pl.col("BSN"),
        pl.lit(["Haddad", "Özdemir", "Abdi", "Kovalenko", "Desta"]).list.get(i % 5).alias("Achternaam"),
        pl.lit(["Amal", "Hélène", "Yonas", "Çelik", "Zoë", "Olena"]).list.get(i % 6).alias("Voornaam"),
        pl.lit("Zwolle").alias("Woonplaats"),
        pl.lit("B1").alias("Leerroute"),
        pl.lit("Arabisch").alias("Moedertaal"),
        pl.lit("132,0").alias("Uren aangeboden"),
        pl.format("{},5", i % 40 + 90).alias("Uren aanwezig"),
        pl.lit("10,0").alias("Afwezig geoorloofd"),
        pl.lit("1,5").alias("Afwezig ongeoorloofd"),
        pl.format("{}-03-2025", (i % 28 + 1).cast(pl.String).str.zfill(2)).alias("Datum toets"),
        pl.lit("Voortgangstoets NT2").alias("Toets"),
        *(
            pl.lit(NIVEAUS).list.get((i + k) % 5).alias(v)
            for k, v in enumerate(["Lezen", "Luisteren", "Spreken", "Gesprekken voeren", "Schrijven"])
        ),
        pl.lit("").alias("Opmerking"),
    )
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(frame.write_csv(separator=";", line_terminator="\r\n").encode("cp1252"))
