"""Dropping the sources a policy already translates (engine.rl.solved), on the tiny policy for real."""

from __future__ import annotations

import pytest

from engine.decoding.greedy import greedy_translate
from engine.models.loading import load_causal_lm, load_tokenizer
from engine.rl.solved import drop_solved, greedy_chrf

SOURCES = ["Good morning.", "Where is the station?", "Bonjour à tous.", "The tea is hot.", "Il pleut.",
           "See you tomorrow."]
PAIRS = ["en-ar", "en-ar", "fr-ar", "en-ar", "fr-ar", "en-ar"]


@pytest.fixture(scope="module")
def tiny(tiny_policy_dir):
    return load_causal_lm(tiny_policy_dir), load_tokenizer(tiny_policy_dir)


def test_sources_translated_exactly_are_dropped_and_the_rest_kept(tiny):
    model, tokenizer = tiny
    greedy = greedy_translate(model, tokenizer, SOURCES, PAIRS, "tags", max_new_tokens=12)
    assert all(text.strip() for text in greedy), greedy
    # even rows: the reference is what the policy writes; odd rows: a reference it does not write
    rows = [{"source": s, "pair": p, "target": g if i % 2 == 0 else "مرحبا بكم في المحطة"}
            for i, (s, p, g) in enumerate(zip(SOURCES, PAIRS, greedy, strict=True))]
    rows.append({"source": "No reference here.", "pair": "en-ar", "target": ""})
    scores = greedy_chrf(model, tokenizer, rows[:-1], "tags", max_new_tokens=12)
    assert [s == pytest.approx(100.0) for s in scores] == [True, False] * 3, scores

    kept = drop_solved(model, tokenizer, rows, "tags", threshold=100.0, max_new_tokens=12)
    assert [r["source"] for r in kept.rows] == [SOURCES[1], SOURCES[3], SOURCES[5], "No reference here."]
    assert (kept.dropped, kept.total) == (3, 7)
    assert "dropped 3 of 7 sources" in kept.describe() and "4 left" in kept.describe()
    # a threshold no translation reaches keeps everything
    assert drop_solved(model, tokenizer, rows, "tags", threshold=100.5, max_new_tokens=12).dropped == 0
