"""The precision resolver, and jobs that honour an explicit precision on the CPU (bf16 has CPU kernels in torch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from engine.jobs.precision import (
    PRECISIONS,
    PrecisionError,
    inference_model,
    reference_init_kwargs,
    resolve_precision,
    trainer_args,
)


@pytest.mark.parametrize(
    ("requested", "cuda", "bf16", "name", "device"),
    [
        ("auto", False, False, "fp32", "cpu"),
        ("auto", True, True, "bf16", "cuda"),
        ("auto", True, False, "fp16", "cuda"),  # a pre-Ampere GPU: fp16 with loss scaling
        ("bf16", False, False, "bf16", "cpu"),
        ("fp32", True, True, "fp32", "cuda"),
        ("fp16", True, True, "fp16", "cuda"),
        ("BF16", True, True, "bf16", "cuda"),
    ],
)
def test_resolution(requested, cuda, bf16, name, device):
    precision = resolve_precision(requested, cuda=cuda, bf16_supported=bf16)
    assert (precision.name, precision.device) == (name, device)
    flags = trainer_args(precision)
    assert flags["bf16"] == (name == "bf16") and flags["fp16"] == (name == "fp16")
    assert flags["use_cpu"] == (device == "cpu") and flags["gradient_checkpointing"] is False


@pytest.mark.parametrize(
    ("requested", "cuda", "bf16", "says"),
    [
        ("fp16", False, False, "needs a CUDA GPU"),
        ("bf16", True, False, "no bfloat16"),
        ("half", False, False, "choose one of"),
    ],
)
def test_impossible_precisions_say_what_to_choose(requested, cuda, bf16, says):
    with pytest.raises(PrecisionError, match=says):
        resolve_precision(requested, cuda=cuda, bf16_supported=bf16)


def test_this_machine_resolves_auto_by_what_torch_sees():
    precision = resolve_precision("auto")
    if torch.cuda.is_available():
        assert precision.device == "cuda" and precision.name in ("bf16", "fp16")
    else:
        assert (precision.name, precision.device) == ("fp32", "cpu")
    assert set(PRECISIONS) == {"auto", "bf16", "fp16", "fp32"}


def _fake_gpu(monkeypatch: pytest.MonkeyPatch, major: int, minor: int, name: str) -> None:
    """Make torch see one CUDA GPU of compute capability ``major.minor``; bfloat16 tensors work on it (a T4 or V100
    emulates them), so only the hardware queries are faked and torch's own ``is_bf16_supported`` logic runs."""
    import types

    props = types.SimpleNamespace(major=major, minor=minor, name=name, total_memory=16 * 2**30)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "current_device", lambda: 0)
    monkeypatch.setattr(torch.cuda, "get_device_properties", lambda device=None: props)
    monkeypatch.setattr(torch.cuda, "_check_bf16_tensor_supported", lambda device: True, raising=False)
    monkeypatch.setattr(torch.version, "hip", None)


@pytest.mark.parametrize(("major", "minor", "name"), [(7, 5, "Tesla T4"), (7, 0, "Tesla V100")])
def test_pre_ampere_gpus_get_fp16_and_refuse_bf16(monkeypatch, major, minor, name):
    """torch.cuda.is_bf16_supported() says yes on a T4 or V100 (bf16 is emulated there); the studio must not."""
    _fake_gpu(monkeypatch, major, minor, name)
    assert resolve_precision("auto").name == "fp16"
    with pytest.raises(PrecisionError, match="no bfloat16"):
        resolve_precision("bf16")


def test_ampere_gets_bf16(monkeypatch):
    _fake_gpu(monkeypatch, 8, 0, "A100")
    assert (resolve_precision("auto").name, resolve_precision("bf16").name) == ("bf16", "bf16")


def test_load_dtypes_keep_fp32_master_weights_for_what_trains():
    bf16 = resolve_precision("bf16", cuda=True, bf16_supported=True)
    fp16 = resolve_precision("fp16", cuda=True, bf16_supported=True)
    fp32 = resolve_precision("fp32", cuda=False, bf16_supported=False)
    assert bf16.load_dtype(trainable=True) == torch.float32  # full training: fp32 master, bf16 autocast
    assert bf16.load_dtype(trainable=True, lora=True) == torch.bfloat16  # a LoRA base is frozen
    assert bf16.load_dtype() == torch.bfloat16  # reference, reward model, generation
    assert fp16.load_dtype(trainable=True, lora=True) == torch.float32  # fp16 weights beside fp32 adapters break
    assert fp16.load_dtype() == torch.float16
    assert fp32.load_dtype() == torch.float32 and fp32.load_dtype(trainable=True, lora=True) == torch.float32


