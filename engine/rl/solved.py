"""Drop the sources a policy already translates: the zero-variance prompts of online RL, found before training.

Why: GRPO and RLOO learn only from a group whose rewards differ (the advantage is the reward against the group's
own mean). A source the policy already translates exactly gives eight near-identical samples, eight equal chrF
rewards and no gradient but the KL term's: on the demo model about half the test sentences are translated
perfectly by greedy decoding, and by the end of a GRPO run TRL logged 56 % of the groups with zero reward spread
(``frac_reward_zero_std``). DAPO (Yu et al., 2025) fills its batches with groups that have a spread ("dynamic
sampling"); here the cheap, ahead-of-time form of it: one greedy pass over the prompts through the studio's decoding
loop, and the sources whose greedy translation already scores at least a chosen sentence chrF against the reference
leave the prompt set, so every step's groups are drawn from the sources that still have something to learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SolvedFilter:
    """What the filter kept: the rows and, for the log, how many of how many and the threshold."""

    rows: list[dict]
    dropped: int
    total: int
    threshold: float

    def describe(self) -> str:
        """One log line."""
        return (f"dropped {self.dropped} of {self.total} sources the policy already translates at sentence chrF "
                f"≥ {self.threshold:g} (greedy, against the reference); {len(self.rows)} left")


def greedy_chrf(model: Any, tokenizer: Any, rows: Sequence[dict], prompt_format: str,
                max_new_tokens: int, batch_size: int = 64) -> list[float]:
    """Sentence chrF (0–100, the studio's chrF with its normalisation) of the greedy translation of every row
    (``source``, ``pair``, ``target``) against its reference."""
    from engine.decoding.greedy import greedy_translate
    from engine.metrics import get_metric

    sources = [r["source"] for r in rows]
    texts = greedy_translate(model, tokenizer, sources, [r["pair"] for r in rows], prompt_format,
                             batch_size=batch_size, max_new_tokens=max_new_tokens)
    return [float(s) for s in get_metric("chrf").score(sources, texts, [r.get("target") or "" for r in rows])]


def drop_solved(model: Any, tokenizer: Any, rows: Sequence[dict], prompt_format: str, threshold: float,
                max_new_tokens: int) -> SolvedFilter:
    """The rows whose greedy translation scores below ``threshold`` sentence chrF (rows without a reference are
    kept: there is nothing to measure them by)."""
    measured = [row for row in rows if (row.get("target") or "").strip()]  # only these can be dropped
    scores = greedy_chrf(model, tokenizer, measured, prompt_format, max_new_tokens)
    solved = {id(row) for row, score in zip(measured, scores, strict=True) if score >= threshold}
    kept = [row for row in rows if id(row) not in solved]
    return SolvedFilter(rows=kept, dropped=len(rows) - len(kept), total=len(rows), threshold=threshold)
