"""The `vakwoorden` command. Each feature module registers its own subcommand; this shell may use
both the word library (vakwoorden/) and the pipeline (pipelines/), which never import it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from opdrachten.argumenten import NederlandseParser

Registreer = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _registraties() -> list[Registreer]:
    # Imported here so that `vakwoorden --help` stays quick; Dagster is only imported by `demo`.
    from opdrachten import deck, demo, export, genereer, rapport, sleutel
    from vakwoorden import controle, vertalingen
    from vakwoorden.sync import cli as sync_cli
    from vakwoorden.taal import cli as termen_cli

    return [
        demo.registreer,
        genereer.registreer,
        controle.registreer,
        deck.registreer,
        vertalingen.registreer,
        sync_cli.registreer,
        termen_cli.registreer,
        sleutel.registreer,
        export.registreer,
        rapport.registreer,
    ]


def maak_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = NederlandseParser(
        prog="vakwoorden",
        description="Vaktaal voor statushouders: NT2-voortgang volgen en Anki-decks maken per sector.",
    )
    sub = parser.add_subparsers(dest="commando", metavar="COMMANDO", required=True)
    for registreer in _registraties():
        registreer(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = maak_parser()
    args = parser.parse_args(argv)
    uitvoeren: Callable[[argparse.Namespace], int] = args.uitvoeren
    try:
        return uitvoeren(args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except SystemExit:
        raise
    except Exception as fout:  # noqa: BLE001 - the command line shows no tracebacks, only what to do
        from opdrachten.fouten import beschrijf

        print(f"Fout: {beschrijf(fout)}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
