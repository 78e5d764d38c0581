"""Folds a run's ``events.jsonl`` into the store, from the saved byte offset, idempotently.

Only complete lines are read; the rows they produce and the new offset are written in one
transaction, so a crash or a restart mid-file never loses or doubles an event. ``artifact`` events
are handed to the handler registered for their ``kind`` (a model to register, a data file to load).

Before reading, the file is checked against what was read last time: shorter than the saved offset, another file
(device and inode), a different first line or a different last-read line mean it was truncated or replaced. Then
it is read again from the start; events whose content (all but ``seq``) was already ingested are skipped, the
others are stored with their ``seq`` moved past every stored one (a rewritten file restarts its numbering, and
``INSERT OR IGNORE`` by (run, seq) would drop them). Corrupt lines are skipped and counted once each. What was seen
goes to the run's ingest report (:meth:`RunRepository.ingest_report`).
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import duckdb

from engine.jobs.events import EventBatch, EventFileView, event_digest, line_digest, read_events, view_events_file
from engine.models.registry import free_model_name
from engine.store import Store
from engine.store.promotion import ARCHIVED_FROM
from engine.store.runs import EventRows, IngestState

ArtifactHandler = Callable[[Store, duckdb.DuckDBPyConnection, str, dict], None]


def _register_model(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    # a run registers its model again when its events are read again; another run's model of the same name is
    # never replaced (two runs queued with one name): this one is registered as <name>-2, <name>-3…
    base, metadata = event["name"], dict(event.get("metadata") or {})

    def taken(name: str) -> bool:  # by another run (asked inside the ingest's transaction)
        row = cur.execute("SELECT run_id FROM models WHERE name = ?", [name]).fetchone()
        return row is not None and row[0] != run_id

    name = free_model_name(store, base, taken)
    if name != base:
        metadata["requested_name"] = base
    stage = event.get("stage", "candidate")
    mine = cur.execute("SELECT stage, metadata FROM models WHERE name = ? AND run_id = ?", [name, run_id]).fetchone()
    if mine is not None:  # registered already (its events read again, a resumed run): the stage is the registry's
        # now — a promotion or an archive since was undone, production demoted to the run's stage (no production)
        stage = mine[0]
        kept = json.loads(mine[1] or "{}")
        if ARCHIVED_FROM in kept:
            metadata[ARCHIVED_FROM] = kept[ARCHIVED_FROM]
    store.models.register(
        name, event.get("model_kind", "policy"), str(event["path"]), stage=stage,
        parent=event.get("parent"), run_id=run_id, metadata=metadata, cur=cur,
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


def _load_queue_priorities(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    store.feedback.load_priorities(cur, int(event["queue_id"]), event["path"])


def _log_translations(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
    from engine.monitor.log import ingest_batch_output

    ingest_batch_output(store, cur, run_id, event)


ARTIFACT_HANDLERS: dict[str, ArtifactHandler] = {
    "model": _register_model,
    "candidates": _load_candidates,
    "scores": _load_scores,
    "pairs": _load_pairs,
    "evaluation": _load_evaluation,
    "queue_priorities": _load_queue_priorities,
    "translation_log": _log_translations,
}


def file_changes(state: IngestState, offset: int, view: EventFileView | None) -> list[str]:
    """Why the event log can no longer be read on from ``offset`` (empty when it can)."""
    if view is None:
        return ["was removed"] if offset > 0 or state.file_id else []
    reasons = []
    if state.file_id and view.file_id != state.file_id:
        reasons.append("was replaced by another file (device:inode changed)")
    if view.size < offset:
        reasons.append(f"is shorter than the part already read ({view.size} < {offset} bytes): truncated")
    elif state.head_digest and view.head_digest != state.head_digest:
        reasons.append("has another first line")
    elif (state.tail_digest and state.tail_start is not None and state.tail_start < offset
          and view.digest_of(state.tail_start, offset) != state.tail_digest):
        reasons.append("has another line where the last line read was")
    return reasons


class ArtifactError(Exception):
    """A run's output that cannot be loaded into the store (a damaged file, an event without its path)."""

    def __init__(self, run_id: str, kind: object, cause: Exception, digest: str) -> None:
        detail = f"missing {cause}" if isinstance(cause, KeyError) else (str(cause).splitlines() or [""])[0]
        super().__init__(f"its {kind} output could not be loaded into the studio ({type(cause).__name__}: "
                         f"{detail[:300]})")
        self.run_id, self.digest = run_id, digest


def ingest_run(store: Store, run_id: str) -> int:
    """Ingest new events of one run; returns how many events were applied (duplicates skipped are not counted).

    An artifact that cannot be loaded fails its run with the reason — it raised in every poll, so the studio could
    not open and every ``jobs`` command failed. The batch is read again without it: the events before it are kept;
    that process is asked to stop and what it writes after is not read until the run is launched again, so a
    resumed run starts clean (kept before it, the old artifact failed the resumed run again at once, or loaded and
    the old ``succeeded`` ended it; read later, a late ``succeeded`` ended the failed run or the resumed one)."""
    try:
        return _ingest_run(store, run_id)
    except ArtifactError as exc:
        applied = _ingest_run(store, run_id, failed=exc)
        _stop_process(store.runs.get(run_id))
        return applied


