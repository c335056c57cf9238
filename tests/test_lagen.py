"""Layers point down (issue 12.3): the word library imports nothing from the pipeline or the shell,
the pipeline nothing from the shell, and nothing looks modules up by name at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
# package -> packages it must never import
VERBODEN = {"vakwoorden": ("pipelines", "opdrachten"), "pipelines": ("opdrachten",)}


def _imports(pad: Path) -> list[tuple[int, str]]:
    """Every module an import statement names, anywhere in the file (functions included)."""
    gevonden = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            gevonden += [(knoop.lineno, alias.name) for alias in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            gevonden.append((knoop.lineno, knoop.module))
    return gevonden


@pytest.mark.parametrize("pakket", sorted(VERBODEN))
def test_lagen_wijzen_alleen_omlaag(pakket: str) -> None:
    fout = [
        f"{pad.relative_to(PROJECT)}:{regel} importeert {module}"
        for pad in sorted((PROJECT / pakket).rglob("*.py"))
        for regel, module in _imports(pad)
        if module.split(".")[0] in VERBODEN[pakket]
    ]
    assert not fout, "\n".join(fout)


def test_geen_modules_op_naam_opzoeken() -> None:
    fout = [
        f"{pad.relative_to(PROJECT)}"
        for pakket in ("vakwoorden", "pipelines", "opdrachten")
        for pad in sorted((PROJECT / pakket).rglob("*.py"))
        if "import_module(" in pad.read_text(encoding="utf-8")
    ]
    assert not fout


def test_woordenbibliotheek_laadt_de_pijplijn_niet() -> None:
    # Importing every module of the word library leaves pipelines (and Dagster) unloaded.
    modules = sorted(
        ".".join(p.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__")
        for p in (PROJECT / "vakwoorden").rglob("*.py")
    )
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "print(sorted({m.split('.')[0] for m in sys.modules} & {'pipelines', 'opdrachten', 'dagster'}))"
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=True)
    assert uit.stdout.strip() == "[]"


def test_opdrachtregel_start_zonder_zware_pakketten() -> None:
    # `vakwoorden --help` and the parsing of any command load no Dagster, DuckDB, spaCy or Anki
    # code: each command imports what it needs when it runs (a CLI call is then ~0.2 s, not ~2 s).
    code = (
        "import sys\nfrom opdrachten.cli import maak_parser\nmaak_parser().parse_args(['controleer'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'dagster', 'duckdb', 'spacy', 'genanki', 'anki', 'polars', 'matplotlib'}))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=True)
    assert uit.stdout.strip() == "[]"
