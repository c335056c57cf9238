"""Errors a coordinator can cause, told in Dutch with the fix: no tracebacks, no raw errno."""

from __future__ import annotations

import errno
from pathlib import Path

_OS_FOUTEN = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "niet toegestaan (rechten)",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "schijf vol",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EDQUOT: "schijfquotum op",
}
_OPLOSSING = {
    errno.ENOENT: "Controleer het pad (relatieve paden in VAKWOORDEN_*-variabelen horen bij de projectmap).",
    errno.EACCES: "Kies een map waarin je mag schrijven, of vraag de beheerder om rechten.",
    errno.EPERM: "Kies een map waarin je mag schrijven, of vraag de beheerder om rechten.",
    errno.EROFS: "Kies een map op een beschrijfbare schijf (bijvoorbeeld met --uit of VAKWOORDEN_UIT).",
    errno.ENOSPC: "Maak ruimte vrij op de schijf en probeer het opnieuw.",
    errno.EDQUOT: "Maak ruimte vrij en probeer het opnieuw.",
}


def os_fout(fout: OSError) -> str:
    """'schijf vol: /pad. Maak ruimte vrij ...' instead of '[Errno 28] No space left on device: /pad'."""
    wat = _OS_FOUTEN.get(fout.errno or -1, fout.strerror or "fout van het besturingssysteem")
    pad = fout.filename if fout.filename is not None else ""
    tekst = f"{str(pad)}: {wat}" if pad else wat[:1].upper() + wat[1:]
    if isinstance(fout, FileNotFoundError) and pad:
        tekst = f"{pad} bestaat niet"
    oplossing = _OPLOSSING.get(fout.errno or -1, "")
    return f"{tekst}. {oplossing}".strip()


def beschrijf(fout: BaseException) -> str:
    """A Dutch, one-paragraph description of an error for the command line."""
    from pipelines.privacy import SleutelKloptNiet, SleutelOntbreekt
    from pipelines.resources import WarehouseFout

    if isinstance(fout, (WarehouseFout, SleutelKloptNiet, SleutelOntbreekt)):
        return str(fout)
    if isinstance(fout, OSError) and fout.errno is not None:
        return os_fout(fout)
    try:
        import duckdb

        if isinstance(fout, duckdb.Error):
            from pipelines.resources import vertaal_fout

            vertaald = vertaal_fout(fout, Path(str(getattr(fout, "filename", "") or "warehouse")))
            if vertaald is not None:
                return str(vertaald)
            return f"het warehouse gaf een fout ({type(fout).__name__}: {str(fout).splitlines()[0][:300]})."
    except ImportError:  # pragma: no cover
        pass
    if isinstance(fout, (ValueError, FileNotFoundError, LookupError)):
        return str(fout)
    return (
        f"onverwachte fout ({type(fout).__name__}: {str(fout)[:300]}). Dit is waarschijnlijk een fout in vakwoorden; "
        "meld hem met het commando dat je gaf."
    )
