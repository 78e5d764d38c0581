"""Character-level differences between two translations, rendered as escaped HTML.

Text is compared in *characters as read*: a letter together with the combining marks after it (Arabic
harakat, shadda, hamza above …), so a changed vowel mark highlights its letter instead of a lone mark that
would render detached. Every piece of text is HTML-escaped; only the highlighting spans are markup.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from engine.markup import html_text

INSERT_STYLE = "background:#bbf7d0;color:#14532d;border-radius:2px"
DELETE_STYLE = "background:#fecaca;color:#7f1d1d;text-decoration:line-through;border-radius:2px"


@dataclass(frozen=True)
class DiffOp:
    """One run of a diff: ``equal`` (in both), ``insert`` (only in the other) or ``delete`` (only in the base)."""

    op: str
    text: str


def graphemes(text: str) -> list[str]:
    """``text`` split into base characters, each with the combining marks that follow it."""
    units: list[str] = []
    for ch in text:
        if units and unicodedata.combining(ch):
            units[-1] += ch
        else:
            units.append(ch)
    return units


def char_diff(base: str, other: str) -> list[DiffOp]:
    """The runs that turn ``base`` into ``other`` (adjacent runs of one kind merged)."""
    a, b = graphemes(base), graphemes(other)
    ops: list[DiffOp] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if ops and ops[-1].op == op:
            ops[-1] = DiffOp(op, ops[-1].text + text)
        else:
            ops.append(DiffOp(op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return ops


def similarity(base: str, other: str) -> float:
    """Share of characters the two texts have in common (difflib ratio over :func:`graphemes`, 0–1)."""
    if not base and not other:
        return 1.0
    return difflib.SequenceMatcher(None, graphemes(base), graphemes(other), autojunk=False).ratio()


def diff_html(base: str, other: str, *, show_deleted: bool = True) -> str:
    """``other`` as HTML, with what it adds to ``base`` highlighted (and, optionally, what it drops, struck out).

    The result is safe to embed: all text is escaped.
    """
    parts = []
    for run in char_diff(base, other):
        text = html_text(run.text)
        if run.op == "equal":
            parts.append(text)
        elif run.op == "insert":
            parts.append(f"<span class='tarjama-ins' style='{INSERT_STYLE}'>{text}</span>")
        elif show_deleted:
            parts.append(f"<span class='tarjama-del' style='{DELETE_STYLE}'>{text}</span>")
    return "".join(parts)
