"""Plots for the reports, rendered offline by matplotlib to SVG (text kept as text, no timestamps)."""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # no display; must come before pyplot

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.dates import DateFormatter, MonthLocator  # noqa: E402

from vakwoorden import domein  # noqa: E402

NIVEAUS = list(domein.NIVEAUS)
VAARDIGHEDEN = list(domein.VAARDIGHEDEN)
KLEUR_NIVEAU = "#1f5f8b"
KLEUR_DOEL = "#c0392b"
KLEUR_OUD_DOEL = "#999999"

plt.rcParams.update(
    {
        "svg.fonttype": "none",  # text stays text: small files, searchable, prints sharp
        "svg.hashsalt": "vakwoorden",  # stable ids, so the same data gives the same file
        "font.size": 8,
        "font.family": "DejaVu Sans",
    }
)


@dataclass(frozen=True)
class Doel:
    """A werkplek's requirement for one skill during one placement."""

    rang: int
    begin: dt.date
    eind: dt.date | None
    actief: bool
    werkplek: str


def naar_svg(figuur: plt.Figure, strak: bool = True) -> str:
    """The figure as inline SVG. ``strak``: crop to what is drawn (an extra layout pass); the plots
    drawn once per learner have fixed margins instead, which renders them about four times faster."""
    buffer = io.StringIO()
    figuur.savefig(
        buffer, format="svg", bbox_inches="tight" if strak else None, metadata={"Date": None, "Creator": None}
    )
    plt.close(figuur)
    tekst = buffer.getvalue()
    return tekst[tekst.index("<svg") :]  # inline in HTML: no XML declaration or doctype


def als_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def niveaus_per_vaardigheid(
    metingen: dict[str, list[tuple[dt.date, int]]],
    doelen: dict[str, list[Doel]],
    vandaag: dt.date,
) -> str:
    """One small plot per ERK skill: the measured level over time against the werkplek's targets."""
    figuur, assen = plt.subplots(2, 3, figsize=(7.0, 3.9), sharey=True)
    alle_data = [d for reeks in metingen.values() for d, _ in reeks]
    alle_data += [x for ds in doelen.values() for d in ds for x in (d.begin, d.eind or vandaag)]
    begin = min(alle_data, default=vandaag - dt.timedelta(days=365))
    eind = max([*alle_data, vandaag])
    maanden = (eind.year - begin.year) * 12 + eind.month - begin.month
    om_de = max(1, -(-maanden // 4))  # about four dates on an axis, at the start of a month
    hoogste = max(
        [r for reeks in metingen.values() for _, r in reeks]
        + [d.rang for ds in doelen.values() for d in ds]
        + [2]
    )
    for as_, vaardigheid in zip(assen.flat, VAARDIGHEDEN, strict=False):
        reeks = metingen.get(vaardigheid, [])
        for doel in doelen.get(vaardigheid, []):
            kleur = KLEUR_DOEL if doel.actief else KLEUR_OUD_DOEL
            as_.hlines(
                doel.rang, doel.begin, doel.eind or vandaag, colors=kleur, linestyles="--", linewidth=1.4
            )
        if reeks:
            data, rangen = zip(*reeks, strict=True)
            as_.step(data, rangen, where="post", color=KLEUR_NIVEAU, linewidth=1.6)
            as_.plot(data, rangen, "o", color=KLEUR_NIVEAU, markersize=3)
        else:
            as_.text(
                0.5,
                0.5,
                "nog niet gemeten",
                transform=as_.transAxes,
                ha="center",
                va="center",
                color="#666666",
            )
        as_.set_title(vaardigheid)
        as_.set_xlim(begin - dt.timedelta(days=15), eind + dt.timedelta(days=15))
        as_.xaxis.set_major_locator(MonthLocator(interval=om_de))
        as_.xaxis.set_major_formatter(DateFormatter("%m-%y"))
        as_.tick_params(axis="x", labelrotation=45, labelsize=7)
        as_.grid(axis="y", color="#dddddd", linewidth=0.5)
    assen.flat[0].set_yticks(range(hoogste + 1), NIVEAUS[: hoogste + 1])
    assen.flat[0].set_ylim(-0.3, hoogste + 0.3)
    legenda = assen.flat[5]
    legenda.axis("off")
    legenda.plot([], [], color=KLEUR_NIVEAU, linewidth=1.6, marker="o", markersize=3, label="gemeten niveau")
    legenda.plot([], [], color=KLEUR_DOEL, linestyle="--", label="eis lopende plaatsing")
    legenda.plot([], [], color=KLEUR_OUD_DOEL, linestyle="--", label="eis eerdere plaatsing")
    legenda.legend(loc="center", frameon=False)
    # Fixed margins (the level labels are two characters, the dates five): no layout pass per learner.
    figuur.subplots_adjust(left=0.07, right=0.99, bottom=0.14, top=0.93, wspace=0.08, hspace=0.62)
    return naar_svg(figuur, strak=False)


def aanwezigheid(perioden: Sequence[tuple[dt.date, float, float]]) -> str:
    """Attended against offered hours per reporting period."""
    figuur, as_ = plt.subplots(figsize=(7.0, 1.8))
    if perioden:
        labels = [p.strftime("%m-%y") for p, _, _ in perioden]
        x = range(len(perioden))
        as_.bar(x, [a for _, a, _ in perioden], color="#dddddd", label="aangeboden")
        as_.bar(x, [w for _, _, w in perioden], color=KLEUR_NIVEAU, width=0.5, label="aanwezig")
        as_.set_xticks(list(x), labels, rotation=45, fontsize=7)
        as_.set_ylabel("uren")
        as_.legend(frameon=False, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2)
    else:
        as_.axis("off")
        as_.text(0.5, 0.5, "geen lesuren gerapporteerd", ha="center", va="center", color="#666666")
    figuur.subplots_adjust(left=0.08, right=0.99, bottom=0.27, top=0.84)  # fixed, as above
    return naar_svg(figuur, strak=False)


def groei_per_aanbieder(rijen: Sequence[tuple[str, str, float | None, str]]) -> str:
    """Gemeente report: level growth per 100 attended hours per taalaanbieder and leerroute.

    ``rijen`` are (taalaanbieder, leerroute, value or None when suppressed, number of learners as shown).
    A suppressed value is drawn as no bar with the label '<10'.
    """
    figuur, as_ = plt.subplots(figsize=(7.0, 0.35 * max(len(rijen), 3) + 0.6))
    labels = [f"{a} – {r}" for a, r, _, _ in rijen]
    waarden = [w or 0.0 for _, _, w, _ in rijen]
    y = list(range(len(rijen)))
    as_.barh(y, waarden, color=KLEUR_NIVEAU)
    for i, (_, _, waarde, n) in enumerate(rijen):
        tekst = f"{waarde:.2f} (n={n})".replace(".", ",") if waarde is not None else f"afgeschermd (n={n})"
        as_.text((waarde or 0.0), i, "  " + tekst, va="center", fontsize=7)
    as_.set_yticks(y, labels)
    as_.invert_yaxis()
    as_.set_xlabel("ERK-niveaus groei per 100 aanwezige lesuren")
    as_.set_xlim(0, max(waarden + [0.1]) * 1.6)
    figuur.tight_layout()
    return naar_svg(figuur)
