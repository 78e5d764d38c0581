"""Deleting a corpus that a queued job, a running pipeline or the retraining schedule still reads is refused."""

from __future__ import annotations

import pytest

from engine.corpora.users import CorpusInUse, corpus_users, delete_corpus

SCHEDULE = "the retraining schedule (its next retrain's corpus_ids; change its Phase 3 settings on the Models page)"


def test_a_corpus_nothing_reads_is_deleted(store, demo_corpus):
    store.runs.create("done-1", "generate", "G", {"corpus_ids": [demo_corpus]}, "/runs/done-1")
    with store.db.transaction() as cur:
        store.runs.mark_final(cur, "done-1", "succeeded", None)
    assert corpus_users(store, demo_corpus) == []  # a finished run reads nothing any more
    delete_corpus(store, demo_corpus)
    assert store.corpora.get(demo_corpus) is None


def test_a_queued_run_and_a_running_pipelines_pending_step_keep_a_corpus(store, demo_corpus):
    # the delete went through, and the job failed minutes later with "no sources in that split"
    store.runs.create("gen-1", "generate", "G", {"corpus_ids": [demo_corpus]}, "/runs/gen-1")
    store.runs.create("other", "generate", "G", {"corpus_ids": [demo_corpus + 1]}, "/runs/other")
    pipeline = store.pipelines.create("Phase 2", "phase2", [
        {"name": "generate", "kind": "generate", "config": {"corpus_ids": [999]}},
        {"name": "rl", "kind": "ppo", "config": {"corpus_ids": [demo_corpus]}}])
    users = corpus_users(store, demo_corpus)
    assert users == ["run gen-1 (generate, queued)", f"pipeline {pipeline} (Phase 2: step rl)"]
    with pytest.raises(CorpusInUse, match="still read by run gen-1 .*; pipeline"):
        delete_corpus(store, demo_corpus)
    assert store.corpora.get(demo_corpus) is not None


def test_the_retraining_schedules_prompt_corpora_are_kept(store, demo_corpus):
    from engine.models.registry import promote
    from engine.promotion.schedule import RetrainSchedule, retrain_schedule, set_retrain_schedule
    from tests.conftest import add_demo_corpus

    store.models.register("rm", "reward", "/m/rm")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start",
                          metadata={"corpus_ids": [demo_corpus], "reward_model": "rm"})
    promote(store, "cold", confirm_name="cold")
    set_retrain_schedule(store, RetrainSchedule(every_judgements=10))
    assert corpus_users(store, demo_corpus) == [
        SCHEDULE]
    set_retrain_schedule(store, RetrainSchedule())  # off: nothing reads it
    assert corpus_users(store, demo_corpus) == []
    # corpora typed in the schedule's Phase 3 settings as text ("3,4"): stored as read, not character by character
    other = add_demo_corpus(store, name="other")
    set_retrain_schedule(store, RetrainSchedule(every_days=30, phase3={"corpus_ids": f"{demo_corpus}, {other}"}))
    assert retrain_schedule(store)[0].phase3["corpus_ids"] == [demo_corpus, other]
    assert corpus_users(store, other) == [
        SCHEDULE]
