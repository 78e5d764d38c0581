"""The runs repository: creating and listing runs, and folding job events into their rows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from engine.store import runs as runs_module
from engine.store.clock import from_unix
from engine.store.runs import MAX_NOTES, IngestState

T0 = 1_700_000_000.0  # a Unix time as written in events


@pytest.fixture
def clock(monkeypatch):
    """The repository's clock, stepping one second per reading from a fixed start."""
    ticks = iter(datetime(2026, 1, 1) + timedelta(seconds=i) for i in range(10_000))
    monkeypatch.setattr(runs_module, "utc_now", lambda: next(ticks))


def _apply(store, run_id, *events):
    with store.db.transaction() as cur:
        for event in events:
            store.runs.apply_event(cur, run_id, event)


def test_create_then_get_round_trips_the_run(store):
    store.runs.create("r1", "sft", "Fine-tune — عربي", {"lr": 1e-4, "note": "é"}, "/runs/r1")
    run = store.runs.get("r1")
    assert (run["id"], run["kind"], run["title"], run["status"], run["run_dir"]) == (
        "r1",
        "sft",
        "Fine-tune — عربي",
        "queued",
        "/runs/r1",
    )
    assert run["config"] == '{"lr": 0.0001, "note": "é"}'
    assert run["created_at"] is not None and run["started_at"] is None and run["pid"] is None


def test_unknown_run_is_none_and_has_no_rows(store):
    assert store.runs.get("nope") is None
    assert store.runs.metrics("nope") == [] and store.runs.metric_keys("nope") == []
    assert store.runs.logs("nope") == []
    assert store.runs.ingest_report("nope") == {"bad_lines": 0, "duplicates": 0, "resets": 0, "notes": []}


def test_a_duplicate_run_id_is_refused_and_the_first_run_kept(store):
    import duckdb

    store.runs.create("r1", "sft", "first", {}, "/a")
    with pytest.raises(duckdb.ConstraintException):
        store.runs.create("r1", "dpo", "second", {}, "/b")
    assert store.runs.get("r1")["title"] == "first"


def test_list_is_newest_first_and_filters_by_kind_status_and_limit(store, clock):
    for i, kind in enumerate(["sft", "dpo", "sft", "ppo"]):
        store.runs.create(f"r{i}", kind, "", {}, f"/r{i}")
    with store.db.transaction() as cur:
        store.runs.mark_final(cur, "r2", "succeeded", None)
    assert [r["id"] for r in store.runs.list()] == ["r3", "r2", "r1", "r0"]
    assert [r["id"] for r in store.runs.list(kinds=("sft",))] == ["r2", "r0"]
    assert [r["id"] for r in store.runs.list(kinds=("sft", "ppo"), statuses=("queued",))] == ["r3", "r0"]
    assert [r["id"] for r in store.runs.list(limit=2)] == ["r3", "r2"]
    assert [r["id"] for r in store.runs.active()] == ["r3", "r1", "r0"]
    assert store.runs.list(kinds=("grpo",)) == []