def test_gradient_checkpointing_is_non_reentrant():
    args = trainer_args(resolve_precision("fp32", cuda=False, bf16_supported=False), gradient_checkpointing=True)
    assert args["gradient_checkpointing"] is True
    assert args["gradient_checkpointing_kwargs"] == {"use_reentrant": False}


def test_reference_kwargs_come_from_the_config_alone(tiny_policy_dir):
    kwargs = reference_init_kwargs(str(tiny_policy_dir), resolve_precision("bf16", cuda=False, bf16_supported=False))
    assert kwargs["dtype"] == "bfloat16"
    json.dumps(kwargs)  # TRL writes its config as JSON


def test_inference_model_loads_in_the_precision(tiny_policy_dir):
    model = inference_model(str(tiny_policy_dir), resolve_precision("bf16"))
    assert {p.dtype for p in model.parameters()} == {torch.bfloat16} and not model.training
    assert model.device.type == ("cuda" if torch.cuda.is_available() else "cpu")


def test_reward_scorer_scores_in_bf16(tiny_rm, store):
    from engine.reward.scoring import RewardScorer

    path = store.models.get(tiny_rm)["path"]
    fp32 = RewardScorer(path).score(["Good morning."], ["صباح الخير."], "en-ar")
    scorer = RewardScorer(path, precision=resolve_precision("bf16"))
    assert next(scorer.model.parameters()).dtype == torch.bfloat16
    bf16 = scorer.score(["Good morning."], ["صباح الخير."], "en-ar")
    assert isinstance(bf16[0], float) and bf16[0] == pytest.approx(fp32[0], abs=0.05)


def _saved_dtypes(folder: Path) -> set[torch.dtype]:
    from safetensors.torch import load_file

    return {t.dtype for t in load_file(str(folder / "model.safetensors")).values()}


@pytest.mark.slow
@pytest.mark.parametrize(("precision", "dtype"), [("bf16", torch.bfloat16), ("fp32", torch.float32)])
def test_dpo_job_honours_an_explicit_precision(supervisor, store, tiny_policy, pair_set, precision, dtype):
    """A real DPO run on the tiny policy with LoRA: its frozen base loads in the chosen precision (bf16 on the CPU
    too), so the merged, saved policy has that dtype; the run's log names the precision. The bf16 run also
    checkpoints its gradients."""
    from engine.jobs.dpo import DpoJobConfig

    config = DpoJobConfig(
        policy=tiny_policy,
        pair_sets=[pair_set],
        learning_rate=1e-3,
        batch_size=8,
        epochs=1,
        max_pairs=16,
        eval_every=100,
        save_every=100,
        max_length=128,
        lora=True,
        lora_r=4,
        precision=precision,
        gradient_checkpointing=precision == "bf16",
        model_name=f"dpo-{precision}",
    )
    run_id = supervisor.start("dpo", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    logs = " ".join(line["message"] for line in store.runs.logs(run_id, tail=200))
    assert f"precision {precision} on cpu" in logs
    assert _saved_dtypes(Path(store.models.get(f"dpo-{precision}")["path"])) == {dtype}


@pytest.mark.slow
def test_ppo_job_in_bf16_with_lora_and_gradient_checkpointing(supervisor, store, tiny_policy, tiny_rm, demo_corpus):
    """PPO's four models on the CPU in bf16: the LoRA policy's base, the reference-free KL, the bf16 reward model and
    the fp32 value model train together with gradient checkpointing; the merged policy is saved in bf16."""
    from engine.jobs.ppo import PPOJobConfig

    config = PPOJobConfig(
        policy=tiny_policy,
        reward_model=tiny_rm,
        corpus_ids=[demo_corpus],
        steps=2,
        batch_size=4,
        mini_batch_size=2,
        ppo_epochs=1,
        response_length=8,
        learning_rate=1e-3,
        eval_every=2,
        heldout_size=4,
        save_every=100,
        lora=True,
        lora_r=4,
        precision="bf16",
        gradient_checkpointing=True,
        model_name="ppo-bf16",
    )
    run_id = supervisor.start("ppo", config)
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=30)
    logs = " ".join(line["message"] for line in store.runs.logs(run_id, tail=200))
    assert "precision bf16 on cpu" in logs
    assert _saved_dtypes(Path(store.models.get("ppo-bf16")["path"])) == {torch.bfloat16}
    assert "kl" in set(store.runs.metric_keys(run_id))
