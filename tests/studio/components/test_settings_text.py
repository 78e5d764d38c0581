"""The ``name=value`` text of the job forms' settings fields reads back what it shows, words and lists included."""

from __future__ import annotations

import pytest

from studio.components.settings_text import format_settings, parse_settings


@pytest.mark.parametrize("values", [
    # a word among numbers ("method": "grpo" in the demo's GRPO settings) once made the form raise a ValueError
    {"method": "grpo", "chrf_weight": 1.0, "learning_rate": 2e-4, "max_prompts": 0, "temperature": 1.0},
    {"comet_model": "/models/wmt22-comet-da", "reference_free": True, "min_margin": 0.15},
    {"strategies": ["greedy", "top_p:0.9x2"], "note": "a, b = c", "looks_numeric": "1e-4", "word_true": "true"},
    {"epochs": 2.0, "steps": 1000000, "learning_rate": 3e-05},
    {},
])
def test_settings_read_back_as_they_were(values):
    parsed, errors = parse_settings(format_settings(values))
    assert errors == []
    assert parsed == values
    assert [type(v) for v in parsed.values()] == [type(v) for v in values.values()]


def test_words_numbers_and_lists_are_read_from_typed_text():
    parsed, errors = parse_settings('method=rloo, lr=2e-4, steps=450, on=true, strategies=["greedy", "beam:4"]')
    assert errors == []
    assert parsed == {"method": "rloo", "lr": 2e-4, "steps": 450, "on": True, "strategies": ["greedy", "beam:4"]}


def test_metric_weights_must_be_numbers_and_bad_parts_are_named():
    parsed, errors = parse_settings("comet=0.5, chrf=high, bertscore", numeric=True)
    assert parsed == {"comet": 0.5}
    assert errors == ["“chrf=high” is not name=weight (the weight must be a number)", "“bertscore” is not name=weight"]
    assert parse_settings("comet=1", numeric=True) == ({"comet": 1.0}, [])
