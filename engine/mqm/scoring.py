"""MQM-style scores from error spans: a weighted error count per segment, normalised per 100 words.

Weights (MQM's usual ones, as WMT's MQM annotation uses them): minor 1, major 5, critical 25. A segment's
**penalty** is the sum of the weights of its spans. Its **errors per 100 words** is ``100 × penalty / words``,
words being the whitespace-separated words of the Arabic text annotated. Per model the errors per 100 words
are *pooled*: ``100 × Σ penalty / Σ words`` over its annotated segments, so that a long segment counts by its
length (a mean of per-segment ratios would let one short segment dominate). Lower is better; 0 is a model
with no error marked. A segment annotated with no span is a clean segment and counts (penalty 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from engine.mqm.spans import CATEGORIES, SEVERITIES

WEIGHTS: dict[str, float] = {"minor": 1.0, "major": 5.0, "critical": 25.0}
"""The weight of one error of each severity."""


def penalty(spans: Iterable[Mapping]) -> float:
    """The weighted error count of a segment's spans."""
    return float(sum(WEIGHTS[s["severity"]] for s in spans))


def per_100_words(total_penalty: float, n_words: int) -> float:
    """``100 × penalty / words`` (a text of no words counts as one word)."""
    return 100.0 * total_penalty / max(1, n_words)


@dataclass
class ModelMqm:
    """One model's MQM figures over the segments linguists annotated."""

    model: str
    segments: int = 0
    words: int = 0
    penalty: float = 0.0
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    by_category: dict[str, float] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0.0))
    linguists: set[str] = field(default_factory=set)

    @property
    def errors_per_100_words(self) -> float:
        """Pooled weighted errors per 100 words."""
        return per_100_words(self.penalty, self.words)

    @property
    def mean_penalty(self) -> float:
        """The mean segment penalty."""
        return self.penalty / self.segments if self.segments else 0.0

    def as_row(self) -> dict:
        """A flat row for a table or a CSV."""
        return {
            "model": self.model,
            "segments": self.segments,
            "linguists": len(self.linguists),
            "words": self.words,
            "minor": self.errors["minor"],
            "major": self.errors["major"],
            "critical": self.errors["critical"],
            "penalty": self.penalty,
            "mean penalty per segment": round(self.mean_penalty, 3),
            "MQM errors per 100 words": round(self.errors_per_100_words, 3),
            **{f"{c} (penalty)": self.by_category[c] for c in CATEGORIES},
        }


def model_scores(annotations: Sequence[Mapping]) -> list[ModelMqm]:
    """Per model (sorted by name): segments, words, errors per severity, penalty and errors per 100 words.

    ``annotations`` are rows of :meth:`engine.store.annotations.AnnotationRepository.annotations` (``model``,
    ``words``, ``linguist``, ``spans``); every annotation is one segment."""
    out: dict[str, ModelMqm] = {}
    for row in annotations:
        entry = out.setdefault(row["model"], ModelMqm(row["model"]))
        entry.segments += 1
        entry.words += int(row["words"])
        entry.linguists.add(row["linguist"])
        for span in row["spans"]:
            weight = WEIGHTS[span["severity"]]
            entry.penalty += weight
            entry.errors[span["severity"]] += 1
            entry.by_category[span["category"]] += weight
    return [out[name] for name in sorted(out)]
