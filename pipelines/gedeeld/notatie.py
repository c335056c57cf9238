"""Numbers as Dutch readers write them, for logs and the CLI: '1.234.567', '8,5', '269,2 MB'."""

from __future__ import annotations


def getal(waarde: float, decimalen: int = 0) -> str:
    """'1.234.567' for a count, '8,5' with one decimal."""
    return f"{waarde:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def grootte(bytes_: int) -> str:
    """A file size in MB, or in kB below 0,1 MB."""
    return f"{getal(bytes_ / 1e6, 1)} MB" if bytes_ >= 100_000 else f"{getal(bytes_ / 1e3, 1)} kB"
