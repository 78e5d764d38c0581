"""Folds a run's ``events.jsonl`` into the store, from the saved byte offset, idempotently.

Only complete lines are read; the rows they produce and the new offset are written in one
transaction, so a crash or a restart mid-file never loses or doubles an event. ``artifact`` events
are handed to the handler registered for their ``kind`` (a model to register, a data file to load).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from engine.jobs.events import read_events
from engine.store import Store

ArtifactHandler = Callable[[Store, duckdb.DuckDBPyConnection, str, dict], None]


def _register_model(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    store.models.register(
        event["name"], event.get("model_kind", "policy"), str(event["path"]), stage=event.get("stage", "candidate"),
        parent=event.get("parent"), run_id=run_id, metadata=event.get("metadata") or {}, cur=cur,
    )


def _load_candidates(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    store.preferences.load_candidates(cur, run_id, event["path"])


def _load_scores(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    store.preferences.load_scores(cur, run_id, event["generate_run"], event["path"])


def _load_pairs(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    store.preferences.load_pairs(cur, run_id, event.get("origin", "synthetic"), event.get("generate_run"),
                                 event["path"])


def _load_evaluation(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    store.evaluations.load_evaluation(cur, run_id, event)


ARTIFACT_HANDLERS: dict[str, ArtifactHandler] = {
    "model": _register_model,
    "candidates": _load_candidates,
    "scores": _load_scores,
    "pairs": _load_pairs,
    "evaluation": _load_evaluation,
}


def ingest_run(store: Store, run_id: str) -> int:
    """Ingest new events of one run; returns how many events were applied."""
    run = store.runs.get(run_id)
    if run is None:
        raise KeyError(f"no run {run_id!r}")
    with store.db.transaction() as cur:
        offset = cur.execute("SELECT events_offset FROM runs WHERE id = ?", [run_id]).fetchone()[0]
        batch = read_events(Path(run["run_dir"]), offset)
        if batch.next_offset == offset:
            return 0
        for event in batch.events:
            store.runs.apply_event(cur, run_id, event)
            if event["type"] == "artifact":
                handler = ARTIFACT_HANDLERS.get(event.get("kind", ""))
                if handler is None:
                    raise ValueError(f"run {run_id}: no handler for artifact kind {event.get('kind')!r}")
                handler(store, cur, run_id, event)
        cur.execute("UPDATE runs SET events_offset = ? WHERE id = ?", [batch.next_offset, run_id])
    return len(batch.events)

