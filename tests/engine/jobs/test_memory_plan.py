"""The memory planner against hand computations for the published Gemma-2 2B / 9B / 27B configs (no download)."""

from __future__ import annotations

import pytest

from engine.jobs.memory_plan import GEMMA2_SHAPES, GIB, OVERHEAD_GIB, ModelShape, PlanSettings, plan_memory

# config.json of google/gemma-2-2b, -9b and -27b: the keys the planner reads, with their published values
GEMMA2_CONFIGS = {
    "Gemma-2 2B": {
        "model_type": "gemma2",
        "hidden_size": 2304,
        "num_hidden_layers": 26,
        "num_attention_heads": 8,
        "num_key_value_heads": 4,
        "head_dim": 256,
        "intermediate_size": 9216,
        "vocab_size": 256000,
        "attn_logit_softcapping": 50.0,
        "final_logit_softcapping": 30.0,
    },
    "Gemma-2 9B": {
        "model_type": "gemma2",
        "hidden_size": 3584,
        "num_hidden_layers": 42,
        "num_attention_heads": 16,
        "num_key_value_heads": 8,
        "head_dim": 256,
        "intermediate_size": 14336,
        "vocab_size": 256000,
        "attn_logit_softcapping": 50.0,
        "final_logit_softcapping": 30.0,
    },
    "Gemma-2 27B": {
        "model_type": "gemma2",
        "hidden_size": 4608,
        "num_hidden_layers": 46,
        "num_attention_heads": 32,
        "num_key_value_heads": 16,
        "head_dim": 128,
        "intermediate_size": 36864,
        "vocab_size": 256000,
        "attn_logit_softcapping": 50.0,
        "final_logit_softcapping": 30.0,
    },
}
# parameters by hand: embeddings (tied) + layers × (q + k + v + o + gate/up/down + 4 norms) + final norm
P2B = 256000 * 2304 + 26 * (2304 * 2048 + 2 * 2304 * 1024 + 2048 * 2304 + 3 * 2304 * 9216 + 4 * 2304) + 2304
P9B = 256000 * 3584 + 42 * (3584 * 4096 + 2 * 3584 * 2048 + 4096 * 3584 + 3 * 3584 * 14336 + 4 * 3584) + 3584
P27B = 256000 * 4608 + 46 * (4608 * 4096 + 2 * 4608 * 2048 + 4096 * 4608 + 3 * 4608 * 36864 + 4 * 4608) + 4608


def test_parameter_counts_are_the_published_ones():
    assert P2B == 2_614_341_888 and P9B == 9_241_705_984 and P27B == 27_227_128_320  # the model cards' counts
    assert GEMMA2_SHAPES["Gemma-2 2B"].parameters == P2B
    assert GEMMA2_SHAPES["Gemma-2 9B"].parameters == P9B
    assert GEMMA2_SHAPES["Gemma-2 27B"].parameters == P27B
    assert GEMMA2_SHAPES["Gemma-2 2B"].reward_parameters == P2B + 2304  # + the linear score head


@pytest.mark.parametrize("name", list(GEMMA2_CONFIGS))
def test_shapes_read_from_config_json(name, tmp_path):
    import json

    assert ModelShape.from_config(GEMMA2_CONFIGS[name], name=name) == GEMMA2_SHAPES[name]
    (tmp_path / "config.json").write_text(json.dumps(GEMMA2_CONFIGS[name]))
    assert ModelShape.from_folder(tmp_path, name=name) == GEMMA2_SHAPES[name]


