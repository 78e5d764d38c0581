"""Words in the pages' sentences: counts ("1 segment", "4 segments", "12,000 segments"), a metric or a dash, a
refusal's reason as a sentence, and an unexpected error in one line."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one and plural (``noun + "s"`` unless given) otherwise; thousands are
    grouped with commas."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def metric_text(value: object) -> str:
    """A metric for a table: 3 significant decimals, or a dash when there is none (not a literal "None")."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "—"
    return f"{round(float(value), 3) + 0.0:g}"  # + 0.0: -0.0 reads "0"


def decimals(value: float, places: int = 3) -> str:
    """``value`` to ``places`` decimals, never a negative zero: an estimate of ~0 read "KL -0.000" at a run's first
    step (a NaN stays "nan")."""
    return f"{round(value, places) + 0.0:.{places}f}"


def as_sentence(reason: str) -> str:
    """A refusal's reason, written lower-case to follow "cannot …:" in an error, as a sentence of its own: capital
    first, a full stop at the end."""
    return reason[:1].upper() + reason[1:] + "."


def one_line(exc: BaseException) -> str:
    """An unexpected error in one line — its type and the first line of its message — for a client or a console
    that must not get a traceback."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
