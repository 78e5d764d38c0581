"""Log-probabilities with each distinct prompt run once and the logits only where a completion token is read: what
TRL's own pass gives (its real ``_get_per_token_logps_and_entropies`` on the whole rows), the same gradients, and
the cases where it steps aside."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import torch
from trl import GRPOTrainer

from engine.decoding.loop import left_padded
from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm, load_tokenizer
from engine.models.prompting import encode_prompt
from engine.rl.shared_prompts import shared_prompt_logps

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
            "logits_to_keep": width}


def _trl(model, inputs: dict, temperature: float = 1.0, compute_entropy: bool = False):
    """TRL's own log-probabilities (and entropies) of the whole rows: GRPOTrainer's method, run on the model with
    the three attributes of the trainer it reads."""
    trainer = SimpleNamespace(model_kwarg_keys={"logits_to_keep"}, temperature=temperature,
                              _entropy_bonus_enabled=False)
    logps, entropies, _ = GRPOTrainer._get_per_token_logps_and_entropies(
        trainer, model, inputs["input_ids"], inputs["attention_mask"], inputs["logits_to_keep"],
        compute_entropy=compute_entropy)
    return logps, entropies


def _shared(model, inputs: dict, **kw):
    out = shared_prompt_logps(model, inputs["input_ids"], inputs["attention_mask"], inputs["logits_to_keep"], **kw)
    assert out is not None
    return out


def _real(inputs: dict) -> torch.Tensor:
    """The completion positions (TRL's completion mask; its pass leaves the others out)."""
    return inputs["attention_mask"][:, -inputs["logits_to_keep"]:].bool()


def _grads(model, logps: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
    model.zero_grad()
    (logps * real).sum().backward()
    return torch.cat([p.grad.flatten() for p in model.parameters() if p.grad is not None])


@pytest.mark.parametrize("temperature", [1.0, 0.7])
def test_log_probabilities_entropies_and_gradients_are_trls(demo, one_torch_thread, temperature):
    model, tokenizer = demo
    inputs = _batch(tokenizer)
    real = _real(inputs)
    model.train()  # the policy's pass: dropout is 0 in the demo model, so train and eval agree
    try:
        trl_logps, trl_entropies = _trl(model, inputs, temperature, compute_entropy=True)
        logps, entropies = _shared(model, inputs, temperature=temperature, compute_entropy=True)
        assert logps.shape == trl_logps.shape and entropies.shape == trl_entropies.shape
        torch.testing.assert_close(logps[real], trl_logps[real], atol=1e-4, rtol=1e-4)
        torch.testing.assert_close(entropies[real], trl_entropies[real], atol=1e-4, rtol=1e-4)
        assert not logps[~real].any() and not entropies[~real].any()  # zeros where TRL's mask reads nothing
        assert not entropies.requires_grad  # TRL's entropies carry no gradient without an entropy bonus
        g_trl, g_shared = _grads(model, trl_logps, real), _grads(model, logps, real)
        assert g_trl.norm() > 0
        assert ((g_trl - g_shared).norm() / g_trl.norm()) < 1e-4
    finally:
        model.zero_grad()
        model.eval()


def test_entropies_with_gradient_for_an_entropy_bonus(demo, one_torch_thread):
    model, tokenizer = demo
    logps, entropies = _shared(model, _batch(tokenizer), compute_entropy=True, entropy_grad=True)
    assert logps.requires_grad and entropies.requires_grad
    assert _shared(model, _batch(tokenizer))[1] is None  # no entropies unless asked


def test_gradients_are_the_same_run_after_run(demo):
    """On two threads, as the job runs: plain indexing's backward accumulated in parallel, so the same seed gave two
    GRPO runs that parted after a few steps."""
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=8, seed=5)
    real = _real(inputs)
    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    model.train()
    try:
        first = _grads(model, _shared(model, inputs)[0], real)
        assert all(torch.equal(first, _grads(model, _shared(model, inputs)[0], real)) for _ in range(5))
    finally:
        model.zero_grad()
        model.eval()
        torch.set_num_threads(threads)


def test_under_no_grad_too(demo, one_torch_thread):
    """The reference model's pass."""
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=4, seed=1)
    real = _real(inputs)
    with torch.no_grad():
        torch.testing.assert_close(_shared(model, inputs)[0][real], _trl(model, inputs)[0][real], atol=1e-4,
                                   rtol=1e-4)


