"""Ingestion of events into the store: offsets, partial lines, duplicates, restarts mid-file."""

from __future__ import annotations

import json

from engine.jobs.events import EventWriter
from engine.jobs.ingest import ingest_run
from tests.conftest import new_run


def _new_run(store, workspace, run_id="r1"):
    return new_run(store, workspace, run_id)


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


# --- a truncated, replaced or damaged events.jsonl ----------------------------------------------------------------
def _first_life(run_dir, steps=range(1, 6)):
    """A job that started, logged and wrote metrics (ingested before anything happens to the file)."""
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    for step in steps:
        w.emit("metric", step=step, values={"loss": 1.0 / step})
        w.emit("log", level="info", message=f"step {step}")
    w.close()


def _second_life(run_dir, steps=range(6, 11), final="succeeded"):
    """What a writer appends to the file as it now is (a fresh file restarts seq at 1): 11 events with the final
    status."""
    w = EventWriter(run_dir)
    for step in steps:
        w.emit("metric", step=step, values={"loss": 1.0 / step})
        w.emit("log", level="info", message=f"step {step}")
    w.emit("status", status=final)
    w.close()


def _lost(store, run_id, steps=range(1, 11)) -> int:
    """Events of the two lives missing from the store: metrics and log lines by step, and the final status."""
    metric_steps = {m["step"] for m in store.runs.metrics(run_id)}
    log_lines = {r["message"] for r in store.runs.logs(run_id, tail=1000)}
    lost = sum(1 for s in steps if s not in metric_steps) + sum(1 for s in steps if f"step {s}" not in log_lines)
    return lost + (store.runs.get(run_id)["status"] != "succeeded")


def test_truncated_file_is_read_again_and_nothing_is_lost(store, workspace):
    run_dir = _new_run(store, workspace)
    _first_life(run_dir)
    ingest_run(store, "r1")
    (run_dir / "events.jsonl").write_bytes(b"")  # truncated in place (same inode), e.g. by a log rotation
    _second_life(run_dir, steps=range(6, 8))  # shorter than what was read: size < offset
    ingest_run(store, "r1")
    assert _lost(store, "r1", steps=range(1, 8)) == 0
    assert len(store.runs.metrics("r1")) == 7 and len(store.runs.logs("r1", tail=100)) == 7
    report = store.runs.ingest_report("r1")
    assert report["resets"] == 1 and "truncated" in report["notes"][-1]


def test_truncated_and_rewritten_past_the_offset_is_noticed_by_its_first_line(store, workspace):
    """The issue's case: the rewritten file restarts seq at 1 and grows past the saved offset; 11 later events
    (the final status included) were lost."""
    run_dir = _new_run(store, workspace)
    _first_life(run_dir, steps=range(1, 3))
    ingest_run(store, "r1")
    inode = (run_dir / "events.jsonl").stat().st_ino
    (run_dir / "events.jsonl").write_bytes(b"")
    _second_life(run_dir, steps=range(6, 11))
    assert (run_dir / "events.jsonl").stat().st_ino == inode
    ingest_run(store, "r1")
    ingest_run(store, "r1")  # and nothing more on the next poll
    assert _lost(store, "r1", steps=[1, 2, 6, 7, 8, 9, 10]) == 0
    assert len(store.runs.metrics("r1")) == 7
    report = store.runs.ingest_report("r1")
    assert report["resets"] == 1 and "another first line" in report["notes"][-1]


def test_replaced_file_is_noticed_by_its_inode(store, workspace):
    run_dir = _new_run(store, workspace)
    _first_life(run_dir)
    ingest_run(store, "r1")
    path = run_dir / "events.jsonl"
    kept = path.read_bytes()
    replacement = run_dir / "events.new"
    replacement.write_bytes(kept)  # the same first lines, in a new file that then goes on
    replacement.replace(path)
    _second_life(run_dir)
    assert ingest_run(store, "r1") == 11  # only the new events; the copied ones are recognised by content
    assert _lost(store, "r1") == 0
    assert len(store.runs.metrics("r1")) == 10 and len(store.runs.logs("r1", tail=100)) == 10
    report = store.runs.ingest_report("r1")
    assert report["resets"] == 1 and report["duplicates"] == 11 and "replaced" in report["notes"][-1]


def test_cut_in_the_middle_and_regrown_is_noticed_by_the_last_line_read(store, workspace):
    run_dir = _new_run(store, workspace)
    _first_life(run_dir)
    ingest_run(store, "r1")
    path = run_dir / "events.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    with path.open("r+b") as fh:  # same inode, same first line, then the file goes on from its 4th line
        fh.truncate(sum(len(line) for line in lines[:3]))
    _second_life(run_dir, steps=range(6, 11))
    assert path.stat().st_size > sum(len(line) for line in lines)
    ingest_run(store, "r1")
    assert _lost(store, "r1") == 0
    assert store.runs.ingest_report("r1")["resets"] == 1


