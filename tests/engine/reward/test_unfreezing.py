"""Layer-wise unfreezing: schedule parsing and which parameters train in each phase."""

from __future__ import annotations

import pytest

from engine.models.loading import load_tokenizer
from engine.reward.model import build_reward_model
from engine.reward.unfreezing import Phase, apply_phase, layer_index, parse_schedule, phase_at


def test_schedule_parsing_and_lookup():
    phases = parse_schedule(["all@4", "head@0", "top1@2"])
    assert phases == [Phase(0, 0), Phase(2, 1), Phase(4, None)]
    assert [phase_at(phases, i).label for i in range(6)] == ["head", "head", "top1", "top1", "all", "all"]


@pytest.mark.parametrize("specs, message", [
    (["head@1"], "must start at 0"), (["head@0", "all@0"], "same point"), (["bottom2@0"], "not an unfreezing"),
])
def test_bad_schedules_are_refused(specs, message):
    with pytest.raises(ValueError, match=message):
        parse_schedule(specs)


def test_layer_index_reads_common_layouts():
    assert layer_index("model.layers.3.mlp.up_proj.weight") == 3
    assert layer_index("transformer.h.11.attn.c_attn.weight") == 11
    assert layer_index("model.embed_tokens.weight") is None


def test_trainable_parameters_per_phase(tiny_policy_dir):
    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, head="mlp", mlp_hidden=16, pad_token_id=tok.pad_token_id)
    layers = model.config.num_hidden_layers
    assert layers == 2

    def trainable():
        return {n for n, p in model.named_parameters() if p.requires_grad}

    apply_phase(model, Phase(0, 0), layers)
    assert trainable() == {"score.0.weight", "score.0.bias", "score.2.weight"}
    apply_phase(model, Phase(1, 1), layers)
    names = trainable()
    assert {n for n in names if "layers." in n} and all("layers.1." in n for n in names if "layers." in n)
    assert "model.embed_tokens.weight" not in names and "score.0.weight" in names
    n_all, total = apply_phase(model, Phase(2, None), layers)
    assert trainable() == {n for n, _ in model.named_parameters()} and n_all == total
