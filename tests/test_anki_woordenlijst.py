"""The printable word list (HTML for A4)."""

from __future__ import annotations

from vakwoorden.anki.woordenlijst import woordenlijst_html


def test_woordenlijst_bevat_alles_voor_de_klas(anki_woorden):
    tekst = woordenlijst_html(
        "Vakwoorden::Metaal", [("1. Veiligheid", anki_woorden[:2]), ("2. Rest", anki_woorden[2:])], "ar"
    )
    assert "@page" in tekst and "A4" in tekst and "<table" in tekst and "table-header-group" in tekst
    assert "<h1>Vakwoorden – Metaal</h1>" in tekst and "<h2>1. Veiligheid</h2>" in tekst
    assert '<td class="het"><span class="lidwoord">het</span></td>' in tekst
    assert '<td class="de" lang="nl">de veiligheidsbrillen</td>' in tekst
    assert (
        '<td dir="rtl" lang="ar">نظارات السلامة <span class="ongecontroleerd" dir="ltr">*</span></td>'
        in tekst
    )
    assert '<td dir="rtl" lang="ar">آلة لحام</td>' in tekst  # checked: no mark
    assert "&lt;hier&gt; &amp; daar" in tekst  # escaped
    assert "<th>Arabisch</th>" in tekst and "vertaling nog niet gecontroleerd" in tekst
    assert tekst.count("<tr>") == 2 + len(anki_woorden)


def test_woordenlijst_alleen_nederlands(anki_woorden):
    tekst = woordenlijst_html("Vakwoorden::Werkplek::Lasser", [("", anki_woorden)], "nl")
    assert "<h2>" not in tekst and "alleen Nederlands" in tekst
    assert 'dir="rtl" lang' not in tekst and "niet gecontroleerd" not in tekst