def test_removed_file_and_a_new_one(store, workspace):
    run_dir = _new_run(store, workspace)
    _first_life(run_dir)
    ingest_run(store, "r1")
    (run_dir / "events.jsonl").unlink()
    assert ingest_run(store, "r1") == 0
    assert ingest_run(store, "r1") == 0
    _second_life(run_dir)
    ingest_run(store, "r1")
    assert _lost(store, "r1") == 0
    report = store.runs.ingest_report("r1")
    assert report["resets"] == 1 and "removed" in report["notes"][0]


def test_corrupt_lines_are_counted_once_and_reported(store, workspace):
    run_dir = _new_run(store, workspace)
    w = EventWriter(run_dir)
    w.emit("metric", step=1, values={"loss": 1.0})
    w.close()
    path = run_dir / "events.jsonl"
    with path.open("a") as fh:
        fh.write('{"seq": 2, "time": 1, "type": "log", "mess\n')  # torn
        fh.write("not json at all\n")
    w = EventWriter(run_dir)
    w.emit("metric", step=2, values={"loss": 0.5})
    w.close()
    ingest_run(store, "r1")
    assert len(store.runs.metrics("r1")) == 2
    report = store.runs.ingest_report("r1")
    assert report["bad_lines"] == 2 and "skipped 2 corrupt lines" in report["notes"][0]
    # read again from the start (a replaced file): the same corrupt lines are not counted twice
    copy = run_dir / "copy"
    copy.write_bytes(path.read_bytes())
    copy.replace(path)
    ingest_run(store, "r1")
    report = store.runs.ingest_report("r1")
    assert report["bad_lines"] == 2 and report["resets"] == 1
    assert len(store.runs.metrics("r1")) == 2


