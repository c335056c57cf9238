"""The marts as a data team uses them: right numbers (checked against plain Python over kern),
targets only from running placements, vaktaal readiness, fair provider figures, suppression, checks,
documentation and the example questions."""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from marts_hulp import Demo, bouw_demo

from pipelines.marts import (
    DEELBARE_MARTS,
    MARTS,
    afscherming_fouten,
    bouw_alle_marts,
    invarianten,
    woordenboek,
)
from pipelines.resources import PROJECTMAP

VANDAAG = dt.date.today()
NIVEAUS = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"]
VRAGEN = sorted((PROJECTMAP / "warehouse" / "vragen").glob("voorbeeld_*.sql"))


demo_warehouse = pytest.fixture(scope="session", name="demo_warehouse")(bouw_demo)


@pytest.fixture
def kopie(demo_warehouse: Demo, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable copy of the demo warehouse, to change kern and rebuild the marts."""
    pad = tmp_path / "kopie.duckdb"
    shutil.copy(demo_warehouse.database, pad)
    con = duckdb.connect(str(pad))
    yield con
    con.close()


def _actief(start: dt.date, eind: dt.date | None) -> bool:
    return start <= VANDAAG and (eind is None or eind >= VANDAAG)


def _huidig(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(leerling, vaardigheid) -> (start rank, current rank, measurements), in plain Python over kern."""
    reeksen: dict[tuple[str, str], list[tuple[dt.date, int]]] = defaultdict(list)
    for leerling, vaardigheid, datum, rang, soort, uitslag in con.execute(
        "SELECT leerling, vaardigheid, datum, niveau_rang, soort_meting, uitslag FROM kern.nt2_meting"
    ).fetchall():
        if soort != "examen" or uitslag == "geslaagd":
            reeksen[(leerling, vaardigheid)].append((datum, rang))
    uit = {}
    for sleutel, reeks in reeksen.items():
        reeks.sort()
        eerste = min(r for d, r in reeks if d == reeks[0][0])
        laatste = max(r for d, r in reeks if d == reeks[-1][0])
        uit[sleutel] = (eerste, laatste, len(reeks))
    return uit


def test_checks_op_alle_marts_draaien_en_slagen(demo_warehouse: Demo) -> None:
    evaluaties = demo_warehouse.resultaat.get_asset_check_evaluations()
    per_mart = {
        (e.asset_key.path[-1], e.check_name): e.passed for e in evaluaties if e.asset_key.path[0] == "mart"
    }
    for naam in MARTS:
        assert per_mart[(naam, "invarianten")], naam
    for naam in DEELBARE_MARTS:
        assert per_mart[(naam, "afscherming")], naam


def test_elke_mart_en_kolom_heeft_commentaar(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        for naam in MARTS:
            (opmerking,) = con.execute(
                "SELECT comment FROM duckdb_tables() WHERE schema_name = 'mart' AND table_name = ?", [naam]
            ).fetchone() or (None,)
            assert opmerking, naam
            zonder = con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'mart' AND table_name = ? "
                "AND (comment IS NULL OR comment = '')",
                [naam],
            ).fetchall()
            assert not zonder, (naam, zonder)


def test_woordenboek_in_readme_is_gegenereerd_uit_het_warehouse(demo_warehouse: Demo) -> None:
    tekst = (PROJECTMAP / "warehouse" / "README.md").read_text(encoding="utf-8")
    deel = re.search(r"<!-- marts:begin -->\n(.*)<!-- marts:einde -->", tekst, re.S)
    assert deel, (
        "warehouse/README.md mist het gegenereerde deel tussen <!-- marts:begin --> en <!-- marts:einde -->"
    )
    with demo_warehouse.lees() as con:
        verwacht = woordenboek(con)
    assert deel.group(1) == verwacht, (
        "draai: python -m pipelines.marts woordenboek warehouse/vakwoorden.duckdb"
    )


def test_voortgang_leerling_klopt_met_de_metingen(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        verwacht = _huidig(con)
        rijen = con.execute(
            "SELECT leerling, vaardigheid, start_niveau, huidig_niveau, metingen, groei_in_niveaus FROM mart.voortgang_leerling"
        ).fetchall()
    assert len(rijen) == len(verwacht) > 100
    for leerling, vaardigheid, start, huidig, metingen, groei in rijen:
        s, h, n = verwacht[(leerling, vaardigheid)]
        assert (start, huidig, metingen, groei) == (NIVEAUS[s], NIVEAUS[h], n, h - s)


def test_doel_komt_alleen_van_lopende_plaatsingen(
    demo_warehouse: Demo, kopie: duckdb.DuckDBPyConnection
) -> None:
    eisen = dict(
        ((w, v), r)
        for w, v, r in kopie.execute(
            "SELECT werkplek, vaardigheid, vereist_rang FROM kern.werkplek_niveau_eis"
        ).fetchall()
    )
    # A learner with one running metaal placement (A2 for spreken) gets a later placement at a zorg
    # werkplek (B1) that has already ended: the old mart took that one because it started last.
    leerling, werkplek = kopie.execute(
        "SELECT p.leerling, p.werkplek FROM kern.plaatsing p JOIN kern.werkplek w USING (werkplek) "
        "WHERE w.sector = 'metaal' AND p.startdatum <= current_date AND p.einddatum IS NULL "
        "AND p.leerling IN (SELECT leerling FROM kern.leerling) ORDER BY 1 LIMIT 1"
    ).fetchone()
    zorg = kopie.execute(
        "SELECT werkplek FROM kern.werkplek WHERE sector = 'zorg' ORDER BY 1 LIMIT 1"
    ).fetchone()[0]
    kopie.execute(
        "INSERT INTO kern.plaatsing VALUES (?, ?, 'stage', current_date - 20, current_date - 2)",
        [leerling, zorg],
    )
    bouw_alle_marts(kopie)
    rijen = kopie.execute(
        "SELECT vaardigheid, werkplek, vereist_niveau, actieve_plaatsingen FROM mart.voortgang_leerling WHERE leerling = ?",
        [leerling],
    ).fetchall()
    assert rijen
    for vaardigheid, wp, vereist, actief in rijen:
        assert (wp, actief) == (werkplek, 1)
        assert vereist == NIVEAUS[eisen[(werkplek, vaardigheid)]]
    # The ended placement stays in the history of targets, marked as not running.
    historie = kopie.execute(
        "SELECT DISTINCT werkplek, actief FROM mart.plaatsing_doel WHERE leerling = ? ORDER BY ALL",
        [leerling],
    ).fetchall()
    assert (zorg, False) in historie and (werkplek, True) in historie
    # Two running placements: the strictest requirement per skill counts.
    kopie.execute(
        "INSERT INTO kern.plaatsing VALUES (?, ?, 'stage', current_date - 1, NULL)", [leerling, zorg]
    )
    bouw_alle_marts(kopie)
    for vaardigheid, wp, vereist, actief in kopie.execute(
        "SELECT vaardigheid, werkplek, vereist_niveau, actieve_plaatsingen FROM mart.voortgang_leerling WHERE leerling = ?",
        [leerling],
    ).fetchall():
        strengst = max(eisen[(werkplek, vaardigheid)], eisen[(zorg, vaardigheid)])
        assert actief == 2 and vereist == NIVEAUS[strengst]
        assert eisen[(wp, vaardigheid)] == strengst


def test_geen_lopende_plaatsing_geen_doel(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        plaatsingen = con.execute("SELECT leerling, startdatum, einddatum FROM kern.plaatsing").fetchall()
        lopend = {ll for ll, s, e in plaatsingen if _actief(s, e)}
        alleen_beeindigd = {ll for ll, _, _ in plaatsingen} - lopend
        assert alleen_beeindigd
        rijen = con.execute(
            "SELECT leerling, werkplek, vereist_niveau, doel_bereikt FROM mart.voortgang_leerling"
        ).fetchall()
    for leerling, werkplek, vereist, bereikt in rijen:
        if leerling not in lopend:
            assert werkplek is None and vereist is None and bereikt is None


def test_historie_niveau_bij_start_en_eis_gehaald(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        reeksen: dict[tuple[str, str], list[tuple[dt.date, int]]] = defaultdict(list)
        for ll, v, d, r in con.execute(
            "SELECT leerling, vaardigheid, datum, niveau_rang FROM kern.nt2_meting WHERE soort_meting <> 'examen' OR uitslag = 'geslaagd'"
        ).fetchall():
            reeksen[(ll, v)].append((d, r))
        rijen = con.execute(
            "SELECT d.leerling, d.vaardigheid, d.startdatum, d.niveau_bij_start, d.eis_gehaald_op, e.rang "
            "FROM mart.plaatsing_doel d JOIN kern.erk_niveau e ON e.niveau = d.vereist_niveau"
        ).fetchall()
    assert len(rijen) > 100
    for leerling, vaardigheid, start, bij_start, gehaald, eis in rijen:
        reeks = reeksen.get((leerling, vaardigheid), [])
        tot_start = [r for d, r in reeks if d <= start]
        assert bij_start == (NIVEAUS[max(tot_start)] if tot_start else None)
        op_eis = [d for d, r in reeks if r >= eis]
        assert gehaald == (min(op_eis) if op_eis else None)


BEHEERSING = """
CREATE OR REPLACE TABLE kern.vakwoord_beheersing AS
SELECT * FROM (VALUES
    (?, ?, ?, 12, TIMESTAMP '2026-09-01 10:00:00', 40.0, 0.95, true),
    (?, ?, ?, 3, TIMESTAMP '2026-09-02 10:00:00', 2.0, 0.7, false)
) AS t (leerling, sector, woord, herhalingen, laatste_herhaling, stabiliteit_dagen, kans_herinnerd, beheerst)
"""


def _geplaatst_op(con: duckdb.DuckDBPyConnection, werkplek: str) -> str:
    leerling = con.execute("SELECT min(leerling) FROM kern.leerling").fetchone()[0]
    con.execute("DELETE FROM kern.plaatsing WHERE werkplek = ?", [werkplek])
    con.execute(
        "INSERT INTO kern.plaatsing VALUES (?, ?, 'stage', current_date - 10, NULL)", [leerling, werkplek]
    )
    return leerling


def test_vaktaal_gereedheid_uit_beheersing(kopie: duckdb.DuckDBPyConnection) -> None:
    leerling = _geplaatst_op(kopie, "WP-ME01")
    veilig, gewoon = kopie.execute(
        "SELECT min(wv.woord) FILTER (WHERE v.veiligheid), min(wv.woord) FILTER (WHERE NOT v.veiligheid) "
        "FROM kern.werkplek_vakwoord wv JOIN kern.vakwoord v USING (sector, woord) WHERE wv.werkplek = 'WP-ME01'"
    ).fetchone()
    kopie.execute(BEHEERSING, [leerling, "metaal", veilig, leerling, "metaal", gewoon])
    bouw_alle_marts(kopie)
    nodig, veilig_nodig = kopie.execute(
        "SELECT count(*), count(*) FILTER (WHERE v.veiligheid) FROM kern.werkplek_vakwoord wv "
        "JOIN kern.vakwoord v USING (sector, woord) WHERE wv.werkplek = 'WP-ME01'"
    ).fetchone()
    rij = kopie.execute(
        "SELECT vakwoorden_nodig, vakwoorden_geoefend, vakwoorden_beheerst, veiligheidswoorden_nodig, "
        "veiligheidswoorden_geoefend, veiligheidswoorden_beheerst, vakwoorden_beheerst_procent "
        "FROM mart.werkplek_gereedheid WHERE leerling = ? AND werkplek = 'WP-ME01' AND actief",
        [leerling],
    ).fetchone()
    assert rij == (nodig, 2, 1, veilig_nodig, 1, 1, round(100 / nodig, 1))
    # Without a mastery table (a warehouse from before the sync source) the marts still build.
    kopie.execute("DROP TABLE kern.vakwoord_beheersing")
    bouw_alle_marts(kopie)
    assert kopie.execute(
        "SELECT vakwoorden_geoefend, vakwoorden_beheerst FROM mart.werkplek_gereedheid WHERE leerling = ? AND actief",
        [leerling],
    ).fetchone() == (0, 0)


def test_taalaanbieders_eerlijk_vergeleken(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        per_leerling = con.execute(
            "SELECT la.taalaanbieder, la.leerroute, la.start_niveau, la.groei_in_niveaus, la.uren_aanwezig, la.leerling "
            "FROM mart.leerling_aanbieder la"
        ).fetchall()
        prestatie = con.execute(
            "SELECT taalaanbieder, leerroute, start_niveau, leerlingen, leerlingen_met_uren, groei_per_100_uur "
            "FROM mart.taalaanbieder_prestatie"
        ).fetchall()
        start = dict(
            con.execute(
                "SELECT leerling || taalaanbieder, floor(avg(start_rang))::INT FROM mart.leertraject "
                "WHERE metingen > 0 GROUP BY ALL"
            ).fetchall()
        )
        leerlingen = dict(
            con.execute(
                "SELECT taalaanbieder, count(DISTINCT leerling) FROM kern.nt2_meting GROUP BY 1"
            ).fetchall()
        )
    groepen: dict[tuple, list] = defaultdict(list)
    for aanbieder, route, niveau, groei, uren, leerling in per_leerling:
        groepen[(aanbieder, route, niveau)].append((groei, float(uren) if uren is not None else None))
        assert niveau == NIVEAUS[start[leerling + aanbieder]]
    assert len(prestatie) == len(groepen) >= 6
    for aanbieder, route, niveau, n, n_uren, per_100 in prestatie:
        leden = groepen[(aanbieder, route, niveau)]
        met_uren = [(g, u) for g, u in leden if u and g is not None]
        assert (n, n_uren) == (len(leden), len(met_uren))
        if met_uren:
            assert math.isclose(
                per_100, round(100 * float(sum(g for g, _ in met_uren)) / float(sum(u for _, u in met_uren)), 3)
            )
        else:
            assert per_100 is None
    totaal = defaultdict(int)
    for aanbieder, _, _, n, _, _ in prestatie:
        totaal[aanbieder] += n
    assert totaal == leerlingen


def _is_afgeschermd_getal(waarde: str) -> bool:
    return waarde == "<10" or (waarde.isdigit() and int(waarde) >= 10)


# Every derived figure of a shareable mart, with the counts it is computed from.
AFGELEID = {
    "cohort_overzicht": {
        "gemiddelde_groei_in_niveaus": ["leerlingen_gemeten"],
        "gemiddeld_uren_aanwezig": ["leerlingen_met_uren"],
        "routedoel_gehaald_procent": ["routedoel_gehaald", "leerlingen"],
        "examen_geslaagd_procent": ["examen_geslaagd", "leerlingen"],
        "taalklaar_procent": ["taalklaar", "met_lopende_plaatsing"],
    },
    "taalaanbieder_overzicht": {
        "gemiddelde_groei_in_niveaus": ["leerlingen_gemeten"],
        "groei_per_100_uur": ["leerlingen_met_uren"],
        "aanwezigheid_procent": ["leerlingen_met_rooster"],
        "doel_gehaald_procent": ["doel_gehaald", "leerlingen"],
        "doel_binnen_termijn_procent": ["doel_binnen_termijn", "leerlingen_termijn_bekend"],
        "leerlingen_geslaagd_procent": ["leerlingen_geslaagd", "leerlingen_met_examen"],
    },
}
DIMENSIES = {"startjaar", "leerroute", "sector", "taalaanbieder", "naam"}


@pytest.mark.parametrize("naam", DEELBARE_MARTS)
def test_deelbare_overzichten_tonen_geen_aantal_onder_10(demo_warehouse: Demo, naam: str) -> None:
    with demo_warehouse.lees() as con:
        rel = con.table(f"mart.{naam}")
        soorten = dict(zip(rel.columns, (str(t) for t in rel.types), strict=True))
        rijen = [dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall()]
    afgeleid = AFGELEID[naam]
    tellingen = [k for k in soorten if k not in DIMENSIES and k not in afgeleid]
    assert all(soorten[k] == "VARCHAR" for k in tellingen), soorten  # every count is shown as text
    assert rijen
    afgeschermd = getoond = 0
    for rij in rijen:
        for k in tellingen:
            assert _is_afgeschermd_getal(rij[k]), (k, rij[k])
            afgeschermd += rij[k] == "<10"
        for k, basis in afgeleid.items():
            if any(rij[b] == "<10" for b in basis):
                assert rij[k] is None, (k, rij)
            else:
                getoond += rij[k] is not None
    assert afgeschermd > 0 and getoond > 0  # both really happen in the demo


def test_afschermingscheck_vangt_een_klein_aantal_of_een_afgeleid_cijfer(
    kopie: duckdb.DuckDBPyConnection,
) -> None:
    assert afscherming_fouten(kopie, "cohort_overzicht") == []
    eerste = kopie.execute(
        "SELECT startjaar, leerroute, sector FROM mart.cohort_overzicht LIMIT 1"
    ).fetchone()
    kopie.execute(
        "UPDATE mart.cohort_overzicht SET leerlingen = '7' WHERE (startjaar, leerroute, sector) = (?, ?, ?)",
        list(eerste),
    )
    assert afscherming_fouten(kopie, "cohort_overzicht") == [eerste]
    bouw_alle_marts(kopie)
    kopie.execute(
        "UPDATE mart.taalaanbieder_overzicht SET leerlingen_met_uren = '<10', groei_per_100_uur = 0.5 "
        "WHERE taalaanbieder = (SELECT min(taalaanbieder) FROM mart.taalaanbieder_overzicht)"
    )
    assert afscherming_fouten(kopie, "taalaanbieder_overzicht")


def test_invarianten_vangen_fouten(kopie: duckdb.DuckDBPyConnection) -> None:
    assert not any(invarianten(kopie, "voortgang_leerling").values())
    kopie.execute(
        "UPDATE mart.voortgang_leerling SET huidig_niveau = 'B3' WHERE leerling = (SELECT min(leerling) FROM mart.voortgang_leerling)"
    )
    kopie.execute(
        "INSERT INTO mart.plaatsing_doel (leerling, werkplek, vaardigheid) VALUES ('onbekend', 'WP-ME01', 'lezen')"
    )
    kopie.execute("UPDATE mart.taalaanbieder_prestatie SET aanwezigheid_procent = 120")
    assert invarianten(kopie, "voortgang_leerling")["niveaus_buiten_a0_c2"] == 5
    assert invarianten(kopie, "plaatsing_doel")["leerlingen_niet_in_kern"] == 1
    assert invarianten(kopie, "taalaanbieder_prestatie")["procenten_buiten_0_100"] > 0


def test_voorbeeldvragen_zijn_gedocumenteerd_en_draaien(demo_warehouse: Demo) -> None:
    assert len(VRAGEN) >= 3
    with demo_warehouse.lees() as con:
        for pad in VRAGEN:
            sql = pad.read_text(encoding="utf-8")
            assert sql.startswith("-- Vraag: "), pad.name
            begin = time.perf_counter()
            con.execute(sql)
            rijen = con.fetchall()
            assert time.perf_counter() - begin < 2, pad.name
            assert rijen, pad.name


def test_vraag_metaal_spreken_onder_niveau(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        huidig = _huidig(con)
        plaatsingen = con.execute(
            "SELECT p.leerling, p.werkplek, p.startdatum, p.einddatum, e.vereist_rang, l.taalaanbieder "
            "FROM kern.plaatsing p JOIN kern.werkplek w USING (werkplek) "
            "JOIN kern.werkplek_niveau_eis e ON e.werkplek = p.werkplek AND e.vaardigheid = 'spreken' "
            "LEFT JOIN kern.leerling l ON l.leerling = p.leerling WHERE w.sector = 'metaal'"
        ).fetchall()
        con.execute(
            (PROJECTMAP / "warehouse/vragen/voorbeeld_metaal_spreken_onder_niveau.sql").read_text("utf-8")
        )
        antwoord = {(r[0], r[3], r[1]) for r in con.fetchall()}
    verwacht = set()
    for leerling, werkplek, start, eind, eis, aanbieder in plaatsingen:
        nu = huidig.get((leerling, "spreken"))
        if _actief(start, eind) and (nu is None or nu[1] < eis):
            verwacht.add((leerling, werkplek, aanbieder))
    assert antwoord == verwacht and verwacht


def test_vraag_veiligheidswoorden_die_niemand_kent(kopie: duckdb.DuckDBPyConnection) -> None:
    leerling = _geplaatst_op(kopie, "WP-ME01")
    veilig = [
        w for (w,) in kopie.execute(
            "SELECT wv.woord FROM kern.werkplek_vakwoord wv JOIN kern.vakwoord v USING (sector, woord) "
            "WHERE wv.werkplek = 'WP-ME01' AND v.veiligheid ORDER BY 1"
        ).fetchall()
    ]  # fmt: skip
    assert len(veilig) >= 3
    kopie.execute(BEHEERSING, [leerling, "metaal", veilig[0], leerling, "metaal", veilig[1]])
    bouw_alle_marts(kopie)
    kopie.execute(
        (PROJECTMAP / "warehouse/vragen/voorbeeld_veiligheidswoorden_onbekend.sql").read_text("utf-8")
    )
    rijen = kopie.fetchall()
    assert sorted(r[0] for r in rijen) == veilig[1:]  # the mastered one is gone; studied-only stays
    geoefend = {r[0]: r[3] for r in rijen}
    assert geoefend[veilig[1]] == 1 and geoefend[veilig[2]] == 0
    assert {r[2] for r in rijen} == {1}


def test_vraag_uren_per_niveau(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        per_leerling = con.execute(
            "SELECT taalaanbieder, leerroute, groei_in_niveaus, uren_aanwezig FROM mart.leerling_aanbieder "
            "WHERE uren_aanwezig > 0 AND groei_in_niveaus IS NOT NULL"
        ).fetchall()
        con.execute((PROJECTMAP / "warehouse/vragen/voorbeeld_uren_per_niveau.sql").read_text("utf-8"))
        antwoord = {(r[0], r[2]): (r[3], r[6]) for r in con.fetchall()}
    groepen: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for aanbieder, route, groei, uren in per_leerling:
        groepen[(aanbieder, route)].append((groei, float(uren)))
    assert set(antwoord) == set(groepen)
    for sleutel, leden in groepen.items():
        groei = sum(g for g, _ in leden)
        uren = sum(u for _, u in leden)
        n, per_niveau = antwoord[sleutel]
        assert n == len(leden)
        if groei > 0:
            assert abs(float(per_niveau) - float(uren) / float(groei)) <= 0.5 + 1e-6
        else:
            assert per_niveau is None
