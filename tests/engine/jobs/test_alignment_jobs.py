"""Human alignment end to end on tiny models, each job for real in a subprocess: feedback → human pairs →
reward-model fine-tune with replay → PPO stage 2 registered as the ``final`` model."""

from __future__ import annotations

import json

import pytest

from engine.jobs.feedback_pairs import FeedbackPairsConfig
from engine.jobs.ppo import PPOJobConfig
from engine.jobs.reward_finetune import RewardFinetuneJobConfig, mix_replay, weighted_sample
from tests.conftest import seed_feedback

pytestmark = pytest.mark.slow


def test_replay_mix_has_the_configured_ratio_and_keeps_every_human_pair():
    human = [{"id": f"h{i}"} for i in range(40)]
    synthetic = [{"id": f"s{i}"} for i in range(100)]
    mixed, n = mix_replay(human, synthetic, 1.5, seed=0)
    assert n == 60 and len(mixed) == 100
    assert sum(r["id"].startswith("s") for r in mixed) == 60 and {r["id"] for r in human} <= {r["id"] for r in mixed}
    none, n_none = mix_replay(human, synthetic, 0.0, seed=0)
    assert n_none == 0 and sorted(r["id"] for r in none) == sorted(r["id"] for r in human)
    assert mix_replay(human, synthetic[:10], 2.0, seed=0)[1] == 10  # at most every synthetic pair
    assert mix_replay(human, synthetic, 0.5, seed=1)[0] != mix_replay(human, synthetic, 0.5, seed=2)[0]


def test_weighted_sample_draws_by_weight():
    rows = [{"id": "heavy", "weight": 9.0}] + [{"id": f"l{i}", "weight": 1.0} for i in range(9)]
    drawn = weighted_sample(rows * 10, seed=0)
    assert len(drawn) == 100 and 35 <= sum(r["id"] == "heavy" for r in drawn) <= 65
    equal = [{"id": i, "weight": 1.0} for i in range(5)]
    assert weighted_sample(equal, seed=0) == equal


def test_feedback_to_final_model(supervisor, store, tiny_policy, tiny_rm, pair_set, demo_corpus):
    n = seed_feedback(store, 15)
    per_kind = store.feedback.volume()["per_kind"]
    assert n >= 40 and sum(per_kind.values()) == n
    run_id = supervisor.start("feedback_pairs", FeedbackPairsConfig(reward_model="tiny-rm", valid_share=0.25))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    human = store.preferences.pairs(run_ids=[run_id], limit=1000)
    # a ranking of 3 gives 3 pairs, a best pick 2, a post-edit 2 (the correction equals one candidate: a tie)
    assert len(human) == 3 * per_kind["ranking"] + 2 * per_kind["best"] + 2 * per_kind["post_edit"]
    assert {p["origin"] for p in human} == {"human"} and {p["linguist"] for p in human} == {"Amina", "Karim"}
    assert all(p["judgement_id"] and p["source"] in p["prompt"] for p in human)
    assert {p["split"] for p in human} == {"train", "valid"}
    summary = json.loads((supervisor.workspace.run_dir(run_id) / "outputs" / "summary.json").read_text())
    assert summary["ties"] == per_kind["post_edit"] and summary["pairs"] == len(human)

    rm_run = supervisor.start("reward_finetune", RewardFinetuneJobConfig(
        base_model="tiny-rm", pair_sets=[run_id], replay_pair_sets=[pair_set], replay_ratio=0.5,
        learning_rate=3e-3, epochs=6, batch_size=8, eval_every=20, save_every=20, model_name="rm-human"))
    assert supervisor.wait(rm_run, timeout_s=400) == "succeeded", store.runs.logs(rm_run, tail=20)
    rm = store.models.get("rm-human")
    meta = rm["metadata"]
    assert rm["kind"] == "reward" and rm["parent"] == "tiny-rm" and meta["fine_tuned_from"] == "tiny-rm"
    n_train = sum(p["split"] == "train" for p in human)
    assert meta["human_train_pairs"] == n_train and meta["replayed_pairs"] == round(0.5 * n_train)
    assert meta["train_pairs"] == n_train + meta["replayed_pairs"]
    assert meta["valid_pairs_human"] == len(human) - n_train and meta["valid_pairs_synthetic"] > 0
    assert set(meta["base_accuracy"]) == {"human", "synthetic"}
    assert meta["valid_accuracy"] == meta["valid_accuracy_human"]
    # after the fine-tune the RM prefers the linguists' choices on held-out sources, better than before
    assert meta["valid_accuracy_human"] >= 0.85 and meta["valid_accuracy_human"] > meta["base_accuracy"]["human"]
    keys = set(store.runs.metric_keys(rm_run))
    assert {"base_accuracy_human", "valid_accuracy_human", "valid_accuracy_synthetic", "loss"} <= keys

    ppo_run = supervisor.start("ppo", PPOJobConfig(
        policy="tiny-sft", reward_model="rm-human", corpus_ids=[demo_corpus], register_stage="final",
        model_name="final-1", steps=2, batch_size=4, mini_batch_size=2, ppo_epochs=1, response_length=8,
        learning_rate=1e-3, eval_every=2, heldout_size=4, save_every=2))
    assert supervisor.wait(ppo_run, timeout_s=300) == "succeeded", store.runs.logs(ppo_run, tail=20)
    final = store.models.get("final-1")
    assert final["stage"] == "final" and final["metadata"]["reward_model"] == "rm-human"


