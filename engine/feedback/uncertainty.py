"""How unsure the reward models are about a source: the review queue hands out the most uncertain sources first.

A linguist's judgement teaches the reward model most where it does not know the answer yet. Two measures, from the
candidates of one source as the reward models scored them:

``disagreement``
    the ensemble's mean spread over the candidates (the members' standard deviation, averaged): high when the
    reward-model versions disagree about this source's translations. Needs an ensemble (two or more models).
``margin``
    minus the gap between the two best candidates' rewards: a small gap means the ranking shown to the linguist is
    close to a coin toss. Works with one reward model.

``random`` is the queue's plain order (a seeded sample's order, or corpus order): no measurement.
"""

from __future__ import annotations

from collections.abc import Sequence

ORDERINGS: tuple[str, ...] = ("random", "disagreement", "margin")
ORDERING_HELP: dict[str, str] = {
    "random": "the queue's own order (a seeded random sample)",
    "disagreement": "sources where the reward models disagree most come first (needs two or more reward models)",
    "margin": "sources whose two best candidates have the closest rewards come first",
}


def check_ordering(ordering: str, n_reward_models: int) -> None:
    """Raise ``ValueError`` when ``ordering`` is unknown or cannot be measured with that many reward models."""
    if ordering not in ORDERINGS:
        raise ValueError(f"unknown queue order {ordering!r}; choose one of {', '.join(ORDERINGS)}")
    if ordering == "disagreement" and n_reward_models < 2:
        raise ValueError("ordering by disagreement needs an ensemble: choose two or more reward models")
    if ordering == "margin" and n_reward_models < 1:
        raise ValueError("ordering by margin needs a reward model")


def uncertainty(scores: Sequence[float], spreads: Sequence[float | None], measure: str) -> float | None:
    """The priority of one source from its candidates' ``scores`` and ``spreads`` (higher = more uncertain);
    ``None`` when it cannot be measured (no candidate, or a single one)."""
    if measure == "disagreement":  # measured between candidates: with one, there is nothing to disagree on
        known = [float(s) for s in spreads if s is not None]
        return sum(known) / len(known) if len(known) > 1 else None
    if measure == "margin":
        if len(scores) < 2:
            return None
        top = sorted((float(s) for s in scores), reverse=True)
        return -(top[0] - top[1])
    raise ValueError(f"unknown uncertainty measure {measure!r}; choose disagreement or margin")
