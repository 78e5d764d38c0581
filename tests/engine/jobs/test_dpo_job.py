"""The dpo job, for real in a subprocess on the tiny policy: training, metrics, checkpoint, registration, resume."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import torch

from engine.jobs.dpo import DpoJobConfig, encode_pairs, metric_values
from tests.conftest import progressed, wait_for

pytestmark = pytest.mark.slow


def _config(pair_set: str, **overrides) -> DpoJobConfig:
    values = {"policy": "tiny-sft", "pair_sets": [pair_set], "learning_rate": 1e-3, "batch_size": 8, "epochs": 1,
              "eval_every": 5, "save_every": 5, "max_length": 128}
    return DpoJobConfig(**{**values, **overrides})


def _weights(folder: Path | str) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(Path(folder) / "model.safetensors"))


def _changed(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    assert a.keys() == b.keys()
    return any(not torch.equal(a[k], b[k]) for k in a)


def test_pairs_are_encoded_like_the_reward_model_reads_them(tiny_policy_dir):
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import build_prompt
    from engine.reward.encoding import pair_ids

    tokenizer = load_tokenizer(tiny_policy_dir)
    row = {"source": "Good morning.", "pair": "en-ar", "chosen": "صباح الخير.", "rejected": "the"}
    (example,), dropped = encode_pairs([row], tokenizer, "tags", 256)
    assert dropped == 0 and example["prompt"] == build_prompt("Good morning.", "en-ar", "tags")
    bos, eos = tokenizer.bos_token_id, tokenizer.eos_token_id
    assert example["prompt_ids"].count(bos) == 1 and example["prompt_ids"][0] == bos
    assert example["chosen_ids"][-1] == eos and example["rejected_ids"][-1] == eos
    assert example["prompt_ids"] + example["chosen_ids"] == pair_ids(tokenizer, example["prompt"], row["chosen"],
                                                                     "tags")
    assert encode_pairs([row], tokenizer, "tags", len(example["prompt_ids"]) + 1) == ([], 1)
    # a chat-template model: the rendered template holds BOS already; TRL's own tokenization would add a second one
    tokenizer.chat_template = "{{ bos_token }}{% for m in messages %}<{{ m['role'] }}>{{ m['content'] }}{% endfor %}"
    (chat,), _ = encode_pairs([row], tokenizer, "instruction", 256)
    assert chat["prompt"].startswith(tokenizer.bos_token) and chat["prompt_ids"].count(bos) == 1
    assert tokenizer(chat["prompt"])["input_ids"].count(bos) == 2


def test_metric_keys_are_store_friendly():
    assert metric_values({"rewards/margins": 0.5, "eval_logps/chosen": -3, "learning_rate": 1e-4, "epoch": 1.0,
                          "flag": True, "text": "x"}) == {"rewards_margins": 0.5, "eval_logps_chosen": -3.0,
                                                          "lr": 1e-4}


def test_dpo_job_trains_checkpoints_and_registers(supervisor, store, tiny_policy, tiny_policy_dir, pair_set):
    t0 = time.monotonic()
    run_id = supervisor.start("dpo", _config(pair_set, model_name="dpo-test", register_stage="cold-start"))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    keys = set(store.runs.metric_keys(run_id))
    assert {"loss", "rewards_chosen", "rewards_rejected", "rewards_accuracies", "rewards_margins", "logps_chosen",
            "logps_rejected", "eval_loss", "eval_rewards_accuracies", "eval_rewards_margins"} <= keys, keys
    model = store.models.get("dpo-test")
    assert model["kind"] == "policy" and model["stage"] == "cold-start"
    assert model["parent"] == "tiny-sft" and model["run_id"] == run_id
    meta = model["metadata"]
    assert meta["method"] == "dpo" and meta["pair_sets"] == [pair_set] and meta["parent_policy"] == "tiny-sft"
    assert meta["beta"] == 0.1 and meta["steps"] == 12 and meta["train_pairs"] == 96
    assert "eval_rewards_accuracies" in meta
    folder = Path(model["path"])
    card = json.loads((folder / "tarjama.json").read_text())
    assert card["prompt_format"] == "tags" and card["created_by"] == "dpo" and card["parent"] == "tiny-sft"
    assert (folder / "tokenizer.json").exists()
    assert _changed(_weights(tiny_policy_dir), _weights(folder)), "DPO left the policy unchanged"
    run_dir = supervisor.workspace.run_dir(run_id)
    assert sorted(p.name for p in (run_dir / "checkpoints").glob("checkpoint-*")) == ["checkpoint-10",
                                                                                      "checkpoint-12"]
    print(f"dpo job: {time.monotonic() - t0:.1f}s")


def test_dpo_job_with_lora_saves_a_merged_policy(supervisor, store, tiny_policy, tiny_policy_dir, pair_set):
    run_id = supervisor.start("dpo", _config(pair_set, lora=True, lora_r=4, lora_alpha=8, learning_rate=5e-3,
                                             max_pairs=32, eval_every=100))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    model = store.models.list(kind="policy", stage="cold-start")[0]
    assert model["name"].startswith("dpo-") and model["metadata"]["lora"] is True
    folder = Path(model["path"])
    assert not (folder / "adapter_config.json").exists()
    assert _changed(_weights(tiny_policy_dir), _weights(folder))


def test_cancelled_dpo_job_resumes_from_its_checkpoint(supervisor, store, tiny_policy, pair_set):
    run_id = supervisor.start("dpo", _config(pair_set, epochs=200, save_every=1000, eval_every=1000,
                                             model_name="dpo-resume"))
    wait_for(progressed(supervisor, run_id, 6), what="training progress")
    assert supervisor.cancel_and_wait(run_id, timeout_s=90) == "cancelled"
    checkpoints = sorted((supervisor.workspace.run_dir(run_id) / "checkpoints").glob("checkpoint-*"))
    assert checkpoints, "cancel saves a checkpoint"
    step = int(checkpoints[-1].name.split("-")[1])
    assert step >= 6
    supervisor.resume(run_id)
    deadline = time.monotonic() + 120
    logs: list[str] = []
    while time.monotonic() < deadline:
        supervisor.poll()
        logs = [r["message"] for r in store.runs.logs(run_id, tail=500)]
        if f"resuming from checkpoint-{step}" in logs and (store.runs.get(run_id)["progress_done"] or 0) > step:
            break
        time.sleep(0.2)
    assert f"resuming from checkpoint-{step}" in logs
    assert store.runs.get(run_id)["progress_done"] > step
    assert supervisor.cancel_and_wait(run_id, timeout_s=90) == "cancelled"
    assert store.models.get("dpo-resume") is None
