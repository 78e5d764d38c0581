"""The self-distillation benchmark's pieces on the tiny model: MBR and oracle picks, NLL fine-tuning (not run in CI)."""

from __future__ import annotations

import sacrebleu
import torch

from bench.demo_mbr_distill import fine_tune, pick_targets
from engine.models.loading import load_causal_lm, load_tokenizer
from tests.conftest import demo_pairs


def test_targets_are_one_candidate_per_source_and_fine_tuning_learns_them(tiny_policy_dir, one_torch_thread):
    model, tokenizer = load_causal_lm(tiny_policy_dir), load_tokenizer(tiny_policy_dir)
    rows = [(s, t, p) for s, t, p in demo_pairs(200)[::50][:4]]
    targets = pick_targets(model, tokenizer, rows, samples=4, seed=0)
    assert len(targets) == len(rows)
    # the oracle pick (ReST / RAFT) is, of the same candidates, the closest to the reference
    oracle = pick_targets(model, tokenizer, rows, samples=4, seed=0, pick="oracle")
    for (_, reference, _), by_mbr, by_oracle in zip(rows, targets, oracle, strict=True):
        assert sacrebleu.sentence_chrf(by_oracle, [reference]).score >= sacrebleu.sentence_chrf(by_mbr,
                                                                                                [reference]).score
    before = {k: v.clone() for k, v in model.state_dict().items()}
    policy, losses = fine_tune(model, tokenizer, rows, [t for _, t, _ in rows], lr=1e-2, epochs=80, batch_size=4)
    assert sum(losses[-5:]) / 5 < 0.5 * sum(losses[:5]) / 5  # it learns the references it is given
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())  # on a copy: the SFT is untouched
    assert not policy.training
