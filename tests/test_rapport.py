"""Reports for the jobcoach and the gemeente: complete, escaped, nothing personal, A4, suppressed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from marts_hulp import Demo, bouw_demo

from opdrachten.cli import main
from pipelines.marts import bouw_alle_marts
from pipelines.rapporten.maak import (
    OnbekendeLeerling,
    gemeenterapport,
    kleine_aantallen,
    leerlingen_met_lopende_plaatsing,
    leerlingrapport,
)

demo_warehouse = pytest.fixture(scope="session", name="demo_warehouse")(bouw_demo)

VAARDIGHEDEN = ["lezen", "luisteren", "spreken", "gesprekken voeren", "schrijven"]


def _eerste_leerling(con: duckdb.DuckDBPyConnection) -> str:
    leerlingen = leerlingen_met_lopende_plaatsing(con)
    assert leerlingen
    return leerlingen[0]


def test_leerlingrapport_heeft_alle_onderdelen(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        leerling = _eerste_leerling(con)
        werkplek = con.execute(
            "SELECT werkplek FROM mart.werkplek_gereedheid WHERE leerling = ? AND actief", [leerling]
        ).fetchall()[0][0]
        rapport = leerlingrapport(con, leerling)
    html = rapport.html
    for kop in ("Werkplek", "Niveau per vaardigheid", "Vaktaal", "Aanwezigheid", "Volgende deck"):
        assert f"<h2>{kop}</h2>" in html
    assert "@page" in html and "size: A4" in html
    assert leerling in html and werkplek in html
    assert html.count("<svg") == 2  # the skill plots and the attendance plot, inline
    niveaus = rapport.grafieken["niveaus"]
    for vaardigheid in VAARDIGHEDEN:
        assert vaardigheid in niveaus
    assert "eis lopende plaatsing" in niveaus


def test_rapport_bevat_geen_namen_of_nummers(demo_warehouse: Demo) -> None:
    import polars as pl

    plaatsingen = pl.read_csv(demo_warehouse.landing / "werkplekken" / "plaatsingen.csv", infer_schema=False)
    geheim = {g for g in set(plaatsingen["identificatie"]) | set(plaatsingen["naam"]) if len(g) > 3}
    # Every report the asset wrote (its plots inline), and the gemeente's.
    rapporten = sorted((demo_warehouse.uit / "rapporten").rglob("*.html"))
    assert len(rapporten) > 20
    for pad in rapporten:
        html = pad.read_text(encoding="utf-8")
        assert not [g for g in geheim if g in html], pad.name


def test_tekst_uit_het_warehouse_wordt_geescaped(demo_warehouse: Demo, tmp_path: Path) -> None:
    pad = tmp_path / "wh.duckdb"
    shutil.copy(demo_warehouse.database, pad)
    with duckdb.connect(str(pad)) as con:
        leerling = _eerste_leerling(con)
        con.execute(
            "UPDATE kern.werkplek SET werkgever = '<script>alert(1)</script> & Zn', functie = '\"><img src=x onerror=y>' "
            "WHERE werkplek IN (SELECT werkplek FROM kern.plaatsing WHERE leerling = ?)",
            [leerling],
        )
        bouw_alle_marts(con)
        html = leerlingrapport(con, leerling).html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zn" in html


def test_onbekende_of_ongeldige_leerling_wordt_geweigerd(
    demo_warehouse: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo_warehouse.lees() as con:
        with pytest.raises(OnbekendeLeerling):
            leerlingrapport(con, "123456782")  # a BSN is never accepted
        with pytest.raises(OnbekendeLeerling):
            leerlingrapport(con, "0" * 20)
    code = main(
        [
            "rapport",
            "--leerling",
            "123456782",
            "--warehouse",
            str(demo_warehouse.database),
            "--uit",
            str(tmp_path),
        ]
    )
    assert code == 1
    assert "pseudoniem" in capsys.readouterr().err
    assert not (tmp_path / "rapporten").exists()


def test_cli_schrijft_rapport_van_een_leerling(demo_warehouse: Demo, tmp_path: Path) -> None:
    with demo_warehouse.lees() as con:
        leerling = _eerste_leerling(con)
    assert (
        main(
            [
                "rapport",
                "--leerling",
                leerling,
                "--warehouse",
                str(demo_warehouse.database),
                "--uit",
                str(tmp_path),
            ]
        )
        == 0
    )
    assert (tmp_path / "rapporten" / f"leerling-{leerling}.html").exists()
    assert (
        (tmp_path / "rapporten" / f"leerling-{leerling}-niveaus.svg")
        .read_text(encoding="utf-8")
        .startswith("<svg")
    )


def test_asset_maakt_een_rapport_per_leerling_met_lopende_plaatsing(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        leerlingen = set(leerlingen_met_lopende_plaatsing(con))
    map_ = demo_warehouse.uit / "rapporten" / "leerlingen"
    assert {p.name.removeprefix("leerling-").removesuffix(".html") for p in map_.glob("*.html")} == leerlingen
    materialisaties = {
        m.asset_key.to_user_string(): m
        for m in demo_warehouse.resultaat.asset_materializations_for_node("rapporten__leerlingen")
    }
    metadata = materialisaties["rapporten/leerlingen"].metadata
    assert metadata["rapporten"].value == len(leerlingen)
    assert "data:image/svg+xml;base64," in metadata["grafieken"].value
    gemeente = demo_warehouse.resultaat.asset_materializations_for_node("rapporten__gemeente")[0].metadata
    assert "data:image/svg+xml;base64," in gemeente["grafiek"].value


def test_gemeenterapport_toont_geen_aantal_onder_10(demo_warehouse: Demo) -> None:
    with demo_warehouse.lees() as con:
        html = gemeenterapport(con).html
    assert "&lt;10" in html  # suppression is shown, and escaped
    assert re.findall(r'<td class="getal">(.*?)</td>', html)
    assert kleine_aantallen(html) == []
    # The check itself finds a small count in any of the three shapes a cell can take.
    for cel in ("7", "7 (70,0%)", "0,118 (7)"):
        assert kleine_aantallen(f'<td class="getal">{cel}</td>') == [cel]
    assert kleine_aantallen('<td class="getal">12 (45,0%)</td><td class="getal">1,09</td>') == []
    evaluaties = {
        (e.asset_key.to_user_string(), e.check_name): e.passed
        for e in demo_warehouse.resultaat.get_asset_check_evaluations()
    }
    assert evaluaties[("rapporten/gemeente", "afscherming")]


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is niet geïnstalleerd")
def test_leerlingrapport_print_op_een_of_twee_a4(demo_warehouse: Demo, tmp_path: Path) -> None:
    with demo_warehouse.lees() as con:
        pad = leerlingrapport(con, _eerste_leerling(con)).schrijf(tmp_path)
    pdf = tmp_path / "rapport.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", pad.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    inhoud = pdf.read_bytes()
    paginas = len(re.findall(rb"/Type\s*/Page[^s]", inhoud))
    assert 1 <= paginas <= 2
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+59[45]", inhoud)  # A4: 595 x 842 points


def test_vaktaal_in_het_rapport_komt_uit_de_beheersing(demo_warehouse: Demo, tmp_path: Path) -> None:
    pad = tmp_path / "wh.duckdb"
    shutil.copy(demo_warehouse.database, pad)
    with duckdb.connect(str(pad)) as con:
        leerling = _eerste_leerling(con)
        veilig, gewoon = con.execute(
            "SELECT min(woord) FILTER (WHERE veiligheid), min(woord) FILTER (WHERE NOT veiligheid) "
            "FROM mart.plaatsing_vakwoord WHERE leerling = ?",
            [leerling],
        ).fetchall()[0]
        con.execute(
            "CREATE OR REPLACE TABLE kern.vakwoord_beheersing AS SELECT * FROM (VALUES "
            "(?, (SELECT sector FROM mart.plaatsing_vakwoord WHERE leerling = ? LIMIT 1), ?, 9, TIMESTAMP '2026-09-01', 30.0, 0.95, true), "
            "(?, (SELECT sector FROM mart.plaatsing_vakwoord WHERE leerling = ? LIMIT 1), ?, 2, TIMESTAMP '2026-09-01', 2.0, 0.6, false)"
            ") AS t (leerling, sector, woord, herhalingen, laatste_herhaling, stabiliteit_dagen, kans_herinnerd, beheerst)",
            [leerling, leerling, veilig, leerling, leerling, gewoon],
        )
        bouw_alle_marts(con)
        rapport = leerlingrapport(con, leerling)
    html = rapport.html
    assert "Geoefend in Anki: <strong>2</strong>; beheerst: <strong>1</strong>" in html
    assert f'<span class="ja">✓</span> {veilig}</li>' in html
    assert "geen Anki-herhalingen" not in html
    # The mastered safety word is no longer among the words to study first.
    eerst = re.search(r"Eerst oefenen: (.*?)\.</p>", html)
    assert eerst and veilig not in eerst.group(1).split(", ")


def test_cli_alle_leerlingen_en_gemeente(demo_warehouse: Demo, tmp_path: Path) -> None:
    database = str(demo_warehouse.database)
    assert main(["rapport", "--alle", "--warehouse", database, "--uit", str(tmp_path)]) == 0
    with demo_warehouse.lees() as con:
        aantal = len(leerlingen_met_lopende_plaatsing(con))
    assert len(list((tmp_path / "rapporten").glob("leerling-*.html"))) == aantal
    assert main(["rapport", "--gemeente", "--warehouse", database, "--uit", str(tmp_path)]) == 0
    html = (tmp_path / "rapporten" / "gemeente-overzicht.html").read_text(encoding="utf-8")
    assert "Cohorten" in html and kleine_aantallen(html) == []


def test_ongewijzigde_grafiek_wordt_niet_opnieuw_getekend(
    demo_warehouse: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from vakwoorden.rapport import grafiek

    vandaag = dt.date.today()

    getekend: list[str] = []
    for naam in ("niveaus_per_vaardigheid", "aanwezigheid"):
        echt = getattr(grafiek, naam)
        monkeypatch.setattr(grafiek, naam, lambda *a, _echt=echt, _naam=naam: (getekend.append(_naam), _echt(*a))[1])
    with demo_warehouse.lees() as con:
        leerling = _eerste_leerling(con)
        eerste = leerlingrapport(con, leerling, vandaag=vandaag, eerder=tmp_path)
        eerste.schrijf(tmp_path)
        assert sorted(getekend) == ["aanwezigheid", "niveaus_per_vaardigheid"]
        tweede = leerlingrapport(con, leerling, vandaag=vandaag, eerder=tmp_path)  # same data: both plots from the files
        assert len(getekend) == 2 and tweede.html == eerste.html
        later = leerlingrapport(con, leerling, vandaag=vandaag + dt.timedelta(days=40), eerder=tmp_path)
    assert getekend[2:] == ["niveaus_per_vaardigheid"]  # the time axis reaches today: drawn again
    assert later.grafieken["aanwezigheid"] == eerste.grafieken["aanwezigheid"]
    (tmp_path / f"leerling-{leerling}-aanwezigheid.svg").write_text("<svg>iets anders</svg>", encoding="utf-8")
    with demo_warehouse.lees() as con:
        leerlingrapport(con, leerling, vandaag=vandaag, eerder=tmp_path)
    assert getekend[3:] == ["aanwezigheid"]  # a file without the right mark is never trusted


def test_veel_grafieken_in_processen_gelijk_aan_hier_getekend(tmp_path: Path) -> None:
    import datetime as dt

    from vakwoorden.rapport import grafiek, tekenen

    begin = dt.date(2025, 1, 6)
    grafieken = [
        tekenen.Grafiek(grafiek.aanwezigheid, ([(begin + dt.timedelta(days=30 * j), 40.0, float(20 + i)) for j in range(6)],))
        for i in range(tekenen.MIN_VOOR_PROCESSEN)
    ]  # fmt: skip
    with pytest.MonkeyPatch.context() as mp:  # nothing may be drawn in this process
        mp.setattr(tekenen.Grafiek, "teken", lambda self: pytest.fail("hier getekend, niet in een proces"))
        with tekenen.Tekenaar() as tekenaar:
            tekenaar.verwacht(len(grafieken))  # enough to be drawn by worker processes
            getekend = [uitkomst() for uitkomst in [tekenaar.teken(g) for g in grafieken]]
    assert getekend == [g.teken() for g in grafieken]  # the same SVG, byte for byte, as drawn here
    assert len(set(getekend)) == len(grafieken) and all(s.startswith('<svg data-invoer="') for s in getekend)
    pad = tmp_path / "x-aanwezigheid.svg"
    pad.write_text(getekend[0], encoding="utf-8")
    assert tekenen.Grafiek(grafieken[0].maak, grafieken[0].invoer, pad).bewaard() == getekend[0]
