"""Printable word list (HTML for A4) of a deck, for use in class next to the Anki deck.

Open the file in a browser and print it (or save as PDF): tables repeat their header on each page,
rows are not split over pages, de/het keep their colours and the het-article is also underlined so
the difference survives black-and-white printing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from vakwoorden.lijst import RECHTS_NAAR_LINKS, TAALNAMEN, Vakwoord

from .notitietype import lidwoord_klasse

Groep = tuple[str, Sequence[Vakwoord]]

_STIJL = """
@page { size: A4 portrait; margin: 14mm 12mm 16mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, "Noto Sans Arabic", "Noto Sans Ethiopic", sans-serif;
       font-size: 10.5pt; line-height: 1.35; color: #111; margin: 0; }
@media screen { body { max-width: 210mm; margin: 1.5em auto; padding: 0 1em; } }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid; }
h2 .omschrijving { font-weight: normal; font-size: 9.5pt; color: #444; }
.onder { color: #444; margin: 0 0 6pt; }
.legenda { font-size: 9pt; border: 0.5pt solid #999; padding: 3pt 6pt; display: inline-block; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 3pt 4pt; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
th { background: #eee; font-size: 9pt; }
.de { color: #1556b0; }
.het { color: #b83d00; }
.het .lidwoord { text-decoration: underline; }
.dehet { color: #7a2a9c; }
.lidwoord { font-weight: bold; }
.woord { font-weight: bold; }
.veilig { color: #b3261e; font-weight: bold; }
td[dir="rtl"] { text-align: right; font-size: 12pt; }
.ongecontroleerd { color: #7a5200; }
.aantekening { background: #fff; }
"""


def _woord_cel(woord: Vakwoord) -> str:
    klasse = lidwoord_klasse(woord.lidwoord)
    veilig = ' <span class="veilig" title="veiligheid">⚠</span>' if woord.veiligheid else ""
    return f'<td class="woord {klasse}" lang="nl">{html.escape(woord.woord)}{veilig}</td>'


def _lidwoord_cel(woord: Vakwoord) -> str:
    klasse = lidwoord_klasse(woord.lidwoord)
    return f'<td class="{klasse}"><span class="lidwoord">{html.escape(woord.lidwoord)}</span></td>'


def _meervoud_cel(woord: Vakwoord) -> str:
    if woord.meervoud == "-":
        return "<td>geen</td>"
    if not woord.meervoud:
        return "<td></td>"
    return f'<td class="de" lang="nl">de {html.escape(woord.meervoud)}</td>'


def _vertaling_cel(woord: Vakwoord, taal: str) -> str:
    vertaling = woord.vertaling(taal)
    if vertaling is None:
        return "<td></td>"
    richting = "rtl" if taal in RECHTS_NAAR_LINKS else "ltr"
    teken = "" if vertaling.gecontroleerd else ' <span class="ongecontroleerd" dir="ltr">*</span>'
    return f'<td dir="{richting}" lang="{taal}">{html.escape(vertaling.tekst)}{teken}</td>'


def woordenlijst_html(
    titel: str, groepen: Sequence[Groep], taal: str, omschrijvingen: dict[str, str] | None = None
) -> str:
    """The whole page. ``groepen``: (heading, words) pairs; an empty heading prints no heading."""
    met_vertaling = taal != "nl"
    taalnaam = TAALNAMEN.get(taal, taal)
    kop = titel.replace("::", " – ")
    aantal = sum(len(woorden) for _, woorden in groepen)
    breedtes = (
        ["8%", "17%", "15%", "34%", "16%", "10%"] if met_vertaling else ["8%", "19%", "17%", "44%", "12%"]
    )
    kolommen = [
        "de/het",
        "woord",
        "meervoud",
        "uitleg",
        *([taalnaam] if met_vertaling else []),
        "eigen aantekening",
    ]
    kopregel = "".join(f"<th>{html.escape(k)}</th>" for k in kolommen)
    colgroup = "".join(f'<col style="width:{b}">' for b in breedtes)

    delen = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(kop)}</title>",
        f"<style>{_STIJL}</style></head>",
        "<body>",
        f"<h1>{html.escape(kop)}</h1>",
        f'<p class="onder">{aantal} woorden'
        + (f" · vertaling: {html.escape(taalnaam)}" if met_vertaling else " · alleen Nederlands")
        + "</p>",
        '<p class="legenda"><span class="de"><b>de</b> blauw</span> · '
        '<span class="het"><b><u>het</u></b> oranje</span> · '
        '<span class="dehet"><b>de/het</b> paars</span> · '
        '<span class="veilig">⚠</span> veiligheid'
        + (
            ' · <span class="ongecontroleerd">*</span> vertaling nog niet gecontroleerd'
            if met_vertaling
            else ""
        )
        + "</p>",
    ]
    for kopje, woorden in groepen:
        if not woorden:
            continue
        if kopje:
            omschrijving = (omschrijvingen or {}).get(kopje, "")
            extra = f' <span class="omschrijving">{html.escape(omschrijving)}</span>' if omschrijving else ""
            delen.append(f"<h2>{html.escape(kopje)}{extra}</h2>")
        delen.append(f"<table><colgroup>{colgroup}</colgroup><thead><tr>{kopregel}</tr></thead><tbody>")
        for woord in woorden:
            cellen = [
                _lidwoord_cel(woord),
                _woord_cel(woord),
                _meervoud_cel(woord),
                f'<td lang="nl">{html.escape(woord.uitleg)}</td>',
                *([_vertaling_cel(woord, taal)] if met_vertaling else []),
                '<td class="aantekening"></td>',
            ]
            delen.append("<tr>" + "".join(cellen) + "</tr>")
        delen.append("</tbody></table>")
    delen.append("</body></html>")
    return "\n".join(delen) + "\n"


def schrijf_woordenlijst(
    pad: Path,
    titel: str,
    groepen: Sequence[Groep],
    taal: str,
    omschrijvingen: dict[str, str] | None = None,
) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(woordenlijst_html(titel, groepen, taal, omschrijvingen), encoding="utf-8")
    return pad
