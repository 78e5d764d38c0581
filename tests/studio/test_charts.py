"""The inline-SVG histogram of the Data page: one bar per side and bin, exact counts when bins are merged."""

from __future__ import annotations

import re

from studio.components.charts import MAX_BINS, histogram_svg


def _bars(svg: str) -> list[str]:
    return re.findall(r"<title>([^<]*)</title>", svg)


def test_one_bar_per_side_and_bin_with_its_count_as_tooltip():
    rows = [{"side": "source", "length": 10, "segments": 1200}, {"side": "source", "length": 30, "segments": 5},
            {"side": "target", "length": 10, "segments": 900}]
    svg = histogram_svg(rows)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert _bars(svg) == ["source, 10–19 characters: 1,200 segments", "source, 30–39 characters: 5 segments",
                          "target, 10–19 characters: 900 segments"]
    assert "length (characters, binned by 10)" in svg and "Segment lengths" in svg


def test_many_bins_are_merged_into_wider_ones_keeping_every_segment():
    rows = [{"side": side, "length": i * 10, "segments": i + 1} for side in ("source", "target")
            for i in range(1000)]
    svg = histogram_svg(rows)
    bars = _bars(svg)
    assert len(bars) <= 2 * MAX_BINS
    total = sum(int(re.search(r": ([\d,]+) segments", b)[1].replace(",", "")) for b in bars)
    assert total == sum(r["segments"] for r in rows)
    assert re.search(r"binned by (\d+)\)", svg)[1] == "90"


def test_text_is_escaped_and_an_empty_histogram_still_draws():
    assert "<b>" not in histogram_svg([{"side": "<b>", "length": 0, "segments": 1}], title="<i>x</i>")
    assert histogram_svg([]).startswith("<svg")
