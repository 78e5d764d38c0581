"""The PPO job, for real in a subprocess on tiny models: metrics, policy change, checkpoint, resume, alarms."""

from __future__ import annotations

import json
import time

import pytest
import torch
from safetensors.torch import load_file

from engine.jobs.ppo import PPOJobConfig

pytestmark = pytest.mark.slow




def _config(corpus, **overrides):
    values = {"policy": "tiny-sft", "reward_model": "tiny-rm", "corpus_ids": [corpus], "steps": 4, "batch_size": 4,
              "mini_batch_size": 2, "ppo_epochs": 1, "response_length": 8, "learning_rate": 1e-3, "eval_every": 2,
              "heldout_size": 4, "save_every": 2}
    return PPOJobConfig(**{**values, **overrides})


def test_ppo_steps_log_metrics_change_the_policy_and_register(supervisor, store, tiny_policy, tiny_policy_dir,
                                                             tiny_rm, demo_corpus):
    run_id = supervisor.start("ppo", _config(demo_corpus, model_name="cold"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    keys = set(store.runs.metric_keys(run_id))
    assert {"kl", "entropy", "policy_loss", "value_loss", "clip_fraction", "reward_mean", "reward_std",
            "response_length", "degenerate_share", "heldout_chrf", "heldout_reward"} <= keys
    model = store.models.get("cold")
    assert model["stage"] == "cold-start" and model["parent"] == "tiny-sft" and model["run_id"] == run_id
    assert model["metadata"]["reward_model"] == "tiny-rm" and model["metadata"]["steps"] == 4
    kl = [r["value"] for r in store.runs.metrics(run_id, keys=("kl",))]
    per_token = [r["value"] for r in store.runs.metrics(run_id, keys=("kl_per_token",))]
    assert len(per_token) == len(kl) == 4
    eps = [r["value"] for r in store.runs.metrics(run_id, keys=("episodes_per_s",))]
    assert len(eps) == 4 and all(v > 0 for v in eps)  # TRL's own value is int(episodes / s): 0 on a slow machine
    assert model["metadata"]["final_kl"] == pytest.approx(sum(kl) / 4)  # the mean of the last (up to 10) steps
    assert model["metadata"]["final_kl_per_token"] == pytest.approx(sum(per_token) / 4)
    before, after = load_file(f"{tiny_policy_dir}/model.safetensors"), load_file(f"{model['path']}/model.safetensors")
    assert any(not torch.equal(before[k], after[k]) for k in before)
    # the Models table's parameter count, as SFT, DPO and GRPO models record it (a PPO model read "—")
    assert model["metadata"]["parameters"] == sum(t.numel() for t in after.values())
    run_dir = supervisor.workspace.run_dir(run_id)
    assert (run_dir / "checkpoints" / "latest.json").exists()
    samples = [json.loads(line) for line in (run_dir / "outputs" / "samples.jsonl").read_text().splitlines()]
    assert {s["step"] for s in samples} == {0, 2, 4} and all("reward" in s for s in samples)


def test_ppo_runs_with_a_likelihood_head_reward_and_value_model(supervisor, store, tiny_policy, tiny_policy_dir,
                                                              demo_corpus, tmp_path):
    """The likelihood head's wrapped backbone through TRL's PPO: the reward read by ``get_reward`` and the value
    model (loaded from the reward model) trained beside the policy; its value checkpoint reloads."""
    from engine.models.loading import load_tokenizer
    from engine.reward.likelihood_head import LikelihoodScore
    from engine.reward.model import build_reward_model, load_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    folder = save_reward_model(build_reward_model(tiny_policy_dir, head="likelihood", pad_token_id=tok.pad_token_id),
                               tok, tmp_path / "rm-lik", prompt_format="tags")
    store.models.register("tiny-rm-lik", "reward", str(folder), metadata={"prompt_format": "tags"})
    run_id = supervisor.start("ppo", _config(demo_corpus, reward_model="tiny-rm-lik", steps=2, eval_every=2,
                                             save_every=2, model_name="cold-lik"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    rewards = [r["value"] for r in store.runs.metrics(run_id, keys=("reward_mean",))]
    assert len(rewards) == 2 and all(v < 0 for v in rewards)  # a log-likelihood: below zero
    checkpoint = sorted((supervisor.workspace.run_dir(run_id) / "checkpoints").glob("step-*"))[-1]
    value = load_reward_model(checkpoint / "value")  # what a resumed run loads
    assert isinstance(value.score, LikelihoodScore)


def test_kl_alarm_is_written_and_can_stop_early(supervisor, store, tiny_policy, tiny_rm, demo_corpus):
    run_id = supervisor.start("ppo", _config(demo_corpus, steps=6, kl_target=1e-6, stop_on_kl=True, eval_every=5,
                                             learning_rate=5e-3, model_name="stopped"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded"
    logs = [r["message"] for r in store.runs.logs(run_id, tail=500)]
    assert any(m.startswith("ALARM kl_above_target") for m in logs)
    assert any(m.startswith("stopped early") for m in logs)
    meta = store.models.get("stopped")["metadata"]
    assert meta["steps"] < 6
    alarms = (supervisor.workspace.run_dir(run_id) / "outputs" / "alarms.jsonl").read_text()
    assert "kl_above_target" in alarms
    # the page says so (it looked like a normal success), and the held-out chrF is the stopped policy's own
    assert store.runs.get(run_id)["message"].startswith(f"stopped early at step {meta['steps']} of 6")
    evaluated = {row["step"] for row in store.runs.metrics(run_id) if row["key"] == "heldout_chrf"}
    assert meta["steps"] in evaluated


def test_cancelled_ppo_resumes_from_its_checkpoint(supervisor, store, tiny_policy, tiny_rm, demo_corpus):
    supervisor.kill_after_s = 120  # a PPO step (rollout + optimisation) must finish before the checkpoint
    run_id = supervisor.start("ppo", _config(demo_corpus, steps=200, save_every=1000, eval_every=9, heldout_size=4,
                                             model_name="resumed"))
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and (store.runs.get(run_id)["progress_done"] or 0) < 2:
        supervisor.poll()
        time.sleep(0.2)
    assert supervisor.cancel_and_wait(run_id, timeout_s=120) == "cancelled"
    latest = json.loads((supervisor.workspace.run_dir(run_id) / "checkpoints" / "latest.json").read_text())
    assert latest["step"] >= 2
    supervisor.resume(run_id)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and (store.runs.get(run_id)["progress_done"] or 0) <= latest["step"] + 10:
        supervisor.poll()
        time.sleep(0.2)
    logs = [r["message"] for r in store.runs.logs(run_id, tail=500)]
    assert f"resuming from {latest['path']} (step {latest['step']})" in logs
    assert store.runs.get(run_id)["progress_done"] > latest["step"] + 10
    supervisor.cancel_and_wait(run_id, timeout_s=120)
    # evaluated every 9 steps of the run, after the resume too (the resumed trainer counts from 0: they fell at
    # the checkpoint's step + 9, + 18…, which only a checkpoint on a multiple of 9 cannot tell apart)
    evaluated = sorted({row["step"] for row in store.runs.metrics(run_id) if row["key"] == "heldout_chrf"})
    assert [s for s in evaluated if s > latest["step"]] and all(s % 9 == 0 for s in evaluated), (latest, evaluated)
    # the learning rate goes on decaying over the whole run: TRL's schedule over the steps left started it again
    # at its peak after the resume
    rates = [row["value"] for row in sorted(store.runs.metrics(run_id, ("lr",)), key=lambda r: r["step"])]
    assert len(rates) > latest["step"] + 10
    assert all(b <= a * (1 + 1e-6) for a, b in zip(rates, rates[1:], strict=False)), rates


def _register_reward_model(store, tiny_policy_dir, folder, name: str, prompt_format: str = "tags",
                           added_tokens: tuple[str, ...] = ()) -> None:
    """A reward model on the tiny policy's backbone, registered as ``name``: saved with ``prompt_format`` and its
    tokenizer given ``added_tokens``."""
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id)
    if added_tokens:
        tok.add_tokens(list(added_tokens))
    saved = save_reward_model(model, tok, folder, prompt_format=prompt_format)
    store.models.register(name, "reward", str(saved), metadata={"prompt_format": prompt_format})


def test_a_reward_model_with_another_tokenizer_is_refused_before_the_run(supervisor, store, tiny_policy,
                                                                        tiny_policy_dir, demo_corpus, tmp_path):
    # PPO hands the reward model the policy's token ids: another tokenizer read other words, or failed the run late
    _register_reward_model(store, tiny_policy_dir, tmp_path / "rm-other", "rm-other",
                           added_tokens=("<another-vocabulary>",))
    with pytest.raises(ValueError, match="does not share the tokenizer of tiny-sft .their vocabularies differ"):
        supervisor.start("ppo", _config(demo_corpus, reward_model="rm-other"))
    assert not store.runs.list(kinds=("ppo",))


def test_a_reward_model_of_another_prompt_format_is_refused_before_the_run(supervisor, store, tiny_policy,
                                                                           tiny_policy_dir, demo_corpus, tmp_path):
    # a reward model trains on prompts in its backbone's format, as it is scored everywhere else; PPO scores the
    # policy's own prompt, a framing such a reward model never saw
    _register_reward_model(store, tiny_policy_dir, tmp_path / "rm-chat", "rm-chat", prompt_format="instruction")
    with pytest.raises(ValueError, match="the 'instruction' format and tiny-sft writes them in 'tags'"):
        supervisor.start("ppo", _config(demo_corpus, reward_model="rm-chat"))
    assert not store.runs.list(kinds=("ppo",))


def test_a_response_longer_than_the_models_context_is_refused_before_the_run(supervisor, store, tiny_policy,
                                                                             tiny_rm, demo_corpus):
    # it started, then failed with an IndexError inside the model, and offered a Resume that could only fail again
    import re

    from engine.jobs.training import model_context
    from engine.models.refs import resolve_model

    context = model_context(resolve_model(store, "tiny-sft"))
    with pytest.raises(ValueError, match=f"Longest response is {context - 8} tokens and the longest prompt "
                                         rf"(\d+): tiny-sft reads {context} positions in all") as refused:
        supervisor.start("ppo", _config(demo_corpus, response_length=context - 8))
    longest = int(re.search(r"the longest prompt (\d+)", str(refused.value)).group(1))
    assert longest > 8 and f"choose at most {context - longest}" in str(refused.value)
    assert not store.runs.list(kinds=("ppo",))
    run_id = supervisor.create("ppo", _config(demo_corpus, response_length=context - longest))  # it fits exactly
    assert store.runs.get(run_id)["status"] == "queued"
