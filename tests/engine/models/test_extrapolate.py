"""Weight extrapolation along base → tuned: the arithmetic, the checks, and a saved model that loads and runs."""

from __future__ import annotations

import pytest
import torch

from engine.models.extrapolate import ExtrapolationError, extrapolate_model, extrapolate_state
from engine.models.loading import load_causal_lm, load_state_dict


def test_extrapolate_state_moves_float_tensors_along_the_line():
    base = {"w": torch.tensor([1.0, 2.0]), "steps": torch.tensor([3])}
    tuned = {"w": torch.tensor([2.0, 1.0]), "steps": torch.tensor([7])}
    assert torch.equal(extrapolate_state(base, tuned, 0.0)["w"], base["w"])
    assert torch.equal(extrapolate_state(base, tuned, 1.0)["w"], tuned["w"])
    assert torch.equal(extrapolate_state(base, tuned, 0.5)["w"], torch.tensor([1.5, 1.5]))
    out = extrapolate_state(base, tuned, 2.0)
    assert torch.equal(out["w"], torch.tensor([3.0, 0.0]))
    assert torch.equal(out["steps"], torch.tensor([7]))  # integer buffers are the tuned model's


def test_extrapolate_state_keeps_the_tuned_dtype():
    base = {"w": torch.tensor([1.0, 2.0], dtype=torch.bfloat16)}
    tuned = {"w": torch.tensor([2.0, 4.0], dtype=torch.bfloat16)}
    out = extrapolate_state(base, tuned, 1.5)["w"]
    assert out.dtype == torch.bfloat16 and out.tolist() == [2.5, 5.0]


def test_extrapolate_state_refuses_other_architectures():
    with pytest.raises(ExtrapolationError, match="different tensors"):
        extrapolate_state({"a": torch.zeros(2)}, {"b": torch.zeros(2)}, 2.0)
    with pytest.raises(ExtrapolationError, match=r"shape \(2,\) in the base model, \(3,\) tuned"):
        extrapolate_state({"a": torch.zeros(2)}, {"a": torch.zeros(3)}, 2.0)


def test_extrapolate_model_writes_a_loadable_model(tiny_policy_dir, tmp_path):
    tuned_dir = tmp_path / "tuned"
    model = load_causal_lm(tiny_policy_dir)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.01)
    model.save_pretrained(tuned_dir, safe_serialization=True)
    for f in tiny_policy_dir.iterdir():
        if not f.name.endswith(".safetensors") and f.is_file() and not (tuned_dir / f.name).exists():
            (tuned_dir / f.name).write_bytes(f.read_bytes())

    out = extrapolate_model(tiny_policy_dir, tuned_dir, tmp_path / "expo", 2.0)
    base, tuned, moved = (load_state_dict(d) for d in (tiny_policy_dir, tuned_dir, out))
    name = next(k for k, v in base.items() if v.is_floating_point())
    assert torch.allclose(moved[name], base[name] + 2.0 * (tuned[name] - base[name]), atol=1e-6)
    assert (out / "tarjama.json").exists() and (out / "tokenizer.json").exists()
    again = load_causal_lm(out)
    ids = torch.tensor([[1, 2, 3]])
    assert torch.isfinite(again(input_ids=ids).logits).all()
