"""Inter-annotator agreement on items judged by two or more linguists.

An *item* is one set of candidates shown to several linguists (a review-queue item: everyone sees the same
candidates of the same source). For each pair of linguists and each item both judged (their latest judgement
counts):

* **Kendall's tau** between their rankings, when both ranked (``scipy.stats.kendalltau``, tau-b, over the
  candidates both ranked — at least two);
* **best-pick agreement**: whether both chose the same best candidate. A ranking's first candidate is its
  best pick; "none is acceptable" counts as a choice of its own (both saying none agree). Post-edits pick no
  candidate and are left out.

Per pair: the mean tau over the items both ranked and the share of items with the same best pick. Overall: the
same, pooled over every (pair, item) comparison, and **Krippendorff's alpha** over all linguists at once
(:mod:`engine.feedback.krippendorff`): ordinal alpha of the ranks given to each (item, candidate) by everyone who
ranked the item, and nominal alpha of the best picks per item. Unlike a mean of pairwise taus, alpha corrects for
the agreement expected by chance and takes any number of linguists and missing judgements.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engine.feedback.krippendorff import alpha as krippendorff_alpha

NONE_PICK = "none"


@dataclass(frozen=True)
class Rating:
    """One linguist's (latest) judgement of one item, reduced to what agreement needs."""

    item: str
    linguist: str
    ranking: tuple[int, ...] | None = None
    best: int | str | None = None
    """A candidate position, :data:`NONE_PICK`, or ``None`` when the judgement picked nothing (a post-edit)."""


@dataclass
class PairAgreement:
    """Agreement of two linguists over the items both judged."""

    linguist_a: str
    linguist_b: str
    items: int = 0
    ranked_items: int = 0
    mean_tau: float | None = None
    best_items: int = 0
    best_agreement: float | None = None


@dataclass
class AgreementReport:
    """Per-pair and overall agreement, and how many items had two or more linguists."""

    pairs: list[PairAgreement]
    shared_items: int
    ranked_comparisons: int
    mean_tau: float | None
    best_comparisons: int
    best_agreement: float | None
    rank_alpha: float | None = None
    """Krippendorff's alpha (ordinal) of the ranks every linguist gave each candidate of the items they ranked."""
    best_alpha: float | None = None
    """Krippendorff's alpha (nominal) of the best picks ('none' included) per item."""


def rating_from_judgement(row: dict, item: str | None = None) -> Rating:
    """A :class:`Rating` from a stored judgement row (``kind``, ``ranking``, ``best``, ``linguist`` …)."""
    ranking = tuple(row["ranking"]) if row.get("kind") == "ranking" and row.get("ranking") else None
    if row.get("kind") == "none":
        best: int | str | None = NONE_PICK
    elif row.get("kind") in ("ranking", "best"):
        best = row.get("best")
    else:
        best = None
    key = item if item is not None else f"{row.get('queue_id')}:{row.get('item_id')}"
    return Rating(item=key, linguist=row["linguist"], ranking=ranking, best=best)


def kendall_tau(ranking_a: Sequence[int], ranking_b: Sequence[int]) -> float | None:
    """Kendall's tau-b between two rankings (lists of candidate positions, best first) over their common
    candidates; ``None`` when fewer than two are common."""
    from scipy.stats import kendalltau

    common = [c for c in ranking_a if c in set(ranking_b)]
    if len(common) < 2:
        return None
    rank_a = {c: i for i, c in enumerate(c for c in ranking_a if c in common)}
    rank_b = {c: i for i, c in enumerate(c for c in ranking_b if c in common)}
    tau = kendalltau([rank_a[c] for c in common], [rank_b[c] for c in common]).statistic
    return None if tau is None or math.isnan(tau) else float(tau)


def agreement(ratings: Iterable[Rating]) -> AgreementReport:
    """Agreement statistics per linguist pair and overall (see the module docstring)."""
    by_item: dict[str, dict[str, Rating]] = {}
    for r in ratings:
        by_item.setdefault(r.item, {})[r.linguist] = r  # the latest rating of a linguist wins
    pairs: dict[tuple[str, str], dict] = {}
    taus_all: list[float] = []
    same_all: list[bool] = []
    shared = 0
    for item_ratings in by_item.values():
        if len(item_ratings) < 2:
            continue
        shared += 1
        for a, b in itertools.combinations(sorted(item_ratings), 2):
            ra, rb = item_ratings[a], item_ratings[b]
            acc = pairs.setdefault((a, b), {"items": 0, "taus": [], "same": []})
            acc["items"] += 1
            if ra.ranking and rb.ranking:
                tau = kendall_tau(ra.ranking, rb.ranking)
                if tau is not None:
                    acc["taus"].append(tau)
                    taus_all.append(tau)
            if ra.best is not None and rb.best is not None:
                acc["same"].append(ra.best == rb.best)
                same_all.append(ra.best == rb.best)
    rank_units: dict[tuple[str, int], list[int]] = {}
    best_units: list[list] = []
    for item, item_ratings in by_item.items():
        for r in item_ratings.values():
            for rank, candidate in enumerate(r.ranking or ()):
                rank_units.setdefault((item, candidate), []).append(rank + 1)
        best_units.append([str(r.best) for r in item_ratings.values() if r.best is not None])
    out = [PairAgreement(a, b, items=acc["items"], ranked_items=len(acc["taus"]), mean_tau=_mean(acc["taus"]),
                         best_items=len(acc["same"]), best_agreement=_mean(acc["same"]))
           for (a, b), acc in sorted(pairs.items())]
    return AgreementReport(pairs=out, shared_items=shared, ranked_comparisons=len(taus_all), mean_tau=_mean(taus_all),
                           best_comparisons=len(same_all), best_agreement=_mean(same_all),
                           rank_alpha=krippendorff_alpha(rank_units.values(), "ordinal"),
                           best_alpha=krippendorff_alpha(best_units, "nominal"))


def _mean(values: Sequence[float | bool]) -> float | None:
    return sum(float(v) for v in values) / len(values) if values else None
