"""Typed queries and writes for MQM / ESA error-span annotations of translation candidates."""

from __future__ import annotations

from typing import Any

from engine.store.clock import utc_now
from engine.store.database import Database

_COLUMNS = (
    "submission_id",
    "id",
    "request_id",
    "position",
    "target",
    "words",
    "linguist",
    "model",
    "queue_id",
    "item_id",
    "created_at",
)


class AnnotationRepository:
    """Error-span annotations: one row per annotated candidate, its spans in ``error_spans``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        *,
        submission_id: str,
        request_id: str,
        position: int,
        target: str,
        words: int,
        linguist: str,
        model: str,
        spans: list[dict[str, Any]],
        queue_id: int | None = None,
        item_id: int | None = None,
    ) -> tuple[int, bool]:
        """Store an annotation and its spans once per submission id; returns (id, whether it was new).

        ``spans`` are checked dicts (``start``, ``end``, ``category``, ``severity``, ``note``)."""
        with self.db.transaction() as cur:
            inserted = cur.execute(
                "INSERT INTO span_annotations (submission_id, request_id, position, target, words, linguist, model,"
                " queue_id, item_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING RETURNING id",
                [
                    submission_id,
                    request_id,
                    int(position),
                    target,
                    int(words),
                    linguist,
                    model,
                    queue_id,
                    item_id,
                    utc_now(),
                ],
            ).fetchall()
            if not inserted:
                existing = cur.execute(
                    "SELECT id FROM span_annotations WHERE submission_id = ?", [submission_id]
                ).fetchone()
                return int(existing[0]), False
            annotation_id = int(inserted[0][0])
            if spans:
                cur.executemany(
                    "INSERT INTO error_spans (annotation_id, n, start_char, end_char, category, severity, note)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        [annotation_id, n, s["start"], s["end"], s["category"], s["severity"], s.get("note", "")]
                        for n, s in enumerate(spans)
                    ],
                )
        return annotation_id, True

    def annotations(
        self, *, request_id: str | None = None, models: list[str] | None = None, latest_only: bool = True
    ) -> list[dict]:
        """Annotations (oldest first) with their ``spans`` and the request's ``source`` and ``pair``.

        ``latest_only``: a linguist who annotated the same candidate again replaces their earlier annotation."""
        sql = (
            "SELECT a.*, r.source, r.pair FROM span_annotations a JOIN translation_requests r"
            " ON r.id = a.request_id WHERE 1=1"
        )
        params: list[Any] = []
        if request_id:
            sql += " AND a.request_id = ?"
            params.append(request_id)
        if models:
            sql += f" AND a.model IN ({', '.join('?' * len(models))})"
            params += list(models)
        if latest_only:
            sql += (
                " AND a.id = (SELECT max(b.id) FROM span_annotations b WHERE b.request_id = a.request_id"
                " AND b.position = a.position AND b.linguist = a.linguist)"
            )
        rows = self.db.query_dicts(sql + " ORDER BY a.id", params)
        if not rows:
            return rows
        ids = [r["id"] for r in rows]
        spans: dict[int, list[dict]] = {i: [] for i in ids}
        for aid, start, end, category, severity, note in self.db.query(
            "SELECT annotation_id, start_char, end_char, category, severity, note FROM error_spans"
            f" WHERE annotation_id IN ({', '.join('?' * len(ids))}) ORDER BY annotation_id, n",
            ids,
        ):
            spans[aid].append({"start": start, "end": end, "category": category, "severity": severity, "note": note})
        for row in rows:
            row["spans"] = spans[row["id"]]
        return rows

    def count(self) -> int:
        """All annotations stored (replaced ones included)."""
        return int(self.db.query("SELECT count(*) FROM span_annotations")[0][0])