def test_a_resumed_feedback_pairs_run_reads_the_judgements_made_since(supervisor, store, tiny_policy, tiny_rm):
    # its judgements were exported once, when the run was made: resumed after more feedback came in, it read the
    # old ones and failed the same way for ever (a failed Phase 3 could never be resumed)
    from engine.feedback.interactive import RankedCandidate, Translation, record
    from engine.feedback.judgements import Judgement, new_submission_id, submit

    cands = [RankedCandidate(t, 1.0 - 0.1 * k, "greedy", ["greedy"], 1) for k, t in enumerate(["قطة", "كلب"])]
    request_id = record(store, Translation(source="A cat.", pair="en-ar", model="tiny-sft", rm="tiny-rm",
                                           strategies=["greedy"], settings={}, candidates=cands, generate_s=0.1,
                                           score_s=0.01), linguist=None)
    submit(store, Judgement(new_submission_id(), request_id, "Amina", "none", shown=[0, 1]))
    run_id = supervisor.start("feedback_pairs", FeedbackPairsConfig())  # the newest reward model: tiny-rm
    assert supervisor.wait(run_id, timeout_s=300) == "failed"
    assert "give no pairs" in store.runs.get(run_id)["error"]
    seed_feedback(store, 8)
    store.models.register("rm-newer", "reward", store.models.get("tiny-rm")["path"])
    supervisor.resume(run_id)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    assert store.preferences.count_pairs(run_ids=[run_id], origin="human") > 0
    # the judgements taken again, the reward model kept (an empty setting would have picked the newer one)
    reward = json.loads((supervisor.workspace.run_dir(run_id) / "inputs" / "reward.json").read_text())
    assert reward["name"] == "tiny-rm"


