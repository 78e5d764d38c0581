"""Pipelines: definitions are checked, steps start in order with references resolved, a failed middle step
resumes from its checkpoint, and Phase 2 / Phase 3 run end to end on tiny models (real jobs in subprocesses)."""

from __future__ import annotations

import shutil
import time

import pytest

from engine.pipelines.runner import PipelineError, PipelineRunner, check_steps, references
from engine.pipelines.templates import Phase2Config, Phase3Config, phase3_steps, start_template
from tests.conftest import seed_feedback

TINY_PPO = {"batch_size": 4, "mini_batch_size": 2, "ppo_epochs": 1, "response_length": 8, "heldout_size": 4,
            "eval_every": 2, "save_every": 2, "learning_rate": 1e-3}


def _step(name, kind="feedback_pairs", config=None, depends_on=()):
    return {"name": name, "kind": kind, "config": config or {}, "depends_on": list(depends_on)}


def test_references_are_found_in_nested_values():
    assert references({"a": "$run:x", "b": ["$model:y", "plain"], "c": {"d": "$run:z"}, "e": 3}) == {"x", "y", "z"}


@pytest.mark.parametrize(("steps", "message"), [
    ([], "at least one step"),
    ([_step("a"), _step("a")], "two steps are named"),
    ([_step("a", kind="nope")], "unknown job kind"),
    ([_step("a", config={"pair_sets": ["$run:b"]}), _step("b")], "depends on b"),
    ([_step("a", depends_on=["ghost"])], "depends on ghost"),
])
def test_bad_definitions_are_refused(steps, message):
    with pytest.raises(PipelineError, match=message):
        check_steps(steps)


def _wait(store, runner, pipeline_id, statuses=("succeeded", "failed", "cancelled"), timeout_s=600):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        runner.supervisor.poll()
        runner.advance()
        pipeline = store.pipelines.get(pipeline_id)
        if pipeline["status"] in statuses:
            return pipeline
        time.sleep(0.3)
    raise TimeoutError(store.pipelines.get(pipeline_id))


def _cold_start(store, tiny_policy_dir, name="cold"):
    """The tiny policy registered as a cold-start model trained against tiny-rm (as Phase 2 would leave it)."""
    store.models.register(name, "policy", str(tiny_policy_dir), stage="cold-start", parent="tiny-sft",
                          metadata={"prompt_format": "tags", "reward_model": "tiny-rm"})


@pytest.mark.slow
def test_phase3_with_a_failing_middle_step_resumes_from_it(supervisor, store, workspace, tiny_policy,
                                                            tiny_policy_dir, tiny_rm, pair_set, demo_corpus):
    _cold_start(store, tiny_policy_dir)
    seed_feedback(store, 12)
    runner = PipelineRunner(store, supervisor)
    config = Phase3Config(replay_pair_sets=[pair_set], corpus_ids=[demo_corpus], rm_epochs=1, ppo_steps=2,
                          model_name="final-1", reward_settings={"batch_size": 8}, ppo_settings=TINY_PPO)
    steps = phase3_steps(config, store)
    assert [s["kind"] for s in steps] == ["feedback_pairs", "reward_finetune", "ppo"]
    assert steps[1]["config"]["base_model"] == "tiny-rm" and steps[2]["config"]["policy"] == "cold"
    # the reward model's files go missing while the pipeline runs: its fine-tune step fails
    rm_path = store.models.get("tiny-rm")["path"]
    hidden = rm_path + ".away"
    shutil.move(rm_path, hidden)
    pipeline_id = runner.start("phase 3 test", "phase3", steps)
    pipeline = _wait(store, runner, pipeline_id)
    assert pipeline["status"] == "failed" and "step reward failed" in pipeline["error"]
    assert [s["status"] for s in pipeline["steps"]] == ["succeeded", "failed", "pending"]
    failed_run = pipeline["steps"][1]["run_id"]
    # with the run's own reason (it said only "step reward failed")
    assert pipeline["error"] == f"step reward failed: {store.runs.get(failed_run)['error']}"
    pairs_run = pipeline["steps"][0]["run_id"]

    shutil.move(hidden, rm_path)  # fixed: resume carries on from the failed step
    runner.resume(pipeline_id)
    pipeline = _wait(store, runner, pipeline_id)
    assert pipeline["status"] == "succeeded", (pipeline, store.runs.logs(pipeline["steps"][-1]["run_id"] or "", 20))
    assert [s["status"] for s in pipeline["steps"]] == ["succeeded"] * 3
    assert pipeline["steps"][0]["run_id"] == pairs_run  # the finished step was not run again
    assert pipeline["steps"][1]["run_id"] == failed_run  # the failed step's own run was resumed
    assert len(store.runs.list(kinds=("feedback_pairs",))) == 1
    rm = store.models.by_run(failed_run)[0]
    assert rm["kind"] == "reward" and rm["parent"] == "tiny-rm"
    final = store.models.get("final-1")
    assert final["stage"] == "final" and final["metadata"]["reward_model"] == rm["name"]
    assert final["parent"] == "cold"


