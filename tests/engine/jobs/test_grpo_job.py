"""The grpo job, for real in a subprocess on the tiny policy: chrF-only GRPO, and RLOO with a reward model + chrF."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import torch

from engine.jobs.grpo import ChecksPenalty, ChrfReward, GrpoJobConfig, check, completion_text, prepare, trl_prompt

pytestmark = pytest.mark.slow




def _config(corpus_id: int, **overrides) -> GrpoJobConfig:
    values = {"policy": "tiny-sft", "corpus_ids": [corpus_id], "max_prompts": 8, "batch_size": 2,
              "num_generations": 4, "max_completion_length": 16, "learning_rate": 1e-3, "max_steps": 4,
              "save_every": 2, "sample_every": 2}
    return GrpoJobConfig(**{**values, **overrides})


def _logged_count(store, run_id: str, pattern: str) -> int | None:
    """The number the run's log gives in its line matching ``pattern`` (one ``(\\d+)`` group)."""
    import re

    for row in store.runs.logs(run_id):
        found = re.match(pattern, row["message"])
        if found:
            return int(found.group(1))
    return None


def _rollout_calls(store, run_id: str) -> int | None:
    """How many generation calls the run's log says went through the studio's decoding loop."""
    return _logged_count(store, run_id, r"rollouts: (\d+) generation calls through the studio's decoding loop")


def _shared_prompt_calls(store, run_id: str) -> int | None:
    """How many model calls the run's log says ran each distinct prompt once (engine.rl.shared_prompts)."""
    return _logged_count(store, run_id, r"shared prompts: (\d+) model calls ran each distinct prompt once")


def _weights(folder: Path | str) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(Path(folder) / "model.safetensors"))


