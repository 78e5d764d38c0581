"""The output layer run only at the kept positions: packed once, the model's own head and post-processing."""

from __future__ import annotations

import torch

from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm
from engine.models.packed_head import PackedHead


def test_the_models_own_logits_at_the_kept_positions_only(one_torch_thread):
    model = load_causal_lm(DEMO_MODEL_DIR)  # Gemma-2: soft-capped logits after the head
    ids = torch.tensor([[1, 50, 60, 70, 80], [1, 90, 91, 0, 0]])
    mask = (ids != 0).long()
    keep = torch.tensor([[False, True, True, False, False], [True, False, True, False, False]])
    calls = []
    handle = model.get_output_embeddings().register_forward_hook(lambda m, a, out: calls.append(tuple(out.shape)))
    try:
        with torch.no_grad():
            whole = model(input_ids=ids, attention_mask=mask).logits
            with PackedHead(model.get_output_embeddings(), keep) as packed:
                out = model(input_ids=ids, attention_mask=mask).logits
    finally:
        handle.remove()
    assert packed.fired and out.shape == (1, 4, whole.shape[-1])
    assert calls[-1] == (1, 4, whole.shape[-1])  # the head itself ran on the four positions alone
    torch.testing.assert_close(packed.read(out), whole[keep], atol=1e-5, rtol=1e-5)
    assert whole.abs().max() <= model.config.final_logit_softcapping  # the soft-capping ran on the packed logits too
    assert packed.read(out).abs().max() <= model.config.final_logit_softcapping


def test_other_shapes_pass_through_and_the_hook_leaves(one_torch_thread):
    model = load_causal_lm(DEMO_MODEL_DIR)
    ids = torch.tensor([[1, 50, 60]])
    keep = torch.ones(2, 3, dtype=torch.bool)  # another batch's shape: not these hidden states
    with torch.no_grad(), PackedHead(model.get_output_embeddings(), keep) as packed:
        out = model(input_ids=ids).logits
    assert not packed.fired and out.shape[:2] == (1, 3)
    assert not model.get_output_embeddings()._forward_pre_hooks  # removed on leaving
