"""Unpaired good/bad examples for KTO: single translations labelled desirable or undesirable.

KTO (Ethayarajh et al., 2024) learns from one translation at a time, so it can use judgements that give no pair.
The rules, per judgement (a record of :func:`engine.feedback.export.export_records`):

* **best** — the picked candidate is desirable; every other candidate shown is undesirable;
* **ranking** — the first-ranked candidate is desirable; the others shown are undesirable (they lost to it);
* **post-edit** — the correction is desirable; the candidates shown are undesirable (they needed correcting);
* **none acceptable** — every candidate shown is undesirable (the case pairs cannot use), and a typed
  correction is desirable;
* a candidate with the same text as the desirable translation (after trimming) is not labelled undesirable.

From preference pairs: each pair's chosen translation is desirable and its rejected one undesirable.

Examples are de-duplicated on (language pair, source, text, label). The same text may appear with both labels
(two linguists disagreeing, or a translation chosen in one pair and rejected in another): both are kept and
counted as conflicts. Every source's examples fall in one split, by the same seeded hash of the source as human
pairs (:func:`engine.preferences.pairing.source_key`), so no source crosses train and validation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.preferences.pairing import source_key, source_split


@dataclass
class UnpairedReport:
    """What a conversion to unpaired examples did."""

    judgements: int = 0
    used: int = 0
    desirable: int = 0
    undesirable: int = 0
    per_kind: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _text(value: str | None) -> str:
    return (value or "").strip()


def judgement_labels(record: dict) -> list[tuple[str, bool]]:
    """The (translation, desirable) examples one judgement record yields (see the module docstring)."""
    texts = [_text(c["text"]) for c in record["candidates"]]
    kind = record["kind"]
    if kind == "ranking":
        good = texts[record["ranking"][0]] if record.get("ranking") else None
    elif kind == "best":
        good = texts[record["best"]] if record.get("best") is not None else None
    elif kind in ("post_edit", "none"):
        good = _text(record.get("correction")) or None
    else:
        raise ValueError(f"unknown judgement format {kind!r}")
    if good is None and kind != "none":
        return []
    out: list[tuple[str, bool]] = [(good, True)] if good else []
    out += [(t, False) for t in dict.fromkeys(texts) if t and t != good]
    return out


def _add(rows: dict, report: UnpairedReport, key: tuple, row: dict) -> None:
    if key in rows:
        report.duplicates += 1
        rows[key]["weight"] += row["weight"]
        return
    rows[key] = row
    if row["label"]:
        report.desirable += 1
    else:
        report.undesirable += 1


def _count_conflicts(rows: dict) -> int:
    return sum(1 for (p, g, text, label) in rows if label and (p, g, text, False) in rows)


def from_judgements(
    records: Iterable[dict], *, valid_share: float = 0.2, seed: int = 0
) -> tuple[list[dict], UnpairedReport]:
    """Unpaired rows ``{group_key, pair, source, completion, label, split, linguist, judgement_id, kind, weight}``
    from judgement records, and a report."""
    report = UnpairedReport()
    rows: dict[tuple, dict] = {}
    for record in records:
        report.judgements += 1
        labelled = judgement_labels(record)
        if not labelled:
            continue
        report.used += 1
        report.per_kind[record["kind"]] = report.per_kind.get(record["kind"], 0) + 1
        key_group = source_key(record["pair"], record["source"])
        for text, label in labelled:
            _add(
                rows,
                report,
                (record["pair"], key_group, text, label),
                {
                    "group_key": key_group,
                    "pair": record["pair"],
                    "source": record["source"],
                    "completion": text,
                    "label": label,
                    "split": source_split(key_group, valid_share, seed),
                    "linguist": record["linguist"],
                    "judgement_id": int(record["judgement_id"]),
                    "kind": record["kind"],
                    "weight": 1.0,
                },
            )
    report.conflicts = _count_conflicts(rows)
    return list(rows.values()), report


def from_pairs(pairs: Iterable[dict]) -> tuple[list[dict], UnpairedReport]:
    """Unpaired rows from preference pairs (``group_key``, ``pair``, ``source``, ``chosen``, ``rejected``,
    ``split``): chosen → desirable, rejected → undesirable; each keeps its pair's split."""
    report = UnpairedReport()
    rows: dict[tuple, dict] = {}
    for p in pairs:
        for text, label in ((_text(p["chosen"]), True), (_text(p["rejected"]), False)):
            if not text:
                continue
            _add(
                rows,
                report,
                (p["pair"], p["group_key"], text, label),
                {
                    "group_key": p["group_key"],
                    "pair": p["pair"],
                    "source": p["source"],
                    "completion": text,
                    "label": label,
                    "split": p["split"],
                    "linguist": p.get("linguist"),
                    "judgement_id": p.get("judgement_id"),
                    "kind": "pair",
                    "weight": 1.0,
                },
            )
    report.conflicts = _count_conflicts(rows)
    return list(rows.values()), report