def test_a_folder_without_config_says_so(tmp_path):
    with pytest.raises(ValueError, match="cannot read .*config.json"):
        ModelShape.from_folder(tmp_path)
    with pytest.raises(ValueError, match="has none of vocab_size"):
        ModelShape.from_config({"hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2})


def test_reward_model_2b_full_bf16_on_one_gpu():
    settings = PlanSettings(precision="bf16", batch=8, seq_len=256)
    plan = plan_memory("reward", GEMMA2_SHAPES["Gemma-2 2B"], settings)
    p = P2B + 2304
    # no DeepSpeed: fp32 weights and gradients under autocast, AdamW's two fp32 moments
    assert plan.parts["reward model weights"] == pytest.approx(4 * p / GIB)
    assert plan.parts["reward model gradients"] == pytest.approx(4 * p / GIB)
    assert plan.parts["reward model optimizer states"] == pytest.approx(8 * p / GIB)
    # activations: 2048 tokens × 26 layers × (7·2304 + 2·2048 + 2·1024 + 4·9216 + 2·8·256 attention) × 2 bytes
    per_token_layer = 7 * 2304 + 2 * 2048 + 2 * 1024 + 4 * 9216 + 2 * 8 * 256
    assert plan.parts["activations"] == pytest.approx(2048 * 26 * per_token_layer * 2 / GIB)
    assert plan.total_gib == pytest.approx((16 * p + 2048 * 26 * per_token_layer * 2) / GIB + OVERHEAD_GIB)
    assert 45 < plan.total_gib < 47  # ~39 GiB of states + ~6.3 GiB of activations + overhead


def test_gradient_checkpointing_keeps_one_hidden_per_layer():
    shape = GEMMA2_SHAPES["Gemma-2 2B"]
    plan = plan_memory("reward", shape, PlanSettings(batch=8, seq_len=256, gradient_checkpointing=True))
    per_token_layer = 7 * 2304 + 2 * 2048 + 2 * 1024 + 4 * 9216 + 2 * 8 * 256
    assert plan.parts["activations"] == pytest.approx(2048 * (26 * 2304 + per_token_layer) * 2 / GIB)


def test_dpo_9b_full_under_zero3_on_8_gpus():
    settings = PlanSettings(precision="bf16", batch=4, seq_len=512, zero_stage=3, gpus=8, gradient_checkpointing=True)
    plan = plan_memory("dpo", GEMMA2_SHAPES["Gemma-2 9B"], settings)
    # ZeRO-3 shards all 16 bytes per parameter (bf16 weights 2, grads 2, fp32 master + moments 12) and the reference
    assert plan.parts["policy weights"] == pytest.approx(2 * P9B / 8 / GIB)
    assert plan.parts["policy gradients"] == pytest.approx(2 * P9B / 8 / GIB)
    assert plan.parts["policy optimizer states"] == pytest.approx(12 * P9B / 8 / GIB)
    assert plan.parts["reference weights"] == pytest.approx(2 * P9B / 8 / GIB)
    tokens = 4 * 512
    per_token_layer = 7 * 3584 + 2 * 4096 + 2 * 2048 + 4 * 14336 + 2 * 16 * 512
    logits = tokens * 256000 * 2 * 4
    assert plan.parts["activations"] == pytest.approx((tokens * (42 * 3584 + per_token_layer) * 2 + logits) / GIB)


def test_dpo_27b_lora_has_no_reference():
    settings = PlanSettings(precision="bf16", lora=True, lora_r=16, batch=2, seq_len=256, zero_stage=3, gpus=4)
    plan = plan_memory("dpo", GEMMA2_SHAPES["Gemma-2 27B"], settings)
    assert "reference weights" not in plan.parts
    assert plan.parts["policy weights (frozen base)"] == pytest.approx(2 * P27B / 4 / GIB)
    lora = 46 * 16 * ((4608 + 4096) * 2 + 2 * (4608 + 2048) + 3 * (4608 + 36864))
    assert plan.parts["policy LoRA adapters"] == pytest.approx(2 * lora / 4 / GIB)
    assert plan.parts["policy optimizer states"] == pytest.approx(12 * lora / 4 / GIB)


def test_ppo_2b_lora_policy_and_2b_reward_under_zero2_on_2_gpus():
    shape = GEMMA2_SHAPES["Gemma-2 2B"]
    settings = PlanSettings(
        precision="bf16",
        lora=True,
        lora_r=16,
        batch=4,
        seq_len=128,
        generation_batch=16,
        zero_stage=2,
        gpus=2,
        gradient_checkpointing=True,
    )
    plan = plan_memory("ppo", shape, settings, reward=shape)
    p, pr = P2B, P2B + 2304
    lora = 26 * 16 * ((2304 + 2048) * 2 + 2 * (2304 + 1024) + 3 * (2304 + 9216))
    assert lora == 20_766_720
    assert plan.parts["policy weights (frozen base)"] == pytest.approx(2 * p / GIB)  # ZeRO-2 keeps weights whole
    assert plan.parts["policy LoRA adapters"] == pytest.approx(2 * lora / GIB)
    assert plan.parts["policy gradients"] == pytest.approx(2 * lora / 2 / GIB)
    assert plan.parts["policy optimizer states"] == pytest.approx(12 * lora / 2 / GIB)
    assert "reference weights" not in plan.parts  # LoRA: the adapter-free base is the reference
    assert plan.parts["value model weights"] == pytest.approx(2 * pr / GIB)  # the value model trains in full
    assert plan.parts["value model gradients"] == pytest.approx(2 * pr / 2 / GIB)
    assert plan.parts["value model optimizer states"] == pytest.approx(12 * pr / 2 / GIB)
    assert plan.parts["reward model weights"] == pytest.approx(2 * pr / GIB)
    assert plan.parts["generation KV cache"] == pytest.approx(16 * 128 * 2 * 26 * 1024 * 2 / GIB)


def test_ppo_full_counts_four_models():
    shape = GEMMA2_SHAPES["Gemma-2 2B"]
    plan = plan_memory("ppo", shape, PlanSettings(batch=2, seq_len=128), reward=shape)
    assert {"policy weights", "reference weights", "value model weights", "reward model weights"} <= set(plan.parts)
    with pytest.raises(ValueError, match="reward model"):
        plan_memory("ppo", shape, PlanSettings())


def test_grpo_reward_model_is_never_sharded():
    shape = GEMMA2_SHAPES["Gemma-2 9B"]
    settings = PlanSettings(batch=8, seq_len=128, zero_stage=3, gpus=4)
    plan = plan_memory("grpo", shape, settings, reward=GEMMA2_SHAPES["Gemma-2 2B"])
    assert plan.parts["reward model weights"] == pytest.approx(2 * (P2B + 2304) / GIB)
    assert plan.parts["reference weights"] == pytest.approx(2 * P9B / 4 / GIB)
    no_ref = plan_memory("grpo", shape, PlanSettings(batch=8, seq_len=128, reference=False))
    assert "reference weights" not in no_ref.parts and "reward model weights" not in no_ref.parts


def test_fp32_and_fp16_bytes():
    shape = GEMMA2_SHAPES["Gemma-2 2B"]
    fp32 = plan_memory("dpo", shape, PlanSettings(precision="fp32", zero_stage=3, gpus=2, batch=1, seq_len=16))
    assert fp32.parts["policy weights"] == pytest.approx(4 * P2B / 2 / GIB)
    assert fp32.parts["reference weights"] == pytest.approx(4 * P2B / 2 / GIB)
    fp16 = plan_memory("dpo", shape, PlanSettings(precision="fp16", lora=True, batch=1, seq_len=16))
    assert fp16.parts["policy weights (frozen base)"] == pytest.approx(4 * P2B / GIB)  # fp32 base beside adapters


def test_summary_in_plain_words():
    plan = plan_memory(
        "dpo",
        GEMMA2_SHAPES["Gemma-2 9B"],
        PlanSettings(batch=2, seq_len=256, zero_stage=3, gpus=4, gradient_checkpointing=True),
    )
    need = f"needs ~{plan.total_gib:.0f} GiB per GPU on 4 GPUs"
    assert 40 < plan.total_gib < 45  # 9 bytes per parameter over 4 GPUs (~19 GiB each) + ~1 GiB of logits + ...
    assert plan.summary([80.0] * 4) == f"{need}; you have 80 GiB each — fits"
    assert plan.summary([24.0]) == f"{need}; you have 24 GiB; only 1 visible of the 4 it needs — does NOT fit"
    # enough memory on too few GPUs said "fits"
    too_few = f"{need}; you have 80 GiB each; only 2 visible of the 4 it needs — too few GPUs here"
    assert plan.summary([80.0, 80.0]) == too_few
    assert plan.summary([80.0, 80.0], machines=2) == f"{need}; you have 80 GiB each — fits"
    assert plan.summary([80.0], machines=2) == (f"{need}; you have 80 GiB; only 1 visible of the 2 it needs on this "
                                                "machine — too few GPUs here")
    assert plan.summary([]) == f"{need}; no GPU visible on this machine"


def test_bad_settings_are_refused():
    shape = GEMMA2_SHAPES["Gemma-2 2B"]
    with pytest.raises(ValueError, match="ZeRO stage"):
        plan_memory("dpo", shape, PlanSettings(zero_stage=1))
    with pytest.raises(ValueError, match="no memory plan"):
        plan_memory("generate", shape, PlanSettings())


def test_the_tiny_policy_folder(tiny_policy_dir):
    from engine.models.loading import load_causal_lm

    shape = ModelShape.from_folder(tiny_policy_dir)
    model = load_causal_lm(tiny_policy_dir)
    assert shape.parameters == sum(p.numel() for p in model.parameters())
    assert plan_memory("dpo", shape, PlanSettings(batch=2, seq_len=32)).total_gib < OVERHEAD_GIB + 1


@pytest.mark.parametrize(("objective", "reference"), [("dpo", True), ("kto", True), ("cpo", False), ("orpo", False)])
def test_dpo_objectives_without_a_reference_plan_none(objective, reference):
    """CPO and ORPO build no reference model: the DPO estimate counted one for them too (a 9B policy's 17 GiB)."""
    from engine.jobs.memory_plan import holds_reference

    assert holds_reference("dpo", {"objective": objective}) is reference
    settings = PlanSettings(batch=4, seq_len=256, reference=holds_reference("dpo", {"objective": objective}))
    plan = plan_memory("dpo", GEMMA2_SHAPES["Gemma-2 9B"], settings)
    assert ("reference weights" in plan.parts) is reference
    assert holds_reference("grpo", {"beta": 0.0}) is False and holds_reference("grpo", {"beta": 0.04}) is True


def _meta_count(config) -> int:
    """The parameters of ``config``'s causal LM, built by transformers on the meta device (no memory)."""
    import torch
    from transformers import AutoModelForCausalLM

    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(config)
    return sum(p.numel() for p in model.parameters())


def _configs() -> dict:
    import transformers as T

    return {
        "gpt2": T.GPT2Config(),  # GPT-2 small, 124.4M: a plain two-matrix MLP (the planner said 151.9M)
        "gpt_neox": T.GPTNeoXConfig(hidden_size=512, num_hidden_layers=6, num_attention_heads=8,
                                    intermediate_size=2048, vocab_size=50304),
        "llama": T.LlamaConfig(hidden_size=512, num_hidden_layers=4, num_attention_heads=8, num_key_value_heads=2,
                               intermediate_size=1376, vocab_size=32000, tie_word_embeddings=False),
    }


@pytest.mark.parametrize("model_type", ["gpt2", "gpt_neox", "llama"])
def test_parameters_match_transformers_for_plain_and_gated_mlps(model_type):
    config = _configs()[model_type]
    shape = ModelShape.from_config(config.to_dict(), name=model_type)
    assert shape.gated is (model_type == "llama")
    # left out: biases and GPT-2's learned positions (0.7% of GPT-2)
    assert shape.parameters == pytest.approx(_meta_count(config), rel=0.01)


def test_an_unknown_mlp_layout_is_refused():
    config = {**GEMMA2_CONFIGS["Gemma-2 2B"], "model_type": "mixtral"}
    with pytest.raises(ValueError, match="model type 'mixtral' has an MLP layout the estimate does not know"):
        ModelShape.from_config(config, name="moe")


README_JOBS = {"reward model": "reward", "DPO": "dpo", "GRPO": "grpo", "PPO": "ppo"}


def readme_memory_rows() -> list[list[str]]:
    """The rows of the README's GPU memory table: policy, job, training, then 1 GPU, 2 GPUs ZeRO-3, 8 GPUs ZeRO-3."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines()
            if line.startswith("| Gemma-2 ") and line.count("|") == 7]
    assert len(rows) >= 10
    return rows


def memory_cells(policy: str, kind: str) -> list[str]:
    """``full / LoRA`` GiB per GPU as the README's table states its settings: bf16, 8 sequences of 256 tokens per
    GPU, gradient checkpointing, PPO/GRPO with a Gemma-2 2B reward model."""
    cells = []
    for gpus, stage in ((1, 0), (2, 3), (8, 3)):
        totals = []
        for lora in (False, True):
            settings = PlanSettings(precision="bf16", lora=lora, batch=8, seq_len=256, gradient_checkpointing=True,
                                    gpus=gpus, zero_stage=stage)
            reward = GEMMA2_SHAPES["Gemma-2 2B"] if kind in ("ppo", "grpo") else None
            totals.append(round(plan_memory(kind, GEMMA2_SHAPES[policy], settings, reward=reward).total_gib))
        cells.append(f"{totals[0]} / {totals[1]}")
    return cells


def test_the_readme_memory_table_is_the_code():
    """The table was 1 GiB above the code in 16 GRPO/PPO cells."""
    for policy, job, _training, *cells in readme_memory_rows():
        kind = README_JOBS[job.split(" (")[0]]
        assert cells == memory_cells(policy, kind), (policy, job)
