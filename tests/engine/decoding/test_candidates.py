"""Batched multi-candidate generation on a real tiny Gemma-2 model."""

from __future__ import annotations

import pytest

from engine.decoding.candidates import SamplingStrategy, generate_candidates, parse_strategies
from engine.models.loading import load_causal_lm, load_tokenizer


@pytest.mark.parametrize("spec, kind, value, samples", [
    ("greedy", "greedy", None, 1), ("beam:4", "beam", 4, 1), ("temperature:0.7x2", "temperature", 0.7, 2),
    ("top_k:20", "top_k", 20, 1), ("top_p:0.9x3", "top_p", 0.9, 3),
])
def test_strategy_specs_parse_and_print_back(spec, kind, value, samples):
    strategy = SamplingStrategy.parse(spec)
    assert (strategy.kind, strategy.value, strategy.samples) == (kind, value, samples)
    assert strategy.name == spec


@pytest.mark.parametrize("spec, message", [
    ("greedy:2", "greedy takes no value"), ("beam:1", "beam needs a whole number"), ("temperature:0", "(0, 5]"),
    ("top_p:1.5", "top_p must be in (0, 1]"), ("nucleus:0.9", "not a sampling strategy"),
    ("temperature", "temperature needs a value"), ("greedyx3", "greedy gives one candidate"),
    ("beam:100000", "from 2 to 16"), ("temperature:0.7x0", "asks for no sample"),  # both were accepted
])
def test_bad_strategy_specs_are_refused(spec, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        SamplingStrategy.parse(spec)


def test_a_list_of_strategies_with_a_number_is_refused_with_a_reason():
    # a form's list box reads "greedy, 1" as ["greedy", 1]: that was an AttributeError past the batch form
    from engine.decoding.candidates import parse_strategies

    with pytest.raises(ValueError, match="not a sampling strategy: '1'"):
        parse_strategies(["greedy", 1])


@pytest.mark.parametrize("specs", [["greedy", "greedy", "greedy"], ["beam:4", "top_k:20", "beam:4"]])
def test_a_strategy_that_does_not_sample_is_refused_twice(specs):
    # greedy ×3 passed the generate form's 3–8 check and gave one candidate a source: no pair to score
    with pytest.raises(ValueError, match="is given twice: it decodes without sampling"):
        parse_strategies(specs)
    assert len(parse_strategies(["greedy", "beam:4", "top_k:20", "top_k:20"])) == 4  # samples may repeat


def test_sampling_params_record_the_strategy():
    assert SamplingStrategy.parse("top_k:20").params() == {"do_sample": True, "temperature": 1.0, "top_k": 20,
                                                            "top_p": 1.0}
    assert SamplingStrategy.parse("beam:3").params() == {"do_sample": False, "num_beams": 3}


def test_batched_generation_gives_candidates_per_source_with_strategies_and_merges_duplicates(tiny_policy_dir):
    tokenizer, model = load_tokenizer(tiny_policy_dir), load_causal_lm(tiny_policy_dir)
    sources = ["Good morning.", "Where is the station?", "Bonjour à tous.", "I like tea very much."]
    pairs = ["en-ar", "en-ar", "fr-ar", "en-ar"]
    strategies = parse_strategies(["greedy", "beam:2", "temperature:1.0x3", "top_p:0.9x2"])
    calls = []
    out = generate_candidates(model, tokenizer, sources, pairs, strategies, batch_size=3, max_new_tokens=8,
                              on_batch=lambda n, t: calls.append((n, t)))
    assert len(out) == 4
    # 2 batches (3 + 1 sources): greedy and the two sampled strategies in one loop call per batch (sources ×
    # 3 strategies done), then beam search through generate() (sources × 1); every source × strategy counted once
    assert [n for n, _ in calls] == [9, 3, 3, 1]
    assert sum(n for n, _ in calls) == len(sources) * len(strategies)
    for cands in out:
        assert 1 <= len(cands) <= 7
        assert sum(c.count for c in cands) == 7  # every sample is counted, duplicates merged
        assert len({c.text for c in cands}) == len(cands)
        assert {c.strategy for c in cands} <= {s.name for s in strategies}
        assert all(c.params for c in cands)


def test_generation_is_reproducible_for_a_seed(tiny_policy_dir):
    tokenizer, model = load_tokenizer(tiny_policy_dir), load_causal_lm(tiny_policy_dir)
    strategies = parse_strategies(["temperature:1.0x2"])
    a = generate_candidates(model, tokenizer, ["Hello."], ["en-ar"], strategies, max_new_tokens=6, seed=3)
    b = generate_candidates(model, tokenizer, ["Hello."], ["en-ar"], strategies, max_new_tokens=6, seed=3)
    assert [c.text for c in a[0]] == [c.text for c in b[0]]


def test_a_tokenizer_that_pads_on_the_right_gives_the_candidates_of_one_source_at_a_time(tiny_policy_dir):
    # generate() path (beam search): GPT-2's and Qwen2's tokenizers pad on the right, and every shorter prompt of a
    # batch was continued after its pad tokens
    tokenizer, model = load_tokenizer(tiny_policy_dir), load_causal_lm(tiny_policy_dir)
    tokenizer.padding_side = "right"
    sources = ["Hi.", "Where is the train station, please?", "Bonjour."]
    pairs = ["en-ar", "en-ar", "fr-ar"]
    beam = parse_strategies(["beam:2"])
    batched = generate_candidates(model, tokenizer, sources, pairs, beam, batch_size=3, max_new_tokens=8)
    single = [generate_candidates(model, tokenizer, [s], [p], beam, max_new_tokens=8)[0]
              for s, p in zip(sources, pairs, strict=True)]
    assert [[c.text for c in cands] for cands in batched] == [[c.text for c in cands] for cands in single]


def test_a_candidate_stopped_at_the_token_limit_is_marked_cut():
    # a translation that ran into max_new_tokens was shown and written as if whole
    from engine.demo import DEMO_MODEL_DIR
    from engine.models.loading import load_causal_lm, load_tokenizer

    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    sources, pairs = ["Good morning.", "Where is the station?"], ["en-ar", "en-ar"]
    for strategies in (["greedy", "top_p:0.9x2"], ["beam:2"]):  # the studio's loop, and generate()
        parsed = parse_strategies(strategies)
        whole = generate_candidates(model, tokenizer, sources, pairs, parsed, max_new_tokens=48, seed=0)
        assert not [c for cands in whole for c in cands if c.cut and c.strategy != "top_p:0.9x2"], strategies
        assert all(c.new_tokens == 48 for cands in whole for c in cands if c.cut)  # a sample may run on
        short = generate_candidates(model, tokenizer, sources, pairs, parsed, max_new_tokens=2, seed=0)
        assert all(c.cut and c.new_tokens == 2 for cands in short for c in cands), strategies
