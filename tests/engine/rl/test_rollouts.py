"""GRPO / RLOO rollouts through the studio's decoding loop: when it applies, TRL's layout, the same distribution."""

from __future__ import annotations

import torch
from transformers import GenerationConfig

from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm, load_tokenizer
from engine.models.prompting import encode_prompt
from engine.rl.rollouts import repeated_prompts, sample_completions, sampler_for


def test_repeated_prompts_reads_trls_layout_and_nothing_else():
    a, b = [1, 5, 6], [1, 7]
    assert repeated_prompts([a, a, a, b, b, b], 3) == [a, b]
    assert repeated_prompts([a, b, a, b], 2) is None  # interleaved, not each prompt in a row
    assert repeated_prompts([a, a, b], 2) is None  # not a multiple of the group
    assert repeated_prompts([], 2) is None
    assert repeated_prompts([a, a], 1) == [a, a]


def test_sampler_for_takes_what_the_sampler_implements_only():
    sampler = sampler_for(GenerationConfig(do_sample=True, temperature=0.7, top_k=20, top_p=0.9))
    assert (sampler.temperature, sampler.top_k, sampler.top_p) == (0.7, 20, 0.9)
    plain = sampler_for(GenerationConfig(do_sample=True, temperature=1.0, top_k=0, top_p=1.0))
    assert (plain.temperature, plain.top_k, plain.top_p) == (1.0, 0, 1.0)
    assert sampler_for(GenerationConfig(do_sample=True, min_p=0.1)) is None
    assert sampler_for(GenerationConfig(do_sample=True, repetition_penalty=1.2)) is None
    assert sampler_for(GenerationConfig(do_sample=False)) is None
    assert sampler_for(GenerationConfig(do_sample=True), {"no_repeat_ngram_size": 3}) is None


def test_completions_come_in_trls_order_and_form(one_torch_thread):
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    prompts = [encode_prompt(tokenizer, s, p, "tags") for s, p in (("Good morning.", "en-ar"),
                                                                  ("Où est la gare ?", "fr-ar"))]
    sampler = sampler_for(GenerationConfig(do_sample=True, temperature=1.0, top_k=0, top_p=1.0))
    torch.manual_seed(0)
    out = sample_completions(model, prompts, 4, sampler, max_new_tokens=12, eos_token_id=tokenizer.eos_token_id,
                             pad_token_id=tokenizer.pad_token_id)
    assert len(out) == 8
    for ids in out:  # up to and including the first EOS, or the whole budget
        assert 0 < len(ids) <= 12 and tokenizer.pad_token_id not in ids
        assert tokenizer.eos_token_id not in ids[:-1]
        assert ids[-1] == tokenizer.eos_token_id or len(ids) == 12
    # prompt by prompt: nearly greedy sampling gives each prompt's greedy translation four times in a row
    from engine.decoding.loop import decode_rows

    greedy = decode_rows(model, prompts, [None], max_new_tokens=12, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.pad_token_id)
    cold = sampler_for(GenerationConfig(do_sample=True, temperature=0.01, top_k=0, top_p=1.0))
    out = sample_completions(model, prompts, 4, cold, max_new_tokens=12, eos_token_id=tokenizer.eos_token_id,
                             pad_token_id=tokenizer.pad_token_id)
    assert greedy[0][0] != greedy[1][0]
    assert out == [greedy[0][0]] * 4 + [greedy[1][0]] * 4
    # the greedy translation first in each group (the self-critical baseline), then hot samples that are not it
    hot = sampler_for(GenerationConfig(do_sample=True, temperature=5.0, top_k=0, top_p=1.0))
    out = sample_completions(model, prompts, 4, hot, max_new_tokens=12, eos_token_id=tokenizer.eos_token_id,
                             pad_token_id=tokenizer.pad_token_id, greedy_first=True)
    assert len(out) == 8 and out[0] == greedy[0][0] and out[4] == greedy[1][0]
    assert all(ids != greedy[0][0] for ids in out[1:4]) and all(ids != greedy[1][0] for ids in out[5:])


def test_first_tokens_follow_the_models_distribution(one_torch_thread):
    """Many one-token rollouts of one prompt: the frequencies of the likeliest tokens, and of all the others
    together, are softmax(logits / T)'s within four binomial standard deviations."""
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    prompt = encode_prompt(tokenizer, "The weather is nice today.", "en-ar", "tags")
    temperature = 1.5  # flatter than the model, so that several tokens carry mass
    with torch.no_grad():
        logits = model(input_ids=torch.tensor([prompt])).logits[0, -1]
    expected = (logits / temperature).softmax(-1)
    sampler = sampler_for(GenerationConfig(do_sample=True, temperature=temperature, top_k=0, top_p=1.0))
    torch.manual_seed(0)
    n = 4000
    out = sample_completions(model, [prompt], n, sampler, max_new_tokens=1, eos_token_id=tokenizer.eos_token_id,
                             pad_token_id=tokenizer.pad_token_id)
    counts = torch.bincount(torch.tensor([ids[0] for ids in out]), minlength=expected.numel()).float() / n
    top = expected.topk(8).indices
    observed = torch.cat([counts[top], 1 - counts[top].sum(0, keepdim=True)])
    wanted = torch.cat([expected[top], 1 - expected[top].sum(0, keepdim=True)])
    assert wanted[:3].sum() > 0.2 and wanted[-1] > 0.01  # the test has mass to check in both parts
    tolerance = 4 * (wanted * (1 - wanted) / n).sqrt() + 1e-3
    assert ((observed - wanted).abs() <= tolerance).all(), (observed, wanted)
