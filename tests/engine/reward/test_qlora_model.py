"""Reward models on a 4-bit backbone (QLoRA): built or loaded quantised with every head, the head unquantised."""

from __future__ import annotations

import pytest
import torch

from engine.reward.model import (
    build_reward_model,
    load_reward_model,
    qlora_quantization,
    save_reward_model,
)
from engine.reward.unfreezing import Phase, apply_phase

bnb = pytest.importorskip("bitsandbytes")


def _linear4bit(model) -> int:
    return sum(isinstance(m, bnb.nn.Linear4bit) for m in model.modules())


@pytest.mark.parametrize("head", ["linear", "mlp", "likelihood"])
def test_a_saved_reward_model_loads_on_a_4bit_backbone_with_its_head_unquantised(tiny_policy_dir, tmp_path, head):
    from engine.models.loading import load_tokenizer

    tok = load_tokenizer(tiny_policy_dir)
    saved = build_reward_model(tiny_policy_dir, head=head, mlp_hidden=16, pad_token_id=tok.pad_token_id, seed=3)
    save_reward_model(saved, tok, tmp_path / "rm", prompt_format="tags")
    quantization = qlora_quantization(torch.float32)
    for model in (load_reward_model(tmp_path / "rm", quantization=quantization),
                  build_reward_model(tiny_policy_dir, head=head, mlp_hidden=16, pad_token_id=tok.pad_token_id,
                                     seed=3, quantization=quantization)):
        assert model.is_loaded_in_4bit and _linear4bit(model) == 14  # 2 layers × q, k, v, o, gate, up, down
        assert type(model.score) is type(saved.score)
        assert not any(isinstance(m, bnb.nn.Linear4bit) for m in model.score.modules())
        for (name, kept), (_, value) in zip(model.score.state_dict().items(), saved.score.state_dict().items(),
                                            strict=True):
            assert kept.dtype == torch.float32 and torch.equal(kept, value), name
        ids = torch.randint(3, 500, (2, 10))
        model.eval()  # eval mode without gradients: bitsandbytes' CPU repacking, which fails on 32-wide layers
        with torch.no_grad():
            assert torch.isfinite(model(input_ids=ids, attention_mask=torch.ones_like(ids)).logits).all()
    # a likelihood head's backbone weights (saved under model.inner.…) were read, not left at random
    if head == "likelihood":
        full = load_reward_model(tmp_path / "rm")
        with torch.no_grad():
            assert model(input_ids=ids).logits == pytest.approx(full(input_ids=ids).logits, abs=1.0)


def test_unfreezing_never_asks_a_4bit_weight_to_train(tiny_policy_dir):
    # "all" without the LoRA restriction tried requires_grad on packed integers: a RuntimeError
    model = build_reward_model(tiny_policy_dir, quantization=qlora_quantization(torch.float32))
    trainable, total = apply_phase(model, Phase(0, None), num_layers=2)
    assert all(not p.requires_grad for p in model.parameters() if not p.is_floating_point())
    assert 0 < trainable < total
    assert total == sum(p.numel() for p in build_reward_model(tiny_policy_dir).parameters())  # unpacked count
