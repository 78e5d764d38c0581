"""Light charts drawn as inline SVG: no chart library for the browser to load.

Plotly's script is several megabytes: on the Data page it took 2–3 s of a loaded 2-core machine to load and draw a
40-bar histogram, longer than the rest of the page. A grouped bar chart needs none of it; the bars carry their
figures as tooltips.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import streamlit as st

SIDE_COLOURS = {"source": "#636efa", "target": "#ef553b"}
"""Plotly's first two colours, which the histogram had before."""
MAX_BINS = 120
"""More bins than this are merged into wider ones (a sum of neighbours, so the counts stay exact)."""


def _nice_step(top: float, ticks: int = 4) -> float:
    raw = max(top, 1) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _merge(rows: Sequence[dict], bin_chars: int) -> tuple[dict[str, dict[int, int]], int]:
    """{side: {bin start: segments}} with bins widened (a multiple of ``bin_chars``) until at most MAX_BINS."""
    starts = [int(r["length"]) for r in rows if r["length"] is not None]
    span = (max(starts) - min(starts)) // bin_chars + 1 if starts else 1
    width = bin_chars * max(1, math.ceil(span / MAX_BINS))
    bins: dict[str, dict[int, int]] = {}
    for r in rows:
        if r["length"] is None:
            continue
        start = int(r["length"]) // width * width
        side = bins.setdefault(str(r["side"]), {})
        side[start] = side.get(start, 0) + int(r["segments"])
    return bins, width


def histogram_svg(rows: Sequence[dict], *, bin_chars: int = 10, title: str = "Segment lengths",
                  height: int = 300) -> str:
    """A grouped bar chart of ``rows`` ({side, length, segments}, ``length`` the start of a ``bin_chars`` bin)."""
    bins, width = _merge(rows, bin_chars)
    sides = [s for s in SIDE_COLOURS if s in bins] + sorted(set(bins) - set(SIDE_COLOURS))
    starts = sorted({start for side in bins.values() for start in side})
    top = max((n for side in bins.values() for n in side.values()), default=0)
    step = _nice_step(top)
    y_max = step * max(1, math.ceil(top / step))
    w, left, right, top_pad, bottom = 1000, 64, 12, 40, 52
    plot_w, plot_h = w - left - right, height - top_pad - bottom
    first = starts[0] if starts else 0
    n_slots = ((starts[-1] - first) // width + 1) if starts else 1
    slot = plot_w / n_slots
    bar = slot * 0.8 / max(1, len(sides))

    def y(v: float) -> float:
        return top_pad + plot_h * (1 - v / y_max)

    parts = [f'<text x="{left}" y="20" font-size="15" font-weight="600">{html.escape(title)}</text>']
    for i, side in enumerate(sides):  # legend, top right
        x = w - right - 170 + i * 85
        colour = SIDE_COLOURS.get(side, "#9ca3af")
        parts.append(f'<rect x="{x}" y="9" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 17}" y="20" font-size="13">{html.escape(side)}</text>')
    k = 0
    while k * step <= y_max + 1e-9:  # horizontal grid and the y axis
        v = k * step
        parts.append(f'<line x1="{left}" x2="{w - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e5e7eb"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="12" text-anchor="end">{v:,.0f}</text>')
        k += 1
    label_every = max(1, math.ceil(n_slots / 20))
    for j in range(n_slots):  # x labels: a bin's start, about 20 of them
        if j % label_every == 0:
            x = left + (j + 0.5) * slot
            parts.append(f'<text x="{x:.1f}" y="{top_pad + plot_h + 16}" font-size="12" '
                         f'text-anchor="middle">{first + j * width:,}</text>')
    for i, side in enumerate(sides):
        colour = SIDE_COLOURS.get(side, "#9ca3af")
        for start, n in sorted(bins[side].items()):
            x = left + (start - first) / width * slot + slot * 0.1 + i * bar
            tip = f"{side}, {start:,}–{start + width - 1:,} characters: {n:,} segments"
            parts.append(f'<rect x="{x:.2f}" y="{y(n):.2f}" width="{bar:.2f}" height="{y(0) - y(n):.2f}" '
                         f'fill="{colour}"><title>{html.escape(tip)}</title></rect>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{height - 8}" font-size="13" text-anchor="middle">'
                 f'length (characters, binned by {width})</text>'
                 f'<text transform="translate(14 {top_pad + plot_h / 2}) rotate(-90)" font-size="13" '
                 'text-anchor="middle">segments</text>')
    return (f'<svg class="tarjama-histogram" role="img" aria-label="{html.escape(title)}" viewBox="0 0 {w} {height}"'
            f' width="100%" style="max-height:{height}px" preserveAspectRatio="xMinYMin meet"'
            f' font-family="sans-serif" fill="#374151">{"".join(parts)}</svg>')


def length_histogram(rows: Sequence[dict], *, bin_chars: int = 10) -> None:
    """Show the source and target length histogram of a corpus."""
    st.markdown(histogram_svg(rows, bin_chars=bin_chars), unsafe_allow_html=True)
