"""``error_spans.jsonl``: every annotated segment as one JSON object per line, with its spans and MQM figures.

A line holds the source and language pair, the Arabic text annotated, the model, the linguist and the time,
and ``spans``: character offsets ``[start, end)`` into ``target`` with the text they cover, the category, the
severity and a note; then ``penalty`` (weights minor 1, major 5, critical 25) and ``errors_per_100_words``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from engine.markup import json_line
from engine.mqm.scoring import WEIGHTS, penalty, per_100_words

EXPORT_NAME = "error_spans.jsonl"


def export_records(annotations: Sequence[Mapping]) -> list[dict]:
    """The annotations as export records (same order)."""
    records = []
    for row in annotations:
        target = row["target"]
        total = penalty(row["spans"])
        records.append(
            {
                "annotation_id": row["id"],
                "request_id": row["request_id"],
                "candidate": row["position"],
                "source": row["source"],
                "pair": row["pair"],
                "target": target,
                "model": row["model"],
                "linguist": row["linguist"],
                "time": row["created_at"].isoformat() + "Z",
                "words": row["words"],
                "spans": [{**s, "text": target[s["start"] : s["end"]]} for s in row["spans"]],
                "penalty": total,
                "errors_per_100_words": round(per_100_words(total, row["words"]), 4),
                "weights": WEIGHTS,
                "queue_id": row.get("queue_id"),
                "item_id": row.get("item_id"),
            }
        )
    return records


def export_jsonl(annotations: Sequence[Mapping]) -> bytes:
    """The export as UTF-8 JSONL bytes (for a download button)."""
    return "".join(json_line(r) for r in export_records(annotations)).encode("utf-8")
