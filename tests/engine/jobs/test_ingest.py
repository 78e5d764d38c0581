"""Ingestion of events into the store: offsets, partial lines, duplicates, restarts mid-file."""

from __future__ import annotations

import json

from engine.jobs.events import EventWriter
from engine.jobs.ingest import ingest_run


def _new_run(store, workspace, run_id="r1"):
    run_dir = workspace.run_dir(run_id)
    run_dir.mkdir(parents=True)
    store.runs.create(run_id, "bootstrap", "t", {}, str(run_dir))
    return run_dir


def test_metrics_logs_progress_and_status_are_ingested(store, workspace):
    run_dir = _new_run(store, workspace)
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    w.emit("progress", done=5, total=10, unit="steps", eta_s=3.0, message="training")
    w.emit("metric", step=5, values={"loss": 1.5, "lr": 0.001})
    w.emit("log", level="info", message="hello")
    w.emit("heartbeat")
    w.emit("status", status="succeeded")
    w.close()
    assert ingest_run(store, "r1") == 6
    run = store.runs.get("r1")
    assert run["status"] == "succeeded" and run["started_at"] and run["finished_at"] and run["heartbeat_at"]
    assert (run["progress_done"], run["progress_total"], run["eta_seconds"]) == (5, 10, 3.0)
    assert {(m["key"], m["value"]) for m in store.runs.metrics("r1")} == {("loss", 1.5), ("lr", 0.001)}
    assert [row["message"] for row in store.runs.logs("r1")] == ["hello"]


def test_partial_line_then_completion_and_repeat_calls(store, workspace):
    run_dir = _new_run(store, workspace)
    path = run_dir / "events.jsonl"
    line1 = json.dumps({"seq": 1, "time": 1.0, "type": "metric", "step": 1, "values": {"loss": 3.0}})
    line2 = json.dumps({"seq": 2, "time": 2.0, "type": "metric", "step": 2, "values": {"loss": 2.0}})
    path.write_text(line1 + "\n" + line2[:10])
    assert ingest_run(store, "r1") == 1
    assert ingest_run(store, "r1") == 0  # nothing new, offset unchanged
    with path.open("a") as fh:
        fh.write(line2[10:] + "\n")
    assert ingest_run(store, "r1") == 1
    assert [m["value"] for m in store.runs.metrics("r1")] == [3.0, 2.0]


def test_duplicate_events_and_restart_mid_file_are_idempotent(store, workspace):
    run_dir = _new_run(store, workspace)
    w = EventWriter(run_dir)
    for step in range(1, 6):
        w.emit("metric", step=step, values={"loss": float(step)})
        w.emit("log", message=f"step {step}")
    w.close()
    ingest_run(store, "r1")
    # A studio restart that lost its saved offset (or a crash before it was saved) re-reads the file.
    with store.db.transaction() as cur:
        cur.execute("UPDATE runs SET events_offset = 0 WHERE id = 'r1'")
    ingest_run(store, "r1")
    # The same line written twice (a retried write) is also folded once.
    lines = (run_dir / "events.jsonl").read_text().splitlines()
    with (run_dir / "events.jsonl").open("a") as fh:
        fh.write(lines[0] + "\n")
    ingest_run(store, "r1")
    assert len(store.runs.metrics("r1")) == 5
    assert len(store.runs.logs("r1")) == 5


def test_artifact_registers_a_model(store, workspace):
    run_dir = _new_run(store, workspace)
    w = EventWriter(run_dir)
    w.emit("artifact", kind="model", name="demo-sft", model_kind="policy", path="/m", stage="sft",
           metadata={"valid_chrf": 12.5})
    w.close()
    ingest_run(store, "r1")
    model = store.models.get("demo-sft")
    assert model["stage"] == "sft" and model["run_id"] == "r1" and model["metadata"]["valid_chrf"] == 12.5
    assert store.models.sft_model()["name"] == "demo-sft"
