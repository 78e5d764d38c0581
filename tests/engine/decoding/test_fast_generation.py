"""The speed changes of generation change nothing but speed: identical attention masks and greedy outputs, and
the distribution of transformers' sampling warpers."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

DEMO_MODEL = Path(__file__).resolve().parents[3] / "data" / "demo" / "model"


@pytest.mark.parametrize("q_length,kv_length,kv_offset", [(5, 5, 0), (1, 9, 0), (1, 6, 3), (3, 12, 0)])
@pytest.mark.parametrize("window", [None, 4])
def test_broadcast_masks_equal_transformers_masks(q_length, kv_length, kv_offset, window):
    from transformers import masking_utils as mu

    from engine.decoding.masks import broadcast_eager_mask, broadcast_sdpa_mask

    padding = torch.ones(3, kv_length + kv_offset, dtype=torch.bool)
    padding[1, :2] = False  # left padding
    padding[2, :5] = False
    cache_position = torch.arange(kv_length + kv_offset - q_length, kv_length + kv_offset)
    function = mu.causal_mask_function if window is None else mu.sliding_window_causal_mask_function(window)
    args = dict(batch_size=3, cache_position=cache_position, kv_length=kv_length, kv_offset=kv_offset,
                mask_function=function, attention_mask=padding)
    expected = mu.sdpa_mask_recent_torch(**args, allow_is_causal_skip=False)
    assert torch.equal(broadcast_sdpa_mask(**args, allow_is_causal_skip=False), expected)
    assert torch.equal(broadcast_eager_mask(**args), mu.eager_mask(**args))
    # no padding: both skip the mask where SDPA's is_causal does the same
    ones = dict(args, attention_mask=torch.ones_like(padding))
    assert (broadcast_sdpa_mask(**ones) is None) == (mu.sdpa_mask_recent_torch(**ones) is None)


def test_fast_masks_switch_only_inside_the_block(monkeypatch):
    """Outside ``fast_masks()`` (other threads, training) transformers' own builders run; inside, the broadcast one."""
    from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS

    from engine.decoding import masks as fast_masks

    fast_masks.install()
    calls = []
    real = fast_masks._FAST["sdpa"]
    monkeypatch.setitem(fast_masks._FAST, "sdpa", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setitem(ALL_MASK_ATTENTION_FUNCTIONS._global_mapping, "sdpa", fast_masks._dispatcher("sdpa"))
    build = ALL_MASK_ATTENTION_FUNCTIONS._global_mapping["sdpa"]
    args = dict(batch_size=1, cache_position=torch.arange(3), kv_length=3, allow_is_causal_skip=False)
    expected = build(**args)
    assert calls == []
    with fast_masks.fast_masks():
        assert torch.equal(build(**args), expected)
    assert calls == [1]
    fast_masks.install()  # idempotent: never wraps its own dispatcher
    assert ALL_MASK_ATTENTION_FUNCTIONS._global_mapping["sdpa"] is build


def _plain_generate(model, tokenizer, sources, pairs, max_new_tokens, keep_every_character=False):
    """The studio's greedy decoding before the speed changes: plain generate(), transformers' masks, no_grad
    (``keep_every_character``: the tokenizer's own decoding, controls and all)."""
    from engine.models.prompting import decode_outputs, encode_prompt

    encoded = [encode_prompt(tokenizer, s, p, "tags") for s, p in zip(sources, pairs, strict=True)]
    batch = tokenizer.pad({"input_ids": encoded}, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, do_sample=False, max_new_tokens=max_new_tokens,
                             pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    new = out[:, batch["input_ids"].shape[1]:]
    if keep_every_character:
        return tokenizer.batch_decode(new, skip_special_tokens=True)
    return decode_outputs(tokenizer, new)


@pytest.mark.parametrize("which", ["demo", "tiny"])
def test_greedy_outputs_are_unchanged_by_the_speed_changes(which, tiny_policy_dir, one_torch_thread):
    """The shipped demo model (SDPA) and the tiny soft-capped test model (eager attention), a left-padded batch of
    different lengths: generate_candidates and greedy_translate give what plain generate() gives."""
    from engine.decoding.candidates import generate_candidates, parse_strategies
    from engine.decoding.greedy import greedy_translate
    from engine.models.loading import load_causal_lm, load_tokenizer
    from tests.conftest import demo_pairs

    folder = DEMO_MODEL if which == "demo" else tiny_policy_dir
    model, tokenizer = load_causal_lm(folder), load_tokenizer(folder)
    rows = demo_pairs(200)[::20][:10]
    sources, pairs = [r[0] for r in rows], [r[2] for r in rows]
    expected = _plain_generate(model, tokenizer, sources, pairs, 24)
    got = generate_candidates(model, tokenizer, sources, pairs, parse_strategies(["greedy"]), batch_size=10,
                              max_new_tokens=24)
    assert [c[0].text for c in got] == expected
    assert greedy_translate(model, tokenizer, sources, pairs, "tags", batch_size=10, max_new_tokens=24) == expected
    if which == "demo":  # the shipped model translates: the comparison is not between empty strings
        assert sum(bool(t) for t in expected) == len(expected)
    else:  # the random tiny model writes control characters, which no candidate or translation keeps
        from engine.characters import unsafe_character

        raw = _plain_generate(model, tokenizer, sources, pairs, 24, keep_every_character=True)
        assert any(unsafe_character(t, line_breaks=True) for t in raw)
        assert not any(unsafe_character(c[0].text, line_breaks=True) for c in got)


@pytest.mark.parametrize("params", [dict(temperature=0.7), dict(top_k=20), dict(top_p=0.9),
                                    dict(temperature=1.3, top_k=50, top_p=0.8), dict(top_p=0.999)])
def test_fast_sampler_has_the_distribution_of_transformers_warpers(params):
    from transformers import TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

    from engine.decoding.sampler import FastSampler

    torch.manual_seed(0)
    scores = torch.randn(6, 500) * torch.tensor([0.5, 1, 2, 4, 8, 0.01]).unsqueeze(1)  # flat to peaked rows
    warped = scores
    ids = torch.zeros(6, 1, dtype=torch.long)
    if params.get("temperature", 1.0) != 1.0:
        warped = TemperatureLogitsWarper(params["temperature"])(ids, warped)
    if params.get("top_k"):
        warped = TopKLogitsWarper(params["top_k"])(ids, warped)
    if params.get("top_p", 1.0) < 1.0:
        warped = TopPLogitsWarper(params["top_p"])(ids, warped)
    expected = warped.softmax(dim=-1)
    sampler = FastSampler.from_params(params)
    assert torch.allclose(sampler.probabilities(scores), expected, atol=1e-6)
    # draws land only on tokens transformers could sample, at about their frequency: 3000 draws of each row, as one
    # batch of 3000 copies (rows are drawn independently; 3000 calls of 6 rows took up to 150 s on a loaded machine)
    draws = sampler.sample(scores.repeat(3000, 1)).view(3000, 6)
    support = expected > 0
    assert bool(support.gather(1, draws.T).all())
    frequency = torch.zeros_like(expected).scatter_add_(1, draws.T, torch.ones(6, 3000)) / 3000
    assert (frequency - expected).abs().max() < 0.05
    # as a logits processor it leaves exactly one finite score per row: the drawn token
    torch.manual_seed(1)
    out = sampler(ids, scores)
    assert bool((torch.isfinite(out).sum(dim=1) == 1).all())


def test_sampled_candidates_are_reproducible_for_a_seed(one_torch_thread):
    from engine.decoding.candidates import generate_candidates, parse_strategies
    from engine.models.loading import load_causal_lm, load_tokenizer
    from tests.conftest import demo_pairs

    model, tokenizer = load_causal_lm(DEMO_MODEL), load_tokenizer(DEMO_MODEL)
    rows = demo_pairs(200)[:6]
    args = (model, tokenizer, [r[0] for r in rows], [r[2] for r in rows], parse_strategies(["top_p:0.9x3"]))
    first = generate_candidates(*args, max_new_tokens=20, seed=3)
    again = generate_candidates(*args, max_new_tokens=20, seed=3)
    assert [[c.text for c in cands] for cands in first] == [[c.text for c in cands] for cands in again]
    assert all(sum(c.count for c in cands) == 3 for cands in first)


def _per_row_reference(rows, scores):
    """PerRowSampling as it was before the partial top-k: full sorts of every row."""
    from engine.decoding.per_row import PerRowSampling

    r = PerRowSampling(rows)
    scores = scores / r.temperature.unsqueeze(1)
    neg = torch.finfo(scores.dtype).min
    k = r.top_k.clamp(min=0, max=scores.shape[-1])
    kth = torch.sort(scores, dim=-1, descending=True).values.gather(1, (k - 1).clamp(min=0).unsqueeze(1))
    scores = scores.masked_fill((scores < kth) & (k > 0).unsqueeze(1), neg)
    sorted_logits, sorted_idx = torch.sort(scores, dim=-1, descending=False)
    remove_sorted = sorted_logits.softmax(dim=-1).cumsum(dim=-1) <= (1 - r.top_p).unsqueeze(1)
    remove_sorted[:, -1] = False
    remove = remove_sorted.scatter(1, sorted_idx, remove_sorted) & (r.top_p < 1).unsqueeze(1)
    scores = scores.masked_fill(remove, neg)
    best = scores.argmax(dim=-1, keepdim=True)
    keep = torch.zeros_like(scores, dtype=torch.bool).scatter(1, best, True)
    return torch.where(r.greedy.unsqueeze(1) & ~keep, torch.full_like(scores, neg), scores)


def test_per_row_sampling_keeps_the_same_tokens_as_full_sorts():
    """The translate page's per-row processor, now on partial top-k: same kept tokens and scores, flat rows
    (nucleus wider than the first candidates) included."""
    from engine.decoding.candidates import SamplingStrategy
    from engine.decoding.per_row import PerRowSampling

    torch.manual_seed(0)
    specs = ("greedy", "temperature:0.7", "top_k:20", "top_p:0.9", "top_p:0.5", "top_p:0.99", "top_k:300",
             "temperature:1.0")
    rows = [SamplingStrategy.parse(s) for s in specs]
    for spread in (0.05, 1.0, 4.0):
        scores = torch.randn(len(rows), 8000) * spread
        assert torch.equal(PerRowSampling(rows)(None, scores.clone()), _per_row_reference(rows, scores.clone()))


def test_fast_sampler_skips_only_finished_rows():
    """After the first step, a row ending in EOS or pad has finished: no full-sort fallback for it; others keep the
    exact nucleus even when it is wider than the first candidates."""
    from engine.decoding.sampler import FastSampler

    torch.manual_seed(0)
    scores = torch.randn(3, 2000) * 0.01  # flat: the 0.9-nucleus holds ~1,800 tokens, far past 64 candidates
    sampler = FastSampler(top_p=0.9, finished_ids=(2, 0))
    support = sampler.probabilities(scores) > 0
    prompt = torch.tensor([[7, 2], [7, 5], [7, 9]])  # the first step: a prompt ending in EOS is not "finished"
    for step in range(40):
        ids = prompt if step == 0 else torch.tensor([[7, 2], [7, 0], [7, 9]])
        out = sampler(ids, scores)
        drawn = out.argmax(dim=1)
        assert bool(support[2, drawn[2]])  # the unfinished row: always inside its exact nucleus
        if step == 0:
            assert bool(support.gather(1, drawn.unsqueeze(1)).all())


def test_nucleus_tiers_draw_what_one_look_at_the_whole_row_draws():
    """Top-p looks at 32 tokens, then 256, then the whole row: a row whose nucleus fits a tier draws, with the same
    uniform number, the token a draw over its whole row sorted most probable first gives; rows past every tier stay
    inside their exact nucleus. Rows of every kind are in the batch."""
    from engine.decoding.sampler import NUCLEUS_FIRST_TIER, FastSampler

    torch.manual_seed(0)
    spread = torch.tensor([0.02, 0.3, 0.6, 1.0, 2.0, 4.0, 8.0]).repeat(40)
    scores = torch.randn(len(spread), 3000) * spread.unsqueeze(1)
    sampler = FastSampler(top_p=0.9)
    weights = sampler.weights(scores)
    uniform = torch.rand(len(spread), 1)
    got = sampler._sample_weights(weights, uniform, None)

    probs = weights / weights.sum(dim=-1, keepdim=True)
    ordered, order = torch.sort(probs, dim=-1, descending=True)
    inclusive = ordered.cumsum(dim=-1)
    kept = torch.where(inclusive - ordered < 0.9, ordered, torch.zeros_like(ordered))
    size = (kept > 0).sum(dim=-1)
    cumulative = kept.cumsum(dim=-1)
    target = uniform * cumulative[:, -1:]
    expected = order.gather(1, torch.searchsorted(cumulative, target, right=True).clamp(max=2999)).squeeze(1)
    inside = size <= sampler.nucleus_candidates
    tiers = [(size <= NUCLEUS_FIRST_TIER), (size > NUCLEUS_FIRST_TIER) & inside, ~inside]
    assert all(int(t.sum()) > 0 for t in tiers)  # every tier and the full sort were needed
    assert torch.equal(got[inside], expected[inside])
    nucleus = torch.zeros_like(probs, dtype=torch.bool).scatter(1, order, kept > 0)
    assert bool(nucleus.gather(1, got.unsqueeze(1)).all())