def test_jobs_show_prints_the_ingest_report(store, workspace, capsys):
    from engine.__main__ import main

    run_dir = _new_run(store, workspace)
    _first_life(run_dir)
    with (run_dir / "events.jsonl").open("a") as fh:
        fh.write("garbage\n")
    ingest_run(store, "r1")
    store.close()  # the CLI opens the database itself
    assert main(["jobs", "show", "r1"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["events_ingest"]["bad_lines"] == 1
    assert "corrupt line" in shown["events_ingest"]["notes"][0]


def test_a_run_ingested_before_the_ingest_state_keeps_its_rows_after_a_reset(store, workspace):
    run_dir = _new_run(store, workspace)
    _first_life(run_dir)
    ingest_run(store, "r1")
    with store.db.transaction() as cur:  # as a workspace migrated from schema 8 has it: no ingest state yet
        cur.execute("DELETE FROM run_ingest")
        cur.execute("DELETE FROM run_event_digests")
    (run_dir / "events.jsonl").write_bytes(b"")
    _second_life(run_dir, steps=range(6, 8))
    ingest_run(store, "r1")
    assert _lost(store, "r1", steps=range(1, 8)) == 0


def test_a_model_of_another_run_is_never_replaced(store, workspace):
    # two runs queued with one model name both passed the check at their start: the later one must not overwrite
    # the earlier one's record (it may be the production model by then)
    store.models.register("prod-v1", "policy", "/models/prod-v1", stage="production", run_id="r0")
    run_dir = _new_run(store, workspace)
    w = EventWriter(run_dir)
    w.emit("artifact", kind="model", name="prod-v1", model_kind="policy", path="/runs/r1/model", stage="candidate")
    w.close()
    ingest_run(store, "r1")
    kept = store.models.get("prod-v1")
    assert (kept["stage"], kept["path"], kept["run_id"]) == ("production", "/models/prod-v1", "r0")
    new = store.models.get("prod-v1-2")
    assert (new["stage"], new["path"], new["run_id"]) == ("candidate", "/runs/r1/model", "r1")
    assert new["metadata"]["requested_name"] == "prod-v1"
    # the same run registering its model again (its artifact event handled again) keeps the name it got
    from engine.jobs.ingest import ARTIFACT_HANDLERS

    with store.db.transaction() as cur:
        ARTIFACT_HANDLERS["model"](store, cur, "r1", {"name": "prod-v1-2", "path": "/runs/r1/model"})
    assert store.models.get("prod-v1-3") is None and store.models.get("prod-v1-2")["run_id"] == "r1"


def test_a_runs_model_registered_again_keeps_the_stage_the_registry_gave_it(store, workspace):
    # its artifact event handled again (a resumed run) set the stage back to the run's: a promoted model was
    # demoted and there was no production model; an archived one came back
    from engine.jobs.ingest import ARTIFACT_HANDLERS
    from engine.models.registry import archive, production, promote

    event = {"name": "final", "model_kind": "policy", "path": "/runs/r1/model", "stage": "final",
             "metadata": {"valid_chrf": 50.0}}
    with store.db.transaction() as cur:
        ARTIFACT_HANDLERS["model"](store, cur, "r1", event)
    promote(store, "final", confirm_name="final")
    with store.db.transaction() as cur:
        ARTIFACT_HANDLERS["model"](store, cur, "r1", {**event, "metadata": {"valid_chrf": 51.0}})
    assert production(store) == "final" and store.models.get("final")["metadata"]["valid_chrf"] == 51.0
    store.models.register("other", "policy", "/m/other", stage="cold-start")
    promote(store, "other", confirm_name="other")
    archive(store, "final")
    with store.db.transaction() as cur:
        ARTIFACT_HANDLERS["model"](store, cur, "r1", event)
    row = store.models.get("final")
    assert row["stage"] == "archived" and store.models.loop_stage(row) == "final"

WRONG_SHAPES = [
    {"seq": 5, "time": 1.0, "type": "metric", "step": 5, "values": [1, 2]},
    {"seq": 1e400, "time": 1.0, "type": "log", "message": "x"},
    {"seq": 10**23, "time": 1.0, "type": "log", "message": "x"},
    {"seq": 6, "time": 1e300, "type": "log", "message": "x"},
    {"seq": 7, "time": "abc", "type": "log", "message": "x"},
    {"seq": 8, "time": 1.0, "type": "metric", "step": "x", "values": {"loss": 1.0}},
    {"seq": 9, "time": 1.0, "type": "metric", "step": 1, "values": {"loss": "x"}},
    {"seq": 10, "time": 1.0, "type": "progress", "done": "x", "total": 10},
    {"seq": 11, "time": 1.0, "type": "status", "status": "failed", "error": {"why": "a dict"}},
    {"seq": 12, "time": 1.0, "type": "status"},
    {"seq": True, "time": 1.0, "type": "log", "message": "x"},
    [1, 2, 3],
]


def test_a_line_of_valid_json_and_another_shape_is_skipped_and_counted_like_a_corrupt_one(store, workspace,
                                                                                        capsys):
    # a metric's values as a list raised in the studio's poll (no page opened) and in every `jobs` command
    from engine.__main__ import main
    from engine.jobs.events import read_events

    run_dir = _new_run(store, workspace)
    w = EventWriter(run_dir)
    w.emit("metric", step=1, values={"loss": 1.0, "nan_is_a_value": float("nan")})
    w.close()
    with (run_dir / "events.jsonl").open("a") as fh:
        fh.writelines(json.dumps(line).replace("Infinity", "1e400") + "\n" for line in WRONG_SHAPES)
    w = EventWriter(run_dir)  # numbers on from the last well-formed line
    w.emit("status", status="succeeded")
    w.close()
    batch = read_events(run_dir)
    assert batch.bad_lines == len(WRONG_SHAPES) and [e["seq"] for e in batch.events] == [1, 2]
    assert ingest_run(store, "r1") == 2
    assert store.runs.get("r1")["status"] == "succeeded"
    assert store.runs.ingest_report("r1")["bad_lines"] == len(WRONG_SHAPES)
    store.close()
    assert main(["jobs", "list"]) == 0 and "r1" in capsys.readouterr().out


def test_an_artifact_that_cannot_be_loaded_fails_its_run_not_every_poll(store, workspace):
    run_dir = _new_run(store, workspace)
    other = _new_run(store, workspace, "r2")
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    w.emit("artifact", kind="candidates")  # no path
    w.emit("status", status="succeeded")
    w.close()

    w = EventWriter(other)
    w.emit("artifact", kind="candidates", path=str(other / "outputs" / "missing"))  # a file that is not there
    w.close()
    assert ingest_run(store, "r1") == 1 and ingest_run(store, "r2") == 0  # r1's "running" before it is kept
    run = store.runs.get("r1")
    assert run["status"] == "failed" and "its candidates output could not be loaded" in run["error"]
    assert "missing 'path'" in run["error"]
    assert store.runs.get("r2")["status"] == "failed" and "IOException" in store.runs.get("r2")["error"]
    assert ingest_run(store, "r1") == 0  # asked again (a cancel, `jobs show`): the same answer, no exception
    assert store.runs.get("r1")["status"] == "failed"
    assert [m["message"] for m in store.runs.logs("r1")] == []  # nothing half-applied
    # the old process goes on and ends "succeeded" after the failure: not read (it ended the failed run)
    w = EventWriter(run_dir)
    w.emit("log", message="old process, later")
    w.emit("status", status="succeeded")
    w.close()
    assert ingest_run(store, "r1") == 0 and store.runs.get("r1")["status"] == "failed"
    # resumed: the new process's events are read, not the old artifact again nor the old "succeeded"
    store.runs.set_launched("r1", 1)
    assert ingest_run(store, "r1") == 0 and store.runs.get("r1")["status"] == "queued"
    w = EventWriter(run_dir)
    w.emit("status", status="running")
    w.emit("log", message="resumed")
    w.close()
    assert ingest_run(store, "r1") == 2
    assert store.runs.get("r1")["status"] == "running" and [m["message"] for m in store.runs.logs("r1")] == ["resumed"]
    assert "its process's 1 later event(s) and any it writes until the run is launched again are not read" in \
        store.runs.ingest_report("r1")["notes"][-1]
