"""The error-span highlight on Translate and Compare: every span's text marked, overlaps at the worst severity."""

from __future__ import annotations

import re

from studio.components.span_marker import SEVERITY_COLOURS, highlighted

TEXT = "ذهب الولد إلى المدرسة صباحا"


def _marks(html: str) -> list[tuple[str, str, str]]:
    """(colour, title, text) of each mark."""
    return re.findall(r"<mark style='background:([^']+)' title='([^']*)'>([^<]*)</mark>", html)


def test_overlapping_spans_are_all_marked_at_the_worst_severity():
    # a later span overlapping an earlier one was dropped: the critical error beyond the minor one went unmarked
    minor = {"start": 0, "end": 9, "category": "style", "severity": "minor"}
    critical = {"start": 4, "end": 21, "category": "accuracy", "severity": "critical", "note": "wrong place"}
    marks = _marks(highlighted(TEXT, [minor, critical]))
    assert "".join(text for _, _, text in marks) == TEXT[0:21]
    assert marks[0] == (SEVERITY_COLOURS["minor"], "style · minor", "ذهب ")
    assert marks[1] == (SEVERITY_COLOURS["critical"], "style · minor; accuracy · critical · wrong place", "الولد")
    assert marks[2] == (SEVERITY_COLOURS["critical"], "accuracy · critical · wrong place", " إلى المدرسة")


def test_a_critical_span_inside_a_minor_one_shows_as_critical():
    outer = {"start": 0, "end": 21, "category": "fluency", "severity": "minor"}
    inner = {"start": 4, "end": 9, "category": "accuracy", "severity": "critical"}
    marks = _marks(highlighted(TEXT, [outer, inner]))
    assert [(colour, text) for colour, _, text in marks] == [
        (SEVERITY_COLOURS["minor"], "ذهب "), (SEVERITY_COLOURS["critical"], "الولد"),
        (SEVERITY_COLOURS["minor"], " إلى المدرسة")]


def test_text_without_spans_is_escaped_and_unmarked():
    html = highlighted("<b>x</b>\n\n![i](http://x/i.png)", [])
    assert "<mark" not in html and "&lt;b&gt;" in html and "\n" not in html