def test_prompts_longer_than_the_sliding_window(demo, one_torch_thread):
    """Gemma-2's sliding-window layers: with a window shorter than the prompts, the shared pass still sees what the
    whole rows' pass sees (the window is in the masks, not in a cropped cache)."""
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=2, seed=2)
    real = _real(inputs)
    window = model.config.sliding_window
    model.config.sliding_window = 5
    try:
        with torch.no_grad():
            whole = _trl(model, inputs)[0][real]
            shared = _shared(model, inputs)[0][real]
            model.config.sliding_window = window
            unwindowed = _trl(model, inputs)[0][real]
    finally:
        model.config.sliding_window = window
    assert not torch.allclose(whole, unwindowed, atol=1e-3)  # the window did change the result
    torch.testing.assert_close(shared, whole, atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("groups", [1, 2, 4, 100])
def test_any_number_of_length_groups(demo, one_torch_thread, groups):
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=4, seed=3)
    real = _real(inputs)
    with torch.no_grad():
        torch.testing.assert_close(_shared(model, inputs, groups=groups)[0][real], _trl(model, inputs)[0][real],
                                   atol=1e-4, rtol=1e-4)


def test_another_architecture_untied_head_no_soft_capping(demo, one_torch_thread):
    """Nothing in the packing knows Gemma-2: a tiny Llama (random weights, its own untied output layer, no
    soft-capping) gives TRL's log-probabilities and gradients too."""
    from transformers import LlamaConfig, LlamaForCausalLM

    _, tokenizer = demo
    torch.manual_seed(0)
    model = LlamaForCausalLM(LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, max_position_embeddings=128, tie_word_embeddings=False,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id, bos_token_id=tokenizer.bos_token_id))
    model.train()
    inputs = _batch(tokenizer, samples=4, seed=6)
    real = _real(inputs)
    trl_logps = _trl(model, inputs)[0]
    logps = _shared(model, inputs)[0]
    torch.testing.assert_close(logps[real], trl_logps[real], atol=1e-4, rtol=1e-4)
    g_trl, g_shared = _grads(model, trl_logps, real), _grads(model, logps, real)
    assert ((g_trl - g_shared).norm() / g_trl.norm()) < 1e-4


def test_a_head_the_model_does_not_call_leaves_the_logits_whole(demo, one_torch_thread, monkeypatch):
    """A model whose forward does not run its head on the hidden states (the hook never fires): the logits come
    back whole and are read at the same positions."""
    model, tokenizer = demo
    inputs = _batch(tokenizer, samples=4, seed=4)
    real = _real(inputs)
    monkeypatch.setattr(model, "get_output_embeddings", lambda: torch.nn.Linear(2, 2))
    with torch.no_grad():
        torch.testing.assert_close(_shared(model, inputs)[0][real], _trl(model, inputs)[0][real], atol=1e-4,
                                   rtol=1e-4)


def test_steps_aside_where_it_does_not_apply(demo, one_torch_thread):
    model, tokenizer = demo

    def logps(inputs, on=model):
        return shared_prompt_logps(on, inputs["input_ids"], inputs["attention_mask"], inputs["logits_to_keep"])

    assert logps(_batch(tokenizer, samples=1)) is None  # no prompt repeats
    repeated = _batch(tokenizer)
    assert logps({**repeated, "logits_to_keep": 0}) is None  # no completion
    assert logps(repeated, on=torch.nn.Linear(2, 2)) is None  # not a transformers model
    holes = {**repeated, "attention_mask": repeated["attention_mask"].clone()}
    holes["attention_mask"][:, -repeated["logits_to_keep"]] = 0  # completions that do not start at their first slot
    assert logps(holes) is None
    empty = {**repeated, "attention_mask": repeated["attention_mask"].clone()}
    empty["attention_mask"][:, -repeated["logits_to_keep"]:] = 0  # every completion masked out (all truncated)
    assert logps(empty) is None
    model.train()
    model.gradient_checkpointing_enable()  # training without a cache
    try:
        assert logps(repeated) is None
    finally:
        model.gradient_checkpointing_disable()
        model.eval()


def test_masks_are_built_by_broadcasting_not_by_transformers_vmap(demo, one_torch_thread, monkeypatch):
    """Each of a step's ~ten model calls builds its masks without transformers' per-call ``vmap`` (the studio's
    broadcast builders, :mod:`engine.decoding.masks`); TRL's own pass, outside the switch, still takes transformers'
    ``vmap`` — and the two agree (the tests above)."""
    from transformers import masking_utils

    model, tokenizer = demo
    inputs = _batch(tokenizer)
    vmapped = []
    original = masking_utils._vmap_for_bhqkv
    monkeypatch.setattr(masking_utils, "_vmap_for_bhqkv",
                        lambda *args, **kwargs: vmapped.append(1) or original(*args, **kwargs))
    _shared(model, inputs)
    assert vmapped == []
    _trl(model, inputs)  # the left-padded prompts need a mask: transformers builds it
    assert vmapped