def test_a_linguists_revised_judgement_replaces_the_first_in_the_pairs(store, tiny_rm, tmp_path):
    # an Argilla import brought a revised pick: both became pairs (c3 > c1 and c1 > c3 of one person, "a conflict")
    from engine.feedback.interactive import RankedCandidate, Translation, record
    from engine.feedback.judgements import Judgement, new_submission_id
    from engine.jobs.feedback_pairs import JUDGEMENTS_FILE, prepare

    cands = [RankedCandidate(t, 1.0 - 0.1 * k, "greedy", ["greedy"], 1) for k, t in enumerate(["قطة", "هر", "كلب"])]
    request_id = record(store, Translation(source="A cat.", pair="en-ar", model="tiny-sft", rm="tiny-rm",
                                           strategies=["greedy"], settings={}, candidates=cands, generate_s=0.1,
                                           score_s=0.01), linguist=None)
    for best in (2, 0):  # her pick, then her revision (an import: not once per linguist)
        store.feedback.add_judgement(Judgement(new_submission_id(), request_id, "Amina", "best", shown=[0, 1, 2],
                                               best=best), model="tiny-sft", rm="tiny-rm")
    (tmp_path / "run").mkdir()
    prepare(FeedbackPairsConfig(reward_model="tiny-rm"), store, tmp_path / "run")
    exported = [json.loads(line) for line in (tmp_path / "run" / "inputs" / JUDGEMENTS_FILE).read_text().splitlines()]
    assert [r["best"] for r in exported] == [0]


def test_human_pairs_of_several_sets_hold_out_a_source_once_for_all(tmp_path):
    # two conversions of the same judgements with other seeds split the sources differently: 40 of 68 "held-out"
    # pairs were trained on, and the 0.80 bar judged on them
    from engine.jobs.context import JobContext
    from engine.jobs.reward_finetune import held_out_human

    def pair(source, chosen, split):
        return {"pair": "en-ar", "source": source, "chosen": chosen, "rejected": "x", "split": split}

    set_a = [pair("A", "a1", "train"), pair("B", "b1", "valid")]
    set_b = [pair("A", "a1", "valid"), pair("B", "b1", "train"), pair("C", "c1", "train"), pair("C", "c1", "train")]
    (tmp_path / "run").mkdir()
    ctx = JobContext(tmp_path / "run")
    try:
        train, valid = held_out_human(set_a + set_b, ctx)
    finally:
        ctx.close()
    assert [(r["source"], r["split"]) for r in valid] == [("B", "valid"), ("A", "valid")]
    assert [r["source"] for r in train] == ["C"]  # one copy, and neither A nor B trained on
    log = (tmp_path / "run" / "events.jsonl").read_text(encoding="utf-8")
    assert "1 pair(s) held by two sets kept once; 2 training pair(s) whose source another set holds out" in log


def test_replay_leaves_out_the_sources_the_human_validation_holds_out(tmp_path):
    # Phase 2 scored the sources the linguists judge: 6 of 12 held-out human pairs were replayed as synthetic
    # training pairs, and the 0.80 bar was judged partly on what the reward model trained on
    from engine.jobs.context import JobContext
    from engine.jobs.reward_finetune import without_held_out

    replay = [{"pair": p, "source": s, "chosen": "c", "rejected": "r"} for p, s in
              (("en-ar", "A"), ("en-ar", "B"), ("fr-ar", "A"), ("en-ar", "C"))]
    valid = [{"pair": "en-ar", "source": "A"}, {"pair": "en-ar", "source": "C"}]
    (tmp_path / "run").mkdir()
    ctx = JobContext(tmp_path / "run")
    try:
        kept = without_held_out(replay, valid, ctx)
    finally:
        ctx.close()
    assert [(r["pair"], r["source"]) for r in kept] == [("en-ar", "B"), ("fr-ar", "A")]
    assert "2 synthetic pair(s) left out of the replay" in (tmp_path / "run" / "events.jsonl").read_text("utf-8")


def test_filters_that_match_no_judgement_say_so(store, tiny_rm, tmp_path):
    # it said "linguists judge translations on 6 · Translate & feedback" with 6 judgements stored
    from engine.jobs.feedback_pairs import prepare

    n = seed_feedback(store, 3)
    (tmp_path / "run").mkdir()
    with pytest.raises(ValueError, match=rf"no judgement matches the filters \(linguists: Nobody\); {n} judgement"):
        prepare(FeedbackPairsConfig(reward_model="tiny-rm", linguists=["Nobody"]), store, tmp_path / "run")
