"""The retraining schedule: the due check on a fake clock, and a due retrain running Phase 3 from the production
model on tiny models (real jobs in subprocesses) into a new ``candidate`` whose parent is production."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest

from engine.models.registry import promote
from engine.pipelines.runner import PipelineRunner
from engine.promotion.schedule import (
    RetrainError,
    RetrainSchedule,
    retrain_due,
    retrain_if_due,
    retrain_schedule,
    set_retrain_schedule,
    start_retrain,
)
from tests.conftest import add_demo_corpus, seed_feedback

T0 = datetime(2026, 11, 1, 9, 0)
TINY_PPO = {
    "batch_size": 4,
    "mini_batch_size": 2,
    "ppo_epochs": 1,
    "response_length": 8,
    "heldout_size": 4,
    "eval_every": 2,
    "save_every": 2,
    "learning_rate": 1e-3,
}


def _production(store, path="/models/prod"):
    """A production model a retrain can be built from: its reward model registered, its RL prompts' corpus named."""
    if store.models.get("tiny-rm") is None:
        store.models.register("tiny-rm", "reward", "/models/tiny-rm", metadata={"prompt_format": "tags"})
    corpora = [1] if store.corpora.get(1) else [add_demo_corpus(store)]  # a retrain on a deleted one is refused
    store.models.register(
        "prod",
        "policy",
        str(path),
        stage="final",
        parent="tiny-sft",
        metadata={"prompt_format": "tags", "reward_model": "tiny-rm", "corpus_ids": corpora},
    )
    promote(store, "prod", confirm_name="prod")


def _judged_at(store, n_sources, when, made=None):
    """Judgements of ``n_sources`` demo sources per language, stored at ``when`` and made then too, or at ``made``
    (an import keeps when a judgement was made in the annotation tool); returns how many."""
    before = store.db.query("SELECT coalesce(max(id), 0) FROM judgements")[0][0]
    n = seed_feedback(store, n_sources)
    with store.db.transaction() as cur:
        cur.execute("UPDATE judgements SET created_at = ?, stored_at = ? WHERE id > ?", [made or when, when, before])
    return n


def test_judgements_made_before_a_retrain_but_imported_after_it_are_new(store):
    # an Argilla import keeps when a judgement was made: counted by that time, they never started a retrain
    _production(store)
    set_retrain_schedule(store, RetrainSchedule(every_judgements=10), by="lead", now=T0)
    n = _judged_at(store, 6, T0 + timedelta(hours=1), made=T0 - timedelta(days=1))
    check = retrain_due(store, T0 + timedelta(hours=2))
    assert n >= 10 and check.due and check.new_judgements == n


def test_nothing_is_due_without_a_schedule_or_a_production_model(store):
    assert retrain_due(store, T0).reason == "no retraining schedule is set"
    set_retrain_schedule(store, RetrainSchedule(every_judgements=1), now=T0)
    check = retrain_due(store, T0)
    assert not check.due and check.reason == "there is no production model to retrain"


def test_due_after_n_new_judgements(store):
    _production(store)
    first = _judged_at(store, 2, T0 - timedelta(days=1))  # before the schedule was set: not new
    set_retrain_schedule(store, RetrainSchedule(every_judgements=10), by="lead", now=T0)
    assert retrain_due(store, T0).new_judgements == 0 and first > 0
    n = _judged_at(store, 2, T0 + timedelta(hours=1))
    assert 0 < n < 10
    check = retrain_due(store, T0 + timedelta(hours=2))
    assert not check.due and check.reason == f"not yet: {n} of 10 new judgements"
    n += _judged_at(store, 2, T0 + timedelta(hours=3))
    check = retrain_due(store, T0 + timedelta(hours=4))
    assert check.due and check.new_judgements == n >= 10 and f"{n} new judgements" in check.reason
    assert check.base_model == "prod"
    # a Phase 3 started by hand is running: a retrain beside it trained a rival on the same judgements
    pipeline_id = store.pipelines.create("manual P3", "phase3", [{"name": "pairs", "kind": "feedback_pairs",
                                                                  "config": {}, "depends_on": []}])
    check = retrain_due(store, T0 + timedelta(hours=4))
    assert not check.due and "a Phase 3 pipeline is running (manual P3)" in check.reason
    store.pipelines.set_status(pipeline_id, "succeeded")
    assert retrain_due(store, T0 + timedelta(hours=4)).due


def test_due_after_d_days_counted_from_the_last_retrain(store):
    _production(store)
    set_retrain_schedule(store, RetrainSchedule(every_days=30), now=T0)
    # an edit on day 29 pushed the retrain back another 30 days (the count started at the last save)
    set_retrain_schedule(store, RetrainSchedule(every_days=30, every_judgements=500), now=T0 + timedelta(days=29))
    assert not retrain_due(store, T0 + timedelta(days=29, hours=23)).due
    check = retrain_due(store, T0 + timedelta(days=30))
    assert check.due and "30.0 days since the schedule was set" in check.reason
    store.promotion.add_retrain(
        pipeline_id=None,
        base_model="prod",
        model_name="retrain-1",
        reason="test",
        judgements=0,
        now=T0 + timedelta(days=30),
    )
    assert not retrain_due(store, T0 + timedelta(days=45)).due  # counted from the retrain now
    check = retrain_due(store, T0 + timedelta(days=61))
    assert check.due and "since the last retrain" in check.reason


def test_bad_schedules_and_impossible_retrains_are_refused(store):
    with pytest.raises(RetrainError, match="policy"):
        set_retrain_schedule(store, RetrainSchedule(every_days=1, phase3={"policy": "x"}))
    with pytest.raises(ValueError, match="unknown setting"):
        set_retrain_schedule(store, RetrainSchedule(every_days=1, phase3={"nope": 1}))
    with pytest.raises(RetrainError, match="no production model"):
        start_retrain(store, runner=None)
    with pytest.raises(RetrainError, match="shorter than an hour"):  # 1e-9 days: due on every check
        set_retrain_schedule(store, RetrainSchedule(every_days=1e-9))


