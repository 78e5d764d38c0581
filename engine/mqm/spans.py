"""Error spans in a translation: character offsets into the Arabic text, a category and a severity.

The categories are the top level of MQM (Multidimensional Quality Metrics) as WMT's annotators use it, and the
severities those of MQM and of ESA (Error Span Annotation). Streamlit has no text-span selection, so the studio
marks a span by choosing words: :func:`words` cuts the text at whitespace (each word keeps its character
offsets) and :func:`span_from_words` turns the first and last word chosen into ``[start, end)`` offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

CATEGORIES: tuple[str, ...] = ("accuracy", "fluency", "terminology", "style", "locale")
CATEGORY_HELP: dict[str, str] = {
    "accuracy": "meaning differs from the source: mistranslation, addition, omission, untranslated text",
    "fluency": "the Arabic itself is wrong: grammar, agreement, spelling, punctuation, incoherence",
    "terminology": "a term translated inconsistently or not as the domain (or glossary) says",
    "style": "awkward or unidiomatic; wrong register",
    "locale": "conventions of the target locale: numbers, dates, currency, names, quotation marks",
}
SEVERITIES: tuple[str, ...] = ("minor", "major", "critical")
SEVERITY_HELP: dict[str, str] = {
    "minor": "noticeable, but the meaning gets through",
    "major": "the meaning is changed or hard to get; a reader is misled or slowed down",
    "critical": "unusable or harmful: the translation must not be shown as is",
}
_WORD = re.compile(r"\S+")


class SpanError(ValueError):
    """A span that cannot be stored (the message says which and why)."""


@dataclass(frozen=True)
class Word:
    """One whitespace-separated word of a text with its character offsets ``[start, end)``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ErrorSpan:
    """An error in a translation: characters ``[start, end)`` of its text, a category and a severity."""

    start: int
    end: int
    category: str
    severity: str
    note: str = ""

    def as_dict(self) -> dict:
        """A plain dict (the store's and the export's shape)."""
        return asdict(self)


def words(text: str) -> list[Word]:
    """The words of ``text`` (cut at whitespace) with their character offsets, in reading order."""
    return [Word(i, m.start(), m.end(), m.group()) for i, m in enumerate(_WORD.finditer(text))]


def span_from_words(text: str, indices: Iterable[int], category: str, severity: str, note: str = "") -> ErrorSpan:
    """The span from the first to the last of the chosen words (by index) of ``text``, checked."""
    chosen = sorted(set(int(i) for i in indices))
    found = words(text)
    if not chosen:
        raise SpanError("choose the word(s) of the error first")
    if chosen[0] < 0 or chosen[-1] >= len(found):
        raise SpanError(f"word {chosen[-1] + 1} is not in the text (it has {len(found)} words)")
    span = ErrorSpan(found[chosen[0]].start, found[chosen[-1]].end, category, severity, note.strip())
    return check_spans(text, [span])[0]


def check_spans(text: str, spans: Sequence[ErrorSpan | dict]) -> list[ErrorSpan]:
    """The spans as :class:`ErrorSpan`, or :class:`SpanError` naming the first bad one (1-based) and why."""
    out: list[ErrorSpan] = []
    for n, raw in enumerate(spans, start=1):
        try:
            span = (
                raw
                if isinstance(raw, ErrorSpan)
                else ErrorSpan(
                    int(raw["start"]),
                    int(raw["end"]),
                    str(raw["category"]),
                    str(raw["severity"]),
                    str(raw.get("note") or ""),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SpanError(f"span {n}: needs integer start and end, a category and a severity ({exc})") from None
        if span.category not in CATEGORIES:
            raise SpanError(f"span {n}: category {span.category!r} is not one of {', '.join(CATEGORIES)}")
        if span.severity not in SEVERITIES:
            raise SpanError(f"span {n}: severity {span.severity!r} is not one of {', '.join(SEVERITIES)}")
        if not 0 <= span.start < span.end <= len(text):
            raise SpanError(
                f"span {n}: characters {span.start}–{span.end} are not inside the text ({len(text)} characters)"
            )
        if not text[span.start : span.end].strip():
            raise SpanError(f"span {n}: it covers only whitespace")
        if span in out:
            raise SpanError(f"span {n}: the same error is marked twice")
        out.append(span)
    return out
