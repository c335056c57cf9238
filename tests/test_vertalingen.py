"""`vakwoorden vertalingen export/import`: a native speaker's review goes out and comes back."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from opdrachten import cli
from vakwoorden import vertalingen
from vakwoorden.lijst import BASIS_KOLOMMEN, LIJSTEN_MAP, lees_lijst, lees_rijen, lijst_pad, schrijf_rijen
from vakwoorden.vertalingen import (
    AKKOORD,
    HUIDIG,
    OPMERKING,
    VERBETERING,
    WOORD,
    BestandFout,
    exporteer,
    importeer,
    lees_beoordeling,
)

DATUM = dt.date(2026, 11, 30)


@pytest.fixture()
def lijsten(tmp_path: Path) -> Path:
    """A copy of the first 20 entries of the metaal list (old columns only) and the zorg list."""
    map_ = tmp_path / "lijsten"
    for sector in ("metaal", "zorg"):
        (map_ / sector).mkdir(parents=True)
        shutil.copy(LIJSTEN_MAP / sector / "themas.csv", map_ / sector / "themas.csv")
        rijen = [r for _, r in lees_rijen(lijst_pad(sector))][:20]
        schrijf_rijen(lijst_pad(sector, map_), rijen, BASIS_KOLOMMEN)
    return map_


def _vul_in(regels: list[dict[str, str]], woord: str, **velden: str) -> None:
    (regel,) = [r for r in regels if r[WOORD] == woord]
    regel.update(velden)


def test_rondje_xlsx(lijsten: Path, tmp_path: Path) -> None:
    blad = tmp_path / "ti.xlsx"
    assert exporteer("ti", blad, sectoren=["metaal"], map_=lijsten) == 20
    voor = {w.woord: w for w in lees_lijst("metaal", lijsten)}
    regels = lees_beoordeling(blad)
    assert len(regels) == 20 and {r["taal"] for r in regels} == {"ti"}
    assert regels[0][HUIDIG] == voor[regels[0][WOORD]].vertalingen["ti"].tekst
    eerste, tweede, derde = (r[WOORD] for r in regels[:3])
    _vul_in(regels, eerste, **{AKKOORD: "ja"})
    _vul_in(regels, tweede, **{VERBETERING: "ናይ ብየዳ መጋረጃ (ሓድሽ)", OPMERKING: "beter woord"})
    _vul_in(regels, derde, **{OPMERKING: "weet ik niet"})  # a comment only: stays unchecked
    ingevuld = tmp_path / "ti-ingevuld.xlsx"
    vertalingen.schrijf_xlsx(ingevuld, regels, "ti")

    resultaat = importeer(ingevuld, "Tesfay Beoordelaar", datum=DATUM, map_=lijsten)
    assert (resultaat.gecontroleerd, resultaat.verbeterd, resultaat.leeg) == (1, 1, 18)
    assert resultaat.meldingen == []
    assert any("beter woord" in o for o in resultaat.opmerkingen)
    na = {w.woord: w for w in lees_lijst("metaal", lijsten)}
    goed = na[eerste].vertalingen["ti"]
    assert goed.gecontroleerd and goed.tekst == voor[eerste].vertalingen["ti"].tekst
    assert (goed.beoordelaar, goed.beoordeeld_op) == ("Tesfay Beoordelaar", "2026-11-30")
    verbeterd = na[tweede].vertalingen["ti"]
    assert verbeterd.gecontroleerd and verbeterd.tekst == "ናይ ብየዳ መጋረጃ (ሓድሽ)"
    assert not na[derde].vertalingen["ti"].gecontroleerd and na[derde].vertalingen["ti"].beoordelaar == ""
    # other languages and every other field are untouched
    for woord, oud in voor.items():
        nieuw = na[woord]
        assert (nieuw.uitleg, nieuw.voorbeeldzin, nieuw.niveau) == (oud.uitleg, oud.voorbeeldzin, oud.niveau)
        assert {t: v for t, v in nieuw.vertalingen.items() if t != "ti"} == {
            t: v for t, v in oud.vertalingen.items() if t != "ti"
        }
    # a second export leaves out what was checked, unless asked for everything
    assert exporteer("ti", tmp_path / "opnieuw.xlsx", sectoren=["metaal"], map_=lijsten) == 18
    assert exporteer("ti", tmp_path / "alles.xlsx", sectoren=["metaal"], map_=lijsten, alles=True) == 20


def test_rondje_csv_met_formule(lijsten: Path, tmp_path: Path) -> None:
    pad = lijst_pad("zorg", lijsten)
    rijen = [r for _, r in lees_rijen(pad)]
    woord = rijen[0]["woord"]
    rijen[0]["so"] = '=HYPERLINK("http://x";"klik")'
    schrijf_rijen(pad, rijen, BASIS_KOLOMMEN)

    csv_pad = tmp_path / "so.csv"
    exporteer("so", csv_pad, sectoren=["zorg"], map_=lijsten, als_csv=True)
    tekst = csv_pad.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in tekst and ",=HYPERLINK" not in tekst
    xlsx = tmp_path / "so.xlsx"
    exporteer("so", xlsx, sectoren=["zorg"], map_=lijsten)
    with zipfile.ZipFile(xlsx) as z:
        blad = z.read("xl/worksheets/sheet1.xml").decode()
        stijlen = z.read("xl/styles.xml").decode()
    assert "<f>" not in blad and 'quotePrefix="1"' in stijlen

    regels = lees_beoordeling(csv_pad)
    assert regels[0][HUIDIG].startswith("=HYPERLINK")  # the apostrophe is removed again
    _vul_in(regels, woord, **{VERBETERING: "=1+1"})
    _vul_in(regels, rijen[1]["woord"], **{VERBETERING: "daryeel"})
    terug = tmp_path / "so-terug.csv"
    vertalingen.schrijf_csv(terug, regels)
    resultaat = importeer(terug, "Beoordelaar", datum=DATUM, map_=lijsten)
    assert resultaat.verbeterd == 1 and len(resultaat.meldingen) == 1
    assert "begint met = + - @" in resultaat.meldingen[0]
    na = {w.woord: w for w in lees_lijst("zorg", lijsten)}
    assert not na[woord].vertalingen["so"].gecontroleerd
    assert na[rijen[1]["woord"]].vertalingen["so"].tekst == "daryeel"


def test_veranderd_sinds_export_en_onbekend_woord(lijsten: Path, tmp_path: Path) -> None:
    blad = tmp_path / "uk.csv"
    exporteer("uk", blad, sectoren=["metaal"], map_=lijsten, als_csv=True)
    regels = lees_beoordeling(blad)
    _vul_in(regels, regels[0][WOORD], **{AKKOORD: "ja"})
    _vul_in(regels, regels[1][WOORD], **{AKKOORD: "ja"})
    regels[1][WOORD] = "bestaatniet"
    # meanwhile someone edits the first translation in the list
    pad = lijst_pad("metaal", lijsten)
    rijen = [r for _, r in lees_rijen(pad)]
    rijen[0]["uk"] = "інше слово"
    schrijf_rijen(pad, rijen, BASIS_KOLOMMEN)
    terug = tmp_path / "uk-terug.csv"
    vertalingen.schrijf_csv(terug, regels)
    resultaat = importeer(terug, "Olena", datum=DATUM, map_=lijsten)
    assert resultaat.gecontroleerd == 0 and len(resultaat.meldingen) == 2
    assert "sinds de export veranderd" in resultaat.meldingen[0]
    assert "'bestaatniet' staat niet (meer) in de lijst" in resultaat.meldingen[1]
    assert not any(w.vertalingen["uk"].gecontroleerd for w in lees_lijst("metaal", lijsten))


def test_proef_verandert_niets(lijsten: Path, tmp_path: Path) -> None:
    blad = tmp_path / "fa.csv"
    exporteer("fa", blad, sectoren=["metaal"], map_=lijsten, als_csv=True)
    regels = lees_beoordeling(blad)
    _vul_in(regels, regels[0][WOORD], **{AKKOORD: "ja"})
    vertalingen.schrijf_csv(blad, regels)
    voor = lijst_pad("metaal", lijsten).read_bytes()
    resultaat = importeer(blad, "Beoordelaar", map_=lijsten, proef=True)
    assert resultaat.gecontroleerd == 1 and lijst_pad("metaal", lijsten).read_bytes() == voor


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("weg.xlsx", None, "bestaat niet"),
        ("blad.ods", b"x", "bewaar het als .xlsx"),
        ("blad.pdf", b"x", "geen .xlsx- of .csv-bestand"),
        ("kapot.xlsx", b"geen zip", "geen Excel-werkmap"),
        ("leeg.csv", b"", "is leeg"),
        ("kolom.csv", b"sector,woord,taal,huidige vertaling\nmetaal,laskap,ti,x\n", "ontbreekt de kolom"),
        ("latin1.csv", "sector,woord\nmetaal,kni\xebn\n".encode("latin-1"), "geen UTF-8"),
        (
            "twee.csv",
            (
                b"sector,woord,taal,huidige vertaling,akkoord (ja),verbetering,opmerking\n"
                b"metaal,laskap,ti,x,ja,,\nmetaal,lasbril,so,y,ja,,\n"
            ),
            "precies één taal",
        ),
    ],
)
def test_verkeerde_bestanden(
    lijsten: Path, tmp_path: Path, naam: str, inhoud: bytes | None, melding: str
) -> None:
    pad = tmp_path / naam
    if inhoud is not None:
        pad.write_bytes(inhoud)
    with pytest.raises(BestandFout, match=melding):
        importeer(pad, "Beoordelaar", map_=lijsten)


def test_xlsx_zonder_tabblad(lijsten: Path, tmp_path: Path) -> None:
    import xlsxwriter

    pad = tmp_path / "ander.xlsx"
    boek = xlsxwriter.Workbook(str(pad))
    boek.add_worksheet("Blad1").write_string(0, 0, "iets")
    boek.close()
    with pytest.raises(BestandFout, match="geen tabblad 'vertalingen'"):
        importeer(pad, "Beoordelaar", map_=lijsten)


def test_cli(lijsten: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blad = tmp_path / "tr.xlsx"
    assert (
        cli.main(["vertalingen", "export", "--taal", "tr", "--lijsten", str(lijsten), "--uit", str(blad)])
        == 0
    )
    assert "40 vertalingen (Turks)" in capsys.readouterr().out
    regels = lees_beoordeling(blad)
    _vul_in(regels, regels[0][WOORD], **{AKKOORD: "JA"})
    vertalingen.schrijf_xlsx(blad, regels, "tr")
    code = cli.main(
        [
            "vertalingen",
            "import",
            str(blad),
            "--beoordelaar",
            "Ayşe",
            "--lijsten",
            str(lijsten),
            "--datum",
            "2026-12-01",
        ]
    )
    uit = capsys.readouterr()
    assert code == 0, uit.err
    assert "Turks: 1 goedgekeurd, 0 verbeterd, 39 niet ingevuld, 0 overgeslagen." in uit.out
    (woord,) = [w for w in lees_lijst("metaal", lijsten) if w.vertalingen["tr"].gecontroleerd]
    assert (
        woord.vertalingen["tr"].beoordelaar == "Ayşe"
        and woord.vertalingen["tr"].beoordeeld_op == "2026-12-01"
    )

    assert cli.main(["vertalingen", "import", str(tmp_path / "x.xlsx"), "--beoordelaar", "A"]) == 2
    assert "Fout: het bestand" in capsys.readouterr().err
    assert (
        cli.main(["vertalingen", "import", str(blad), "--beoordelaar", " ", "--lijsten", str(lijsten)]) == 2
    )
    assert "--beoordelaar NAAM" in capsys.readouterr().err


def test_csv_met_puntkomma_zoals_nederlandse_excel(lijsten: Path, tmp_path: Path) -> None:
    blad = tmp_path / "ar.csv"
    exporteer("ar", blad, sectoren=["metaal"], map_=lijsten, als_csv=True)
    regels = lees_beoordeling(blad)
    _vul_in(regels, regels[0][WOORD], **{VERBETERING: "خوذة لحام"})
    import csv

    with blad.open("w", encoding="utf-8-sig", newline="") as uit:
        schrijver = csv.writer(uit, delimiter=";")
        schrijver.writerow(vertalingen.KOPPEN)
        schrijver.writerows([r[k] for k in vertalingen.KOPPEN] for r in regels)
    resultaat = importeer(blad, "Beoordelaar", datum=DATUM, map_=lijsten)
    assert resultaat.verbeterd == 1 and resultaat.meldingen == []
    assert lees_lijst("metaal", lijsten)[0].vertalingen["ar"].tekst == "خوذة لحام"


def test_alleen_een_import_maakt_gecontroleerd(lijsten: Path) -> None:
    from vakwoorden.controle import FOUT, controleer_bestand

    pad = lijst_pad("metaal", lijsten)
    rijen = [r for _, r in lees_rijen(pad)]
    rijen[0]["ti_status"] = "gecontroleerd"  # by hand, without reviewer and date
    schrijf_rijen(pad, rijen, BASIS_KOLOMMEN)
    fouten = [p for p in controleer_bestand(pad, "metaal") if p.ernst == FOUT]
    assert [(p.regel, p.kolom) for p in fouten] == [(2, "ti_status")]
    assert "vakwoorden vertalingen import" in fouten[0].oplossing