def test_page_loads_at_once_start_one_retrain(store):
    # three Models pages loaded together each found the retrain due and started a pipeline for one candidate name
    import threading
    import time

    from engine.promotion.schedule import retrain_if_due

    _production(store)
    set_retrain_schedule(store, RetrainSchedule(every_days=1), now=T0)

    class SlowRunner:  # a pipeline start takes a moment (it writes its runs): the others must wait for it
        started: list[str] = []

        def start(self, name, template, steps):
            time.sleep(0.2)
            self.started.append(name)
            return store.pipelines.create(name, template, steps)

    runner = SlowRunner()
    threads = [threading.Thread(target=retrain_if_due, args=(store, runner, T0 + timedelta(days=2)))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runner.started) == 1


def test_a_retrain_by_hand_is_refused_while_a_retrain_or_phase3_runs(store):
    # *Start a retrain now* clicked twice (or beside a running Phase 3) started a second Phase 3 from the same
    # production model and judgements, for a rival candidate; the button stayed enabled under "still running"
    class Runner:
        def start(self, name, template, steps):
            return store.pipelines.create(name, template, steps)

    _production(store)
    first = start_retrain(store, Runner(), now=T0)
    with pytest.raises(RetrainError, match=f"retrain {first} is still running"):
        start_retrain(store, Runner(), now=T0)
    store.pipelines.set_status(store.promotion.retrains()[0]["pipeline_id"], "succeeded")
    manual = store.pipelines.create("manual P3", "phase3", [{"name": "pairs", "kind": "feedback_pairs",
                                                             "config": {}, "depends_on": []}])
    with pytest.raises(RetrainError, match=r"a Phase 3 pipeline is running \(manual P3\)"):
        start_retrain(store, Runner(), now=T0)
    store.pipelines.set_status(manual, "cancelled")
    assert start_retrain(store, Runner(), now=T0) == first + 1
    assert len(store.promotion.retrains()) == 2

def test_no_retrain_from_a_promoted_sft_model(store):
    # Phase 3 by hand is not offered the SFT model in production (it skipped Phase 2); a retrain from it was
    class Runner:
        def start(self, name, template, steps):
            return store.pipelines.create(name, template, steps)

    set_retrain_schedule(store, RetrainSchedule(every_days=1), now=T0)  # before any production model
    store.models.register("sft", "policy", "/models/sft", stage="sft")
    promote(store, "sft", confirm_name="sft")
    check = retrain_due(store, T0 + timedelta(days=2))
    assert not check.due and "the production model sft is the loop's SFT model" in check.reason
    with pytest.raises(RetrainError, match="run Phase 2 first"):
        start_retrain(store, Runner(), now=T0)
    assert store.promotion.retrains() == []

@pytest.mark.slow
def test_a_due_retrain_runs_phase3_from_production_into_a_candidate(
    supervisor, store, tiny_policy, tiny_policy_dir, tiny_rm, pair_set, demo_corpus
):
    _production(store, tiny_policy_dir)
    set_retrain_schedule(
        store,
        RetrainSchedule(
            every_judgements=10,
            phase3={
                "replay_pair_sets": [pair_set],
                "corpus_ids": [demo_corpus],
                "rm_epochs": 1,
                "ppo_steps": 2,
                "reward_settings": {"batch_size": 8},
                "ppo_settings": TINY_PPO,
            },
        ),
        by="lead",
    )
    seed_feedback(store, 12)
    runner = PipelineRunner(store, supervisor)
    check, retrain_id = retrain_if_due(store, runner)
    assert check.due and retrain_id == 1
    (retrain,) = store.promotion.retrains()
    assert retrain["base_model"] == "prod" and retrain["pipeline_status"] == "running"
    assert not retrain_due(store).due and "still running" in retrain_due(store).reason
    deadline = time.monotonic() + 600
    while store.pipelines.get(retrain["pipeline_id"])["status"] == "running" and time.monotonic() < deadline:
        supervisor.poll()
        runner.advance()
        time.sleep(0.3)
    pipeline = store.pipelines.get(retrain["pipeline_id"])
    assert pipeline["status"] == "succeeded", (pipeline, store.runs.logs(pipeline["steps"][-1]["run_id"] or "", 20))
    assert [s["kind"] for s in pipeline["steps"]] == ["feedback_pairs", "reward_finetune", "ppo"]
    candidate = store.models.get(retrain["model_name"])
    assert candidate["stage"] == "candidate" and candidate["parent"] == "prod"
    assert store.models.get("prod")["stage"] == "production"
    check = retrain_due(store)
    assert not check.due and check.new_judgements == 0  # counted again from this retrain


def test_a_schedule_whose_retrain_cannot_be_built_is_refused_when_saved(store):
    # it saved, then "a retrain is due but could not start" showed on every load of the Models page
    store.models.register("prod", "policy", "/models/prod", stage="final", metadata={"reward_model": "tiny-rm"})
    store.models.register("tiny-rm", "reward", "/models/rm")
    promote(store, "prod", confirm_name="prod")
    with pytest.raises(RetrainError, match="could not be built with these settings: choose the corpora"):
        set_retrain_schedule(store, RetrainSchedule(every_judgements=3, phase3={"rl_method": "ppo"}))
    set_retrain_schedule(store, RetrainSchedule(every_judgements=3, phase3={"rl_method": "dpo"}))  # needs none
    assert retrain_schedule(store)[0].every_judgements == 3
