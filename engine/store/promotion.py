"""Typed queries and writes for gated promotion and retraining: a lead's settings, gate decisions, retrains."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import duckdb

from engine.characters import MAX_PERSON_NAME_CHARS, check_label
from engine.store.clock import utc_now
from engine.store.database import Database

OUTCOMES = ("allowed", "refused", "override")
ARCHIVED_FROM = "archived_from"
"""The metadata key of an archived model's stage before it was archived (its place in the loop stays known)."""


def clean_lead_name(name: str) -> str:
    """A lead's name as recorded with a change to the gate or the schedule, or with an override: checked as a
    linguist's is (:func:`~engine.characters.check_label`; a NUL or an override stored as a name cut or reordered
    the line naming who changed the gate). Raises ``ValueError`` with what to fix."""
    return check_label(name, "lead", max_chars=MAX_PERSON_NAME_CHARS,
                       empty="give your name: a change to the gate or the schedule is recorded with who made it")


class ProductionChange:
    """The reads and writes of one change of production, inside its transaction (see
    :meth:`PromotionRepository.changing`)."""

    def __init__(self, cur: duckdb.DuckDBPyConnection) -> None:
        self.cur = cur

    def model(self, name: str) -> dict | None:
        """``name``, ``kind`` and ``stage`` of a registered model (None when there is none of that name)."""
        row = self.cur.execute("SELECT name, kind, stage FROM models WHERE name = ?", [name]).fetchone()
        return dict(zip(("name", "kind", "stage"), row, strict=True)) if row else None

    def history(self) -> list[dict]:
        """Every promotion and roll-back, oldest first."""
        return _history(self.cur)

    def productions(self) -> list[str]:
        """The models at stage ``production`` (one, or none before the first promotion)."""
        return [r[0] for r in self.cur.execute(
            "SELECT name FROM models WHERE stage = 'production' ORDER BY name").fetchall()]

    def set_stage(self, name: str, stage: str) -> None:
        self.cur.execute("UPDATE models SET stage = ? WHERE name = ?", [stage, name])

    def set_archived(self, name: str, archived: bool) -> str:
        """Archive ``name`` keeping the stage it had (``archived_from`` in its metadata), or restore it to that
        stage; returns the stage set."""
        stage, text = self.cur.execute("SELECT stage, metadata FROM models WHERE name = ?", [name]).fetchone()
        metadata = json.loads(text or "{}")
        if archived:
            metadata[ARCHIVED_FROM] = stage
            stage = "archived"
        else:  # archived before the stage was kept: the shipped demo model was the SFT model, others candidates
            stage = metadata.pop(ARCHIVED_FROM, None) or ("sft" if metadata.get("shipped") else "candidate")
        self.cur.execute("UPDATE models SET stage = ?, metadata = ? WHERE name = ?",
                         [stage, json.dumps(metadata, ensure_ascii=False), name])
        return stage

    def record(self, action: str, model: str, previous_production: str | None, previous_stage: str) -> None:
        """Append a ``promote`` or ``rollback`` row to the production history."""
        self.cur.execute("INSERT INTO promotions (model, previous_production, previous_stage, action, time)"
                         " VALUES (?, ?, ?, ?, ?)", [model, previous_production, previous_stage, action, utc_now()])


