"""Marking glossary terms in a text for display: spans → escaped HTML with ``<mark>`` elements (no Streamlit).

Sources get ``<mark class="gl-term">`` on each applicable term (its renderings in ``title``); translations get
``<mark class="gl-kept">`` on each rendering found. Everything else is HTML-escaped, so a text can never inject
markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.glossary.terms import AppliedTerm, TermScore
from engine.markup import html_attribute, html_text

SOURCE_CLASS, KEPT_CLASS, MISSED_CLASS = "gl-term", "gl-kept", "gl-missed"


def mark_spans(text: str, spans: Sequence[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with each ``(start, end, css class, title)`` span wrapped in a ``<mark>`` (overlaps:
    the first one wins)."""
    out, pos = [], 0
    for start, end, css, title in sorted(spans):
        if start < pos:
            continue
        out.append(html_text(text[pos:start]))
        out.append(f'<mark class="{css}" title="{html_attribute(title)}">{html_text(text[start:end])}</mark>')
        pos = end
    out.append(html_text(text[pos:]))
    return "".join(out)


def source_html(source: str, terms: Sequence[AppliedTerm]) -> str:
    """The source with its glossary terms marked (title: the glossary's Arabic rendering)."""
    return mark_spans(source, [(a, b, SOURCE_CLASS, " / ".join(t.arabic)) for t in terms for a, b in t.spans])


def translation_html(text: str, score: TermScore) -> str:
    """A translation with the glossary renderings it uses marked (title: the source term)."""
    return mark_spans(text, [(a, b, KEPT_CLASS, c.term.source) for c in score.checks if c.kept for a, b in c.spans])


def legend_html(score: TermScore) -> str:
    """One line per translation: each applicable term, kept (✓) or missed (✗, with what the glossary says)."""
    items = []
    for c in score.checks:
        css, sign = (KEPT_CLASS, "✓") if c.kept else (MISSED_CLASS, "✗")
        wanted = " / ".join(c.term.arabic)
        items.append(
            f'<span class="{css}">{sign} {html_text(c.term.source)} → '
            f'<span dir="rtl">{html_text(wanted)}</span></span>'
        )
    return " · ".join(items)
