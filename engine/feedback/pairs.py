"""Linguists' judgements → preference pairs (origin ``human``) for the reward model.

The rules, per judgement (a record of :func:`engine.feedback.export.export_records`):

* **ranking** — every ordered pair: the candidate ranked higher is chosen over each one ranked lower;
* **best** — the best pick is chosen over each other candidate shown;
* **post-edit** — the correction is chosen over each candidate shown;
* **none acceptable** — nothing, unless a correction was typed: then the correction over each candidate shown;
* **error spans** (kind ``mqm``, :mod:`engine.mqm.pairs`) — of the candidates a linguist annotated, the one with
  fewer weighted errors is chosen over each with more;
* **ties** — two candidates with the same text (after trimming) give no pair, in any format.

Pairs are de-duplicated on (language pair, source, chosen, rejected): a pair several linguists gave is kept
once, with the first judgement and linguist, and the summed weight of everyone who gave it. Opposite pairs
(A over B from one linguist, B over A from another) are both kept and counted as conflicts. Every source's
pairs fall in one split (train or valid), chosen by a seeded hash of the source, so no source crosses it.

Weighting by agreement (optional): a linguist's weight is their agreement with the others on the items they
shared (see :func:`linguist_weights`); a linguist who shared no item keeps weight 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.feedback.agreement import agreement, rating_from_judgement
from engine.preferences.pairing import source_key, source_split

MIN_WEIGHT = 0.1
"""The lowest weight agreement weighting gives a linguist (nobody is silenced entirely)."""


@dataclass
class ConversionReport:
    """What a conversion did: judgements read and used, pairs per format, duplicates merged, conflicts."""

    judgements: int = 0
    annotated: int = 0
    """Error-span groups read (a linguist's spans on one translation request): no judgements."""
    used: int = 0
    pairs: int = 0
    per_kind: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    conflicts: int = 0
    ties: int = 0
    train: int = 0
    valid: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _text(value: str | None) -> str:
    return (value or "").strip()


def judgement_pairs(record: dict) -> tuple[list[tuple[str, str, float]], int]:
    """The (chosen, rejected, margin) pairs one judgement record yields, and how many ties it skipped (pairs of one
    text, and in a ranking those that put a text below a copy of itself ranked higher).

    ``margin`` is the rank distance scaled to (0, 1] for rankings, 1 otherwise."""
    texts = [_text(c["text"]) for c in record["candidates"]]
    kind = record["kind"]
    ordered: list[tuple[str, str, float]] = []
    if kind == "ranking" and record.get("ranking"):
        ranking = list(record["ranking"])
        span = max(1, len(ranking) - 1)
        for i, better in enumerate(ranking):
            for j in range(i + 1, len(ranking)):
                ordered.append((texts[better], texts[ranking[j]], (j - i) / span))
    elif kind == "best" and record.get("best") is not None:
        best = record["best"]
        ordered = [(texts[best], t, 1.0) for k, t in enumerate(texts) if k != best]
    elif kind == "mqm":
        from engine.mqm.pairs import ordered_by_penalty

        ordered = ordered_by_penalty(texts, record["penalties"])
    elif kind in ("post_edit", "none") and _text(record.get("correction")):
        correction = _text(record["correction"])
        ordered = [(correction, t, 1.0) for t in texts]
    # two candidates with one text are one translation, at the better of their ranks: a ranking [A, B, A'] gave
    # both A > B and B > A
    first_rank: dict[str, int] = {}
    for rank, position in enumerate((record.get("ranking") or []) if kind == "ranking" else []):
        first_rank.setdefault(texts[position], rank)
    pairs = [(c, r, m) for c, r, m in ordered
             if c and r and c != r and (not first_rank or first_rank[c] < first_rank[r])]
    return pairs, len(ordered) - len(pairs)


def convert(records: Iterable[dict], *, weights: dict[str, float] | None = None, valid_share: float = 0.2,
            seed: int = 0) -> tuple[list[dict], ConversionReport]:
    """Preference-pair rows (without ``prompt``, which depends on the reward model's format) and a report.

    ``weights`` maps linguists to weights (missing: 1.0)."""
    report = ConversionReport()
    rows: dict[tuple[str, str, str, str], dict] = {}
    for record in records:
        if record.get("judgement_id") is None:
            report.annotated += 1
        else:
            report.judgements += 1
        source_ids = {"judgements": [record["judgement_id"]]} if record.get("judgement_id") is not None else {
            "annotations": [record.get("annotation_id")]}
        pairs, ties = judgement_pairs(record)
        report.ties += ties
        if not pairs:
            continue
        report.used += 1
        weight = float((weights or {}).get(record["linguist"], 1.0))
        key_group = source_key(record["pair"], record["source"])
        for chosen, rejected, margin in pairs:
            key = (record["pair"], key_group, chosen, rejected)
            if key in rows:
                row = rows[key]
                report.duplicates += 1
                meta = json.loads(row["scores"])
                if record["linguist"] not in meta["linguists"]:  # one linguist's ranking and error spans saying
                    row["weight"] += weight  # the same are one opinion: it weighed twice
                for name, ids in source_ids.items():
                    meta[name] = [*meta.get(name, []), *ids]
                meta["linguists"] = sorted({*meta["linguists"], record["linguist"]})
                row["scores"] = json.dumps(meta, ensure_ascii=False)
                continue
            report.per_kind[record["kind"]] = report.per_kind.get(record["kind"], 0) + 1
            rows[key] = {
                "group_key": key_group, "pair": record["pair"], "source": record["source"], "chosen": chosen,
                "rejected": rejected, "margin": float(margin), "chosen_quality": None, "rejected_quality": None,
                "chosen_cand": None, "rejected_cand": None, "split": source_split(key_group, valid_share, seed),
                "strategy": record["kind"], "linguist": record["linguist"],
                "judgement_id": None if record.get("judgement_id") is None else int(record["judgement_id"]),
                "weight": weight,
                "scores": json.dumps({**source_ids, "linguists": [record["linguist"]]}, ensure_ascii=False),
            }
    out = list(rows.values())
    report.conflicts = sum(1 for (p, g, c, r) in rows if (p, g, r, c) in rows) // 2
    report.pairs = len(out)
    report.train = sum(r["split"] == "train" for r in out)
    report.valid = report.pairs - report.train
    return out, report


def linguist_weights(judgement_rows: list[dict]) -> dict[str, float]:
    """Each linguist's agreement with the others on shared review-queue items, as a training weight.

    Per linguist: the mean, over the linguist pairs they belong to, of their best-pick agreement and of
    (Kendall's tau + 1) / 2 where both ranked — a number in [0, 1]; divided by the mean over linguists so that
    the average weight is 1, and floored at :data:`MIN_WEIGHT`. Linguists who shared no item weigh 1, and so does
    everyone when no two agree on anything. Agreement is mutual: two linguists alone always weigh the same (it cannot
    tell which of them is right); a third is needed to single one out.
    """
    from engine.feedback.export import latest_per_linguist

    rows = latest_per_linguist(judgement_rows, time="created_at", number="id")  # a revision replaces its original
    report = agreement(rating_from_judgement(r) for r in rows if r.get("queue_id") is not None)
    scores: dict[str, list[float]] = {}
    for pair in report.pairs:
        values = []
        if pair.best_agreement is not None:
            values.append(pair.best_agreement)
        if pair.mean_tau is not None:
            values.append((pair.mean_tau + 1) / 2)
        if not values:
            continue
        for linguist in (pair.linguist_a, pair.linguist_b):
            scores.setdefault(linguist, []).extend(values)
    raw = {name: sum(v) / len(v) for name, v in scores.items()}
    if not raw:
        return {}
    mean = sum(raw.values()) / len(raw)
    if mean <= 0:  # nobody agrees with anybody: no one to trust more (it weighed everyone 0.1, ten times below
        return {name: 1.0 for name in raw}  # a linguist who shared nothing; at 1 item of 8 agreed, all weighed 1)
    return {name: max(MIN_WEIGHT, value / mean) for name, value in raw.items()}


MIN_JUDGEMENTS = 50
"""Below this many judgements the studio warns that a reward-model fine-tune will mostly learn noise."""
RECOMMENDED_JUDGEMENTS = 500
"""The project brief's guide: retrain once 500–1,000+ judgements exist."""


def volume_warning(volume: dict, annotations: int = 0) -> str | None:
    """A warning about too little feedback (``None`` when there is enough); ``annotations``: error-span
    annotations, feedback too (they make pairs)."""
    n = volume["judgements"]
    if n == 0 and annotations:
        return (f"No judgements yet, {annotations} error-span annotation(s): pairs can be made from them (two "
                "annotated candidates of one source), but a reward model needs judgements too.")
    if n == 0:
        return "There is no feedback yet: linguists judge translations on 6 · Translate & feedback."
    if n < MIN_JUDGEMENTS:
        return (f"Only {n} judgement(s) from {volume['linguists']} linguist(s): too little to fine-tune a reward "
                f"model reliably (at least {MIN_JUDGEMENTS}; the brief suggests {RECOMMENDED_JUDGEMENTS}–1,000+).")
    if n < RECOMMENDED_JUDGEMENTS:
        return (f"{n} judgements from {volume['linguists']} linguist(s): enough to try, fewer than the "
                f"{RECOMMENDED_JUDGEMENTS}–1,000+ the brief suggests for a monthly retraining.")
    return None
