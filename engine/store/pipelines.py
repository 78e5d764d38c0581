"""Typed queries and writes for pipelines: ordered steps, each a job run once started."""

from __future__ import annotations

import json
from typing import Any

from engine.store.clock import utc_now
from engine.store.database import Database


class PipelineRepository:
    """Pipelines and their steps (name, job kind, config with references, run, status)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, name: str, template: str, steps: list[dict[str, Any]]) -> int:
        """A running pipeline with its steps (``name``, ``kind``, ``config``, ``depends_on``), all pending."""
        with self.db.transaction() as cur:
            pipeline_id = cur.execute(
                "INSERT INTO pipelines (name, template, created_at) VALUES (?, ?, ?) RETURNING id",
                [name, template, utc_now()]).fetchone()[0]
            cur.executemany(
                "INSERT INTO pipeline_steps (pipeline_id, position, name, kind, config, depends_on)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [[pipeline_id, i, s["name"], s["kind"], json.dumps(s["config"], ensure_ascii=False),
                  json.dumps(list(s.get("depends_on", [])))] for i, s in enumerate(steps)])
        return int(pipeline_id)

    def get(self, pipeline_id: int) -> dict | None:
        """A pipeline with its ``steps`` (position order; ``config`` and ``depends_on`` parsed)."""
        rows = self.db.query_dicts("SELECT * FROM pipelines WHERE id = ?", [pipeline_id])
        if not rows:
            return None
        row = rows[0]
        row["steps"] = self.steps(pipeline_id)
        return row

    def steps(self, pipeline_id: int) -> list[dict]:
        rows = self.db.query_dicts("SELECT * FROM pipeline_steps WHERE pipeline_id = ? ORDER BY position",
                                   [pipeline_id])
        for row in rows:
            row["config"], row["depends_on"] = json.loads(row["config"]), json.loads(row["depends_on"])
        return rows

    def list(self, statuses: tuple[str, ...] | None = None, limit: int = 100) -> list[dict]:
        """Pipelines, newest first, each with its ``steps``."""
        sql, params = "SELECT * FROM pipelines", []
        if statuses:
            sql += f" WHERE status IN ({', '.join('?' * len(statuses))})"
            params += list(statuses)
        rows = self.db.query_dicts(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
        for row in rows:
            row["steps"] = self.steps(row["id"])
        return rows

    def resumed_elsewhere(self) -> list[int]:
        """Stopped (failed or cancelled) pipelines with a stopped step whose run was launched again after the
        pipeline stopped — resumed on its own, from the Runs page — and is queued, running or succeeded: one query
        (the watcher asks every 2 s)."""
        rows = self.db.query(
            "SELECT DISTINCT p.id FROM pipelines p JOIN pipeline_steps s ON s.pipeline_id = p.id"
            " JOIN runs r ON r.id = s.run_id WHERE p.status IN ('failed', 'cancelled')"
            " AND s.status IN ('failed', 'cancelled') AND r.status IN ('queued', 'running', 'succeeded')"
            " AND r.launched_at > p.finished_at ORDER BY p.id")
        return [int(r[0]) for r in rows]

    def finished_after_cancel(self) -> list[tuple[int, int]]:
        """``(pipeline id, step position)`` of the steps *Cancel pipeline* marked cancelled whose run went on to
        succeed (the cancel came after a training job registered its model): one query (the watcher asks every 2 s)."""
        rows = self.db.query(
            "SELECT s.pipeline_id, s.position FROM pipelines p JOIN pipeline_steps s ON s.pipeline_id = p.id"
            " JOIN runs r ON r.id = s.run_id WHERE p.status = 'cancelled' AND s.status = 'cancelled'"
            " AND r.status = 'succeeded' ORDER BY s.pipeline_id, s.position")
        return [(int(r[0]), int(r[1])) for r in rows]

    def set_step(self, pipeline_id: int, position: int, *, status: str, run_id: str | None = None,
                 error: str | None = None) -> None:
        """Record a step's status (and its run, when given); ``error`` is cleared unless given."""
        with self.db.transaction() as cur:
            cur.execute("UPDATE pipeline_steps SET status = ?, run_id = coalesce(?, run_id), error = ?"
                        " WHERE pipeline_id = ? AND position = ?", [status, run_id, error, pipeline_id, position])

    def set_status(self, pipeline_id: int, status: str, error: str | None = None) -> None:
        """Record the pipeline's status; a final one gets a finish time, ``running`` clears it."""
        with self.db.transaction() as cur:
            cur.execute("UPDATE pipelines SET status = ?, error = ?,"
                        " finished_at = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE id = ?",
                        [status, error, status, utc_now(), pipeline_id])