@pytest.mark.slow
def test_a_step_that_cannot_start_fails_the_pipeline_and_is_created_on_resume(supervisor, store, tiny_policy,
                                                                              tiny_policy_dir, tiny_rm,
                                                                              demo_corpus):
    _cold_start(store, tiny_policy_dir)
    runner = PipelineRunner(store, supervisor)
    pipeline_id = start_template(runner, store, "phase3", Phase3Config(corpus_ids=[demo_corpus]))
    pipeline = store.pipelines.get(pipeline_id)
    assert pipeline["status"] == "failed" and "no judgements match" in pipeline["error"]
    assert pipeline["steps"][0]["run_id"] is None and "could not start" in pipeline["steps"][0]["error"]
    seed_feedback(store, 4)
    runner.resume(pipeline_id)
    pipeline = store.pipelines.get(pipeline_id)
    assert pipeline["status"] == "running" and pipeline["steps"][0]["status"] == "running"
    runner.cancel(pipeline_id)
    pipeline = store.pipelines.get(pipeline_id)
    assert pipeline["status"] == "cancelled" and pipeline["steps"][0]["status"] == "cancelled"
    assert supervisor.wait(pipeline["steps"][0]["run_id"], timeout_s=120) in ("cancelled", "succeeded")
    runner.advance()
    assert store.pipelines.get(pipeline_id)["steps"][1]["status"] == "pending"  # nothing starts after a cancel


@pytest.mark.slow
def test_phase2_runs_from_the_sft_model_to_a_cold_start_model(supervisor, store, tiny_policy, demo_corpus):
    runner = PipelineRunner(store, supervisor)
    config = Phase2Config(corpus_ids=[demo_corpus], sample_size=24, min_margin=0.02, rm_epochs=1, ppo_steps=2,
                          generate_settings={"max_new_tokens": 8, "strategies": ["greedy", "temperature:1.0x2",
                                                                                 "top_k:20"]},
                          reward_settings={"batch_size": 8}, ppo_settings=TINY_PPO)
    pipeline_id = start_template(runner, store, "phase2", config)
    pipeline = _wait(store, runner, pipeline_id)
    logs = {s["name"]: store.runs.logs(s["run_id"], tail=10) for s in pipeline["steps"] if s["run_id"]}
    assert pipeline["status"] == "succeeded", (pipeline, logs)
    generate, score, reward, ppo = (s["run_id"] for s in pipeline["steps"])
    assert store.runs.get(score)["config"].count(generate) == 1  # the reference was resolved to the run id
    assert store.preferences.count_pairs(run_ids=[score]) > 0
    rm = store.models.by_run(reward)[0]
    assert rm["metadata"]["pair_sets"] == [score]
    cold = store.models.by_run(ppo)[0]
    assert cold["stage"] == "cold-start" and cold["metadata"]["reward_model"] == rm["name"]


def _stopped_one_step_pipeline(store, workspace, *, how: str) -> tuple[int, str]:
    """A one-step pipeline whose step's run was cancelled: on the Runs page (``how="run"``: the pipeline stopped
    after it) or by *Cancel pipeline* (``how="pipeline"``: the run still stopping)."""
    from tests.conftest import new_run

    pipeline_id = store.pipelines.create("p", "custom", [_step("only")])
    new_run(store, workspace, "r1", kind="feedback_pairs")
    store.runs.set_launched("r1", 4242)
    store.pipelines.set_step(pipeline_id, 0, status="cancelled", run_id="r1")
    if how == "run":
        with store.db.transaction() as cur:
            store.runs.mark_final(cur, "r1", "cancelled", None)
    time.sleep(0.01)
    store.pipelines.set_status(pipeline_id, "cancelled", "step only cancelled")
    return pipeline_id, "r1"


