"""The Bradley–Terry loss as TRL's RewardTrainer computes it, against hand-computed values."""

from __future__ import annotations

import math

import pytest
import torch
from datasets import Dataset
from trl import RewardConfig, RewardTrainer

from engine.models.loading import load_tokenizer
from engine.reward.model import build_reward_model


def test_hand_computed_bradley_terry_values():
    # −log σ(Δ): Δ = 0 → log 2; Δ = 2 → log(1 + e^−2); with a margin m the gap is Δ − m
    def bt(delta, margin=0.0):
        return -torch.nn.functional.logsigmoid(torch.tensor(delta - margin)).item()

    assert bt(0.0) == pytest.approx(math.log(2))
    assert bt(2.0) == pytest.approx(math.log(1 + math.exp(-2)))
    assert bt(2.0, margin=2.0) == pytest.approx(math.log(2))
    assert bt(-1.0) == pytest.approx(math.log(1 + math.e))


@pytest.mark.parametrize("with_margin", [False, True])
def test_trainer_loss_equals_bradley_terry_on_the_model_rewards(tiny_policy_dir, tmp_path, with_margin):
    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id)
    rows = [{"chosen_ids": [1, 4, 20, 21, 6, 30, 2], "rejected_ids": [1, 4, 20, 21, 6, 31, 32, 2]},
            {"chosen_ids": [1, 5, 22, 6, 33, 2], "rejected_ids": [1, 5, 22, 6, 2]}]
    if with_margin:
        rows[0]["margin"], rows[1]["margin"] = 0.5, 1.5
    args = RewardConfig(output_dir=str(tmp_path), report_to=[], use_cpu=True, per_device_train_batch_size=2)
    trainer = RewardTrainer(model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tok)
    batch = trainer.data_collator([dict(r) for r in rows])
    model.eval()
    with torch.no_grad():
        loss = trainer.compute_loss(model, dict(batch)).item()
        chosen = [model(input_ids=torch.tensor([r["chosen_ids"]])).logits.item() for r in rows]
        rejected = [model(input_ids=torch.tensor([r["rejected_ids"]])).logits.item() for r in rows]
    margins = [r.get("margin", 0.0) for r in rows]
    expected = sum(math.log(1 + math.exp(-(c - j - m))) for c, j, m in zip(chosen, rejected, margins, strict=True)) / 2
    assert loss == pytest.approx(expected, rel=1e-4)
