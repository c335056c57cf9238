"""The warehouse describes itself: DuckDB COMMENTs on every table and column, and the data
dictionary in warehouse/README.md generated from them.

Where the comments are written: tables of ``warehouse/schema.sql`` in ``warehouse/commentaar.sql``
(run right after it), a source's own tables with that source's schema (generated from its field
declarations with :func:`commentaar_sql`), kern tables at the end of ``warehouse/kern/<tabel>.sql``,
marts in ``warehouse/mart/<tabel>.sql``. Regenerate the dictionary from a built warehouse with::

    python -m pipelines.gedeeld.woordenboek warehouse/vakwoorden.duckdb

It rewrites each schema's part of warehouse/README.md, between ``<!-- woordenboek:<schema>:begin -->``
and ``<!-- woordenboek:<schema>:einde -->`` (the marts' part, between ``<!-- marts:begin -->`` and
``<!-- marts:einde -->``, with pipelines.marts.woordenboek). tests/test_woordenboek.py fails when
the README is stale.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Collection, Mapping
from functools import partial
from pathlib import Path

import duckdb
from dagster import TableColumn, TableSchema

from pipelines.resources import WAREHOUSE_SQL, lees_sql

README = WAREHOUSE_SQL / "README.md"
EIGENAAR = "team:data"  # the owner shown on every warehouse asset in Dagster
# The schemas this module documents; the marts of pipelines/marts.py document themselves (its
# woordenboek()), the other marts (written by other parts of the project) are documented here.
SCHEMAS = ("staging", "controle", "kern")
ANDERE_MARTS = "mart-andere"
_NAAM = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){1,2}$")


def sql_tekst(tekst: str) -> str:
    """A SQL string literal (COMMENT ON takes no bound parameters; the texts are our own declarations)."""
    return "'" + tekst.replace("'", "''") + "'"


def _naam(naam: str) -> str:
    if not _NAAM.match(naam):
        raise ValueError(f"geen tabel- of kolomnaam: {naam!r}")
    return naam


def kolomcommentaar_sql(tabel: str, kolommen: Mapping[str, str]) -> str:
    """COMMENT statements for columns of one table ('schema.tabel'), from a source's declarations."""
    return "".join(
        f"COMMENT ON COLUMN {_naam(f'{tabel}.{kolom}')} IS {sql_tekst(tekst)};\n" for kolom, tekst in kolommen.items()
    )


def commentaar_sql(tabel: str, omschrijving: str, kolommen: Mapping[str, str]) -> str:
    """COMMENT statements for one table ('schema.tabel') and its columns."""
    return f"COMMENT ON TABLE {_naam(tabel)} IS {sql_tekst(omschrijving)};\n" + kolomcommentaar_sql(tabel, kolommen)


def zin(tekst: str) -> str:
    """A declaration's fragment ('datum van de meting') as a sentence ('Datum van de meting.')."""
    tekst = tekst.strip()
    if not tekst:
        return tekst
    tekst = tekst[0].upper() + tekst[1:]
    return tekst if tekst.endswith((".", "?", "!")) else tekst + "."


_COMMENT_ON_TABLE = re.compile(r"COMMENT\s+ON\s+TABLE\s+([\w.]+)\s+IS\s+'((?:[^']|'')*)'", re.I)


def tabelcommentaar(sql: str, tabel: str) -> str | None:
    """The COMMENT ON TABLE of ``tabel`` in a SQL file's text (for a Dagster asset's description)."""
    for naam, tekst in _COMMENT_ON_TABLE.findall(sql):
        if naam.lower() == tabel.lower():
            return tekst.replace("''", "'")
    return None


def kolommen(con: duckdb.DuckDBPyConnection, tabel: str) -> list[tuple[str, str, str | None]]:
    """(kolom, type, commentaar) of a table 'schema.tabel', in table order."""
    schema, naam = tabel.split(".")
    return [tuple(r) for r in con.execute(lees_sql("beschrijving/kolommen.sql"), [schema, naam]).fetchall()]


def kolomschema(con: duckdb.DuckDBPyConnection, tabel: str) -> TableSchema:
    """A table's columns with their types and comments, as Dagster's ``dagster/column_schema``."""
    return TableSchema(
        columns=[TableColumn(name=k, type=t, description=c) for k, t, c in kolommen(con, tabel)]
    )