def test_a_step_resumed_on_the_runs_page_carries_its_pipeline_on(supervisor, store, workspace):
    # the step stayed "cancelled" and the pipeline "failed" while the resumed run went on and succeeded, and
    # Resume pipeline did nothing
    runner = PipelineRunner(store, supervisor)
    pipeline_id, run_id = _stopped_one_step_pipeline(store, workspace, how="run")
    runner.advance()
    assert store.pipelines.get(pipeline_id)["status"] == "cancelled"  # the run is still cancelled: nothing to follow
    time.sleep(0.01)
    store.runs.set_launched(run_id, 4243)  # Resume on the Runs page
    runner.advance()
    pipeline = store.pipelines.get(pipeline_id)
    assert pipeline["status"] == "running" and pipeline["steps"][0]["status"] == "running"
    with store.db.transaction() as cur:
        store.runs.mark_final(cur, run_id, "succeeded", None)
    runner.advance()
    assert store.pipelines.get(pipeline_id)["status"] == "succeeded"


def test_a_cancelled_pipeline_does_not_restart_while_its_run_is_still_stopping(supervisor, store, workspace):
    runner = PipelineRunner(store, supervisor)
    pipeline_id, run_id = _stopped_one_step_pipeline(store, workspace, how="pipeline")  # the run: still "queued"
    runner.advance()
    assert store.pipelines.get(pipeline_id)["status"] == "cancelled"
    # Resume pressed while it stops: it said running, then flipped back to cancelled a second later, lost
    import subprocess
    import sys

    stopping = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                                cwd=supervisor.workspace.run_dir(run_id))
    try:
        store.runs.set_launched(run_id, stopping.pid)
        store.runs.request_cancel(run_id)
        with pytest.raises(ValueError, match="step only is still stopping after the cancel"):
            runner.resume(pipeline_id)
        assert store.pipelines.get(pipeline_id)["status"] == "cancelled"
    finally:
        stopping.kill()
        stopping.wait()


def test_a_step_whose_model_name_was_taken_since_registers_under_a_free_one(supervisor, store, tiny_policy):
    # a model registered as "later" while the pipeline ran: its last step could not start, on every resume
    from engine.jobs.config import config_from_dict
    from engine.jobs.kinds import job_kind

    runner = PipelineRunner(store, supervisor)
    config = config_from_dict(job_kind("reward").config_cls,
                              {"base_model": tiny_policy, "pair_sets": ["p"], "model_name": "later"})
    assert runner._free_name(config).model_name == "later"
    store.models.register("later", "policy", store.models.get(tiny_policy)["path"])
    assert runner._free_name(config).model_name == "later-2"


def test_a_step_cancelled_by_the_user_stops_the_pipeline_as_cancelled(supervisor, store, workspace):
    from tests.conftest import new_run

    runner = PipelineRunner(store, supervisor)
    pipeline_id = store.pipelines.create("p", "custom", [_step("only")])
    new_run(store, workspace, "r1", kind="feedback_pairs")
    store.pipelines.set_step(pipeline_id, 0, status="running", run_id="r1")
    with store.db.transaction() as cur:
        store.runs.mark_final(cur, "r1", "cancelled", None)
    runner.advance()
    pipeline = store.pipelines.get(pipeline_id)
    assert pipeline["status"] == "cancelled" and pipeline["error"] == "step only cancelled"


def test_a_step_whose_run_succeeds_after_cancel_pipeline_says_succeeded(supervisor, store, workspace):
    # the cancel came while a training job registered its model: the run ended succeeded, and its step (marked
    # cancelled by Cancel pipeline at once) said cancelled for good
    runner = PipelineRunner(store, supervisor)
    pipeline_id, run_id = _stopped_one_step_pipeline(store, workspace, how="pipeline")
    runner.advance()
    assert store.pipelines.get(pipeline_id)["steps"][0]["status"] == "cancelled"  # still stopping
    with store.db.transaction() as cur:
        store.runs.mark_final(cur, run_id, "succeeded", None)
    runner.advance()
    pipeline = store.pipelines.get(pipeline_id)
    assert pipeline["steps"][0]["status"] == "succeeded" and pipeline["status"] == "succeeded"  # its last step
