"""argparse in Dutch: usage, help, and every error it can give, with where to find more help.

argparse takes its texts through gettext; :class:`NederlandseParser` swaps in Dutch texts while it
builds, formats and parses (and puts them back after, so other code in the process is untouched).
Subcommands' parsers are made from the same class, so every `vakwoorden ...` command speaks Dutch.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

VERTALINGEN = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "kan niet samen met %s",
    "ignored explicit argument %r": "waarde %r hoort hier niet bij",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "geef een van deze argumenten: %s",
    "expected one argument": "hier hoort een waarde achter",
    "expected at most one argument": "hier hoort hooguit één waarde achter",
    "expected at least one argument": "hier hoort minstens één waarde achter",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan zijn: %(matches)s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r (verwacht: %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekend commando %(parser_name)r (kies uit %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}
TYPENAMEN = {"int": "een geheel getal", "float": "een getal"}


def _vertaal(tekst: str) -> str:
    return VERTALINGEN.get(tekst, tekst)


def _vertaal_n(enkelvoud: str, meervoud: str, aantal: int) -> str:
    if enkelvoud == "expected %s argument":
        return "hier hoort %s waarde achter" if aantal == 1 else "hier horen %s waarden achter"
    return enkelvoud if aantal == 1 else meervoud


@contextmanager
def nederlands() -> Iterator[None]:
    oud = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _vertaal, _vertaal_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = oud  # type: ignore[attr-defined]


class NederlandseParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with nederlands():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with nederlands():
            return super().add_argument(*args, **kwargs)

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        with nederlands():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        with nederlands():
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with nederlands():
            return super().format_help()

    def format_usage(self) -> str:
        with nederlands():
            return super().format_usage()

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        try:
            waarde = super()._get_value(action, arg_string)  # type: ignore[misc]
        except argparse.ArgumentError as fout:
            naam = getattr(action.type, "__name__", "")
            if naam in TYPENAMEN:
                raise argparse.ArgumentError(action, f"ongeldige waarde {arg_string!r} (verwacht: {TYPENAMEN[naam]})") from fout
            raise
        return _zoek_keuze(action, waarde)

    def error(self, message: str) -> NoReturn:
        with nederlands():
            self.print_usage(sys.stderr)
        self.exit(2, f"Fout: {message}\nMeer uitleg: {self.prog} --help\n")


def _taalnamen() -> dict[str, str]:
    """Dutch (and English) language names -> codes, for any option whose choices are language codes."""
    from vakwoorden.lijst import TAALNAMEN

    namen = {naam.casefold(): code for code, naam in TAALNAMEN.items()}
    extra = {"dari": "fa", "farsi": "fa", "perzisch": "fa", "oekraiens": "uk", "somali": "so", "dutch": "nl",
             "english": "en", "arabic": "ar", "persian": "fa", "turkish": "tr", "ukrainian": "uk"}  # fmt: skip
    return namen | extra


def _zoek_keuze(action: argparse.Action, waarde: Any) -> Any:
    """Choices are case-insensitive for every command ('Metaal', 'AR'); language codes also by name."""
    keuzes = action.choices
    if not isinstance(waarde, str) or not keuzes or waarde in keuzes:
        return waarde
    if isinstance(keuzes, dict):  # subcommands: names as they are
        return waarde
    gelijk = [k for k in keuzes if isinstance(k, str) and k.casefold() == waarde.strip().casefold()]
    if len(gelijk) == 1:
        return gelijk[0]
    try:
        code = _taalnamen().get(waarde.strip().casefold())
    except ImportError:  # pragma: no cover
        code = None
    return code if code is not None and code in keuzes else waarde


def keuze(opties: dict[str, str], wat: str) -> Callable[[str], str]:
    """An argparse type: case-insensitive, with other names (e.g. Dutch language names) for each option."""
    lijst = ", ".join(dict.fromkeys(opties.values()))

    def kies(tekst: str) -> str:
        sleutel = tekst.strip().casefold()
        if sleutel in opties:
            return opties[sleutel]
        raise argparse.ArgumentTypeError(f"onbekende {wat} '{tekst}'; kies uit: {lijst}")

    kies.__name__ = wat
    return kies