def zonder_commentaar(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table ('schema.tabel') and column ('schema.tabel.kolom') of staging, controle, kern
    and mart without a COMMENT; empty on a well-built warehouse."""
    return [
        ".".join(d for d in rij if d)
        for rij in con.execute(lees_sql("beschrijving/zonder_commentaar.sql")).fetchall()
    ]


def _cel(tekst: str | None) -> str:
    """A comment as Markdown text: no table break, no HTML tag (<werkplek>), no emphasis (*.csv)."""
    tekst = (tekst or "").replace("\n", " ")
    for teken, vervanging in (("|", "\\|"), ("*", "\\*"), ("<", "&lt;"), (">", "&gt;")):
        tekst = tekst.replace(teken, vervanging)
    return tekst


def woordenboek(con: duckdb.DuckDBPyConnection, schema: str, behalve: Collection[str] = ()) -> str:
    """One schema's part of the data dictionary: each table (but those in ``behalve``) with its
    comment and its columns."""
    delen = []
    for tabel, opmerking in con.execute(lees_sql("beschrijving/tabellen.sql"), [schema]).fetchall():
        if tabel in behalve:
            continue
        delen.append(f"**{schema}.{tabel}**: {_cel(opmerking)}\n")
        delen.append("| kolom | type | betekenis |\n|---|---|---|")
        delen.extend(f"| `{k}` | {t} | {_cel(c)} |" for k, t, c in kolommen(con, f"{schema}.{tabel}"))
        delen.append("")
    return "\n".join(delen).rstrip() + "\n"


def _markeringen(naam: str) -> tuple[str, str]:
    if naam == "mart":
        return "<!-- marts:begin -->\n", "<!-- marts:einde -->"
    return f"<!-- woordenboek:{naam}:begin -->\n", f"<!-- woordenboek:{naam}:einde -->"


def secties(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every generated part of warehouse/README.md, by schema, from a built warehouse."""
    from pipelines import marts  # the marts document themselves; their module imports the assets

    makers: dict[str, Callable[[duckdb.DuckDBPyConnection], str]] = {
        **{s: partial(_woordenboek_van, s) for s in SCHEMAS},
        "mart": marts.woordenboek,
        ANDERE_MARTS: partial(_woordenboek_van, "mart", behalve=frozenset(marts.MARTS)),
    }
    return {schema: maak(con) for schema, maak in makers.items()}


def _woordenboek_van(schema: str, con: duckdb.DuckDBPyConnection, behalve: Collection[str] = ()) -> str:
    return woordenboek(con, schema, behalve)


def readme_sectie(tekst: str, schema: str) -> str | None:
    """What the README holds now between a schema's markers (None: the markers are missing)."""
    begin, einde = _markeringen(schema)
    gevonden = re.search(re.escape(begin) + "(.*)" + re.escape(einde), tekst, re.S)
    return gevonden[1] if gevonden else None


def vervang(tekst: str, nieuw: Mapping[str, str]) -> str:
    """The README text with each schema's part replaced; a schema without markers is an error."""
    for schema, deel in nieuw.items():
        begin, einde = _markeringen(schema)
        if readme_sectie(tekst, schema) is None:
            raise ValueError(f"warehouse/README.md mist de markeringen {begin.strip()} en {einde}")
        vervanging = begin + deel + einde
        tekst = re.sub(re.escape(begin) + ".*" + re.escape(einde), lambda _m: vervanging, tekst, flags=re.S)  # noqa: B023
    return tekst


def schrijf_readme(database: Path, readme: Path = README) -> list[str]:
    """Regenerate the dictionary in ``readme`` from the warehouse file; returns the schemas changed."""
    with duckdb.connect(str(database), read_only=True) as con:
        ontbreekt = zonder_commentaar(con)
        if ontbreekt:
            raise ValueError(f"zonder COMMENT in {database}: {', '.join(ontbreekt[:20])}")
        nieuw = secties(con)
    tekst = readme.read_text(encoding="utf-8")
    gewijzigd = [s for s, d in nieuw.items() if readme_sectie(tekst, s) != d]
    readme.write_text(vervang(tekst, nieuw), encoding="utf-8")
    return gewijzigd


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("gebruik: python -m pipelines.gedeeld.woordenboek <warehouse.duckdb>", file=sys.stderr)
        return 2
    gewijzigd = schrijf_readme(Path(argv[0]))
    print(f"{README}: {', '.join(gewijzigd) or 'niets'} bijgewerkt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
