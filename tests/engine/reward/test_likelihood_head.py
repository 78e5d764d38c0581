"""The likelihood reward head: it starts as the backbone's own log-likelihood and trains like any head."""

from __future__ import annotations

import torch

from engine.models.loading import load_causal_lm, load_tokenizer
from engine.reward.encoding import pair_ids
from engine.reward.likelihood import response_log_likelihoods
from engine.reward.likelihood_head import EXTRA_CHANNELS, LikelihoodBackbone
from engine.reward.model import build_reward_model
from engine.reward.unfreezing import Phase, apply_phase

PROMPT = "Good morning, my friend."
RESPONSES = ["صباح الخير يا صديقي", "صباح", "hello hello hello", "مساء الخير"]


def _rewards(model, tok, responses):
    ids = [pair_ids(tok, PROMPT, r, "tags", 128) for r in responses]
    out = []
    with torch.no_grad():
        for seq in ids:
            out.append(model(input_ids=torch.tensor([seq])).logits.item())
    return out


def test_untrained_head_ranks_like_the_policys_likelihood(tiny_policy_dir):
    tok = load_tokenizer(tiny_policy_dir)
    rm = build_reward_model(tiny_policy_dir, head="likelihood", pad_token_id=tok.pad_token_id).eval()
    with torch.no_grad():
        rm.score.linear.weight.zero_()  # leave only the likelihood term (weight 1 at the start)
    policy = load_causal_lm(tiny_policy_dir)
    likelihoods = response_log_likelihoods(policy, tok, [PROMPT] * len(RESPONSES), RESPONSES, "tags", max_length=128)
    rewards = _rewards(rm, tok, RESPONSES)
    # the reward is log p(prompt + response): the response's log-likelihood plus the prompt's, the same for all
    offsets = [r - lp for r, lp in zip(rewards, likelihoods, strict=True)]
    assert max(offsets) - min(offsets) < 1e-3
    assert sorted(range(4), key=rewards.__getitem__) == sorted(range(4), key=likelihoods.__getitem__)


def test_padding_does_not_change_the_running_features(tiny_policy_dir):
    tok = load_tokenizer(tiny_policy_dir)
    rm = build_reward_model(tiny_policy_dir, head="likelihood", pad_token_id=tok.pad_token_id).eval()
    backbone = rm.model
    assert isinstance(backbone, LikelihoodBackbone)
    seq = pair_ids(tok, PROMPT, RESPONSES[0], "tags", 128)
    pad = tok.pad_token_id
    right = torch.tensor([seq + [pad, pad]])
    with torch.no_grad():
        plain = backbone(input_ids=torch.tensor([seq])).last_hidden_state
        padded = backbone(input_ids=right, attention_mask=(right != pad).long()).last_hidden_state
    assert plain.shape[-1] == rm.config.hidden_size + EXTRA_CHANNELS
    assert torch.allclose(plain[0, :, -EXTRA_CHANNELS:], padded[0, :len(seq), -EXTRA_CHANNELS:], atol=1e-4)
    assert plain[0, -1, -1].item() == len(seq)  # the token count


def test_the_likelihood_weights_belong_to_the_head_and_learn(tiny_policy_dir):
    tok = load_tokenizer(tiny_policy_dir)
    rm = build_reward_model(tiny_policy_dir, head="likelihood", pad_token_id=tok.pad_token_id)
    trainable, total = apply_phase(rm, Phase(0, 0), rm.config.num_hidden_layers)  # head only
    assert trainable == rm.config.hidden_size + EXTRA_CHANNELS and total > trainable
    chosen = torch.tensor([pair_ids(tok, PROMPT, RESPONSES[0], "tags", 128)])
    rejected = torch.tensor([pair_ids(tok, PROMPT, RESPONSES[2], "tags", 128)])
    loss = -torch.nn.functional.logsigmoid(rm(input_ids=chosen).logits - rm(input_ids=rejected).logits).mean()
    loss.backward()
    assert rm.score.likelihood_weights.grad is not None and rm.score.likelihood_weights.grad.abs().sum() > 0


