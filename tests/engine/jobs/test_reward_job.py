"""The reward job, for real in a subprocess on a tiny model: training, checkpoint, resume, registration."""

from __future__ import annotations

import pytest
import torch

from engine.jobs.reward import RewardJobConfig
from engine.reward.model import load_reward_model
from tests.conftest import progressed, wait_for

pytestmark = pytest.mark.slow


def _config(pair_set, **overrides):
    values = {"base_model": "tiny-sft", "pair_sets": [pair_set], "learning_rate": 3e-3, "batch_size": 8,
              "epochs": 3, "eval_every": 5, "save_every": 5, "unfreeze_schedule": ["head@0", "top1@1", "all@2"]}
    return RewardJobConfig(**{**values, **overrides})


@pytest.mark.parametrize("head", ["linear", "mlp", "likelihood"])
def test_reward_job_trains_evaluates_and_registers(supervisor, store, tiny_policy, tiny_policy_dir, pair_set, head):
    run_id = supervisor.start("reward", _config(pair_set, head=head, model_name=f"rm-{head}"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    keys = set(store.runs.metric_keys(run_id))
    assert {"loss", "accuracy", "eval_loss", "eval_accuracy", "valid_accuracy", "trainable_params"} <= keys
    phases = [r["message"] for r in store.runs.logs(run_id) if r["message"].startswith("unfreezing:")]
    assert [p.split()[1] for p in phases] == ["head", "top1", "all"]
    model = store.models.get(f"rm-{head}")
    assert model["kind"] == "reward" and model["parent"] == "tiny-sft" and model["run_id"] == run_id
    assert 0.0 <= model["metadata"]["valid_accuracy"] <= 1.0 and model["metadata"]["head"] == head
    # the bar the model should clear: the base policy's own likelihood on the same validation pairs
    assert 0.0 <= model["metadata"]["likelihood_accuracy"] <= 1.0
    assert "valid_likelihood_accuracy" in keys
    rm = load_reward_model(model["path"])
    from transformers import AutoModelForCausalLM

    policy = AutoModelForCausalLM.from_pretrained(tiny_policy_dir)
    # the backbone was trained in the "all" phase: its embeddings moved away from the policy's
    assert not torch.equal(rm.model.get_input_embeddings().weight, policy.model.embed_tokens.weight)
    run_dir = supervisor.workspace.run_dir(run_id)
    assert list((run_dir / "checkpoints").glob("checkpoint-*"))
    assert (run_dir / "outputs" / "valid_rewards.parquet").exists()
    if head != "linear":  # training on from it keeps its head, whatever the form's head field says
        again = supervisor.start("reward", _config(pair_set, base_model=f"rm-{head}", epochs=1,
                                                   model_name=f"rm-{head}-2"))
        assert supervisor.wait(again, timeout_s=300) == "succeeded", store.runs.logs(again, tail=30)
        assert store.models.get(f"rm-{head}-2")["metadata"]["head"] == head
        assert type(load_reward_model(store.models.get(f"rm-{head}-2")["path"]).score) is type(rm.score)


def test_reward_job_learns_the_signal(supervisor, store, tiny_policy, pair_set):
    run_id = supervisor.start("reward", _config(pair_set, epochs=8, unfreeze_schedule=["all@0"],
                                                model_name="rm-learn"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded"
    assert store.models.get("rm-learn")["metadata"]["valid_accuracy"] >= 0.8


def test_a_reward_model_is_trained_on_its_bases_prompts_as_it_is_scored(supervisor, store, tiny_policy_dir,
                                                                         pair_set, tmp_path):
    # the pairs hold the demo policy's "<en> … <ar>" prompts; a base whose format is "instruction" was trained and
    # validated on them, then scored on its own instruction prompts: two rewards for one pair, no word said
    import shutil

    import pyarrow.parquet as pq

    from engine.models.prompting import write_model_card
    from engine.reward.scoring import RewardScorer
    from tests.conftest import learnable_pair_rows

    base = tmp_path / "instruct-base"
    shutil.copytree(tiny_policy_dir, base)
    write_model_card(base, "instruction", created_by="tests")
    store.models.register("tiny-instruct", "policy", str(base), stage="sft", metadata={"prompt_format": "instruction"})
    run_id = supervisor.start("reward", _config(pair_set, base_model="tiny-instruct", epochs=1,
                                                unfreeze_schedule=["all@0"], model_name="rm-instruct"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    scorer = RewardScorer(store.models.get("rm-instruct")["path"])
    assert scorer.prompt_format == "instruction"
    pair_of = {r["source"]: r["pair"] for r in learnable_pair_rows()}
    valid = pq.read_table(supervisor.workspace.run_dir(run_id) / "outputs" / "valid_rewards.parquet").to_pylist()
    served = scorer.score([r["source"] for r in valid], [r["chosen"] for r in valid],
                          [pair_of[r["source"]] for r in valid])
    assert served == pytest.approx([r["chosen_reward"] for r in valid], abs=1e-4)


def test_cancelled_reward_job_resumes_from_its_checkpoint(supervisor, store, tiny_policy, pair_set):
    import time

    run_id = supervisor.start("reward", _config(pair_set, epochs=200, save_every=1000, model_name="rm-resume"))
    wait_for(progressed(supervisor, run_id, 6), what="training progress")
    assert supervisor.cancel_and_wait(run_id, timeout_s=90) == "cancelled"
    checkpoints = sorted((supervisor.workspace.run_dir(run_id) / "checkpoints").glob("checkpoint-*"))
    assert checkpoints, "cancel saves a checkpoint"
    step = int(checkpoints[-1].name.split("-")[1])
    supervisor.resume(run_id)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        supervisor.poll()
        logs = [r["message"] for r in store.runs.logs(run_id, tail=500)]
        if any(m.startswith("resuming from checkpoint-") for m in logs) and \
                (store.runs.get(run_id)["progress_done"] or 0) > step:
            break
        time.sleep(0.2)
    assert f"resuming from checkpoint-{step}" in logs
    assert store.runs.get(run_id)["progress_done"] > step
    supervisor.cancel_and_wait(run_id, timeout_s=90)


def test_an_unreadable_unfreeze_schedule_is_refused_before_the_run_exists(supervisor, store, pair_set):
    # it used to start, load the model and fail — offering a Resume that would fail the same way
    with pytest.raises(ValueError, match="not an unfreezing phase: 'everything@soon'"):
        supervisor.create("reward", _config(pair_set, unfreeze_schedule=["everything@soon"]))
    assert store.runs.list() == []


def test_a_schedule_deeper_than_the_model_is_refused_before_the_run_exists(supervisor, store, tiny_policy,
                                                                           pair_set):
    # top999 on a 2-layer model was refused only once the run had loaded it (a run left, offering a Resume)
    with pytest.raises(ValueError, match=r"top999 asks for more layers than the model has \(2\)"):
        supervisor.create("reward", _config(pair_set, unfreeze_schedule=["head@0", "top999@1"]))
    assert store.runs.list() == []


def test_pairs_longer_than_max_length_are_left_out_not_cut(supervisor, store, tiny_policy, tiny_policy_dir, pair_set):
    # cut to max_length, most pairs' two sides were the same ids: trained on no signal, and a tie in validation
    # counted as wrong
    from engine.models.loading import load_tokenizer
    from engine.reward.encoding import pair_ids

    rows = store.preferences.pairs(run_ids=[pair_set], limit=10_000)
    tokenizer = load_tokenizer(tiny_policy_dir)
    lengths = [max(len(pair_ids(tokenizer, r["prompt"], r[side], "tags")) for side in ("chosen", "rejected"))
               for r in rows]
    limit = sorted(lengths)[len(lengths) // 2]
    assert 16 <= limit < max(lengths)
    run_id = supervisor.start("reward", _config(pair_set, epochs=1, max_length=limit, model_name="rm-short",
                                                unfreeze_schedule=["head@0", "all@3"], likelihood_baseline=False))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    meta = store.models.get("rm-short")["metadata"]
    fitting = sum(n <= limit for n in lengths)
    assert meta["train_pairs"] + meta["valid_pairs"] == fitting
    logs = [r["message"] for r in store.runs.logs(run_id)]
    assert any(f"longer than max_length {limit} tokens left out" in m for m in logs)
    # a phase after the last epoch is said (all@3 in 1 epoch trained the head alone without a word)
    assert "unfreezing: all@3 start(s) after the training's 1 epoch end and never apply" in logs


def test_a_fine_tunes_pair_counts_are_of_the_pairs_it_trained_on(supervisor, store, tiny_rm, tiny_policy_dir, pair_set,
                                                                tmp_path):
    # its metadata counted the human training pairs before the long ones were left out and before the cut to
    # max_pairs: the Human alignment page showed pairs it never trained on
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.jobs.reward_finetune import RewardFinetuneJobConfig
    from engine.models.loading import load_tokenizer
    from engine.reward.encoding import pair_ids
    from tests.conftest import learnable_pair_rows

    rows = [dict(r, linguist="Amina", judgement_id=i + 1, weight=1.0) for i, r in enumerate(learnable_pair_rows(40))]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "human.parquet")
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "human-fixture", "human", None, tmp_path / "human.parquet")
    tokenizer = load_tokenizer(tiny_policy_dir)
    lengths = [max(len(pair_ids(tokenizer, r["prompt"], r[side], "tags")) for side in ("chosen", "rejected"))
               for r in rows]
    limit = sorted(lengths)[len(lengths) // 2]
    run_id = supervisor.start("reward_finetune", RewardFinetuneJobConfig(
        base_model="tiny-rm", pair_sets=["human-fixture"], replay_pair_sets=[pair_set], replay_ratio=0.5,
        epochs=1, batch_size=8, eval_every=20, save_every=20, max_length=limit, model_name="rm-counted"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    meta = store.models.get("rm-counted")["metadata"]
    assert meta["human_train_pairs"] > 0 and meta["replayed_pairs"] > 0
    assert meta["human_train_pairs"] + meta["replayed_pairs"] == meta["train_pairs"]  # the long ones left out

def test_a_pair_set_that_leaves_nothing_to_train_on_is_refused_before_the_run_exists(supervisor, store, tiny_policy,
                                                                                    tmp_path):
    # one scored source and no validation split: the job held that source out and failed with "no training pairs",
    # offering a Resume that could only fail the same way
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.jobs.dpo import DpoJobConfig
    from tests.conftest import learnable_pair_rows

    rows = [dict(r, split="train") for r in learnable_pair_rows(1) if r["group_key"] == "1:0"]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "one.parquet")
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "score-one", "synthetic", None, tmp_path / "one.parquet")
    with pytest.raises(ValueError, match=r"nothing left to train on: .* from 1 source and no training pair once 1 "
                                         r"source is held out"):
        supervisor.create("reward", _config("score-one"))
    with pytest.raises(ValueError, match="nothing left to train on"):
        supervisor.create("dpo", DpoJobConfig(policy="tiny-sft", pair_sets=["score-one"]))
    assert store.runs.list() == []
    # KTO on the pairs and the judgements: the judgements are training data too (the review found it refused)
    from tests.conftest import seed_feedback

    seed_feedback(store, 4)
    kto = DpoJobConfig(policy="tiny-sft", objective="kto", kto_source="pairs+judgements", pair_sets=["score-one"])
    assert supervisor.create("dpo", kto)


def test_a_phase_by_step_after_the_last_step_is_named(supervisor, store, tiny_policy, pair_set):
    run_id = supervisor.start("reward", _config(pair_set, epochs=1, unfreeze_unit="step", model_name="rm-steps",
                                                unfreeze_schedule=["head@0", "all@100000"], likelihood_baseline=False))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    steps = store.models.get("rm-steps")["metadata"]["steps"]
    assert (f"unfreezing: all@100000 start(s) after the training's {steps} steps end and never apply"
            in [r["message"] for r in store.runs.logs(run_id)])
