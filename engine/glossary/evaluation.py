"""Terminology of evaluated systems: the share of applicable glossary terms each system keeps on a test set.

Aggregation: over the test sentences where at least one glossary term applies, the sum of terms kept over the sum
of terms applicable (a micro-average: a sentence with three terms weighs three times one with one term); sentences
with no term do not count. The interval is a percentile bootstrap over those sentences (resampled with
replacement, the ratio recomputed), and each system is compared with the first one by a paired bootstrap of the
difference of the two ratios on the same resampled sentences (two-sided p).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from engine.compare.significance import smallest_p
from engine.glossary.terms import TermIndex


@dataclass(frozen=True)
class SystemTerminology:
    """One system's terminology on a test set."""

    key: str
    kept: int
    applicable: int
    sentences: int
    low: float | None
    high: float | None
    diff_vs_first: float | None = None
    p_vs_first: float | None = None

    @property
    def share(self) -> float | None:
        return self.kept / self.applicable if self.applicable else None


def terminology_by_system(
    segments: Sequence[Mapping],
    outputs: Mapping[str, Mapping[int, str]],
    indexes: Mapping[str, TermIndex],
    *,
    n_resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> list[SystemTerminology]:
    """Terminology of each system (``outputs``: key → sentence index → output) on ``segments`` (``idx``, ``source``,
    ``pair``), with ``indexes`` the glossary terms per language pair; systems in the order of ``outputs``."""
    applied = {}
    for seg in segments:
        index = indexes.get(seg["pair"])
        terms = index.applicable(seg["source"]) if index is not None else []
        if terms:
            applied[seg["idx"]] = (index, terms)
    idxs = sorted(applied)
    counts = {}
    for key, by_idx in outputs.items():
        kept = np.array([applied[i][0].check(by_idx.get(i, ""), applied[i][1]).kept for i in idxs], dtype=float)
        total = np.array([len(applied[i][1]) for i in idxs], dtype=float)
        counts[key] = (kept, total)
    rng = np.random.default_rng(seed)
    samples = rng.integers(0, len(idxs), size=(n_resamples, len(idxs))) if idxs else None
    alpha = (1 - confidence) / 2
    results, first = [], None
    for key, (kept, total) in counts.items():
        low = high = diff = p = None
        if samples is not None:
            ratios = kept[samples].sum(axis=1) / total[samples].sum(axis=1)
            low, high = (float(v) for v in np.quantile(ratios, [alpha, 1 - alpha]))
            if first is None:
                first = ratios
            else:
                d = ratios - first
                diff = float(kept.sum() / total.sum() - counts[next(iter(counts))][0].sum() / total.sum())
                # with the add-one correction of every other test in the studio: a p of exactly 0 is no resampling
                # result (the smallest is 1 / (n + 1), shown "< 0.001")
                n = len(d)
                p = float(min(1.0, 2 * min(((d <= 0).sum() + 1) / (n + 1), ((d >= 0).sum() + 1) / (n + 1))))
                # and never below what a test on the sentences where the two differ can give: one sentence that
                # kept its term in one system alone came out p 0.002
                p = max(p, smallest_p(int(np.count_nonzero(kept - counts[next(iter(counts))][0]))))
        results.append(SystemTerminology(key, int(kept.sum()), int(total.sum()), len(idxs), low, high, diff, p))
    return results
