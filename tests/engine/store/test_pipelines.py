"""The pipeline repository: pipelines with ordered steps, step and pipeline statuses."""

from __future__ import annotations

import duckdb
import pytest

STEPS = [
    {"name": "generate", "kind": "generate", "config": {"corpus_ids": [1], "n": 4, "note": "عربي"}},
    {"name": "score", "kind": "score", "config": {"generate_run": "${generate.run_id}"}, "depends_on": ["generate"]},
    {"name": "reward", "kind": "reward", "config": {}, "depends_on": ("generate", "score")},
]


def test_create_then_get_round_trips_the_steps_in_order(store):
    pipeline_id = store.pipelines.create("phase 2", "phase2", STEPS)
    pipeline = store.pipelines.get(pipeline_id)
    assert (pipeline["id"], pipeline["name"], pipeline["template"], pipeline["status"]) == (
        pipeline_id,
        "phase 2",
        "phase2",
        "running",
    )
    assert pipeline["finished_at"] is None and pipeline["error"] is None
    steps = pipeline["steps"]
    assert [(s["position"], s["name"], s["kind"], s["status"], s["run_id"]) for s in steps] == [
        (0, "generate", "generate", "pending", None),
        (1, "score", "score", "pending", None),
        (2, "reward", "reward", "pending", None),
    ]
    assert steps[0]["config"] == {"corpus_ids": [1], "n": 4, "note": "عربي"}
    assert [s["depends_on"] for s in steps] == [[], ["generate"], ["generate", "score"]]
    assert store.pipelines.steps(pipeline_id) == steps


def test_unknown_pipeline_is_none_with_no_steps(store):
    assert store.pipelines.get(999) is None
    assert store.pipelines.steps(999) == []


def test_a_pipeline_without_steps_is_refused_and_leaves_no_row(store):
    # the runner refuses it first ("a pipeline needs at least one step"); the store must not keep half of it
    with pytest.raises(duckdb.Error):
        store.pipelines.create("empty", "custom", [])
    assert store.pipelines.list() == []


def test_a_step_without_a_name_stores_nothing(store):
    with pytest.raises(KeyError):
        store.pipelines.create("broken", "custom", [STEPS[0], {"kind": "score", "config": {}}])
    assert store.pipelines.list() == []
    assert store.db.query("SELECT count(*) FROM pipeline_steps")[0][0] == 0


def test_list_is_newest_first_with_steps_and_filters_by_status(store):
    ids = [store.pipelines.create(f"p{i}", "custom", STEPS[: i + 1]) for i in range(3)]
    store.pipelines.set_status(ids[1], "failed", "score failed")
    assert [p["id"] for p in store.pipelines.list()] == ids[::-1]
    assert [len(p["steps"]) for p in store.pipelines.list()] == [3, 2, 1]
    assert [p["id"] for p in store.pipelines.list(statuses=("running",))] == [ids[2], ids[0]]
    assert [p["id"] for p in store.pipelines.list(statuses=("failed", "cancelled"))] == [ids[1]]
    assert [p["id"] for p in store.pipelines.list(limit=1)] == [ids[2]]
    assert store.pipelines.list(statuses=("succeeded",)) == []


def test_set_step_keeps_the_run_unless_given_and_clears_the_error_unless_given(store):
    pipeline_id = store.pipelines.create("p", "custom", STEPS)
    store.pipelines.set_step(pipeline_id, 1, status="running", run_id="run-a")
    store.pipelines.set_step(pipeline_id, 1, status="failed", error="CUDA out of memory")
    step = store.pipelines.steps(pipeline_id)[1]
    assert (step["status"], step["run_id"], step["error"]) == ("failed", "run-a", "CUDA out of memory")
    store.pipelines.set_step(pipeline_id, 1, status="running", run_id="run-b")  # a retry
    step = store.pipelines.steps(pipeline_id)[1]
    assert (step["status"], step["run_id"], step["error"]) == ("running", "run-b", None)
    others = [s for s in store.pipelines.steps(pipeline_id) if s["position"] != 1]
    assert [(s["status"], s["run_id"]) for s in others] == [("pending", None), ("pending", None)]


def test_a_step_status_outside_the_table_is_refused(store):
    pipeline_id = store.pipelines.create("p", "custom", STEPS)
    with pytest.raises(duckdb.ConstraintException):
        store.pipelines.set_step(pipeline_id, 0, status="paused")
    assert store.pipelines.steps(pipeline_id)[0]["status"] == "pending"


def test_a_final_status_gets_a_finish_time_and_running_clears_it(store):
    pipeline_id = store.pipelines.create("p", "custom", STEPS)
    store.pipelines.set_status(pipeline_id, "failed", "step score failed")
    pipeline = store.pipelines.get(pipeline_id)
    assert (pipeline["status"], pipeline["error"]) == ("failed", "step score failed")
    assert pipeline["finished_at"] >= pipeline["created_at"]
    store.pipelines.set_status(pipeline_id, "running")
    pipeline = store.pipelines.get(pipeline_id)
    assert (pipeline["status"], pipeline["error"], pipeline["finished_at"]) == ("running", None, None)
    store.pipelines.set_status(pipeline_id, "succeeded")
    assert store.pipelines.get(pipeline_id)["finished_at"] is not None
