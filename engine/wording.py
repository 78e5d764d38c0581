"""Counts in the pages' sentences: "1 segment", "4 segments", "12,000 segments"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one and plural (``noun + "s"`` unless given) otherwise; thousands are
    grouped with commas."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