def _stop_process(run: dict) -> None:
    """Ask the process of a run failed at its output to stop (SIGTERM to its group; only if it still works in the
    run's folder): it went on writing — `evaluate` loads one system after another — beside a resumed one."""
    from engine.jobs.process import runs_in, signal_group

    pid = run.get("pid")
    if pid and runs_in(int(pid), Path(run["run_dir"])):
        signal_group(int(pid), signal.SIGTERM)


def _ingest_run(store: Store, run_id: str, failed: ArtifactError | None = None) -> int:
    run = store.runs.get(run_id)
    if run is None:
        raise KeyError(f"no run {run_id!r}")
    run_dir = Path(run["run_dir"])
    with store.db.transaction() as cur:
        offset = store.runs.events_offset(cur, run_id)
        state = store.runs.ingest_state(cur, run_id)
        if state.stopped_at is not None:
            launched = run["launched_at"].replace(tzinfo=UTC).timestamp() if run["launched_at"] else None
            if launched is None or launched <= state.stopped_at:  # the failed process's lines: not read
                batch = read_events(run_dir, offset)
                if batch.tail is not None:  # where reading stands, as after any read (else: "the file changed")
                    state.tail_start, state.tail_digest = batch.tail
                store.runs.save_ingest_state(cur, run_id, state)
                store.runs.set_events_offset(cur, run_id, batch.next_offset)
                return 0
            state.stopped_at = None  # launched again since: its new process's lines are read
        view = view_events_file(run_dir)
        reasons = file_changes(state, offset, view)
        if reasons:
            state.resets += 1
            state.seq_base = state.max_seq
            state.file_id = state.head_digest = state.tail_start = state.tail_digest = None
            offset = 0
        batch = read_events(run_dir, offset)
        if not reasons and batch.next_offset == offset and (view is None or state.file_id == view.file_id):
            return 0
        applied, duplicates, skipped = _apply(store, cur, run_id, state, batch, failed)
        if failed is not None:
            store.runs.mark_final(cur, run_id, "failed", str(failed))
            state.stopped_at = time.time()
            state.add_note(f"{failed}; the run failed there, and its process's {skipped} later event(s) and any "
                           "it writes until the run is launched again are not read")
        new_bad = _count_new_corrupt(store, cur, run_id, batch)
        if reasons:
            state.add_note(f"events.jsonl {' and '.join(reasons)}; read again from the start: {applied} events "
                           f"new, {duplicates} already ingested and skipped")
        if new_bad:
            first = min(start for start, _ in batch.corrupt)
            state.add_note(f"skipped {new_bad} corrupt line{'s' if new_bad > 1 else ''} of events.jsonl "
                           f"(first at byte {first})")
        state.bad_lines += new_bad
        state.duplicates += duplicates
        if view is not None:
            state.file_id = view.file_id
            state.head_digest = view.head_digest or state.head_digest
        if batch.tail is not None:
            state.tail_start, state.tail_digest = batch.tail
        store.runs.save_ingest_state(cur, run_id, state)
        store.runs.set_events_offset(cur, run_id, batch.next_offset)
    return applied


def _apply(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, state: IngestState,
           batch: EventBatch, failed: ArtifactError | None = None) -> tuple[int, int, int]:
    """Apply the batch's events not ingested before (by content); returns (applied, skipped as duplicates, left
    unread after ``failed``'s artifact — which is recorded as read and not applied)."""
    digests = [None if e["type"] == "heartbeat" else event_digest(e) for e in batch.events]
    known = store.runs.known_digests(cur, run_id, sorted({d for d in digests if d}))
    applied, duplicates, fresh, rows = 0, 0, [], EventRows()
    for index, (event, digest) in enumerate(zip(batch.events, digests, strict=True)):
        if failed is not None and digest == failed.digest:
            fresh.append(digest)
            store.runs.add_rows(cur, run_id, rows)
            store.runs.add_digests(cur, run_id, fresh)
            return applied, duplicates, len(batch.events) - index - 1
        if digest is not None:
            if digest in known:
                duplicates += 1
                continue
            known.add(digest)
            fresh.append(digest)
        event = {**event, "seq": state.seq_base + int(event["seq"])}
        state.max_seq = max(state.max_seq, event["seq"])
        store.runs.apply_event(cur, run_id, event, rows)
        if event["type"] == "artifact":
            store.runs.add_rows(cur, run_id, rows)  # what came before the artifact is in the store for its handler
            handler = ARTIFACT_HANDLERS.get(event.get("kind", ""))
            try:
                if handler is None:
                    raise ValueError(f"no handler for artifact kind {event.get('kind')!r}")
                handler(store, cur, run_id, event)
            except Exception as exc:  # noqa: BLE001 - whatever the file or the event holds, this run's alone
                raise ArtifactError(run_id, event.get("kind"), exc, digest) from exc
        applied += 1
    store.runs.add_rows(cur, run_id, rows)
    store.runs.add_digests(cur, run_id, fresh)
    return applied, duplicates, 0


def _count_new_corrupt(store: Store, cur: duckdb.DuckDBPyConnection, run_id: str, batch: EventBatch) -> int:
    """How many of the batch's corrupt lines were not seen before (a re-read file shows them again)."""
    digests = sorted({"corrupt:" + line_digest(raw) for _, raw in batch.corrupt})
    new = [d for d in digests if d not in store.runs.known_digests(cur, run_id, digests)]
    store.runs.add_digests(cur, run_id, new)
    return len(new)
