"""Printable word list (HTML for A4, also readable on a phone) of a deck, for use in class.

Open the file in a browser and print it (or save as PDF). On paper: compact rows (the word with its
article and plural in one cell), each theme's name repeated at the top of every page the theme
continues on, page numbers at the bottom, rows never split over pages, long words broken only at
their compound boundaries (soft hyphens) and so always with a hyphen. de/het keep their colours
and the het-article is also underlined, so the difference survives black-and-white printing. On a
narrow screen every row becomes a small card. Labels are in the learner's language (``teksten.py``).
Every text from the word lists is escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from pathlib import Path

from vakwoorden.lijst import Vakwoord

from .afbeeldingen import ATTRIBUTIE, Afbeeldingen
from .afbreken import ZACHT, Afbreker
from .notitietype import lidwoord_klasse
from .teksten import EIGEN_NAAM, taal_attributen, tekst

Groep = tuple[str, Sequence[Vakwoord]]

_STIJL = """
@page {
  size: A4 portrait; margin: 11mm 10mm 13mm;
  @bottom-right { content: "%(pagina)s " counter(page) " / " counter(pages); font-size: 8pt; color: #555; }
  @bottom-left { content: "%(titel)s"; font-size: 8pt; color: #555; }
}
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, "Noto Sans Arabic", "Noto Sans Ethiopic", sans-serif;
       font-size: 9pt; line-height: 1.25; color: #111; margin: 0; hyphens: manual; }
@media screen { body { max-width: 210mm; margin: 1em auto; padding: 0 0.8em; font-size: 15px; } }
h1 { font-size: 15pt; margin: 0 0 2pt; }
.onder { color: #444; margin: 0 0 4pt; }
.legenda { font-size: 8pt; color: #333; margin: 0 0 6pt; }
table { width: 100%%; border-collapse: collapse; table-layout: fixed; margin: 0 0 6pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #aaa; padding: 2pt 3pt; vertical-align: top; text-align: start;
         overflow-wrap: normal; word-break: normal; }
th { font-size: 8pt; font-weight: normal; color: #444; border-bottom: 0.8pt solid #444; }
th.thema { font-size: 11pt; font-weight: bold; color: #111; border-bottom: none; padding-top: 6pt; }
th.thema .omschrijving { font-weight: normal; font-size: 8pt; color: #444; }
.vervolg { display: none; }
.de { color: #1556b0; }
.het { color: #b83d00; }
.het .lidwoord { text-decoration: underline; }
.dehet { color: #7a2a9c; }
.lidwoord { font-weight: bold; }
.woord { font-weight: bold; font-size: 10pt; }
.meervoud { display: block; font-size: 8pt; }
.veilig { color: #b3261e; font-weight: bold; }
.plaatje { width: 26pt; height: 26pt; float: inline-end; margin-inline-start: 2pt; }
td[dir="rtl"], .kop[dir="rtl"] { text-align: right; font-size: 10.5pt; }
.ongecontroleerd { color: #888; font-size: 7pt; }
.attributie { font-size: 7pt; color: #555; margin-top: 6pt; }
.eigen-kop { display: block; font-size: 7pt; }
/* Phones: every row a small card, the columns under each other. */
@media screen and (max-width: 600px) {
  table, thead, tbody, tr, th, td { display: block; width: auto !important; }
  thead tr.kolommen { display: none; }
  tr { border-bottom: 1px solid #aaa; padding: 0.4em 0; }
  td { border: none; padding: 0.1em 0; }
  .woord { font-size: 1.2em; }
  .plaatje { width: 44px; height: 44px; }
}
"""


def _afgebroken(tekst_: str, afbreker: Afbreker | None) -> str:
    tekst_ = afbreker.zacht(tekst_) if afbreker is not None else tekst_
    return html.escape(tekst_).replace(ZACHT, "&shy;")


def _plaatje(woord: Vakwoord, afbeeldingen: Afbeeldingen | None) -> str:
    afbeelding = afbeeldingen.voor(woord) if afbeeldingen is not None else None
    if afbeelding is None:
        return ""
    soort = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(
        afbeelding.bestand.suffix.lower(), "application/octet-stream"
    )
    data = base64.b64encode(afbeelding.bestand.read_bytes()).decode("ascii")
    titel = html.escape(afbeelding.licentie)
    return f'<img class="plaatje" src="data:{soort};base64,{data}" alt="" title="{titel}">'


def _woord_cel(woord: Vakwoord, afbreker: Afbreker | None, afbeeldingen: Afbeeldingen | None) -> str:
    klasse = lidwoord_klasse(woord.lidwoord)
    veilig = ' <span class="veilig" title="veiligheid">⚠</span>' if woord.veiligheid else ""
    lidwoord = f'<span class="lidwoord">{html.escape(woord.lidwoord)}</span> ' if woord.lidwoord else ""
    if woord.meervoud == "-":
        meervoud = '<span class="meervoud">(geen meervoud)</span>'
    elif woord.meervoud:
        meervoud = f'<span class="meervoud de">de {_afgebroken(woord.meervoud, afbreker)}</span>'
    else:
        meervoud = ""
    return (
        f'<td class="{klasse}" lang="nl" dir="ltr">{_plaatje(woord, afbeeldingen)}'
        f'<span class="woord">{lidwoord}{_afgebroken(woord.woord, afbreker)}</span>{veilig}{meervoud}</td>'
    )


def _vertaling_cel(woord: Vakwoord, taal: str) -> str:
    vertaling = woord.vertaling(taal)
    if vertaling is None:
        return "<td></td>"
    teken = "" if vertaling.gecontroleerd else ' <sup class="ongecontroleerd" dir="ltr">*</sup>'
    return f"<td {taal_attributen(taal)}>{html.escape(vertaling.tekst)}{teken}</td>"


def _css_tekst(tekst_: str) -> str:
    """Text safe inside a CSS string in a <style> element (no quotes, backslashes, tags, lines)."""
    return "".join(t for t in tekst_ if t not in '"\\<>{}' and t.isprintable())[:120]


def _kop(sleutel: str, taal: str) -> str:
    """A column heading: the Dutch word, with the learner's language under it."""
    nederlands = html.escape(tekst(sleutel, "nl"))
    if taal == "nl":
        return nederlands
    return f'{nederlands}<span class="eigen-kop" {taal_attributen(taal)}>{html.escape(tekst(sleutel, taal))}</span>'


def woordenlijst_html(
    titel: str,
    groepen: Sequence[Groep],
    taal: str,
    omschrijvingen: dict[str, str] | None = None,
    *,
    afbeeldingen: Afbeeldingen | None = None,
    afbreker: Afbreker | None = None,
) -> str:
    """The whole page. ``groepen``: (heading, words) pairs; an empty heading prints no heading."""
    met_vertaling = taal != "nl"
    kop = titel.replace("::", " – ")
    aantal = sum(len(woorden) for _, woorden in groepen)
    breedtes = ["31%", "43%", "26%"] if met_vertaling else ["34%", "66%"]
    kolommen = [_kop("woord", taal), _kop("uitleg", taal)]
    if met_vertaling:
        kolommen.append(f'<span class="kop" {taal_attributen(taal)}>{html.escape(EIGEN_NAAM[taal])}</span>')
    kopregel = '<tr class="kolommen">' + "".join(f"<th>{k}</th>" for k in kolommen) + "</tr>"
    colgroup = "".join(f'<col style="width:{b}">' for b in breedtes)
    stijl = _STIJL % {"pagina": _css_tekst(tekst("pagina", taal)), "titel": _css_tekst(kop)}
    woorden_tekst = f"{aantal} {html.escape(tekst('woorden', 'nl'))}"
    if met_vertaling:
        woorden_tekst += (
            f" · <span {taal_attributen(taal)}>{aantal} {html.escape(tekst('woorden', taal))}</span>"
        )
    delen = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(kop)}</title>",
        f"<style>{stijl}</style></head>",
        "<body>",
        f"<h1>{html.escape(kop)}</h1>",
        f'<p class="onder">{woorden_tekst}'
        + (
            f" · vertaling: <span {taal_attributen(taal)}>{html.escape(EIGEN_NAAM[taal])}</span>"
            if met_vertaling
            else " · alleen Nederlands"
        )
        + "</p>",
        '<p class="legenda"><span class="de"><b>de</b> blauw</span> · '
        '<span class="het"><b><u>het</u></b> oranje</span> · '
        '<span class="dehet"><b>de/het</b> paars</span> · '
        f'<span class="veilig">⚠</span> veiligheid <span {taal_attributen(taal)}>'
        f"({html.escape(tekst('veiligheid', taal))})</span>"
        + (
            f' · <span class="ongecontroleerd">*</span> vertaling nog niet gecontroleerd '
            f"<span {taal_attributen(taal)}>({html.escape(tekst('ongecontroleerd', taal))})</span>"
            if met_vertaling
            else ""
        )
        + "</p>",
    ]
    for kopje, woorden in groepen:
        if not woorden:
            continue
        themakop = ""
        if kopje:
            omschrijving = (omschrijvingen or {}).get(kopje, "")
            extra = f' <span class="omschrijving">{html.escape(omschrijving)}</span>' if omschrijving else ""
            # In the table head, so that it is repeated on every page the theme continues on.
            themakop = (
                f'<tr><th class="thema" colspan="{len(kolommen)}">{html.escape(kopje)}{extra}</th></tr>'
            )
        delen.append(f"<table><colgroup>{colgroup}</colgroup><thead>{themakop}{kopregel}</thead><tbody>")
        for woord in woorden:
            cellen = [
                _woord_cel(woord, afbreker, afbeeldingen),
                f'<td lang="nl" dir="ltr">{_afgebroken(woord.uitleg, afbreker)}</td>',
                *([_vertaling_cel(woord, taal)] if met_vertaling else []),
            ]
            delen.append("<tr>" + "".join(cellen) + "</tr>")
        delen.append("</tbody></table>")
    if afbeeldingen is not None:
        delen.append(f'<p class="attributie">{html.escape(ATTRIBUTIE)}</p>')
    delen.append("</body></html>")
    return "\n".join(delen) + "\n"


def schrijf_woordenlijst(
    pad: Path,
    titel: str,
    groepen: Sequence[Groep],
    taal: str,
    omschrijvingen: dict[str, str] | None = None,
    *,
    afbeeldingen: Afbeeldingen | None = None,
    afbreker: Afbreker | None = None,
) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(
        woordenlijst_html(titel, groepen, taal, omschrijvingen, afbeeldingen=afbeeldingen, afbreker=afbreker),
        encoding="utf-8",
    )
    return pad
