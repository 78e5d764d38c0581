"""Reward models: linear, MLP and likelihood heads build, save, reload identically, and run in TRL's PPO reward path."""

from __future__ import annotations

import pytest
import torch
from trl.experimental.utils import get_reward

from engine.models.loading import load_tokenizer
from engine.reward.encoding import source_ids
from engine.reward.likelihood_head import LikelihoodScore
from engine.reward.model import build_reward_model, head_spec, is_reward_model, load_reward_model, save_reward_model
from engine.reward.scoring import RewardScorer


@pytest.mark.parametrize("head", ["linear", "mlp", "likelihood"])
def test_head_saves_reloads_and_scores_the_same(tiny_policy_dir, tmp_path, head):
    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, head=head, mlp_hidden=24, pad_token_id=tok.pad_token_id)
    assert model.config.num_labels == 1
    if head == "mlp":
        assert isinstance(model.score, torch.nn.Sequential) and model.score[0].out_features == 24
    elif head == "likelihood":
        assert isinstance(model.score, LikelihoodScore)
    else:
        assert isinstance(model.score, torch.nn.Linear)
    folder = save_reward_model(model, tok, tmp_path / "rm", prompt_format="tags")
    assert (folder / "model.safetensors").exists() and is_reward_model(folder)
    reloaded = load_reward_model(folder)
    assert head_spec(reloaded.config)["type"] == head
    ids = torch.tensor([source_ids(tok, "Good morning.", "en-ar", "صباح الخير", "tags")])
    model.eval()
    with torch.no_grad():
        assert torch.allclose(model(input_ids=ids).logits, reloaded(input_ids=ids).logits, atol=1e-6)


@pytest.mark.parametrize("head", ["linear", "mlp", "likelihood"])
def test_reloaded_model_runs_in_trl_ppo_reward_path(tiny_policy_dir, tmp_path, head):
    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, head=head, pad_token_id=tok.pad_token_id)
    folder = save_reward_model(model, tok, tmp_path / "rm", prompt_format="tags")
    rm = load_reward_model(folder)
    # what PPO hands the reward model: prompt ids (left-padded) + response ids (right-padded)
    prompts = [source_ids(tok, "Good morning.", "en-ar", "", "tags")[:-1], [tok.bos_token_id, 4, 10, 6]]
    context = max(len(p) for p in prompts)
    responses = [[50, 60, tok.eos_token_id], [70, tok.eos_token_id]]
    rows = []
    for p, r in zip(prompts, responses, strict=True):
        rows.append([tok.pad_token_id] * (context - len(p)) + p + r + [tok.pad_token_id] * (3 - len(r)))
    query_responses = torch.tensor(rows)
    _, rewards, lengths = get_reward(rm, query_responses, tok.pad_token_id, context)
    assert rewards.shape == (2,) and torch.isfinite(rewards).all()
    assert lengths.tolist() == [context + 2, context + 1]  # the last response token (EOS) carries the reward
    backbone = getattr(rm, rm.base_model_prefix)
    assert backbone is rm.model
    # PPO's path (left-padded prompts, explicit positions) reads the reward the classifier gives the unpadded row
    for row, reward in zip(query_responses, rewards.tolist(), strict=True):
        ids = row[row != tok.pad_token_id].unsqueeze(0)
        with torch.no_grad():
            assert rm(input_ids=ids).logits.item() == pytest.approx(reward, abs=1e-4)


def test_scorer_ranks_by_the_model_and_handles_batches(tiny_policy_dir, tmp_path):
    tok = load_tokenizer(tiny_policy_dir)
    folder = save_reward_model(build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id), tok,
                               tmp_path / "rm", prompt_format="tags")
    scorer = RewardScorer(folder, batch_size=2)
    texts = ["صباح الخير", "مساء الخير يا صديقي", "hello", ""]
    batched = scorer.score(["Good morning."] * 4, texts, "en-ar")
    single = [scorer.score(["Good morning."], [t], "en-ar")[0] for t in texts]
    assert batched == pytest.approx(single, abs=1e-5)
