"""Error-span annotations → preference records: of two candidates of one source, fewer weighted errors wins.

Per linguist and translation request, the candidates that linguist annotated form one record of kind ``mqm``
(the shape of :func:`engine.feedback.export.export_records`, plus ``penalties``), which
:func:`engine.feedback.pairs.convert` turns into pairs with the other judgements: every candidate with a lower
penalty is chosen over each with a higher one; equal penalties give no pair. The margin is the penalty gap
over a critical error's weight, capped at 1 (a gap of one critical error or more is the full margin).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from engine.mqm.scoring import WEIGHTS, penalty


def span_records(annotations: Sequence[Mapping], *, linguists: Sequence[str] | None = None) -> list[dict]:
    """One ``mqm`` record per (request, linguist) with two or more annotated candidates, oldest first."""
    groups: dict[tuple[str, str], list[Mapping]] = {}
    for row in annotations:
        if linguists and row["linguist"] not in linguists:
            continue
        groups.setdefault((row["request_id"], row["linguist"]), []).append(row)
    records = []
    for (request_id, linguist), rows in groups.items():
        if len(rows) < 2:
            continue
        rows = sorted(rows, key=lambda r: r["position"])
        newest = max(rows, key=lambda r: r["id"])
        records.append(
            {
                # no judgement: the annotation's own number (it was stored as a judgement id — one of no judgement,
                # or of somebody else's — in the pairs table, the human_pairs export and the log's count)
                "judgement_id": None,
                "annotation_id": newest["id"],
                "request_id": request_id,
                "linguist": linguist,
                "source": rows[0]["source"],
                "pair": rows[0]["pair"],
                "model": rows[0]["model"],
                "kind": "mqm",
                "candidates": [{"text": r["target"], "position": r["position"]} for r in rows],
                "penalties": [penalty(r["spans"]) for r in rows],
                "queue_id": newest.get("queue_id"),
            }
        )
    return records


def ordered_by_penalty(texts: Sequence[str], penalties: Sequence[float]) -> list[tuple[str, str, float]]:
    """(chosen, rejected, margin) for every two candidates whose penalties differ (lower penalty chosen)."""
    out = []
    for i, (text_i, pen_i) in enumerate(zip(texts, penalties, strict=True)):
        for j, (text_j, pen_j) in enumerate(zip(texts, penalties, strict=True)):
            if i != j and pen_i < pen_j:
                out.append((text_i, text_j, min(1.0, (pen_j - pen_i) / WEIGHTS["critical"])))
    return out
