"""Words in the pages' sentences: counts ("1 segment", "4 segments", "12,000 segments") and a refusal's reason as a
sentence."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one and plural (``noun + "s"`` unless given) otherwise; thousands are
    grouped with commas."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def as_sentence(reason: str) -> str:
    """A refusal's reason, written lower-case to follow "cannot …:" in an error, as a sentence of its own: capital
    first, a full stop at the end."""
    return reason[:1].upper() + reason[1:] + "."
