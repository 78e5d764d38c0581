"""The policy-likelihood baseline of a reward model, against a plain per-pair computation."""

from __future__ import annotations

import pytest
import torch

from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm, load_tokenizer
from engine.models.prompting import build_prompt
from engine.reward.encoding import prompt_ids, response_ids
from engine.reward.likelihood import likelihood_accuracy, response_log_likelihoods


def _one_by_one(model, tokenizer, prompt, response):
    head, tail = prompt_ids(tokenizer, prompt, "tags"), response_ids(tokenizer, response)
    with torch.no_grad():
        logits = model(input_ids=torch.tensor([head + tail])).logits[0].log_softmax(-1)
    return sum(logits[len(head) - 1 + i, token].item() for i, token in enumerate(tail))


def test_batched_log_likelihoods_are_the_sums_computed_one_pair_at_a_time(one_torch_thread):
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    prompts = [build_prompt(s, "en-ar", "tags", tokenizer) for s in
               ["Where is the station?", "My sister works in a big hospital on the other side of the city."]]
    responses = ["أين المحطة؟", "تعمل أختي في مستشفى كبير."]
    all_prompts, all_responses = prompts * 2, responses + responses[::-1]
    got = response_log_likelihoods(model, tokenizer, all_prompts, all_responses, "tags", batch_size=3)
    expected = [_one_by_one(model, tokenizer, p, r) for p, r in zip(all_prompts, all_responses, strict=True)]
    assert got == pytest.approx(expected, abs=1e-3)
    assert got[0] > got[2]  # a translation of its own source is the likelier one


def test_likelihood_accuracy_prefers_the_real_translation(one_torch_thread):
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    prompt = build_prompt("Where is the station?", "en-ar", "tags", tokenizer)
    good, bad = "أين المحطة؟", "المحطة المحطة المحطة"
    pairs = [{"prompt": prompt, "chosen": good, "rejected": bad}, {"prompt": prompt, "chosen": bad, "rejected": good}]
    assert likelihood_accuracy(model, tokenizer, pairs, "tags") == 0.5
    assert likelihood_accuracy(model, tokenizer, pairs[:1], "tags") == 1.0
    assert likelihood_accuracy(model, tokenizer, [], "tags") is None


def test_the_same_sums_when_the_head_runs_on_every_position(one_torch_thread, monkeypatch):
    """The logits are computed only where a response token is predicted (engine.models.packed_head); a model whose
    head the hook cannot reach gives its logits whole and the same positions are read."""
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    prompts = [build_prompt(s, "fr-ar", "tags", tokenizer) for s in ["Où est la gare ?", "Il fait froid ce matin."]]
    responses = ["أين المحطة؟", "الجو بارد جدًا هذا الصباح."]
    packed = response_log_likelihoods(model, tokenizer, prompts, responses, "tags")
    monkeypatch.setattr(model, "get_output_embeddings", lambda: torch.nn.Linear(2, 2))
    whole = response_log_likelihoods(model, tokenizer, prompts, responses, "tags")
    assert packed == pytest.approx(whole, abs=1e-4)
    assert packed == pytest.approx([_one_by_one(model, tokenizer, p, r) for p, r in zip(prompts, responses,
                                                                                      strict=True)], abs=1e-3)
