"""QLoRA in the reward jobs, for real on the tiny policy: a 4-bit NF4 backbone (bitsandbytes' CPU kernels) trains
LoRA adapters and the head, and the registered model is the unquantised backbone with the adapters merged."""

from __future__ import annotations

import json
import re

import pytest
import torch

from engine.jobs.kinds import checked_config
from engine.jobs.reward import RewardJobConfig
from engine.reward.model import load_reward_model

pytestmark = pytest.mark.slow


def _config(pair_set, **overrides):
    values = {"base_model": "tiny-sft", "pair_sets": [pair_set], "learning_rate": 3e-3, "batch_size": 8,
              "epochs": 2, "eval_every": 5, "save_every": 5, "max_pairs": 48, "lora_r": 4, "lora_alpha": 8,
              "unfreeze_schedule": ["head@0", "all@1"], "qlora": True, "likelihood_baseline": False}
    return RewardJobConfig(**{**values, **overrides})


def _qlora_log(store, run_id) -> tuple[int, int]:
    """(4-bit linear layers, trainable parameters) from the job's QLoRA log line."""
    line = next(r["message"] for r in store.runs.logs(run_id) if r["message"].startswith("QLoRA: ")
                and "4-bit NF4" in r["message"])
    layers = int(re.match(r"QLoRA: (\d+) linear layers", line).group(1))
    trainable = int(re.search(r"train \(([\d,]+) parameters\)", line).group(1).replace(",", ""))
    return layers, trainable


def _assert_merged_into_full_precision(rm, policy_dir, lora_r):
    """The registered model: no 4-bit weight anywhere, float32 as trained on the CPU, the untrained embeddings
    exactly the policy's (never rounded through 4-bit), and each linear layer the policy's plus a delta of rank at
    most ``lora_r`` — the adapters merged into the unquantised weights (a merge into dequantised 4-bit weights
    would leave a full-rank difference)."""
    from transformers import AutoModelForCausalLM

    assert not getattr(rm, "is_loaded_in_4bit", False) and not getattr(rm, "is_quantized", False)
    assert not any("4bit" in type(m).__name__ for m in rm.modules())
    assert {p.dtype for p in rm.parameters()} == {torch.float32}
    backbone = rm.model.inner if hasattr(rm.model, "inner") else rm.model
    policy = AutoModelForCausalLM.from_pretrained(policy_dir).model
    assert torch.equal(backbone.get_input_embeddings().weight, policy.embed_tokens.weight)
    deltas = [backbone.layers[0].self_attn.q_proj.weight - policy.layers[0].self_attn.q_proj.weight,
              backbone.layers[1].mlp.down_proj.weight - policy.layers[1].mlp.down_proj.weight]
    for delta in deltas:
        assert delta.abs().max() > 0, "the adapters trained and were merged"
        assert torch.linalg.matrix_rank(delta.double(), rtol=1e-6) <= lora_r


@pytest.mark.parametrize("head", ["linear", "likelihood"])
def test_a_qlora_reward_job_trains_adapters_on_a_4bit_backbone_and_registers_a_full_precision_model(
        supervisor, store, tiny_policy, tiny_policy_dir, pair_set, head):
    run_id = supervisor.start("reward", _config(pair_set, head=head, model_name=f"rm-q-{head}"))
    assert supervisor.wait(run_id, timeout_s=400) == "succeeded", store.runs.logs(run_id, tail=30)
    # during training: the backbone's 14 linear layers (2 layers × q, k, v, o, gate, up, down) were 4-bit, and
    # in every unfreezing phase ("all" included) only the adapters and the head trained
    layers, trainable = _qlora_log(store, run_id)
    assert layers == 14
    phases = [r["message"] for r in store.runs.logs(run_id) if r["message"].startswith("unfreezing:")]
    assert [p.split()[1] for p in phases] == ["head", "all"]
    counts = [tuple(int(x.replace(",", "")) for x in re.search(r"\(([\d,]+) of ([\d,]+) param", p).groups())
              for p in phases]
    assert counts[1][0] == trainable < counts[1][1] and counts[0][0] < trainable
    merge = [r["message"] for r in store.runs.logs(run_id) if "adapters merged" in r["message"]]
    assert merge and "backbone loaded again unquantised in float32" in merge[0]
    adapter = supervisor.workspace.run_dir(run_id) / "outputs" / "qlora_adapter"
    assert (adapter / "adapter_model.safetensors").exists()
    assert "score" in json.loads((adapter / "adapter_config.json").read_text())["modules_to_save"]
    from safetensors.torch import load_file

    # the adapters and the head trained in fp32 (TRL casts a quantised model's trainable weights to bf16)
    assert {t.dtype for t in load_file(str(adapter / "adapter_model.safetensors")).values()} == {torch.float32}

    model = store.models.get(f"rm-q-{head}")
    assert model["metadata"]["qlora"] is True and model["metadata"]["lora"] is True  # qlora implies lora
    assert 0.0 <= model["metadata"]["valid_accuracy"] <= 1.0
    rm = load_reward_model(model["path"])
    _assert_merged_into_full_precision(rm, tiny_policy_dir, lora_r=4)
    ids = torch.randint(3, 500, (3, 12))
    with torch.no_grad():
        rewards = rm(input_ids=ids, attention_mask=torch.ones_like(ids)).logits
    assert rewards.shape == (3, 1) and torch.isfinite(rewards).all()


