"""The FLOP bound of ``bench.flops`` on a constructed model whose parameter count is worked out by hand."""

from __future__ import annotations

import pytest


def _model(tied: bool):
    from engine.models.demo import build_model, gemma2_config

    config = gemma2_config(100, "tiny", tie_word_embeddings=tied)
    return build_model(config)


@pytest.mark.parametrize("tied", [True, False])
def test_per_token_parameters_are_non_embedding_plus_the_lm_head(tied):
    from bench.flops import flop_parameters, linear_shapes

    model = _model(tied)
    # tiny: hidden 32, 2 layers, 2 heads × 16, 1 kv head × 16, MLP 64, vocab 100
    attention = 32 * 32 + 32 * 16 + 32 * 16 + 32 * 32  # q, k, v, o (no bias)
    mlp = 3 * 32 * 64  # gate, up, down
    norms = 4 * 32  # four RMSNorms per Gemma-2 layer
    layers = 2 * (attention + mlp + norms) + 32  # + the final norm
    embedding = head = 100 * 32
    counted = flop_parameters(model)
    assert counted["input_embedding"] == embedding and counted["lm_head"] == head
    assert counted["tied"] is tied
    assert counted["total"] == layers + embedding + (0 if tied else head)
    assert counted["per_token"] == layers + head
    assert counted["non_embedding"] == layers + (0 if tied else head)
    shapes = linear_shapes(model)
    assert shapes[-1] == (32, 100) and len(shapes) == 2 * 7 + 1
    assert sum(i * o for i, o in shapes) == counted["per_token"] - norms * 2 - 32


def test_bound_and_training_flops():
    from bench.flops import generation_bound_tokens_per_s, training_flops

    assert generation_bound_tokens_per_s(60e9, 5_000_000) == pytest.approx(6_000)
    assert training_flops(5_000_000, 1_000) == pytest.approx(3e10)


def test_matmul_rate_reports_the_flops_it_timed():
    from bench.flops import matmul_rate

    rate = matmul_rate(_model(True), rows=4, min_seconds=0.01)
    assert rate["passes"] >= 3 and rate["flops_per_s"] > 0 and rate["rows"] == 4