def test_relaunch_clears_the_previous_attempt(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    _apply(
        store,
        "r1",
        {"seq": 1, "time": T0, "type": "status", "status": "running"},
        {"seq": 2, "time": T0 + 5, "type": "status", "status": "failed", "error": "OOM"},
    )
    store.runs.request_cancel("r1")
    assert store.runs.get("r1")["cancel_requested_at"] is not None
    store.runs.set_launched("r1", 4242)
    run = store.runs.get("r1")
    assert (
        run["status"],
        run["pid"],
        run["error"],
        run["finished_at"],
        run["heartbeat_at"],
        run["cancel_requested_at"],
    ) == ("queued", 4242, None, None, None, None)
    assert run["launched_at"] is not None
    assert run["started_at"] == from_unix(T0)  # the first start is kept


def test_metric_events_become_rows_in_step_order_and_are_idempotent_by_seq(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    events = [
        {"seq": 1, "time": T0, "type": "metric", "step": 20, "values": {"loss": 1.5, "lr": 0.1}},
        {"seq": 2, "time": T0 + 1, "type": "metric", "step": 10, "values": {"loss": 2.5}},
        {"seq": 3, "time": T0 + 2, "type": "metric", "step": 20, "values": {"reward": -0.5}},
    ]
    _apply(store, "r1", *events)
    _apply(store, "r1", *events)  # read again: nothing doubles
    rows = store.runs.metrics("r1")
    assert [(r["step"], r["key"], r["value"]) for r in rows] == [
        (10, "loss", 2.5),
        (20, "loss", 1.5),
        (20, "lr", 0.1),
        (20, "reward", -0.5),
    ]
    assert rows[0]["time"] == from_unix(T0 + 1)
    assert [(r["step"], r["value"]) for r in store.runs.metrics("r1", keys=("loss",))] == [(10, 2.5), (20, 1.5)]
    assert store.runs.metric_keys("r1") == ["loss", "lr", "reward"]


def test_log_events_keep_the_last_lines_oldest_first(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    _apply(
        store,
        "r1",
        *[{"seq": i, "time": T0 + i, "type": "log", "message": f"line {i}"} for i in range(1, 8)],
        {"seq": 8, "time": T0 + 8, "type": "log", "level": "error", "message": "boom"},
        {"seq": 8, "time": T0 + 9, "type": "log", "message": "same seq again"},
    )
    logs = store.runs.logs("r1", tail=3)
    assert [(r["seq"], r["level"], r["message"]) for r in logs] == [
        (6, "info", "line 6"),
        (7, "info", "line 7"),
        (8, "error", "boom"),
    ]
    assert len(store.runs.logs("r1")) == 8


def test_progress_events_update_progress_and_keep_the_last_message(store):
    store.runs.create("r1", "generate", "", {}, "/r1")
    _apply(
        store,
        "r1",
        {
            "seq": 1,
            "time": T0,
            "type": "progress",
            "done": 3,
            "total": 10,
            "unit": "batches",
            "eta_s": 70.0,
            "message": "generating",
        },
    )
    run = store.runs.get("r1")
    assert (run["progress_done"], run["progress_total"], run["progress_unit"], run["eta_seconds"], run["message"]) == (
        3,
        10,
        "batches",
        70.0,
        "generating",
    )
    assert run["heartbeat_at"] == from_unix(T0)  # progress is a sign of life, also before any heartbeat
    _apply(store, "r1", {"seq": 2, "time": T0 + 9, "type": "progress", "done": 4, "total": 10})
    run = store.runs.get("r1")
    assert (run["progress_done"], run["message"], run["heartbeat_at"]) == (4, "generating", from_unix(T0 + 9))


def test_heartbeats_only_move_forward(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    _apply(store, "r1", {"seq": 1, "time": T0 + 10, "type": "heartbeat"})
    assert store.runs.get("r1")["heartbeat_at"] == from_unix(T0 + 10)
    _apply(
        store,
        "r1",
        {"seq": 2, "time": T0 + 5, "type": "heartbeat"},
        {"seq": 3, "time": T0 + 7, "type": "progress", "done": 1, "total": 2},
    )
    assert store.runs.get("r1")["heartbeat_at"] == from_unix(T0 + 10)
    _apply(store, "r1", {"seq": 4, "time": T0 + 20, "type": "heartbeat"})
    assert store.runs.get("r1")["heartbeat_at"] == from_unix(T0 + 20)


def test_a_heartbeat_from_before_the_last_launch_does_not_count(store, monkeypatch):
    # an events.jsonl read again from its start (a workspace restored from a copy) put heartbeat_at back to the old
    # process's last beat, and the resumed job was killed as silent at once
    launched = from_unix(T0 + 100)
    monkeypatch.setattr(runs_module, "utc_now", lambda: launched)
    store.runs.create("r1", "sft", "", {}, "/r1")
    store.runs.set_launched("r1", 123)
    _apply(store, "r1", {"seq": 1, "time": T0 + 10, "type": "heartbeat"})  # the previous process's
    assert store.runs.get("r1")["heartbeat_at"] is None
    _apply(store, "r1", {"seq": 2, "time": T0 + 101, "type": "heartbeat"})
    assert store.runs.get("r1")["heartbeat_at"] == from_unix(T0 + 101)


@pytest.mark.parametrize("final", ["succeeded", "failed", "cancelled"])
def test_status_events_start_and_finish_a_run(store, final):
    store.runs.create("r1", "sft", "", {}, "/r1")
    _apply(store, "r1", {"seq": 1, "time": T0, "type": "status", "status": "running"})
    run = store.runs.get("r1")
    assert (run["status"], run["started_at"], run["heartbeat_at"]) == ("running", from_unix(T0), from_unix(T0))
    assert store.runs.active()[0]["id"] == "r1"
    error = "it broke" if final == "failed" else None
    _apply(store, "r1", {"seq": 2, "time": T0 + 30, "type": "status", "status": final, "error": error})
    run = store.runs.get("r1")
    assert (run["status"], run["finished_at"], run["error"]) == (final, from_unix(T0 + 30), error)
    assert run["started_at"] == from_unix(T0)
    assert store.runs.active() == []


def test_a_final_status_without_an_error_keeps_the_one_recorded(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    _apply(
        store,
        "r1",
        {"seq": 1, "time": T0, "type": "status", "status": "failed", "error": "first cause"},
        {"seq": 2, "time": T0 + 1, "type": "status", "status": "failed"},
    )
    assert store.runs.get("r1")["error"] == "first cause"


def test_unknown_event_types_and_statuses_change_nothing(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    before = store.runs.get("r1")
    _apply(
        store,
        "r1",
        {"seq": 1, "time": T0, "type": "artifact", "path": "x"},
        {"seq": 2, "time": T0, "type": "status", "status": "exploded"},
    )
    assert store.runs.get("r1") == before
    assert store.runs.metrics("r1") == [] and store.runs.logs("r1") == []


def test_events_of_one_run_do_not_touch_another(store):
    store.runs.create("a", "sft", "", {}, "/a")
    store.runs.create("b", "sft", "", {}, "/b")
    _apply(
        store,
        "a",
        {"seq": 1, "time": T0, "type": "metric", "step": 1, "values": {"loss": 1.0}},
        {"seq": 2, "time": T0, "type": "status", "status": "running"},
    )
    assert store.runs.metrics("b") == [] and store.runs.get("b")["status"] == "queued"


def test_ingest_state_starts_fresh_then_round_trips(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    with store.db.transaction() as cur:
        assert store.runs.ingest_state(cur, "r1") == IngestState()
    state = IngestState(
        file_id="64769:1234",
        head_digest="h",
        tail_start=100,
        tail_digest="t",
        seq_base=10,
        max_seq=42,
        bad_lines=2,
        duplicates=3,
        resets=1,
    )
    state.add_note("file replaced")
    with store.db.transaction() as cur:
        store.runs.save_ingest_state(cur, "r1", state)
    with store.db.transaction() as cur:
        assert store.runs.ingest_state(cur, "r1") == state
        state.bad_lines = 5
        store.runs.save_ingest_state(cur, "r1", state)  # saved again: replaced, not doubled
    report = store.runs.ingest_report("r1")
    assert (report["bad_lines"], report["duplicates"], report["resets"]) == (5, 3, 1)
    assert len(report["notes"]) == 1 and report["notes"][0].endswith("UTC  file replaced")
    assert store.db.query("SELECT count(*) FROM run_ingest")[0][0] == 1


def test_ingest_state_of_a_run_ingested_before_it_was_kept_starts_after_its_rows(store):
    store.runs.create("r1", "sft", "", {}, "/r1")
    _apply(
        store,
        "r1",
        {"seq": 7, "time": T0, "type": "metric", "step": 1, "values": {"loss": 1.0}},
        {"seq": 12, "time": T0, "type": "log", "message": "x"},
    )
    with store.db.transaction() as cur:
        assert store.runs.ingest_state(cur, "r1") == IngestState(max_seq=12)


def test_ingest_notes_keep_only_the_newest(store):
    state = IngestState()
    for i in range(MAX_NOTES + 5):
        state.add_note(f"finding {i}")
    lines = state.notes.splitlines()
    assert len(lines) == MAX_NOTES
    assert lines[0].endswith("finding 5") and lines[-1].endswith(f"finding {MAX_NOTES + 4}")


def test_event_digests_are_remembered_per_run(store):
    with store.db.transaction() as cur:
        assert store.runs.known_digests(cur, "r1", []) == set()
        assert store.runs.known_digests(cur, "r1", ["d1", "d2"]) == set()
        store.runs.add_digests(cur, "r1", ["d1", "d2"])
        store.runs.add_digests(cur, "r1", ["d2", "d3"])  # a known one again: ignored
        store.runs.add_digests(cur, "r1", [])
        assert store.runs.known_digests(cur, "r1", ["d0", "d1", "d3"]) == {"d1", "d3"}
        assert store.runs.known_digests(cur, "r2", ["d1"]) == set()
    assert store.db.query("SELECT count(*) FROM run_event_digests")[0][0] == 3


def test_events_offset_starts_at_zero_and_is_kept(store):
    store.runs.create("r-offset", "bootstrap", "t", {}, "/runs/r-offset")
    with store.db.transaction() as cur:
        assert store.runs.events_offset(cur, "r-offset") == 0
        store.runs.set_events_offset(cur, "r-offset", 4096)
    with store.db.transaction() as cur:
        assert store.runs.events_offset(cur, "r-offset") == 4096


def test_steps_a_resumed_run_logs_again_count_once_with_their_newest_value(store):
    # resumed from its step-8 checkpoint after a crash at step 10: steps 9-10 were drawn twice, the lines zig-zagging
    store.runs.create("r1", "ppo", "", {}, "/r1")
    first = [{"seq": i, "time": T0 + i, "type": "metric", "step": i, "values": {"reward": float(i)}}
             for i in range(1, 11)]
    again = [{"seq": 10 + i, "time": T0 + 20 + i, "type": "metric", "step": step, "values": {"reward": step + 0.5}}
             for i, step in enumerate(range(9, 13), 1)]
    _apply(store, "r1", *first, *again)
    rows = [(r["step"], r["value"]) for r in store.runs.metrics("r1")]
    assert rows == [(i, float(i)) for i in range(1, 9)] + [(9, 9.5), (10, 10.5), (11, 11.5), (12, 12.5)]
    assert [r["step"] for r in store.runs.metrics("r1", max_points=1000)] == list(range(1, 13))
    assert [(r["step"], r["value"]) for r in store.runs.metrics("r1", last=2)] == [(11, 11.5), (12, 12.5)]


def test_metrics_thinned_per_key_keep_the_first_and_last_and_the_tail_reads_the_last(store, tmp_path):
    from engine.jobs.events import EventWriter
    from engine.jobs.ingest import ingest_run

    run_dir = tmp_path / "r1"
    run_dir.mkdir()
    store.runs.create("r1", "ppo", "t", {}, str(run_dir))
    w = EventWriter(run_dir)
    for step in range(1, 2501):
        w.emit("metric", step=step, values={"kl": step / 10, **({"heldout_chrf": step} if step % 500 == 0 else {})})
    w.close()
    ingest_run(store, "r1")
    thinned = store.runs.metrics("r1", max_points=100)
    kl = [r["step"] for r in thinned if r["key"] == "kl"]
    assert kl[0] == 1 and kl[-1] == 2500 and 100 <= len(kl) <= 101 and kl == sorted(kl)
    assert [r["step"] for r in thinned if r["key"] == "heldout_chrf"] == [500, 1000, 1500, 2000, 2500]
    tail = store.runs.metrics("r1", ("kl",), last=3)
    assert [(r["step"], r["value"]) for r in tail] == [(2498, 249.8), (2499, 249.9), (2500, 250.0)]
    assert len(store.runs.metrics("r1")) == 2505
