"""`vakwoorden controleer`: one byte-exact fixture per bad-input case, the CLI, and the real lists."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import polars as pl
import pytest

from opdrachten import cli
from vakwoorden import controle, spelling
from vakwoorden.controle import FOUT, WAARSCHUWING, Probleem, als_rijen, controleer_alles, controleer_bestand
from vakwoorden.lijst import SECTOREN, lijst_pad

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path("tests/fixtures/vakwoorden")  # relative to ROOT: that is how paths are shown


@pytest.fixture(autouse=True)
def _vanuit_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def problemen(naam: str) -> list[Probleem]:
    return controleer_bestand(FIXTURES / naam, sector="metaal")


@pytest.mark.parametrize(
    ("naam", "regel", "kolom", "ernst", "melding", "oplossing"),
    [
        ("verkeerd_lidwoord.csv", 3, "lidwoord", FOUT, "lidwoord 'het' past niet bij 'meting'", "verander het lidwoord in 'de'"),
        ("spelfout.csv", 2, "woord", FOUT, "'laskapp' staat niet in het Nederlandse woordenboek", "bedoelt u 'laskap'?"),
        ("kolom_ontbreekt.csv", 1, "niveau", FOUT, "kolom 'niveau' ontbreekt", "voeg de kolom 'niveau' toe"),
        ("kolom_verkeerd_gespeld.csv", 1, "uitlg", FOUT, "kolomnaam 'uitlg' is verkeerd gespeld", "noem de kolom 'uitleg'"),
        ("windows1252.csv", 3, "", FOUT, "het bestand is geen UTF-8", "sla het bestand op als UTF-8"),
        ("nfd.csv", 3, "uitleg", FOUT, "niet in Unicode-NFC", "sla op als NFC"),
        ("dubbel.csv", 4, "woord", FOUT, "'laskap' staat dubbel in sector metaal: op regel 2 en op regel 4", "voeg de twee regels samen"),
        ("onbekend_thema.csv", 2, "thema", FOUT, "thema 'veilligheid' staat niet in vakwoorden/metaal/themas.csv", "bedoelt u 'veiligheid'?"),
        ("verkeerd_meervoud.csv", 2, "meervoud", FOUT, "meervoud 'lasbrillen' past niet bij 'laskap'", "controleer het meervoud op woordenlijst.org"),
        ("werkwoord_met_lidwoord.csv", 2, "lidwoord", FOUT, "een werkwoord heeft geen lidwoord, maar 'boren' heeft 'het'", "maak 'lidwoord' leeg"),
        ("puntkomma.csv", 1, "", FOUT, "gescheiden door puntkomma's", "door komma's gescheiden"),
        ("spatie.csv", 2, "woord", FOUT, "'woord' begint of eindigt met een spatie", "haal de spaties aan het begin en het eind weg"),
        ("te_weinig_velden.csv", 3, "", FOUT, "de regel heeft 24 velden, de kop heeft er 25", "dubbele aanhalingstekens"),
        ("te_lange_uitleg.csv", 2, "uitleg", FOUT, "'uitleg' is te lang: 201 tekens (hoogstens 200)", "maak de tekst korter"),
        ("zin_zonder_woord.csv", 2, "voorbeeldzin", WAARSCHUWING, "de voorbeeldzin gebruikt het woord 'laskap' niet", "schrijf een voorbeeldzin met het woord"),
        ("samenstelling_lidwoord.csv", 3, "lidwoord", WAARSCHUWING, "'het veiligheidsbril' eindigt op 'bril', en dat is 'de bril'", "controleer het lidwoord"),
    ],
)  # fmt: skip
def test_een_probleem_per_fixture(
    naam: str, regel: int, kolom: str, ernst: str, melding: str, oplossing: str
) -> None:
    gevonden = problemen(naam)
    assert len(gevonden) == 1, "\n".join(map(str, gevonden))
    probleem = gevonden[0]
    assert (probleem.bestand, probleem.regel, probleem.kolom, probleem.ernst) == (
        f"tests/fixtures/vakwoorden/{naam}",
        regel,
        kolom,
        ernst,
    )
    assert melding in probleem.melding
    assert oplossing in probleem.oplossing
    soort = "waarschuwing: " if ernst == WAARSCHUWING else ""
    assert str(probleem).startswith(f"tests/fixtures/vakwoorden/{naam}:{regel}: {soort}{probleem.melding}")
    assert f" → oplossing: {probleem.oplossing}" in str(probleem)


def test_ongeldige_waarden_elk_gemeld() -> None:
    gevonden = {(p.regel, p.kolom): p for p in problemen("ongeldige_waarden.csv")}
    assert set(gevonden) == {(2, "woordsoort"), (2, "niveau"), (2, "veiligheid")}
    assert "kies uit: 'zelfstandig naamwoord'" in gevonden[2, "woordsoort"].oplossing
    assert gevonden[2, "niveau"].oplossing == "kies uit: 'A1', 'A2', 'B1', 'B2'"
    assert gevonden[2, "veiligheid"].oplossing == "kies uit: 'ja', 'nee'"


def test_afbeelding_ontbreekt_en_heeft_geen_licentie() -> None:
    gevonden = {p.kolom: p for p in problemen("afbeelding_ontbreekt.csv")}
    assert set(gevonden) == {"afbeelding", "afbeelding_licentie"}
    assert all(p.regel == 2 and p.ernst == FOUT for p in gevonden.values())
    assert "zet het bestand in de map afbeeldingen/" in gevonden["afbeelding"].oplossing
    assert "vul de licentie in" in gevonden["afbeelding_licentie"].oplossing


@pytest.mark.parametrize("naam", ["goed.csv", "goed_bom.csv"])
def test_goede_lijst_ook_met_bom_en_crlf(naam: str) -> None:
    assert problemen(naam) == []


def test_fixtures_zijn_byte_exact() -> None:
    """Guard against an editor 'repairing' the fixtures."""
    assert (FIXTURES / "goed_bom.csv").read_bytes().startswith(b"\xef\xbb\xbfwoord,lidwoord,")
    assert b"\r\n" in (FIXTURES / "goed_bom.csv").read_bytes()
    assert b"\r" not in (FIXTURES / "goed.csv").read_bytes()
    assert b"cli\xebnt" in (FIXTURES / "windows1252.csv").read_bytes()
    nfd = (FIXTURES / "nfd.csv").read_text(encoding="utf-8")
    assert "Kniee\u0308n" in nfd and unicodedata.normalize("NFC", nfd) != nfd


def test_sector_uit_mapnaam(tmp_path: Path) -> None:
    pad = tmp_path / "metaal" / "woorden.deel-a.csv"
    pad.parent.mkdir()
    shutil.copy(FIXTURES / "goed.csv", pad)
    assert controleer_bestand(pad) == []
    onbekend = tmp_path / "elders" / "lijst.csv"
    onbekend.parent.mkdir()
    shutil.copy(FIXTURES / "goed.csv", onbekend)
    [probleem] = controleer_bestand(onbekend)
    assert probleem.ernst == WAARSCHUWING and "onbekende sector 'elders'" in probleem.melding
    assert "--sector" in probleem.oplossing


def test_afbeelding_met_licentie_is_goed(tmp_path: Path) -> None:
    map_ = tmp_path / "metaal"
    (map_ / "afbeeldingen").mkdir(parents=True)
    (map_ / "afbeeldingen" / "laskap.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    tekst = (
        (FIXTURES / "afbeelding_ontbreekt.csv")
        .read_text(encoding="utf-8")
        .replace("laskap.png,", "laskap.png,CC0")
    )
    (map_ / "woorden.deel-a.csv").write_text(tekst, encoding="utf-8")
    assert controleer_bestand(map_ / "woorden.deel-a.csv") == []


def test_bestand_bestaat_niet() -> None:
    [probleem] = controleer_bestand(Path("tests/fixtures/vakwoorden/bestaat_niet.csv"), "metaal")
    assert (probleem.regel, probleem.ernst) == (0, FOUT)
    assert "het bestand bestaat niet" in probleem.melding
    assert str(probleem).startswith("tests/fixtures/vakwoorden/bestaat_niet.csv: het bestand bestaat niet")


def test_controleer_alles_over_deelbestanden(tmp_path: Path) -> None:
    """Drafts woorden.deel-*.csv count as one sector list: duplicates across files, too few words."""
    metaal = tmp_path / "metaal"
    metaal.mkdir()
    shutil.copy(FIXTURES / "goed.csv", metaal / "woorden.deel-a.csv")
    regels = (FIXTURES / "goed.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (metaal / "woorden.deel-b.csv").write_text(regels[0] + regels[1], encoding="utf-8")
    gevonden = controleer_alles(tmp_path)
    teksten = [str(p) for p in gevonden]
    deel_a = str(metaal / "woorden.deel-a.csv")
    assert (
        f"{metaal / 'woorden.deel-b.csv'}:2: 'laskap' staat dubbel in sector metaal: op {deel_a}:2"
        in "\n".join(teksten)
    )
    ontbrekend = {p.bestand for p in gevonden if "ontbreekt" in p.melding}
    assert ontbrekend == {str(tmp_path / s / "woorden.csv") for s in ("zorg", "bouw")}
    [te_weinig] = [p for p in gevonden if "het doel is minstens 300" in p.melding]
    assert te_weinig.ernst == WAARSCHUWING and "sector metaal heeft 4 woorden" in te_weinig.melding


def test_als_rijen_voor_polars() -> None:
    frame = pl.DataFrame(als_rijen(problemen("ongeldige_waarden.csv")))
    assert frame.columns == ["bestand", "regel", "kolom", "melding", "oplossing", "ernst"]
    assert frame["regel"].to_list() == [2, 2, 2]
    assert set(frame["ernst"]) == {"fout"}


# ---- command line -------------------------------------------------------------------------


def test_cli_fout_geeft_exitcode_1(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["controleer", "--sector", "metaal", str(FIXTURES / "verkeerd_lidwoord.csv")])
    uit = capsys.readouterr().out.splitlines()
    assert code == 1
    assert uit[0].startswith(
        "tests/fixtures/vakwoorden/verkeerd_lidwoord.csv:3: lidwoord 'het' past niet bij"
    )
    assert "→ oplossing: verander het lidwoord in 'de'" in uit[0]
    assert uit[-1] == "1 fout, 0 waarschuwingen in 1 bestand"


def test_cli_goede_bestanden(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(
        ["controleer", "--sector", "metaal", str(FIXTURES / "goed.csv"), str(FIXTURES / "goed_bom.csv")]
    )
    assert code == 0
    assert capsys.readouterr().out == "Geen fouten of waarschuwingen in 2 bestanden.\n"


def test_cli_waarschuwing_alleen_fout_met_streng(capsys: pytest.CaptureFixture[str]) -> None:
    pad = str(FIXTURES / "zin_zonder_woord.csv")
    assert cli.main(["controleer", "--sector", "metaal", pad]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 fouten, 1 waarschuwing in 1 bestand"
    assert cli.main(["controleer", "--sector", "metaal", "--streng", pad]) == 1


def test_cli_zonder_hunspell_geeft_exitcode_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        spelling, "standaard_controle", lambda: spelling.Spellingcontrole(programma="geen-hunspell")
    )
    assert cli.main(["controleer", "--sector", "metaal", str(FIXTURES / "goed.csv")]) == 2
    fout = capsys.readouterr().err
    assert "installeer de Debian-pakketten hunspell en hunspell-nl" in fout


def test_cli_hulp_in_het_nederlands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["controleer", "--help"])
    hulp = capsys.readouterr().out
    assert hulp.startswith("gebruik: vakwoorden controleer")
    assert "tel waarschuwingen ook als fouten" in hulp


# ---- the real lists -------------------------------------------------------------------------


def test_echte_lijsten_zonder_fouten() -> None:
    ontbrekend = [s for s in SECTOREN if not lijst_pad(s).exists()]
    if ontbrekend:
        pytest.skip(f"woorden.csv bestaat nog niet voor: {', '.join(ontbrekend)}")
    fouten = [p for p in controleer_alles() if p.ernst == FOUT]
    assert fouten == [], "\n".join(map(str, fouten))


def test_samenvatting() -> None:
    assert controle.samenvatting([], 1) == "Geen fouten of waarschuwingen in 1 bestand."
    p = Probleem("a.csv", 2, "woord", "m", "o")
    w = Probleem("a.csv", 3, "woord", "m", "o", WAARSCHUWING)
    assert controle.samenvatting([p, p, p, w, w], 1) == "3 fouten, 2 waarschuwingen in 1 bestand"


def test_uitkomst_bewaard_tot_iets_verandert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The pipeline checks the lists on every run: unchanged lists give the kept answer (in this
    # process and on disk), any change to a list (or the corrupt cache file) checks again.
    from vakwoorden import controle

    monkeypatch.setenv("VAKWOORDEN_CACHE", str(tmp_path / "cache" / "audio"))
    monkeypatch.setattr(controle, "_UITKOMSTEN", {})
    echt = controle._controleer_alles
    gecontroleerd: list[Path | None] = []
    monkeypatch.setattr(controle, "_controleer_alles", lambda m: (gecontroleerd.append(m), echt(m))[1])
    lijsten = tmp_path / "lijsten"
    (lijsten / "metaal").mkdir(parents=True)
    shutil.copy(FIXTURES / "goed.csv", lijsten / "metaal" / "woorden.csv")

    eerste = controleer_alles(lijsten)
    assert controleer_alles(lijsten) == eerste and len(gecontroleerd) == 1  # kept in this process
    monkeypatch.setattr(controle, "_UITKOMSTEN", {})  # as a new process: read from the cache folder
    assert controleer_alles(lijsten) == eerste and len(gecontroleerd) == 1
    [bewaard] = (tmp_path / "cache" / "lijstcontrole").glob("*.json")

    regels = (FIXTURES / "goed.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (lijsten / "metaal" / "woorden.csv").write_text("".join([*regels, regels[1]]), encoding="utf-8")
    dubbel = controleer_alles(lijsten)  # a line added twice: checked again, and the duplicate found
    assert len(gecontroleerd) == 2 and any("staat dubbel" in p.melding for p in dubbel)

    (lijsten / "metaal" / "woorden.csv").write_text("".join(regels), encoding="utf-8")
    monkeypatch.setattr(controle, "_UITKOMSTEN", {})
    bewaard.write_text("[{kapot", encoding="utf-8")
    assert controleer_alles(lijsten) == eerste and len(gecontroleerd) == 3  # unreadable cache: checked again

    elders = tmp_path / "elders"  # the same lists in another folder: findings name those files
    shutil.copytree(lijsten, elders)
    assert {p.bestand for p in controleer_alles(elders)} == {p.bestand.replace(str(lijsten), str(elders)) for p in eerste}
    assert len(gecontroleerd) == 4
