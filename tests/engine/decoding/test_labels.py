"""Candidate labels: each strategy once, without the sample count of its spec, then the samples that gave it."""

from __future__ import annotations

from engine.decoding.labels import candidate_origin, decoding_name


def test_decoding_name_drops_the_sample_count():
    assert decoding_name("temperature:1.0x2") == "temperature:1.0"
    assert decoding_name("top_k:20x3") == "top_k:20"
    assert decoding_name("greedy") == "greedy"
    assert decoding_name("beam:4") == "beam:4"
    assert decoding_name("not a spec") == "not a spec"


def test_candidate_origin_lists_each_strategy_once_then_the_samples():
    assert candidate_origin("greedy,temperature:0.7x2,temperature:0.7x2", 5) == "greedy, temperature:0.7 · 5 samples"
    assert candidate_origin(["top_p:0.9x2"], 1) == "top_p:0.9"
    assert candidate_origin("", 2) == "unknown strategy · 2 samples"