def _history(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    result = cur.execute("SELECT id, model, previous_production, previous_stage, action, time FROM promotions"
                         " ORDER BY id")
    names = [d[0] for d in result.description]
    return [dict(zip(names, r, strict=True)) for r in result.fetchall()]


class PromotionRepository:
    """The production history (promotions and roll-backs), settings a lead sets (JSON per key), the promotion
    gate's decisions and the retrains started."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- production history ------------------------------------------------------------------------------
    @contextmanager
    def changing(self) -> Iterator[ProductionChange]:
        """One transaction over ``models`` and ``promotions``: everything done through the yielded change is
        committed together, or not at all when the block raises."""
        with self.db.transaction() as cur:
            yield ProductionChange(cur)

    def history(self) -> list[dict]:
        """Every promotion and roll-back, oldest first."""
        with self.db.cursor() as cur:
            return _history(cur)

    def production(self) -> str | None:
        """The production model's name, or None."""
        rows = self.db.query("SELECT name FROM models WHERE stage = 'production' ORDER BY name")
        return rows[0][0] if rows else None

    # --- settings ----------------------------------------------------------------------------------------
    def setting(self, key: str) -> dict | None:
        """The stored value of a setting with who set it and when (``None``: never set)."""
        rows = self.db.query_dicts("SELECT * FROM studio_settings WHERE key = ?", [key])
        if not rows:
            return None
        rows[0]["value"] = json.loads(rows[0]["value"])
        return rows[0]

    def set_setting(
        self, key: str, value: dict[str, Any], *, by: str | None = None, now: datetime | None = None
    ) -> None:
        """Store a setting's value (replacing the earlier one); ``by``: the lead's name (:func:`clean_lead_name`)."""
        by = clean_lead_name(by) if by is not None else None
        with self.db.transaction() as cur:
            cur.execute(
                "INSERT INTO studio_settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,"
                " updated_at = excluded.updated_at",
                [key, json.dumps(value, ensure_ascii=False), by, now or utc_now()],
            )

    # --- gate decisions ----------------------------------------------------------------------------------
    def record_decision(
        self,
        *,
        candidate: str,
        production: str | None,
        testset_id: str | None,
        outcome: str,
        reasons: list[str],
        details: dict[str, Any],
        lead: str | None = None,
        confirmation: str | None = None,
        override_reason: str | None = None,
        cur: Any = None,
    ) -> int:
        """Record one decision of the gate (inside ``cur``'s transaction when given); returns its id. ``lead``: an
        override's lead (:func:`clean_lead_name`)."""
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
        lead = clean_lead_name(lead) if lead is not None else None
        sql = (
            "INSERT INTO gate_decisions (candidate, production, testset_id, outcome, reasons, details, lead,"
            " confirmation, override_reason, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
        )
        params = [
            candidate,
            production,
            testset_id,
            outcome,
            json.dumps(reasons, ensure_ascii=False),
            json.dumps(details, ensure_ascii=False, default=str),
            lead,
            confirmation,
            override_reason,
            utc_now(),
        ]
        if cur is not None:
            return int(cur.execute(sql, params).fetchone()[0])
        with self.db.transaction() as tx:
            return int(tx.execute(sql, params).fetchone()[0])

    def decisions(self, candidate: str | None = None) -> list[dict]:
        """Gate decisions, newest first (of one candidate when given)."""
        sql, params = "SELECT * FROM gate_decisions", []
        if candidate:
            sql += " WHERE candidate = ?"
            params.append(candidate)
        rows = self.db.query_dicts(sql + " ORDER BY id DESC", params)
        for row in rows:
            row["reasons"], row["details"] = json.loads(row["reasons"]), json.loads(row["details"])
        return rows

    # --- retrains ----------------------------------------------------------------------------------------
    def add_retrain(
        self,
        *,
        pipeline_id: int | None,
        base_model: str,
        model_name: str,
        reason: str,
        judgements: int,
        now: datetime | None = None,
    ) -> int:
        """Record a retrain that was started; returns its id."""
        with self.db.transaction() as cur:
            return int(
                cur.execute(
                    "INSERT INTO retrains (pipeline_id, base_model, model_name, reason, judgements, started_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    [pipeline_id, base_model, model_name, reason, judgements, now or utc_now()],
                ).fetchone()[0]
            )

    def retrains(self) -> list[dict]:
        """Retrains, newest first, with their pipeline's status (NULL when it could not be created)."""
        return self.db.query_dicts(
            "SELECT r.*, p.status AS pipeline_status, p.error AS pipeline_error FROM retrains r"
            " LEFT JOIN pipelines p ON p.id = r.pipeline_id ORDER BY r.id DESC"
        )

    def judgements_since(self, since: datetime | None) -> int:
        """Linguists' judgements stored after ``since`` (all of them when ``None``): by when they were stored, not
        made — an Argilla import keeps the time a judgement was made there, and judgements made before a retrain but
        imported after it were never counted."""
        if since is None:
            return int(self.db.query("SELECT count(*) FROM judgements")[0][0])
        return int(self.db.query("SELECT count(*) FROM judgements WHERE stored_at > ?", [since])[0][0])
