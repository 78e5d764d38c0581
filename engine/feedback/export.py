"""``human_preferences.jsonl``: every judgement as one self-contained JSON object per line.

A line holds the source and language pair, the candidates shown (in display order, with their reward and
the reward model's rank), what the linguist said (format, ranking / best / none / correction, error tags,
comment), who and when, and with which policy and reward model. ``ranking`` and ``best`` index the line's own
``candidates`` list; ``best_text`` and ``correction`` give the texts. A later step turns these into
(prompt, chosen, rejected) pairs.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from engine.markup import json_line

EXPORT_NAME = "human_preferences.jsonl"


def export_records(store, *, linguists: list[str] | None = None, since: datetime | None = None,
                   until: datetime | None = None, models: list[str] | None = None) -> list[dict]:
    """The judgements matching the filters as export records, oldest first."""
    rows = store.feedback.judgements(linguists=linguists, since=since, until=until, models=models)
    candidates = store.feedback.candidates_of(sorted({r["request_id"] for r in rows}))
    records = []
    for r in rows:
        by_position = {c["position"]: c for c in candidates.get(r["request_id"], [])}
        shown = [p for p in r["shown"] if p in by_position]
        index = {p: i for i, p in enumerate(shown)}
        records.append({
            "judgement_id": r["id"], "submission_id": r["submission_id"], "time": r["created_at"].isoformat() + "Z",
            "linguist": r["linguist"], "source": r["source"], "pair": r["pair"], "model": r["model"], "rm": r["rm"],
            "candidates": [{"text": by_position[p]["text"], "rm_score": by_position[p]["rm_score"], "rm_rank": p + 1,
                            "strategy": by_position[p]["strategy"]} for p in shown],
            "kind": r["kind"],
            "ranking": [index[p] for p in r["ranking"]] if r["ranking"] else None,
            "best": index.get(r["best"]) if r["best"] is not None else None,
            "best_text": by_position[r["best"]]["text"] if r["best"] in by_position else None,
            "none_acceptable": bool(r["none_acceptable"]), "correction": r["correction"], "tags": r["tags"],
            "comment": r["comment"], "queue_id": r["queue_id"], "item_id": r["item_id"], "request_id": r["request_id"],
        })
    return records


def latest_per_linguist(rows: list[dict], *, time: str = "time", number: str = "judgement_id") -> list[dict]:
    """The newest judgement of each linguist on each translation request, by when it was made (then by number: an
    import keeps the time the annotation tool recorded, so an older answer may come in later); the order of
    ``rows`` is kept. Export records by default; store rows with ``time="created_at", number="id"``. A revised
    judgement an Argilla import brought was turned into pairs beside the one it replaced — opposite pairs of one
    person counted as a conflict."""
    latest: dict[tuple, tuple] = {}
    for r in rows:
        key, rank = (r["request_id"], r["linguist"]), (str(r[time]), r[number])
        latest[key] = max(latest.get(key, rank), rank)
    return [r for r in rows if latest[(r["request_id"], r["linguist"])] == (str(r[time]), r[number])]


def export_jsonl(store, **filters) -> bytes:
    """The export as UTF-8 JSONL bytes (for a download button)."""
    return "".join(json_line(r) for r in export_records(store, **filters)).encode("utf-8")


def write_export(store, folder: Path, **filters) -> Path:
    """Write ``folder/human_preferences.jsonl`` (atomically); returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXPORT_NAME
    tmp = folder / f".{EXPORT_NAME}.tmp"
    tmp.write_bytes(export_jsonl(store, **filters))
    tmp.replace(path)
    return path
