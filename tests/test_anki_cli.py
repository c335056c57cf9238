"""`vakwoorden deck`: sector, workplace and learner decks from the command line."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pytest

from opdrachten import deck as anki_cli
from vakwoorden.lijst import KOLOMMEN, TALEN, Vakwoord


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="vakwoorden")
    sub = parser.add_subparsers(dest="commando", required=True)
    anki_cli.registreer(sub)
    args = parser.parse_args(argv)
    return int(args.uitvoeren(args))


def schrijf_lijsten(map_: Path, woorden: list[Vakwoord]) -> Path:
    for sector in {w.sector for w in woorden}:
        (map_ / sector).mkdir(parents=True, exist_ok=True)
        themas = Path(__file__).parents[1] / "vakwoorden" / sector / "themas.csv"
        (map_ / sector / "themas.csv").write_bytes(themas.read_bytes())
        with (map_ / sector / "woorden.csv").open("w", encoding="utf-8", newline="") as bestand:
            schrijver = csv.DictWriter(bestand, fieldnames=KOLOMMEN)
            schrijver.writeheader()
            for w in woorden:
                if w.sector != sector:
                    continue
                rij = {k: getattr(w, k, "") for k in KOLOMMEN}
                rij["veiligheid"] = "ja" if w.veiligheid else "nee"
                for taal in TALEN:
                    v = w.vertaling(taal)
                    rij[taal] = v.tekst if v else ""
                    rij[f"{taal}_status"] = "gecontroleerd" if v and v.gecontroleerd else "ongecontroleerd"
                schrijver.writerow(rij)
    return map_


@pytest.fixture
def lijsten(tmp_path, anki_woorden) -> Path:
    return schrijf_lijsten(tmp_path / "lijsten", anki_woorden)


def test_sector_deck(tmp_path, lijsten, capsys):
    uit = tmp_path / "metaal-ar.apkg"
    code = main(
        [
            "deck",
            "metaal",
            "--taal",
            "ar",
            "--uit",
            str(uit),
            "--lijsten",
            str(lijsten),
            "--zonder-geluid",
            "--grootboek",
            str(tmp_path / "gb"),
        ]
    )
    uitvoer = capsys.readouterr()
    assert code == 0, uitvoer.err
    assert uit.is_file() and uit.with_suffix(".html").is_file()
    assert "Deck klaar" in uitvoer.out and "Woorden (notities):           5 (10 kaarten)" in uitvoer.out
    assert (
        "Vertaling niet gecontroleerd: 2" in uitvoer.out and "Zonder vertaling:             2" in uitvoer.out
    )
    assert "Kaarten maken: 5/5" in uitvoer.err  # progress (not a terminal: one line per step)


def test_voortgangsbalk_op_terminal():
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stroom = Terminal()
    balk = anki_cli.Voortgangsbalk(stroom, breedte=10)
    for i in range(1, 5):
        balk("Uitspraak maken", i, 4)
    assert stroom.getvalue().endswith("\rUitspraak maken: [##########] 4/4\n")


def test_zonder_tts_meldt_een_keer(tmp_path, lijsten, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    code = main(
        [
            "deck",
            "metaal",
            "--uit",
            str(tmp_path / "m.apkg"),
            "--lijsten",
            str(lijsten),
            "--cache",
            str(tmp_path / "cache"),
            "--geen-woordenlijst",
        ]
    )
    uitvoer = capsys.readouterr()
    assert code == 0
    assert uitvoer.err.count("Geen uitspraak") == 1
    assert "Let op: Geen uitspraak: espeak-ng en lame zijn niet geïnstalleerd" in uitvoer.err
    assert "Uitspraak maken" not in uitvoer.err
    assert not (tmp_path / "m.html").exists()
    assert "Met uitspraak:                0" in uitvoer.out


@pytest.fixture
def nep_warehouse(monkeypatch):
    """Stands in for pipelines.opzoeken (written by the warehouse side)."""
    aanroepen: list[tuple[str, Path, str]] = []

    def woorden_voor_werkplek(database: Path, werkplek_id: str) -> list[tuple[str, str]]:
        aanroepen.append(("werkplek", database, werkplek_id))
        return [
            ("metaal", "lassen"),
            ("zorg", "handschoen"),
            ("metaal", "bestaat-niet"),
            ("metaal", "veiligheidsbril"),
        ]

    def woorden_voor_leerling(database: Path, leerling: str) -> list[tuple[str, str]]:
        aanroepen.append(("leerling", database, leerling))
        return [("metaal", "moer")]

    from pipelines import opzoeken

    monkeypatch.setattr(opzoeken, "woorden_voor_werkplek", woorden_voor_werkplek)
    monkeypatch.setattr(opzoeken, "woorden_voor_leerling", woorden_voor_leerling)
    monkeypatch.setattr(opzoeken, "werkplekken", lambda database: [])
    monkeypatch.setattr(opzoeken, "thuistaal", lambda database, leerling: None)
    return aanroepen


def test_werkplek_deck(tmp_path, lijsten, capsys, nep_warehouse, monkeypatch, anki_collectie):
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(tmp_path / "wh.duckdb"))
    monkeypatch.setenv("VAKWOORDEN_UIT", str(tmp_path / "uit"))
    monkeypatch.chdir(tmp_path)
    code = main(
        ["deck", "--werkplek", "WP 7/lasser", "--taal", "ti", "--lijsten", str(lijsten), "--zonder-geluid"]
    )
    uitvoer = capsys.readouterr()
    assert code == 0, uitvoer.err
    assert nep_warehouse == [("werkplek", tmp_path / "wh.duckdb", "WP 7/lasser")]
    uit = tmp_path / "uit" / "decks" / "werkplek-WP-7-lasser-ti.apkg"  # $VAKWOORDEN_UIT/decks, as the README says
    assert uit.is_file()
    assert "bestaat-niet (metaal)" in uitvoer.err
    assert (
        "Vakwoorden::Werkplek::WP 7/lasser" in uitvoer.out
        and "Woorden (notities):           3" in uitvoer.out
    )
    assert (tmp_path / "uit" / "decks" / "vakwoorden-grootboek" / "zorg.json").is_file()
    anki_collectie.importeer(uit)
    assert anki_collectie.col.note_count() == 3
    anki_collectie.render_alle()


def test_leerling_deck_met_database_optie(tmp_path, lijsten, capsys, nep_warehouse):
    uit = tmp_path / "vos.apkg"
    code = main(
        [
            "deck",
            "--leerling",
            "vos-17",
            "--database",
            str(tmp_path / "x.duckdb"),
            "--uit",
            str(uit),
            "--lijsten",
            str(lijsten),
            "--zonder-geluid",
            "--titel",
            "Vakwoorden::Vos",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert nep_warehouse == [("leerling", tmp_path / "x.duckdb", "vos-17")]
    assert "Vakwoorden::Vos" in capsys.readouterr().out


def test_standaard_database(monkeypatch, tmp_path):
    # The project's warehouse, from whichever folder the command is started (README: Configuration).
    monkeypatch.delenv("VAKWOORDEN_WAREHOUSE", raising=False)
    monkeypatch.chdir(tmp_path)
    args = argparse.Namespace(database=None)
    project = Path(__file__).resolve().parents[1]
    assert anki_cli._database(args) == project / "warehouse" / "vakwoorden.duckdb"
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", "elders/wh.duckdb")
    assert anki_cli._database(args) == project / "elders" / "wh.duckdb"
    # A path typed on the command line is relative to the current folder.
    assert anki_cli._database(argparse.Namespace(database=Path("mijn.duckdb"))) == tmp_path.resolve() / "mijn.duckdb"


def test_fouten_in_het_nederlands(tmp_path, lijsten, capsys, monkeypatch):
    assert main(["deck"]) == 1
    assert "Fout: geef een sector" in capsys.readouterr().err
    assert main(["deck", "metaal", "--werkplek", "x"]) == 1
    assert "niet allebei" in capsys.readouterr().err
    assert main(["deck", "metaal", "--lijst", str(tmp_path / "weg.csv")]) == 1
    assert "ontbreekt" in capsys.readouterr().err
    monkeypatch.setenv("VAKWOORDEN_WAREHOUSE", str(tmp_path / "nergens.duckdb"))  # no warehouse built yet
    assert main(["deck", "--werkplek", "x", "--lijsten", str(lijsten)]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    from opdrachten import cli

    with pytest.raises(SystemExit):
        cli.main(["deck", "metaal", "--taal", "de"])
    fout = capsys.readouterr().err
    assert "Fout: bij --taal: onbekende taal 'de'; kies uit: nl, en, ar" in fout and "invalid" not in fout


def test_leeg_warehouse_resultaat(tmp_path, lijsten, capsys, monkeypatch):
    from pipelines import opzoeken

    monkeypatch.setattr(opzoeken, "woorden_voor_werkplek", lambda database, werkplek_id: [])
    monkeypatch.setattr(opzoeken, "werkplekken", lambda database: ["leeg"])
    assert main(["deck", "--werkplek", "leeg", "--lijsten", str(lijsten)]) == 1
    assert "geen woorden gevonden voor werkplek leeg" in capsys.readouterr().err


def test_via_hoofdcommando(tmp_path, lijsten, capsys):
    from opdrachten import cli

    parser = cli.maak_parser()
    args = parser.parse_args(
        [
            "deck",
            "metaal",
            "--uit",
            str(tmp_path / "m.apkg"),
            "--lijsten",
            str(lijsten),
            "--zonder-geluid",
            "--geen-woordenlijst",
        ]
    )
    assert args.uitvoeren(args) == 0
