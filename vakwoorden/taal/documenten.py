"""Reading a werkplek's texts into plain text: .txt, .md, .docx and .pdf (its text layer).

A file that cannot be read raises :class:`OnleesbaarDocument` with a Dutch reason that says what
to do. Reasons never quote the text itself: werkplek texts may hold names of contact persons.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

SOORTEN: tuple[str, ...] = (".txt", ".md", ".docx", ".pdf")
# A page of a real text layer has hundreds of letters; a scan has none or a few stray ones.
MINIMUM_LETTERS = 40


class OnleesbaarDocument(ValueError):
    """The file cannot be read as text; ``reden`` (Dutch) says why and what to do."""

    def __init__(self, reden: str) -> None:
        super().__init__(reden)
        self.reden = reden


def is_tekstbestand(pad: Path) -> bool:
    return pad.suffix.lower() in SOORTEN and not pad.name.startswith((".", "~$"))


def lees_document(pad: Path) -> str:
    """The text of ``pad`` (NFC), or :class:`OnleesbaarDocument`."""
    soort = pad.suffix.lower()
    if soort not in SOORTEN:
        raise OnleesbaarDocument(
            f"bestandstype '{soort or '(geen)'}' wordt niet gelezen; lever teksten aan als .txt, .md, .docx of .pdf"
        )
    try:
        data = pad.read_bytes()
    except OSError as fout:
        raise OnleesbaarDocument(f"het bestand is niet te lezen ({fout.strerror})") from None
    if not data.strip():
        raise OnleesbaarDocument("het bestand is leeg; lever de tekst opnieuw aan")
    if soort in (".txt", ".md"):
        tekst = _platte_tekst(data)
        if soort == ".md":
            tekst = _zonder_markdown(tekst)
    elif soort == ".docx":
        tekst = _docx(pad)
    else:
        tekst = _pdf(pad)
    tekst = unicodedata.normalize("NFC", tekst)
    if sum(c.isalpha() for c in tekst) < MINIMUM_LETTERS and soort != ".pdf":
        raise OnleesbaarDocument("het bestand bevat (bijna) geen tekst; lever de volledige tekst aan")
    return tekst


def _platte_tekst(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise OnleesbaarDocument(
            "dit is geen tekstbestand (het bevat binaire gegevens); sla de tekst op als .txt (UTF-8), .docx of .pdf"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows' 'ANSI' (Kladblok, oudere Word-export) is the other encoding Dutch texts arrive in.
        return data.decode("windows-1252", errors="replace")


_MARKDOWN = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the text
    (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),  # headings, quotes, list marks
    (re.compile(r"(\*\*|__|\*|_|`)(?=\S)|(?<=\S)(\*\*|__|\*|_|`)"), ""),  # emphasis, code
    (re.compile(r"^\s*(\|?\s*:?-{3,}:?\s*)+\|?\s*$", re.M), ""),  # table rules
    (re.compile(r"\|"), " "),
]


def _zonder_markdown(tekst: str) -> str:
    for patroon, vervanging in _MARKDOWN:
        tekst = patroon.sub(vervanging, tekst)
    return tekst


def _docx(pad: Path) -> str:
    import docx  # python-docx; imported here so that the CLI starts quickly
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(pad))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise OnleesbaarDocument(
            "het .docx-bestand is beschadigd of geen echt Word-bestand; sla het opnieuw op als .docx"
        ) from None
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        for rij in tabel.rows:
            delen.append("\t".join(cel.text for cel in rij.cells))
    for sectie in document.sections:
        for kop in (sectie.header, sectie.footer):
            delen.extend(p.text for p in kop.paragraphs)
    return "\n".join(delen)


def _pdf(pad: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        lezer = PdfReader(str(pad))
        if lezer.is_encrypted:
            try:
                lezer.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several kinds here
                raise OnleesbaarDocument(
                    "de PDF is beveiligd met een wachtwoord; lever een PDF zonder beveiliging aan"
                ) from None
        paginas = [pagina.extract_text() or "" for pagina in lezer.pages]
    except OnleesbaarDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise OnleesbaarDocument(
            "de PDF is beschadigd en niet te lezen; sla hem opnieuw op als PDF"
        ) from None
    tekst = "\n".join(paginas)
    if sum(c.isalpha() for c in tekst) < MINIMUM_LETTERS * max(1, len(paginas)) // 4 or not any(
        c.isalpha() for c in tekst
    ):
        raise OnleesbaarDocument(
            "de PDF heeft geen tekstlaag (waarschijnlijk een scan of foto); lever de tekst aan als .docx of "
            "als PDF die uit een tekstverwerker is opgeslagen, of laat de scan eerst herkennen (OCR)"
        )
    return tekst
