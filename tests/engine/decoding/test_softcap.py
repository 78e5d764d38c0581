"""Soft-capped models in the decoding loop: the cap applied only where it changes a choice, and nothing else moved."""

from __future__ import annotations

import pytest
import torch

from engine.decoding.sampler import FastSampler
from engine.decoding.softcap import capped, greedy_tokens, uncapped_head
from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm, load_tokenizer

CAP = 30.0

pytestmark = pytest.mark.usefixtures("one_torch_thread")  # tiny tensors: a second thread only waits on a busy machine


def _raw_rows(rows: int = 64, vocab: int = 2000, seed: int = 0) -> torch.Tensor:
    """Logits from flat to peaked, some reaching far past the cap (where tanh saturates)."""
    torch.manual_seed(seed)
    spread = torch.tensor([0.3, 1.0, 4.0, 20.0, 80.0, 300.0]).repeat(rows // 6 + 1)[:rows]
    return torch.randn(rows, vocab) * spread.unsqueeze(1)


def test_capped_is_the_models_own_cap_and_the_sigmoid_one_is_within_2e5():
    """The greedy and top-k rules cap as Gemma-2 does; the whole-vocabulary weights through a sigmoid are the
    capped distribution (temperature 1) within 2e-5 of each probability's own value (measured: 7e-6)."""
    from transformers import Gemma2Config, Gemma2ForCausalLM

    raw = _raw_rows()
    torch.manual_seed(0)
    tiny = Gemma2ForCausalLM(Gemma2Config(vocab_size=40, hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                                          num_attention_heads=2, num_key_value_heads=1, head_dim=8,
                                          final_logit_softcapping=CAP)).eval()
    ids = torch.tensor([[3, 9, 27]])
    with torch.no_grad():
        hidden = tiny.model(input_ids=ids).last_hidden_state
        assert torch.equal(capped(tiny.lm_head(hidden), CAP), tiny(input_ids=ids).logits)
    exact = torch.softmax(torch.tanh(raw.double() / CAP) * CAP, dim=-1)
    weights = FastSampler().weights(raw, CAP).double()
    probs = weights / weights.sum(dim=-1, keepdim=True)
    assert ((probs - exact).abs() / exact.clamp(min=1e-30)).max() < 2e-5


def test_greedy_tokens_are_the_capped_argmax_ties_included():
    raw = _raw_rows()
    # ties made by the cap: two different raw scores far past it become the same capped score (30.0), and the
    # argmax of the capped row is then the first of them, not the larger raw score
    raw[0, 5], raw[0, 9] = 900.0, 1000.0
    raw[1, 7], raw[1, 3] = 500.0, 500.0  # a tie before the cap too
    assert capped(raw[0, 5], CAP) == capped(raw[0, 9], CAP)
    expected = capped(raw, CAP).argmax(dim=-1)
    got = greedy_tokens(raw, CAP)
    assert torch.equal(got, expected)
    assert got[0] == 5 and raw[0].argmax() == 9  # the raw argmax alone would have been wrong here
    assert got[1] == 3
    assert torch.equal(greedy_tokens(raw, None), raw.argmax(dim=-1))


@pytest.mark.parametrize("params", [dict(temperature=0.7), dict(temperature=1.0), dict(top_k=20),
                                    dict(top_p=0.9), dict(temperature=1.3, top_k=50, top_p=0.8)])
def test_sampling_before_the_cap_has_the_distribution_of_sampling_after_it(params):
    """The sampler given uncapped logits and the cap draws what it draws from the capped logits: its weights are
    the capped distribution within 1e-5 (absolute), and with the same random numbers it picks the same tokens (a
    draw can only part where a uniform number falls within ~1e-5 of a boundary, or — in a top-p draw, most probable
    first — among tokens whose capped scores are equal, whose order the cap decides: checked on the rows far from
    it)."""
    raw = _raw_rows(rows=60, vocab=3000)
    sampler = FastSampler.from_params(params)
    if not params.get("top_k"):
        weights = sampler.weights(raw, CAP)
        expected = sampler.filtered_scores(capped(raw, CAP)).softmax(dim=-1)
        assert (weights / weights.sum(dim=-1, keepdim=True) - expected).abs().max() < 1e-5
    same, unsaturated = 0, torch.arange(raw.shape[0]) % 6 < 4  # spreads 0.3–20: no two scores cap alike
    for step in range(20):
        torch.manual_seed(step)
        before = sampler.sample(raw, cap=CAP)
        torch.manual_seed(step)
        after = sampler.sample(capped(raw, CAP))
        same += int((before == after)[unsaturated].sum())
        support = sampler.probabilities(capped(raw, CAP)) > 0
        assert bool(support.gather(1, before.unsqueeze(1)).all())  # never a token transformers could not draw
    assert same >= 0.995 * 20 * int(unsaturated.sum())


def test_top_k_keeps_every_token_tied_with_the_kth_after_the_cap():
    """transformers' top-k keeps every token scoring at least the k-th: when the cap makes the k+1-th equal to
    the k-th, that row is drawn from its whole capped row, and the tied token can be drawn."""
    raw = torch.full((1, 50), -40.0)
    raw[0, 10], raw[0, 20], raw[0, 30] = 1000.0, 900.0, 950.0  # all three cap to 30.0: top-2 must keep all three
    sampler = FastSampler(top_k=2)
    torch.manual_seed(0)
    draws = set(sampler.sample(raw.expand(300, -1).contiguous(), cap=CAP).tolist())  # 300 rows, one draw each
    assert draws == {10, 20, 30}


def test_the_split_is_the_models_forward_and_only_where_it_is():
    model = load_causal_lm(DEMO_MODEL_DIR)
    split = uncapped_head(model)
    assert split is not None and split.cap == model.config.final_logit_softcapping
    assert uncapped_head(model) is split  # checked once per model
    ids = torch.tensor([[5, 17, 230, 41, 9], [1, 8, 99, 300, 2]])
    with torch.inference_mode():
        expected = model(input_ids=ids, logits_to_keep=1).logits[:, -1]
        got = capped(split.logits(input_ids=ids), split.cap)
    assert torch.allclose(got, expected, atol=1e-5)

    other = load_causal_lm(DEMO_MODEL_DIR)  # a model without a cap: nothing to split
    other.config.final_logit_softcapping = None
    assert uncapped_head(other) is None

    # a forward that does more after its head than the cap (here a scale) is left to itself
    scaled = load_causal_lm(DEMO_MODEL_DIR)
    plain_forward = scaled.forward

    def forward(*args, **kwargs):
        out = plain_forward(*args, **kwargs)
        out.logits = out.logits * 0.5
        return out

    scaled.forward = forward
    assert uncapped_head(scaled) is None


def test_candidates_through_the_split_are_the_models_own(one_torch_thread, monkeypatch):
    """The shipped (soft-capped) model: every strategy's candidates, for the same seed, through the split and
    through the model's own forward — the same texts (greedy by construction; sampled up to a draw that lands
    within ~1e-5 of a boundary)."""
    import engine.decoding.loop as loop
    from engine.decoding.candidates import generate_candidates, parse_strategies
    from tests.conftest import demo_pairs

    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    rows = demo_pairs(300)[::25][:12]
    strategies = parse_strategies(["greedy", "temperature:0.7", "temperature:1.0", "top_k:20", "top_p:0.9x2"])

    def candidates():
        out = generate_candidates(model, tokenizer, [r[0] for r in rows], [r[2] for r in rows], strategies,
                                  batch_size=6, max_new_tokens=24, seed=7)
        return [[(c.text, c.count) for c in cands] for cands in out]

    split = candidates()
    monkeypatch.setattr(loop, "uncapped_head", lambda model: None)
    own = candidates()
    assert sum(a == b for a, b in zip(split, own, strict=True)) >= len(rows) - 1
    assert sum(len(c) > 1 for c in own) >= 3  # the sampled strategies did sample
