"""Typed queries and writes for the model registry."""

from __future__ import annotations

import json

import duckdb

from engine.store.clock import utc_now
from engine.store.database import Database

KINDS = ("policy", "reward", "reward-base")
STAGES = ("sft", "cold-start", "final", "production", "candidate", "archived")


class ModelRepository:
    """Every policy and reward model the studio knows (name, kind, stage, path, lineage)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def register(self, name: str, kind: str, path: str, *, stage: str = "candidate", parent: str | None = None,
                 run_id: str | None = None, metadata: dict | None = None,
                 cur: duckdb.DuckDBPyConnection | None = None) -> None:
        """Add or update a model version (inside ``cur``'s transaction when given)."""
        if kind not in KINDS:
            raise ValueError(f"model kind must be one of {KINDS}, not {kind!r}")
        if stage not in STAGES:
            raise ValueError(f"model stage must be one of {STAGES}, not {stage!r}")
        params = [name, kind, stage, path, parent, run_id, utc_now(), json.dumps(metadata or {}, ensure_ascii=False)]
        sql = (
            "INSERT INTO models (name, kind, stage, path, parent, run_id, created_at, metadata)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
            " stage = excluded.stage, path = excluded.path, parent = excluded.parent,"
            " run_id = excluded.run_id, metadata = excluded.metadata"
        )
        if cur is not None:
            cur.execute(sql, params)
            return
        with self.db.transaction() as tx:
            tx.execute(sql, params)

    def get(self, name: str) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM models WHERE name = ?", [name])
        if not rows:
            return None
        rows[0]["metadata"] = json.loads(rows[0]["metadata"])
        return rows[0]

    def list(self, kind: str | None = None, stage: str | None = None) -> list[dict]:
        """Models, newest first."""
        sql, params = "SELECT * FROM models WHERE 1=1", []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if stage:
            sql += " AND stage = ?"
            params.append(stage)
        rows = self.db.query_dicts(sql + " ORDER BY created_at DESC, name", params)
        for row in rows:
            row["metadata"] = json.loads(row["metadata"])
        return rows

    def in_use(self, kind: str | None = None) -> list[dict]:
        """Models not archived, newest first: what defaults and pickers offer (an archived model is retired, and
        an archived reward model still ranked the endpoint's translations as the newest one)."""
        return [row for row in self.list(kind=kind) if row["stage"] != "archived"]

    def by_run(self, run_id: str) -> list[dict]:
        """The models a run registered, newest first."""
        rows = self.db.query_dicts("SELECT * FROM models WHERE run_id = ? ORDER BY created_at DESC", [run_id])
        for row in rows:
            row["metadata"] = json.loads(row["metadata"])
        return rows

    def stage_before_production(self, name: str) -> str | None:
        """The stage a model had before its newest promotion to production (``None``: never promoted)."""
        rows = self.db.query(
            "SELECT previous_stage FROM promotions WHERE model = ? AND action = 'promote' ORDER BY id DESC LIMIT 1",
            [name])
        return rows[0][0] if rows else None

    def loop_stage(self, row: dict) -> str:
        """A model's place in the loop: its stage; for the production model the stage it had before its
        promotion (a promoted SFT model is still the loop's SFT model); for an archived model the stage it had
        when it was archived (an archived SFT model still starts the loop whose scorecard it is in)."""
        if row["stage"] == "archived":
            return (row.get("metadata") or {}).get("archived_from") or "archived"
        if row["stage"] != "production":
            return row["stage"]
        return self.stage_before_production(row["name"]) or "production"

    def at_loop_stage(self, stage: str, kind: str = "policy") -> list[dict]:
        """Models of ``kind`` whose :meth:`loop_stage` is ``stage``, newest first."""
        rows = self.list(kind=kind, stage=stage)
        if stage != "production":
            promoted = [r for r in self.list(kind=kind, stage="production") if self.loop_stage(r) == stage]
            rows = sorted(rows + promoted, key=lambda r: (r["created_at"], r["name"]), reverse=True)
        return rows

    def sft_model(self) -> dict | None:
        """The newest SFT model (the one the loop starts from), promoted to production or not."""
        rows = self.at_loop_stage("sft")
        return rows[0] if rows else None
