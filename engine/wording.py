"""Words in the pages' sentences: counts ("1 segment", "4 segments", "12,000 segments"), a metric or a dash, a
refusal's reason as a sentence, and an unexpected error in one line."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one and plural (``noun + "s"`` unless given) otherwise; thousands are
    grouped with commas."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def metric_text(value: object) -> str:
    """A metric for a table: 3 significant decimals, or a dash when there is none (not a literal "None")."""
    return f"{round(float(value), 3):g}" if isinstance(value, int | float) and not isinstance(value, bool) else "—"


def as_sentence(reason: str) -> str:
    """A refusal's reason, written lower-case to follow "cannot …:" in an error, as a sentence of its own: capital
    first, a full stop at the end."""
    return reason[:1].upper() + reason[1:] + "."


def one_line(exc: BaseException) -> str:
    """An unexpected error in one line — its type and the first line of its message — for a client or a console
    that must not get a traceback."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
