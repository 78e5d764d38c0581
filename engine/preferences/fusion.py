"""Fusing several metrics into one quality score per candidate.

Each metric's scores are normalised to 0–1 over the scored batch (robust min–max between the 2nd and 98th
percentiles, flipped for lower-is-better metrics such as TER), then combined as a weighted sum. Weights of
metrics that cannot run are dropped and the rest re-normalised to sum to 1; :class:`FusionPlan` records
exactly which metrics were used and why the others were not.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

DEFAULT_WEIGHTS: dict[str, float] = {"comet": 0.5, "bertscore": 0.3, "chrf": 0.2}
DEFAULT_REFERENCE_FREE_WEIGHTS: dict[str, float] = {"comet_qe": 0.6, "mbr_chrf": 0.4}


class FusionError(ValueError):
    """No weighted metric can run."""


@dataclass(frozen=True)
class FusionPlan:
    """The metrics a fusion uses, with re-normalised weights, and those skipped with the reason."""

    weights: dict[str, float]
    skipped: dict[str, str] = field(default_factory=dict)
    requested: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        """One sentence for the UI: which metrics, with which weights, and what was left out."""
        used = ", ".join(f"{name} {weight:.2f}" for name, weight in self.weights.items())
        text = f"Quality = {used}."
        if self.skipped:
            text += " Not used: " + "; ".join(f"{name} ({why})" for name, why in self.skipped.items()) + "."
        return text


def plan_fusion(weights: Mapping[str, float], availability: Mapping[str, object]) -> FusionPlan:
    """Keep the weighted metrics that are available and re-normalise their weights to sum to 1.

    ``availability`` maps a metric name to an object that is truthy when it can run and has a ``reason``.
    """
    for name, w in weights.items():
        try:
            value = float(w)
        except (TypeError, ValueError):
            raise FusionError(f"the weight of {name} must be a number, not {w!r}") from None
        if not math.isfinite(value) or value < 0:
            raise FusionError(f"the weight of {name} must be a finite number ≥ 0, not {w!r}")
    requested = {name: float(w) for name, w in weights.items() if float(w) > 0}
    if not requested:
        raise FusionError("give at least one metric a positive weight")
    kept, skipped = {}, {}
    for name, weight in requested.items():
        status = availability.get(name)
        if status is None:  # a typo ("blue") was skipped with a log line and the run went on without it
            raise FusionError(f"unknown metric {name!r} among the weights; known: {', '.join(sorted(availability))}")
        if not status:
            skipped[name] = getattr(status, "reason", "unavailable")
        else:
            kept[name] = weight
    if not kept:
        reasons = "; ".join(f"{n}: {r}" for n, r in skipped.items())
        raise FusionError(f"none of the weighted metrics can run ({reasons})")
    top = max(kept.values())  # scaled first: two weights of 1e308 summed to inf, and every weight became 0
    total = sum(w / top for w in kept.values())
    return FusionPlan({n: w / top / total for n, w in kept.items()}, skipped, requested)


def normalise(values: Sequence[float], higher_is_better: bool = True, low_pct: float = 2.0,
              high_pct: float = 98.0) -> np.ndarray:
    """Robust min–max to 0–1 (clipped to the given percentiles); a constant column becomes 0.5."""
    arr = np.asarray(values, dtype=float)
    if arr.size == 0:
        return arr
    finite = arr[np.isfinite(arr)]
    if finite.size == 0:
        return np.full_like(arr, 0.5)
    lo, hi = np.percentile(finite, [low_pct, high_pct])
    if hi - lo <= 1e-12:
        out = np.full_like(arr, 0.5)
    else:
        out = (np.clip(arr, lo, hi) - lo) / (hi - lo)
    out = np.where(np.isfinite(arr), out, 0.0)
    return out if higher_is_better else 1.0 - out


def fuse(scores: Mapping[str, Sequence[float]], plan: FusionPlan, higher_is_better: Mapping[str, bool]) -> np.ndarray:
    """The weighted sum of the normalised scores of the plan's metrics (0–1 per candidate)."""
    total = None
    for name, weight in plan.weights.items():
        part = weight * normalise(scores[name], higher_is_better.get(name, True))
        total = part if total is None else total + part
    return total
