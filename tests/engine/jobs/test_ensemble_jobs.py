"""PPO and GRPO against an ensemble of two reward models, for real in subprocesses on tiny models."""

from __future__ import annotations

import pytest
import torch
from safetensors.torch import load_file

from engine.jobs.grpo import GrpoJobConfig
from engine.jobs.ppo import PPOJobConfig

pytestmark = pytest.mark.slow


@pytest.fixture
def second_rm(store, tiny_policy_dir, tmp_path) -> str:
    """Another reward model on the tiny backbone (another random head), registered as ``tiny-rm-2``."""
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id, seed=7)
    folder = save_reward_model(model, tok, tmp_path / "rm2", prompt_format="tags")
    store.models.register("tiny-rm-2", "reward", str(folder), metadata={"prompt_format": "tags"})
    return "tiny-rm-2"


def test_ppo_with_an_ensemble_of_two_reward_models(
    supervisor, store, tiny_policy, tiny_policy_dir, tiny_rm, second_rm, demo_corpus
):
    config = PPOJobConfig(
        policy="tiny-sft",
        reward_model=tiny_rm,
        extra_reward_models=[second_rm],
        ensemble="mean-k*std",
        ensemble_k=0.5,
        corpus_ids=[demo_corpus],
        steps=3,
        batch_size=4,
        mini_batch_size=2,
        ppo_epochs=1,
        response_length=8,
        learning_rate=1e-3,
        eval_every=3,
        heldout_size=4,
        save_every=100,
        model_name="ens-ppo",
    )
    run_id = supervisor.start("ppo", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    logs = [r["message"] for r in store.runs.logs(run_id, tail=200)]
    assert "reward: mean-k*std of 2 reward models (tiny-rm, tiny-rm-2), k = 0.5" in logs
    assert len(store.runs.metrics(run_id, keys=("reward_mean",))) == 3
    assert store.runs.metrics(run_id, keys=("heldout_reward",))
    model = store.models.get("ens-ppo")
    meta = model["metadata"]
    assert meta["reward_models"] == ["tiny-rm", "tiny-rm-2"] and meta["ensemble"] == "mean-k*std"
    assert meta["ensemble_k"] == 0.5 and meta["steps"] == 3
    before, after = load_file(f"{tiny_policy_dir}/model.safetensors"), load_file(f"{model['path']}/model.safetensors")
    assert any(not torch.equal(before[k], after[k]) for k in before)


def test_ppo_refuses_a_policy_as_ensemble_member(supervisor, tiny_policy, tiny_rm, demo_corpus):
    config = PPOJobConfig(
        policy="tiny-sft",
        reward_model=tiny_rm,
        extra_reward_models=["tiny-sft"],
        corpus_ids=[demo_corpus],
        steps=1,
        batch_size=4,
        mini_batch_size=2,
    )
    with pytest.raises(ValueError, match="tiny-sft is a policy model, not a reward model"):
        supervisor.start("ppo", config)


def test_grpo_with_an_ensemble_logs_its_spread(supervisor, store, tiny_policy, tiny_rm, second_rm, demo_corpus):
    config = GrpoJobConfig(
        policy="tiny-sft",
        reward_model=tiny_rm,
        extra_reward_models=[second_rm],
        ensemble="min",
        chrf_weight=0.0,
        check_penalty=0.0,
        corpus_ids=[demo_corpus],
        max_prompts=4,
        batch_size=2,
        num_generations=2,
        max_completion_length=8,
        learning_rate=1e-3,
        max_steps=2,
        save_every=10,
        model_name="ens-grpo",
    )
    run_id = supervisor.start("grpo", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    meta = store.models.get("ens-grpo")["metadata"]
    assert meta["reward_models"] == ["tiny-rm", "tiny-rm-2"] and meta["ensemble"] == "min"
    assert meta["ensemble_spread_last"] > 0  # two random heads disagree
    assert meta["rewards"] == {"rm": 1.0}


def test_evaluate_scores_and_reranks_best_of_n_with_an_ensemble(
    supervisor, store, tiny_policy, tiny_rm, second_rm, demo_corpus
):
    from engine.jobs.evaluate import EvaluateConfig, plan_evaluation
    from engine.reward.ensemble import EnsembleScorer

    config = EvaluateConfig(
        models=[tiny_policy],
        corpus_ids=[demo_corpus],
        split="test",
        sample_size=4,
        max_new_tokens=8,
        metrics=["chrf"],
        reward_model=tiny_rm,
        extra_reward_models=[second_rm],
        ensemble="min",
        best_of_n=3,
    )
    plan = plan_evaluation(config, store)
    assert plan.metrics["rm"].startswith("tiny-rm + tiny-rm-2 (min) (")
    assert plan.decoding["reward_model"] == "tiny-rm + tiny-rm-2 (min)"
    single = plan_evaluation(EvaluateConfig(**{**config.__dict__, "extra_reward_models": []}), store)
    assert single.systems[0].key != plan.systems[0].key  # another reward, another cached evaluation
    run_id = supervisor.start("evaluate", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    key = store.evaluations.list(run_id=run_id)[0]["key"]
    outputs = store.evaluations.outputs([key])[key]
    rm = store.evaluations.scores([key])[key]["rm"]
    segments = store.evaluations.segments(plan.testset_id)
    paths = [store.models.get(n)["path"] for n in (tiny_rm, second_rm)]
    expected = EnsembleScorer(paths, "min").score(
        [s["source"] for s in segments], [outputs[s["idx"]] for s in segments], [s["pair"] for s in segments]
    )
    assert [rm[s["idx"]] for s in segments] == pytest.approx(expected, abs=1e-4)


def test_batch_translation_picks_by_the_ensemble(supervisor, store, workspace, tiny_policy, tiny_rm, second_rm):
    import json

    from engine.feedback.batch import stage_upload
    from engine.jobs.translate_batch import TranslateBatchConfig

    staged = stage_upload(workspace.root, b"The cat is on the table.\nI like green tea.\n", "b.txt")
    config = TranslateBatchConfig(
        model=tiny_policy,
        reward_model=tiny_rm,
        extra_reward_models=[second_rm],
        ensemble="mean",
        upload=staged.token,
        upload_name=staged.name,
        max_new_tokens=8,
    )
    run_id = supervisor.start("translate_batch", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    out = workspace.run_dir(run_id) / "outputs" / "translations.jsonl"
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 and all(r["rm"] == "tiny-rm + tiny-rm-2 (mean)" for r in rows)
    assert all(a["score"] <= r["score"] for r in rows for a in r["alternatives"])
