"""The Runs page: the live monitor of one run, and what reading its event log ran into."""

from __future__ import annotations

from engine.jobs.events import EventWriter
from engine.jobs.ingest import ingest_run


def test_monitor_shows_corrupt_lines_and_a_truncated_event_log(open_page, store, workspace):
    run_dir = workspace.run_dir("r1")
    run_dir.mkdir(parents=True)
    store.runs.create("r1", "bootstrap", "Damaged log", {}, str(run_dir))
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    w.emit("metric", step=1, values={"loss": 1.0})
    w.close()
    with (run_dir / "events.jsonl").open("a") as fh:
        fh.write("{not json\n")
    ingest_run(store, "r1")
    (run_dir / "events.jsonl").write_bytes(b"")
    w = EventWriter(run_dir)
    w.emit("status", status="succeeded")
    w.close()
    ingest_run(store, "r1")

    at = open_page("runs")
    warning = " ".join(w.value for w in at.warning)
    assert "1 corrupt line skipped" in warning and "truncated or replaced 1×" in warning, warning
    notes = " ".join(c.value for c in at.code)
    assert "skipped 1 corrupt line" in notes and "truncated" in notes
