"""Flag models whose outputs degenerate: a high failed-check rate, or one that rose against the model's parent.

The evaluate job scores every output with the hallucination checks (empty, not Arabic, a copy of the source,
repetitive, a wrong length); the comparison carries their rate per system as the ``hallucination`` metric. A PPO
policy that glues tokens together ("هلمن هلمن …") while its reward rises has found what the reward model
over-scores: the page must say so instead of showing a reward gain as progress.
"""

from __future__ import annotations

from dataclasses import dataclass

HIGH_RATE = 0.2
"""A system whose outputs fail the checks at least this often is flagged."""
RISE = 0.05
"""A system whose failed-check rate is this much above its parent's is flagged."""
REWARD_HACKING = ("A reward gain with such outputs is likely reward hacking: the policy learned what the reward "
                  "model over-scores, not better translations. Read its outputs below before promoting it; raise "
                  "the KL coefficient or the shaping penalties, or retrain the reward model with these outputs as "
                  "rejected.")


EPSILON = 1e-9
"""Rates are shares of a count: 3/20 − 2/20 is 0.04999… in floating point, and a rise of exactly 5 points was
missed about half the time."""


def _rose_by(rate: float, before: float, rise: float) -> bool:
    return rate - before >= rise - EPSILON


@dataclass(frozen=True)
class DegenerationFlag:
    """One flagged system: its failed-check rate, its parent's (when the parent is compared too), the rewards."""

    key: str
    label: str
    rate: float
    parent: str | None = None
    parent_rate: float | None = None
    reward: float | None = None
    parent_reward: float | None = None

    @property
    def rose(self) -> bool:
        return self.parent_rate is not None and _rose_by(self.rate, self.parent_rate, RISE)

    @property
    def reward_rose(self) -> bool:
        return self.reward is not None and self.parent_reward is not None and self.reward > self.parent_reward

    def message(self) -> str:
        text = f"**{self.label}**: {self.rate:.0%} of its outputs fail the output checks"
        if self.rose:
            text += f", up from {self.parent_rate:.0%} for its parent {self.parent}"
        elif self.parent_rate is not None:
            text += f" (its parent {self.parent}: {self.parent_rate:.0%})"
        if self.reward_rose:
            text += f"; its reward rose from {self.parent_reward:.3f} to {self.reward:.3f}"
        return text + ". " + REWARD_HACKING


def degeneration_flags(comparison, parents: dict[str, str | None], *, high: float = HIGH_RATE,
                       rise: float = RISE) -> list[DegenerationFlag]:
    """Systems of ``comparison`` whose failed-check rate is at least ``high`` or rose by ``rise`` against their
    parent's (``parents`` maps a model to its parent model; the parent counts when it is among the systems)."""
    def value(key: str, metric: str) -> float | None:
        row = comparison.summary_row(key, metric, "sentence")
        return None if row is None or row["value"] is None else float(row["value"])

    by_model: dict[str, str] = {}
    for system in comparison.systems:
        by_model.setdefault(system.model, system.key)
    flags = []
    for system in comparison.systems:
        rate = value(system.key, "hallucination")
        if rate is None:
            continue
        parent = parents.get(system.model)
        parent_key = by_model.get(parent) if parent else None
        parent_rate = value(parent_key, "hallucination") if parent_key else None
        if rate >= high - EPSILON or (parent_rate is not None and _rose_by(rate, parent_rate, rise)):
            flags.append(DegenerationFlag(
                key=system.key, label=system.label, rate=rate, parent=parent if parent_key else None,
                parent_rate=parent_rate, reward=value(system.key, "rm"),
                parent_reward=value(parent_key, "rm") if parent_key else None))
    return flags
