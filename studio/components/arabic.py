"""Right-to-left display of Arabic (and any text) in Streamlit."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from engine.markup import html_text

RTL_CSS = """
<style>
.tarjama-rtl { direction: rtl; text-align: right; unicode-bidi: isolate;
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif; font-size: 1.1rem; }
.tarjama-table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
.tarjama-table th, .tarjama-table td { border-bottom: 1px solid #e5e7eb; padding: 0.35rem 0.5rem;
  vertical-align: top; }
.tarjama-table th { text-align: start; color: #374151; }
.tarjama-table td[dir="auto"] { unicode-bidi: plaintext; text-align: start; }
.tarjama-table td.tarjama-ar { direction: rtl; text-align: right; unicode-bidi: isolate;
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif; font-size: 1.05rem; }
textarea, input[type="text"] { unicode-bidi: plaintext; text-align: start; }
</style>
"""


def inject_css() -> None:
    """Add the studio's right-to-left CSS to the page (once per run)."""
    st.markdown(RTL_CSS, unsafe_allow_html=True)


def arabic_text(text: str, *, label: str | None = None) -> None:
    """Show ``text`` right-to-left and right-aligned (escaped: never interpreted as HTML)."""
    prefix = f"<div style='color:#6b7280;font-size:0.8rem'>{html_text(label)}</div>" if label else ""
    # lang: a screen reader reads it with an Arabic voice (the page is lang="en")
    st.markdown(f"{prefix}<div class='tarjama-rtl' dir='rtl' lang='ar'>{html_text(text)}</div>",
                unsafe_allow_html=True)


def arabic_cell(markup: str) -> str:
    """A table cell holding Arabic: right-to-left, right-aligned, ``lang="ar"`` (read with an Arabic voice).
    ``markup`` is HTML already (escape text with :func:`html_text`)."""
    return f"<td class='tarjama-ar' dir='rtl' lang='ar'>{markup}</td>"


def arabic_text_cell(text: str) -> str:
    """:func:`arabic_cell` of a model's output, escaped; one of nothing but spaces reads *(empty)* (a blank cell
    read as missing, and a whitespace-only translation showed as one)."""
    return arabic_cell(html_text(text) if text and text.strip() else "<em>(empty)</em>")


def bidi_table(rows: Sequence[dict], columns: Sequence[str], arabic_columns: Sequence[str] = ("target",),
               labels: dict[str, str] | None = None) -> None:
    """A read-only table where Arabic columns are right-to-left and others follow their own text."""
    labels = labels or {}
    head = "".join(f"<th>{html_text(labels.get(c, c))}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for c in columns:
            value = "" if row.get(c) is None else str(row.get(c))
            if c in arabic_columns:
                cells.append(arabic_cell(html_text(value)))
            else:
                cells.append(f"<td dir='auto'>{html_text(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    st.markdown(
        f"<table class='tarjama-table'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
        unsafe_allow_html=True,
    )
