"""The `vakwoorden` command. Each feature module registers its own subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from vakwoorden.argumenten import NederlandseParser

Registreer = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _registraties() -> list[Registreer]:
    # Imported here so that `vakwoorden --help` stays quick; Dagster is only imported by `demo`.
    from vakwoorden import commando_demo, commando_genereer, commando_sleutel, controle, export, vertalingen
    from vakwoorden.anki import cli as anki_cli
    from vakwoorden.rapport import cli as rapport_cli
    from vakwoorden.sync import cli as sync_cli
    from vakwoorden.taal import cli as termen_cli

    return [
        commando_demo.registreer,
        commando_genereer.registreer,
        controle.registreer,
        anki_cli.registreer,
        vertalingen.registreer,
        sync_cli.registreer,
        termen_cli.registreer,
        commando_sleutel.registreer,
        export.registreer,
        rapport_cli.registreer,
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
        from vakwoorden.fouten import beschrijf

        print(f"Fout: {beschrijf(fout)}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