def test_qlora_is_checked_for_bitsandbytes_not_for_a_gpu(monkeypatch):
    # bitsandbytes' CPU kernels train QLoRA (the job above runs on this CPU): only a missing package is refused
    assert checked_config("reward", {"qlora": True}).qlora
    assert checked_config("reward_finetune", {"qlora": True}).qlora
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "bitsandbytes" else real(name, *a))
    for kind in ("reward", "reward_finetune"):
        with pytest.raises(ValueError, match="qlora: QLoRA needs the bitsandbytes package"):
            checked_config(kind, {"qlora": True})


def test_qlora_on_the_cpu_asks_for_a_bitsandbytes_with_cpu_kernels(monkeypatch):
    # an older bitsandbytes passed the check on the CPU and failed inside the job
    import importlib.metadata

    import engine.jobs.training as training

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0.45.0" if name == "bitsandbytes" else real(name))
    monkeypatch.setattr(training, "cuda_available", lambda: False)
    with pytest.raises(ValueError, match="QLoRA on the CPU needs bitsandbytes 0.48 or later .* 0.45.0 is installed"):
        checked_config("reward", {"qlora": True})
    monkeypatch.setattr(training, "cuda_available", lambda: True)
    assert checked_config("reward", {"qlora": True}).qlora


def test_a_qlora_fine_tune_loads_a_saved_reward_model_with_its_mlp_head_on_a_4bit_backbone(
        supervisor, store, tiny_policy_dir, pair_set, tmp_path):
    # the fine-tune starts from a reward model, not a policy: its saved MLP head goes onto the 4-bit backbone
    # (load_reward_model built the head from its config and loaded the whole state dict: no way to quantise)
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.jobs.reward_finetune import RewardFinetuneJobConfig
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model
    from tests.conftest import learnable_pair_rows

    tok = load_tokenizer(tiny_policy_dir)
    folder = save_reward_model(build_reward_model(tiny_policy_dir, head="mlp", mlp_hidden=16,
                                                  pad_token_id=tok.pad_token_id), tok, tmp_path / "rm-mlp",
                               prompt_format="tags")
    store.models.register("tiny-rm-mlp", "reward", str(folder), metadata={"prompt_format": "tags"})
    human = [dict(r, linguist="Amina", judgement_id=i, weight=1.0) for i, r in enumerate(learnable_pair_rows(30))]
    pq.write_table(pa.Table.from_pylist(human), tmp_path / "human.parquet")
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, "human-set", "human", None, tmp_path / "human.parquet")

    run_id = supervisor.start("reward_finetune", RewardFinetuneJobConfig(
        base_model="tiny-rm-mlp", pair_sets=["human-set"], replay_pair_sets=[pair_set], replay_ratio=0.5,
        learning_rate=3e-3, epochs=1, batch_size=8, eval_every=5, save_every=5, qlora=True, lora_r=4,
        lora_alpha=8, model_name="rm-q-human"))
    assert supervisor.wait(run_id, timeout_s=400) == "succeeded", store.runs.logs(run_id, tail=30)
    assert _qlora_log(store, run_id)[0] == 14
    meta = store.models.get("rm-q-human")["metadata"]
    assert meta["head"] == "mlp" and meta["qlora"] is True and set(meta["base_accuracy"]) == {"human", "synthetic"}
    rm = load_reward_model(store.models.get("rm-q-human")["path"])
    assert isinstance(rm.score, torch.nn.Sequential)
    start = load_reward_model(folder)
    assert not torch.equal(rm.score[0].weight, start.score[0].weight), "the head trained"
    _assert_merged_into_full_precision(rm, tiny_policy_dir, lora_r=4)
