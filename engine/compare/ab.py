"""Blind A/B judgements: which sentence to show next, in which order, and win rates with intervals.

A linguist sees a source and two translations from two systems, labelled only "A" and "B" in a random order,
and picks *A is better*, *B is better* or *tie*. :func:`draw_item` chooses a sentence the linguist has not
judged for this pair yet (by default only sentences where the two outputs differ) and flips a fair coin for
the order; :func:`winner` maps the choice on screen back to a system. :func:`win_rates` counts the judgements
per pair of systems: wins, losses and ties; the win rate (a tie counts half) and the preference among
decisive judgements, both with Wilson score intervals, and an exact two-sided sign test.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist

CHOICES = ("left", "right", "tie")
"""What the linguist picks: the translation shown first (A) is better, the second (B) is, or neither."""


@dataclass(frozen=True)
class AbItem:
    """One blind comparison: sentence ``idx``, with system ``left`` shown as A and ``right`` as B."""

    idx: int
    left: str
    right: str


def draw_item(outputs_a: Mapping[int, str], outputs_b: Mapping[int, str], systems: tuple[str, str],
              judged: Iterable[int] = (), rng: random.Random | None = None, *,
              skip_identical: bool = True) -> AbItem | None:
    """The next sentence to judge for ``systems`` and the order to show them in; None when none is left.

    ``outputs_a``/``outputs_b`` map sentence index → output of ``systems[0]``/``systems[1]``. Sentences in
    ``judged`` are skipped, and (with ``skip_identical``) so are sentences where both outputs are the same
    (a judgement there says nothing about the systems). The sentence and the order are drawn from ``rng``.
    """
    if systems[0] == systems[1]:
        raise ValueError("choose two different systems")
    rng = rng or random.Random()
    done = set(judged)
    eligible = sorted(i for i in outputs_a if i in outputs_b and i not in done
                      and not (skip_identical and outputs_a[i].strip() == outputs_b[i].strip()))
    if not eligible:
        return None
    idx = rng.choice(eligible)
    left, right = systems if rng.random() < 0.5 else (systems[1], systems[0])
    return AbItem(idx, left, right)


def winner(item: AbItem, choice: str) -> str | None:
    """The system the choice favours (None for a tie)."""
    if choice not in CHOICES:
        raise ValueError(f"choice must be one of {', '.join(CHOICES)}, not {choice!r}")
    return {"left": item.left, "right": item.right, "tie": None}[choice]


def wilson_interval(successes: float, n: float, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``successes / n`` ((0, 1) when ``n`` is 0)."""
    if n <= 0:
        return 0.0, 1.0
    if not 0 <= successes <= n:
        raise ValueError(f"{successes} successes out of {n}")
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def sign_test(wins: int, losses: int) -> float:
    """Exact two-sided sign test (binomial, p = ½) of wins against losses; 1.0 when there are none."""
    n = wins + losses
    if n == 0:
        return 1.0
    k = min(wins, losses)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


@dataclass(frozen=True)
class WinRate:
    """Judgements of one pair of systems (``system_a`` < ``system_b`` in sort order)."""

    system_a: str
    system_b: str
    wins_a: int
    wins_b: int
    ties: int
    judges: int

    @property
    def n(self) -> int:
        """All judgements, ties included."""
        return self.wins_a + self.wins_b + self.ties

    @property
    def decisive(self) -> int:
        """Judgements that preferred one system."""
        return self.wins_a + self.wins_b

    @property
    def win_rate_a(self) -> float | None:
        """Share of judgements won by A, a tie counting half (None without judgements)."""
        return (self.wins_a + 0.5 * self.ties) / self.n if self.n else None

    def win_rate_interval(self, confidence: float = 0.95) -> tuple[float, float]:
        """Wilson interval of :attr:`win_rate_a` (ties as half a win)."""
        return wilson_interval(self.wins_a + 0.5 * self.ties, self.n, confidence)

    @property
    def preference_a(self) -> float | None:
        """Share of the decisive judgements that preferred A (None without any)."""
        return self.wins_a / self.decisive if self.decisive else None

    def preference_interval(self, confidence: float = 0.95) -> tuple[float, float]:
        """Wilson interval of :attr:`preference_a`."""
        return wilson_interval(self.wins_a, self.decisive, confidence)

    @property
    def p_value(self) -> float:
        """Exact two-sided sign test of A's wins against B's (ties left out)."""
        return sign_test(self.wins_a, self.wins_b)

    def as_row(self, labels: Mapping[str, str] | None = None, confidence: float = 0.95) -> dict[str, object]:
        """A flat row for a table or a CSV (``labels`` maps system keys to display names)."""
        labels = labels or {}
        lo, hi = self.win_rate_interval(confidence)
        plo, phi = self.preference_interval(confidence)
        return {"system A": labels.get(self.system_a, self.system_a),
                "system B": labels.get(self.system_b, self.system_b), "judgements": self.n, "judges": self.judges,
                "A better": self.wins_a, "B better": self.wins_b, "ties": self.ties,
                "A win rate": self.win_rate_a, "win rate low": lo, "win rate high": hi,
                "A preferred (decisive)": self.preference_a, "preferred low": plo, "preferred high": phi,
                "p (sign test)": self.p_value}


def win_rates(judgements: Sequence[Mapping[str, object]]) -> list[WinRate]:
    """Win rates per unordered pair of systems from judgement rows.

    Each row has ``left``, ``right`` (the systems in the order shown), ``choice`` (left/right/tie) and
    optionally ``linguist``. Pairs come out sorted; within a pair, A is the system first in sort order.
    """
    counts: dict[tuple[str, str], list] = {}
    for row in judgements:
        left, right, choice = str(row["left"]), str(row["right"]), str(row["choice"])
        a, b = sorted((left, right))
        entry = counts.setdefault((a, b), [0, 0, 0, set()])
        won = winner(AbItem(-1, left, right), choice)
        if won is None:
            entry[2] += 1
        elif won == a:
            entry[0] += 1
        else:
            entry[1] += 1
        entry[3].add(row.get("linguist"))
    return [WinRate(a, b, wa, wb, t, len(judges)) for (a, b), (wa, wb, t, judges) in sorted(counts.items())]
