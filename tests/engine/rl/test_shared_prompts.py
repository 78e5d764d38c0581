"""Log-probabilities with each distinct prompt run once: the logits and gradients of the whole rows, and the cases
where it steps aside."""

from __future__ import annotations

import pytest
import torch

from engine.decoding.loop import left_padded
from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm, load_tokenizer
from engine.models.prompting import encode_prompt
from engine.rl.shared_prompts import SharedPromptModel, shared_prompt_logits

SOURCES = (("Good morning.", "en-ar"), ("Où est la gare la plus proche, s'il vous plaît ?", "fr-ar"),
           ("The pharmacy closes at nine tonight.", "en-ar"))


@pytest.fixture(scope="module")
def demo():
    return load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)


def _batch(tokenizer, samples: int = 3, seed: int = 0) -> dict:
    """TRL's layout: prompts left-padded to one width, each ``samples`` times, completions of different lengths
    right-padded, the rows shuffled (as TRL shuffles a generation batch before splitting it into steps)."""
    gen = torch.Generator().manual_seed(seed)
    prompts = [encode_prompt(tokenizer, s, p, "tags") for s, p in SOURCES]
    rows = [p for p in prompts for _ in range(samples)]
    completions = [torch.randint(5, len(tokenizer), (int(n),), generator=gen).tolist()
                   for n in torch.randint(1, 9, (len(rows),), generator=gen)]
    completions[0] = completions[0][:1]  # one completion of a single token
    width = max(len(c) for c in completions)
    p_ids, p_mask = left_padded(rows, tokenizer.pad_token_id)
    c_ids = torch.full((len(rows), width), tokenizer.pad_token_id)
    c_mask = torch.zeros_like(c_ids)
    for i, c in enumerate(completions):
        c_ids[i, :len(c)], c_mask[i, :len(c)] = torch.tensor(c), 1
    order = torch.randperm(len(rows), generator=gen)
    return {"input_ids": torch.cat([p_ids, c_ids], 1)[order], "attention_mask": torch.cat([p_mask, c_mask], 1)[order],
            "logits_to_keep": width + 1, "use_cache": False}


def _completion_logps(logits: torch.Tensor, inputs: dict) -> torch.Tensor:
    """TRL's reading of the logits: drop the last position, keep the completion's, log-softmax at its tokens."""
    width = inputs["logits_to_keep"] - 1
    logps = logits[:, :-1][:, -width:].log_softmax(-1)
    ids = inputs["input_ids"][:, -width:]
    return logps.gather(-1, ids.unsqueeze(-1)).squeeze(-1) * inputs["attention_mask"][:, -width:]


def test_logits_and_gradients_are_the_whole_rows(demo, one_torch_thread):
    model, tokenizer = demo
    inputs = _batch(tokenizer)
    model.train()  # the policy's pass: dropout is 0 in the demo model, so train and eval agree
    try:
        whole = model(**inputs).logits
        shared = shared_prompt_logits(model, inputs)
        assert shared is not None and shared.shape == whole.shape
        width = inputs["logits_to_keep"] - 1
        real = inputs["attention_mask"][:, -width:].bool()
        # the positions TRL reads: every completion token of every row (pad positions are masked out anyway)
        torch.testing.assert_close(shared[:, :-1][:, -width:][real], whole[:, :-1][:, -width:][real],
                                   atol=1e-4, rtol=1e-4)

        def grads(logits):
            model.zero_grad()
            _completion_logps(logits, inputs).sum().backward()
            return torch.cat([p.grad.flatten() for p in model.parameters() if p.grad is not None])

        g_whole = grads(whole)
        g_shared = grads(shared_prompt_logits(model, inputs))
        assert g_whole.norm() > 0
        assert ((g_whole - g_shared).norm() / g_whole.norm()) < 1e-4
    finally:
        model.zero_grad()
        model.eval()


def test_gradients_are_the_same_run_after_run(demo):
    """On two threads, as the job runs: plain indexing's backward accumulated in parallel, so the same seed gave two
    GRPO runs that parted after a few steps."""
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=8, seed=5)
    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    model.train()
    try:
        def grads():
            model.zero_grad()
            _completion_logps(shared_prompt_logits(model, inputs), inputs).sum().backward()
            return torch.cat([p.grad.flatten() for p in model.parameters() if p.grad is not None])

        first = grads()
        assert all(torch.equal(first, grads()) for _ in range(5))
    finally:
        model.zero_grad()
        model.eval()
        torch.set_num_threads(threads)


def test_under_no_grad_too(demo, one_torch_thread):
    """The reference model's pass."""
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=4, seed=1)
    with torch.no_grad():
        whole = _completion_logps(model(**inputs).logits, inputs)
        shared = _completion_logps(shared_prompt_logits(model, inputs), inputs)
    torch.testing.assert_close(shared, whole, atol=1e-4, rtol=1e-4)


def test_prompts_longer_than_the_sliding_window(demo, one_torch_thread):
    """Gemma-2's sliding-window layers: with a window shorter than the prompts, the shared pass still sees what the
    whole rows' pass sees (the window is in the masks, not in a cropped cache)."""
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=2, seed=2)
    window = model.config.sliding_window
    model.config.sliding_window = 5
    try:
        with torch.no_grad():
            whole = _completion_logps(model(**inputs).logits, inputs)
            shared = _completion_logps(shared_prompt_logits(model, inputs), inputs)
            model.config.sliding_window = window
            unwindowed = _completion_logps(model(**inputs).logits, inputs)
    finally:
        model.config.sliding_window = window
    assert not torch.allclose(whole, unwindowed, atol=1e-3)  # the window did change the result
    torch.testing.assert_close(shared, whole, atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("groups", [1, 2, 4, 100])
def test_any_number_of_length_groups(demo, one_torch_thread, groups):
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=4, seed=3)
    with torch.no_grad():
        whole = _completion_logps(model(**inputs).logits, inputs)
        shared = _completion_logps(shared_prompt_logits(model, inputs, groups=groups), inputs)
    torch.testing.assert_close(shared, whole, atol=1e-4, rtol=1e-4)


def test_steps_aside_where_it_does_not_apply(demo, one_torch_thread):
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=1)  # no prompt repeats
    assert shared_prompt_logits(model, inputs) is None
    repeated = _batch(tokenizer)
    assert shared_prompt_logits(model, {**repeated, "output_router_logits": True}) is None  # MoE aux loss
    assert shared_prompt_logits(model, {**repeated, "logits_to_keep": 1}) is None  # no completion
    assert shared_prompt_logits(torch.nn.Linear(2, 2), repeated) is None  # not a transformers model
    model.train()
    model.gradient_checkpointing_enable()  # training without a cache
    try:
        assert shared_prompt_logits(model, repeated) is None
    finally:
        model.gradient_checkpointing_disable()
        model.eval()


def test_the_stand_in_counts_and_falls_back(demo, one_torch_thread):
    model, tokenizer = demo
    proxy = SharedPromptModel(model)
    with torch.no_grad():
        shared = proxy(**_batch(tokenizer))
        plain = proxy(**_batch(tokenizer, samples=1))
    assert proxy.shared_calls == 1
    assert shared.logits.ndim == 3 and plain.logits.ndim == 3
