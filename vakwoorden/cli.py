"""The `vakwoorden` command. Each feature module registers its own subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

Registreer = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _registraties() -> list[Registreer]:
    # Imported lazily so that `vakwoorden controleer` does not pay for importing Dagster.
    from vakwoorden import commando_demo, commando_genereer

    registraties: list[Registreer] = [commando_demo.registreer, commando_genereer.registreer]
    try:
        from vakwoorden import controle

        registraties.append(controle.registreer)
    except ImportError:  # pragma: no cover - module under construction
        pass
    try:
        from vakwoorden.anki import cli as anki_cli

        registraties.append(anki_cli.registreer)
    except ImportError:  # pragma: no cover - module under construction
        pass
    return registraties


def maak_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