def test_untied_output_layer_is_kept_saved_and_reloaded(tiny_policy_dir, tmp_path):
    from engine.models.demo import build_model, gemma2_config
    from engine.models.prompting import write_model_card
    from engine.reward.model import load_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    config = gemma2_config(len(tok), "tiny")
    config.tie_word_embeddings = False
    torch.manual_seed(1)
    policy = build_model(config)
    folder = tmp_path / "untied"
    policy.save_pretrained(folder, safe_serialization=True)
    tok.save_pretrained(folder)
    write_model_card(folder, "tags", created_by="tests")

    rm = build_reward_model(folder, head="likelihood", pad_token_id=tok.pad_token_id).eval()
    assert torch.equal(rm.model.lm_head.weight, policy.get_output_embeddings().weight)
    assert not torch.equal(rm.model.lm_head.weight, rm.model.get_input_embeddings().weight)
    saved = save_reward_model(rm, tok, tmp_path / "rm", prompt_format="tags")
    reloaded = load_reward_model(saved)
    assert _rewards(reloaded, tok, RESPONSES) == _rewards(rm, tok, RESPONSES)


def test_a_likelihood_value_model_runs_in_trls_ppo_wrapper(tiny_policy_dir):
    """PPO's value model is loaded from the reward model: TRL calls its backbone with keyword arguments and reads
    ``score`` on the last of ``hidden_states``."""
    from trl.experimental.ppo.ppo_trainer import PolicyAndValueWrapper

    tok = load_tokenizer(tiny_policy_dir)
    value = build_reward_model(tiny_policy_dir, head="likelihood", pad_token_id=tok.pad_token_id)
    policy = load_causal_lm(tiny_policy_dir)
    ids = torch.tensor([pair_ids(tok, PROMPT, RESPONSES[0], "tags", 128)])
    mask = torch.ones_like(ids)
    out, values = PolicyAndValueWrapper(policy, value)(input_ids=ids, attention_mask=mask,
                                                       position_ids=mask.cumsum(1) - 1, return_dict=True,
                                                       output_hidden_states=True)
    assert values.shape == (1, ids.shape[1], 1) and torch.isfinite(values).all()
    values.sum().backward()
    assert value.score.likelihood_weights.grad is not None


def test_running_features_are_the_full_log_softmaxs_and_so_are_their_gradients(tiny_policy_dir):
    """The head runs only at scored positions (a real token after a real token): the running log-likelihood and its
    gradient are those of the full-vocabulary log-softmax at every position, padding masked out afterwards."""
    tok = load_tokenizer(tiny_policy_dir)
    rm = build_reward_model(tiny_policy_dir, head="likelihood", pad_token_id=tok.pad_token_id)
    backbone = rm.model
    pad = tok.pad_token_id
    seqs = [pair_ids(tok, PROMPT, r, "tags", 128) for r in RESPONSES]
    width = max(len(s) for s in seqs) + 1
    ids = torch.tensor([[pad] * (width - len(s)) + s if i % 2 else s + [pad] * (width - len(s))
                        for i, s in enumerate(seqs)])  # left- and right-padded rows
    mask = (ids != pad).long()
    hidden = backbone.inner(input_ids=ids, attention_mask=mask).last_hidden_state

    def full(hidden):
        logits = backbone._logits(hidden[:, :-1])
        lp = logits.log_softmax(-1).gather(2, ids[:, 1:].unsqueeze(2)).squeeze(2)
        lp = lp * (mask[:, 1:] * mask[:, :-1])
        return torch.cat([lp.new_zeros(len(ids), 1), lp.cumsum(1)], 1)

    packed = backbone.running_features(hidden, ids, mask)[..., 0]
    expected = full(hidden)
    torch.testing.assert_close(packed, expected, atol=1e-4, rtol=1e-5)
    weights = torch.randn_like(expected)
    grad_packed, = torch.autograd.grad((packed * weights).sum(), hidden, retain_graph=True)
    grad_full, = torch.autograd.grad((expected * weights).sum(), hidden)
    assert grad_full.abs().sum() > 0
    torch.testing.assert_close(grad_packed, grad_full, atol=1e-5, rtol=1e-4)