def _changed(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    assert a.keys() == b.keys()
    return any(not torch.equal(a[k], b[k]) for k in a)


def test_prompts_are_tokenized_like_the_studio_encodes_them(tiny_policy_dir):
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import encode_prompt

    tokenizer = load_tokenizer(tiny_policy_dir)
    prompt = trl_prompt(tokenizer, "Good morning.", "en-ar", "tags")
    assert tokenizer(text=prompt)["input_ids"] == encode_prompt(tokenizer, "Good morning.", "en-ar", "tags")
    tokenizer.chat_template = "{{ bos_token }}{% for m in messages %}<{{ m['role'] }}>{{ m['content'] }}{% endfor %}"
    chat = trl_prompt(tokenizer, "Bonjour.", "fr-ar", "instruction")
    assert chat == [{"role": "user", "content": "Translate from French to Arabic:\nBonjour."}]
    ids = tokenizer.apply_chat_template(chat, add_generation_prompt=True, tokenize=True, return_dict=True)["input_ids"]
    assert ids == encode_prompt(tokenizer, "Bonjour.", "fr-ar", "instruction")
    assert ids.count(tokenizer.bos_token_id) == 1


def test_rewards_score_references_and_flag_broken_output():
    chrf = ChrfReward()
    scores = chrf(["p", "p"], ["صباح الخير", "the the the"], source=["Good morning", "Good morning"],
                  pair=["en-ar"] * 2, reference=["صباح الخير"] * 2)
    assert scores[0] == pytest.approx(1.0) and scores[1] < 0.2
    penalty = ChecksPenalty(["empty", "low_arabic", "repetition"])
    assert penalty(["p"] * 3, ["صباح الخير", "", "good morning"], source=["Good morning"] * 3,
                   pair=["en-ar"] * 3) == [0.0, -1.0, -1.0]
    assert penalty.__name__ == "checks" and completion_text([{"role": "assistant", "content": "x"}]) == "x"


def test_a_run_needs_a_reward(store, tiny_policy, demo_corpus, tmp_path):
    with pytest.raises(ValueError, match="choose a reward"):
        check(_config(demo_corpus, chrf_weight=0.0))
    with pytest.raises(LookupError, match="not-there"):
        prepare(_config(demo_corpus, reward_model="not-there"), store, tmp_path / "run")
    with pytest.raises(ValueError, match=r"Scale rewards by \(scale_rewards\) is GRPO's"):
        check(_config(demo_corpus, method="rloo", scale_rewards="batch"))
    with pytest.raises(ValueError, match="needs Studio rollouts"):
        check(_config(demo_corpus, greedy_in_group=True, studio_rollouts=False))
    with pytest.raises(ValueError, match="Terminology penalty needs glossaries"):  # it ran with no penalty
        check(_config(demo_corpus, terminology_penalty=1.0))


def test_grpo_job_with_chrf_reward(supervisor, store, tiny_policy, tiny_policy_dir, demo_corpus):
    t0 = time.monotonic()
    run_id = supervisor.start("grpo", _config(demo_corpus, model_name="grpo-chrf", register_stage="cold-start",
                                              scale_rewards="batch", reference_share=1.0,
                                              max_completion_length=40))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    keys = set(store.runs.metric_keys(run_id))
    assert {"loss", "reward", "reward_std", "kl_per_token", "completions_mean_length", "rewards_chrf_mean",
            "rewards_checks_mean"} <= keys, keys
    assert "rewards_rm_mean" not in keys
    model = store.models.get("grpo-chrf")
    assert model["kind"] == "policy" and model["stage"] == "cold-start"
    assert model["parent"] == "tiny-sft" and model["run_id"] == run_id
    meta = model["metadata"]
    assert meta["method"] == "grpo" and meta["steps"] == 4 and meta["reward_model"] is None
    assert meta["rewards"] == {"chrf": 1.0, "checks": 0.5} and meta["prompts"] == 8
    assert meta["scale_rewards"] == "batch" and meta["reference_share"] == 1.0
    # TRL's GRPO logs its KL per token: named so, not set beside PPO's per-translation KL ("final KL")
    assert "final_kl_per_token" in meta and "final_kl" not in meta and "kl" not in keys
    assert any("advantages scaled by the batch's standard deviation" in r["message"]
               for r in store.runs.logs(run_id))
    folder = Path(model["path"])
    assert json.loads((folder / "tarjama.json").read_text())["created_by"] == "grpo"
    assert _changed(_weights(tiny_policy_dir), _weights(folder)), "GRPO left the policy unchanged"
    run_dir = supervisor.workspace.run_dir(run_id)
    assert sorted(p.name for p in (run_dir / "checkpoints").glob("checkpoint-*")) == ["checkpoint-2", "checkpoint-4"]
    assert any(r["message"].startswith("sample: ") for r in store.runs.logs(run_id))
    # the reward model's default weight with no reward model chosen: said, not dropped silently
    assert any(r["message"].startswith("Reward-model weight (rm_weight) 1 is not used: no reward model is chosen")
               for r in store.runs.logs(run_id))
    # every step's rollouts went through the studio's decoding loop (engine.rl.rollouts), none through generate()
    assert _rollout_calls(store, run_id) == 4
    # and every step's log-probabilities (the reference's and the policy's) ran each source once for its group
    assert _shared_prompt_calls(store, run_id) == 2 * 4
    # the groups whose reference fits the completion budget (40 tokens: most of them) had it in place of a sample
    assert 0 < _logged_count(store, run_id, r"reference guidance: (\d+) groups") <= 4 * 2
    print(f"grpo chrF job: {time.monotonic() - t0:.1f}s")


def test_rloo_job_with_reward_model_and_chrf(supervisor, store, tiny_policy, tiny_policy_dir, demo_corpus, tiny_rm):
    t0 = time.monotonic()
    run_id = supervisor.start("grpo", _config(demo_corpus, method="rloo", reward_model=tiny_rm, chrf_weight=0.5,
                                              check_penalty=0.0, max_steps=3, save_every=3, drop_solved_at=100.0,
                                              greedy_in_group=True))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    keys = set(store.runs.metric_keys(run_id))
    assert {"loss", "reward", "reward_std", "kl_per_token", "rewards_rm_mean", "rewards_chrf_mean"} <= keys, keys
    model = store.models.list(kind="policy", stage="cold-start")[0]
    assert model["name"].startswith("rloo-") and model["parent"] == "tiny-sft"
    meta = model["metadata"]
    assert meta["method"] == "rloo" and meta["reward_model"] == "tiny-rm"
    assert meta["rewards"] == {"rm": 1.0, "chrf": 0.5} and meta["steps"] == 3
    assert _changed(_weights(tiny_policy_dir), _weights(model["path"]))
    assert list((supervisor.workspace.run_dir(run_id) / "checkpoints").glob("checkpoint-3"))
    assert _rollout_calls(store, run_id) == 3  # RLOO's rollouts (no log-probs returned) through the loop too
    # every group of the 3 steps × 2 sources had the greedy translation as one of its 4
    assert _logged_count(store, run_id, r"greedy in groups: (\d+) groups") == 3 * 2
    assert meta["greedy_in_group"] is True
    # the greedy pass ran over the 8 sources first (the random tiny policy translates none of them exactly)
    assert any(r["message"].startswith("dropped 0 of 8 sources the policy already translates")
               for r in store.runs.logs(run_id)), store.runs.logs(run_id, tail=30)
    assert meta["drop_solved_at"] == 100.0 and meta["prompts"] == 8
    # RLOO scores each step three times (the reference, the sampling policy, the policy in training): all shared
    assert _shared_prompt_calls(store, run_id) == 3 * 3
    print(f"rloo rm+chrF job: {time.monotonic() - t0:.1f}s")


def test_a_completion_longer_than_the_models_context_is_refused_before_the_run(supervisor, store, tiny_policy,
                                                                               demo_corpus):
    from engine.jobs.training import model_context
    from engine.models.refs import resolve_model

    context = model_context(resolve_model(store, "tiny-sft"))
    with pytest.raises(ValueError, match=f"Longest completion is {context} tokens and the longest prompt"):
        supervisor.start("grpo", _config(demo_corpus, max_completion_length=context))
    assert not store.runs.list(kinds=("grpo",))
