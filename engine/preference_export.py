"""Export preference pairs in the formats other tools read: JSONL and a Hugging Face dataset folder.

Columns: ``prompt`` (what the policy sees), ``chosen``, ``rejected`` — the implicit-prompt preference format
TRL's RewardTrainer and DPOTrainer (and LLaMA-Factory, OpenRLHF) read as they are — plus ``margin``,
``source``, ``pair``, ``split``, ``strategy`` (the decoding strategy of the chosen translation, e.g.
``temperature:0.7``; for human pairs the feedback format), ``rejected_strategy``, ``pairing``, ``origin``, the two
qualities and, in JSONL, ``scores``.
"""

from __future__ import annotations

import json
from pathlib import Path

EXPORT_NAMES = {"synthetic": "synthetic_preferences", "human": "human_preferences"}


def _strategies(row: dict) -> dict:
    """``strategy`` (the decoding strategy that produced the chosen translation), ``rejected_strategy`` and
    ``pairing`` (best_vs_worst …). Pairs stored before the score job recorded the decoding strategy in the
    ``strategy`` column held the pairing mode there; their scores carry the decoding strategies."""
    from engine.preferences import STRATEGIES as PAIRINGS

    scores = row["scores"] if isinstance(row["scores"], dict) else {}
    stored = row["strategy"]
    pairing = scores.get("pairing") or (stored if stored in PAIRINGS else None)
    strategy = scores.get("chosen_strategy") or (None if stored in PAIRINGS else stored)
    return {"strategy": strategy, "rejected_strategy": scores.get("rejected_strategy"), "pairing": pairing}


def pair_records(store, *, origin: str, run_ids: list[str] | None = None, split: str | None = None) -> list[dict]:
    """Pairs as export records (every pair of the filter, paged from the store)."""
    records, offset, page = [], 0, 5000
    while True:
        rows = store.preferences.pairs(run_ids=run_ids, origin=origin, split=split, limit=page, offset=offset)
        for r in rows:
            records.append({
                "prompt": r["prompt"], "chosen": r["chosen"], "rejected": r["rejected"], "margin": r["margin"],
                "source": r["source"], "pair": r["pair"], "split": r["split"], **_strategies(r),
                "origin": r["origin"], "chosen_quality": r["chosen_quality"],
                "rejected_quality": r["rejected_quality"], "scores": r["scores"],
            })
        if len(rows) < page:
            return records
        offset += page


def export_preferences(store, out_dir: Path, *, origin: str = "synthetic", run_ids: list[str] | None = None) -> dict:
    """Write ``<origin>_preferences.jsonl`` and the dataset folder ``<origin>_preferences/`` into ``out_dir``.

    Returns the two paths and the row count. The dataset keeps ``scores`` as a JSON string so that its schema
    does not depend on which metrics were used.
    """
    import datasets

    records = pair_records(store, origin=origin, run_ids=run_ids)
    if not records:
        raise ValueError(f"there are no {origin} pairs to export")
    name = EXPORT_NAMES[origin]
    out_dir.mkdir(parents=True, exist_ok=True)
    jsonl = out_dir / f"{name}.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    flat = [{**r, "scores": json.dumps(r["scores"], ensure_ascii=False)} for r in records]
    folder = out_dir / name
    datasets.Dataset.from_list(flat).save_to_disk(str(folder))
    return {"jsonl": jsonl, "dataset": folder, "rows": len(records)}
