"""The printable word list (HTML for A4 and phones)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from vakwoorden.anki.afbeeldingen import Afbeeldingen
from vakwoorden.anki.afbreken import Afbreker
from vakwoorden.anki.deck import _deckgroepen
from vakwoorden.anki.woordenlijst import woordenlijst_html
from vakwoorden.lijst import lees_lijst, lees_themas


def test_woordenlijst_bevat_alles_voor_de_klas(anki_woorden):
    tekst = woordenlijst_html(
        "Vakwoorden::Metaal",
        [("1. Veiligheid", anki_woorden[:2]), ("2. Rest", anki_woorden[2:])],
        "ar",
        afbeeldingen=Afbeeldingen(),
        afbreker=Afbreker(),
    )
    assert "@page" in tekst and "A4" in tekst and "<table" in tekst and "table-header-group" in tekst
    assert "<h1>Vakwoorden – Metaal</h1>" in tekst
    # the theme is in the table head, so it is repeated on every page the theme continues on
    assert re.search(r"<thead><tr><th class=\"thema\" colspan=\"3\">1\. Veiligheid</th></tr>", tekst)
    # page numbers, in the learner's language
    assert 'counter(page) " / " counter(pages)' in tekst and '"صفحة "' in tekst
    assert '<span class="lidwoord">het</span> lasapparaat' in tekst
    assert '<span class="meervoud de">de veiligheids&shy;brillen</span>' in tekst  # hyphen at the parts
    assert "hyphens: manual" in tekst and "overflow-wrap: normal" in tekst  # no break without a hyphen
    assert (
        '<td lang="ar" dir="rtl">نظارات السلامة <sup class="ongecontroleerd" dir="ltr">*</sup></td>' in tekst
    )
    assert '<td lang="ar" dir="rtl">آلة لحام</td>' in tekst  # checked: no mark
    assert "&lt;hier&gt; &amp; daar" in tekst  # escaped
    assert 'lang="ar" dir="rtl">العربية</span>' in tekst  # the language's own name and script
    assert "الترجمة لم تُراجَع بعد" in tekst and "vertaling nog niet gecontroleerd" in tekst
    assert 'class="eigen-kop" lang="ar" dir="rtl">الشرح</span>' in tekst  # column heading
    assert "data:image/svg+xml;base64," in tekst and "OpenMoji" in tekst  # picture and its licence
    assert "max-width: 600px" in tekst  # a layout for phones
    assert tekst.count("<tr>") == 2 + len(anki_woorden)


def test_woordenlijst_alleen_nederlands(anki_woorden):
    tekst = woordenlijst_html("Vakwoorden::Werkplek::Lasser", [("", anki_woorden)], "nl")
    assert 'class="thema"' not in tekst and "alleen Nederlands" in tekst
    assert 'dir="rtl">' not in tekst and "niet gecontroleerd" not in tekst
    assert '"pagina "' in tekst


def test_titel_kan_de_stijl_niet_breken(anki_woorden):
    tekst = woordenlijst_html(
        'Vakwoorden::Werkplek::x"</style><script>alert(1)</script>', [("", anki_woorden)], "nl"
    )
    stijl = tekst[tekst.index("<style>") : tekst.index("</style>")]
    assert "<script>" not in tekst and "<" not in stijl[len("<style>") :]


def _paginas(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is niet geïnstalleerd")
def test_metaal_ar_past_op_veel_minder_paginas(tmp_path):
    """Printed by a real browser: markedly fewer pages than the 27-28 of the old list (16-17 now)."""
    woorden = lees_lijst("metaal")
    groepen = _deckgroepen(woorden, "Vakwoorden::Metaal", lees_themas("metaal"))
    html_pad = tmp_path / "metaal-ar.html"
    html_pad.write_text(
        woordenlijst_html(
            "Vakwoorden::Metaal",
            [(g.kopje, g.woorden) for g in groepen],
            "ar",
            {g.kopje: g.omschrijving for g in groepen},
            afbeeldingen=Afbeeldingen(),
            afbreker=Afbreker(),
        ),
        encoding="utf-8",
    )
    pdf = tmp_path / "metaal-ar.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", str(html_pad)],
        capture_output=True,
        timeout=120,
        check=True,
    )  # fmt: skip
    # the old layout printed 14 words a page (397 words on 28 pages); now at least 22
    assert len(woorden) / _paginas(pdf) >= 22, (len(woorden), _paginas(pdf))
    pypdf = pytest.importorskip("pypdf")
    paginas = pypdf.PdfReader(pdf).pages
    tweede = paginas[1].extract_text()
    # a continuation page: its number, and the theme it continues, at the top
    assert re.search(rf"\b(2 / {len(paginas)}|{len(paginas)} / 2)\b", tweede) and "1. Veiligheid" in tweede
