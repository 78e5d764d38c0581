"""Inspecting a trained reward model on its validation pairs: accuracy, calibration, distributions, errors."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pyarrow.parquet as pq

VALID_REWARDS_FILE = "valid_rewards.parquet"


def with_validation_accuracy(metadata: dict) -> dict:
    """A reward model's metadata with ``valid_accuracy`` and ``valid_pairs`` of the set it was measured on: a
    fine-tune records its held-out human and synthetic sets apart (``valid_accuracy_human`` / ``_synthetic``), and
    the pages showed "None" and "0 valid pairs" for it — the human set's when it has one, else the synthetic."""
    if isinstance(metadata.get("valid_accuracy"), int | float):
        return metadata
    for name in ("human", "synthetic"):
        accuracy = metadata.get(f"valid_accuracy_{name}")
        if isinstance(accuracy, int | float) and not isinstance(accuracy, bool):
            return {**metadata, "valid_accuracy": accuracy, "valid_pairs": metadata.get(f"valid_pairs_{name}"),
                    "valid_set": name}
    return metadata


def sigmoid(x: float) -> float:
    """The logistic function, safe for large |x|."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def valid_rewards_file(model_path: str | Path, name: str = "") -> Path:
    """Where a reward job writes the per-pair rewards of validation set ``name`` for the model at ``model_path``."""
    stem = VALID_REWARDS_FILE.removesuffix(".parquet")
    return Path(model_path).parent / (f"{stem}_{name}.parquet" if name else VALID_REWARDS_FILE)


def validation_sets(model_path: str | Path) -> list[str]:
    """The validation sets whose per-pair rewards a reward job wrote beside the model folder: ``""`` for the plain
    validation pairs, else the set's name (a reward fine-tune writes ``human`` and ``synthetic``), sorted."""
    stem = VALID_REWARDS_FILE.removesuffix(".parquet")
    folder = Path(model_path).parent
    names = ["" if f.name == VALID_REWARDS_FILE else f.name[len(stem) + 1:-len(".parquet")]
             for f in folder.glob(f"{stem}*.parquet")]
    return sorted(n for n in names if n == "" or n.isidentifier())


def load_valid_rewards(model_path: str | Path, name: str = "") -> list[dict]:
    """The per-pair validation rewards a reward job wrote beside the model folder for the validation set ``name``
    (``""``: the plain validation pairs; see :func:`validation_sets`); empty if none."""
    file = valid_rewards_file(model_path, name)
    return pq.read_table(file).to_pylist() if file.exists() else []


def accuracy(rows: Sequence[dict]) -> float | None:
    """Share of pairs whose chosen response gets the higher reward."""
    if not rows:
        return None
    return sum(r["chosen_reward"] > r["rejected_reward"] for r in rows) / len(rows)


def calibration(rows: Sequence[dict], bins: int = 10) -> list[dict]:
    """Predicted P(first preferred) = σ(r_first − r_second) against how often the first is the chosen one.

    Every pair is counted in both orders ((chosen, rejected) observed 1 and (rejected, chosen) observed 0),
    so the curve is symmetric and a perfectly calibrated model lies on the diagonal.
    """
    points = []
    for r in rows:
        p = sigmoid(r["chosen_reward"] - r["rejected_reward"])
        points += [(p, 1.0), (1.0 - p, 0.0)]
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in points if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if inside:
            out.append({"bin": f"{lo:.1f}–{hi:.1f}", "predicted": sum(p for p, _ in inside) / len(inside),
                        "observed": sum(y for _, y in inside) / len(inside), "pairs": len(inside)})
    return out


def expected_calibration_error(curve: Sequence[dict]) -> float | None:
    """Pair-weighted mean |predicted − observed| over the calibration bins."""
    total = sum(c["pairs"] for c in curve)
    if not total:
        return None
    return sum(c["pairs"] * abs(c["predicted"] - c["observed"]) for c in curve) / total


def wrong_pairs(rows: Sequence[dict], limit: int = 50) -> list[dict]:
    """Pairs the model gets wrong, most confidently wrong first."""
    wrong = [r for r in rows if r["chosen_reward"] <= r["rejected_reward"]]
    return sorted(wrong, key=lambda r: r["chosen_reward"] - r["rejected_reward"])[:limit]


def accuracy_verdict(accuracy_value: float | None, pairs: int, likelihood: float | None = None,
                     head: str | None = None) -> tuple[str, str]:
    """What a reward model's validation accuracy says, in words: ``(level, text)`` with level ``"ok"``,
    ``"warning"`` or ``"none"``.

    The accuracy comes with its 95 % Wilson interval on ``pairs`` pairs; a warning when that interval holds 50 %
    (the model is not told apart from a coin) or when the base policy's own likelihood (``likelihood``, see
    :mod:`engine.reward.likelihood`) picks the chosen translation at least as often. ``head`` (the model's reward
    head) words the advice: a ``likelihood`` head starts from that likelihood, the others can switch to it.
    """
    from engine.compare.ab import wilson_interval

    if accuracy_value is None or pairs <= 0:
        return "none", "No validation pairs: the accuracy is unknown."
    low, high = wilson_interval(accuracy_value * pairs, pairs)
    text = f"Accuracy {accuracy_value:.1%} on {pairs:,} validation pairs (95% interval {low:.0%}–{high:.0%})."
    problems = []
    if high < 0.5:
        problems.append("the whole interval is below 50%: the model prefers the *rejected* translation — check that "
                        "the pairs' chosen and rejected sides are not swapped")
    elif low <= 0.5:
        problems.append("the interval includes 50%: on these pairs the model is not distinguishable from chance"
                        + (" — more validation pairs would tell" if pairs < 200 else ""))
    if likelihood is not None:
        text += f" The base policy's own likelihood picks the chosen translation in {likelihood:.1%} of them."
        if likelihood >= accuracy_value and head == "likelihood":
            problems.append("the reward model does not beat the policy's likelihood it starts from: training added "
                            "nothing these pairs can show (more or cleaner pairs, or a larger margin, may help)")
        elif likelihood >= accuracy_value:
            problems.append("the reward model does not beat the policy's likelihood: ranking candidates by it is "
                            "no better than ranking them by the policy's own probabilities (the likelihood head, "
                            "which starts from them, more or cleaner pairs, or a larger margin may help)")
    if problems:
        return "warning", text + " " + "; ".join(p[0].upper() + p[1:] for p in problems) + "."
    return "ok", text
