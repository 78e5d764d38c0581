"""Terminology per evaluated system: micro-averaged share, bootstrap interval, paired comparison."""

from __future__ import annotations

import pytest

from engine.glossary import GlossaryEntry, TermIndex
from engine.glossary.evaluation import terminology_by_system

INDEX = TermIndex(
    [
        ("t", GlossaryEntry("station", ("محطة",))),
        ("t", GlossaryEntry("window", ("نافذة",))),
        ("t", GlossaryEntry("coffee", ("قهوة",))),
    ]
)
SEGMENTS = [
    {"idx": 0, "source": "Where is the station?", "pair": "en-ar"},
    {"idx": 1, "source": "A coffee by the window.", "pair": "en-ar"},
    {"idx": 2, "source": "Good morning.", "pair": "en-ar"},
    {"idx": 3, "source": "Close the window of the station.", "pair": "en-ar"},
    {"idx": 4, "source": "Où est la gare ?", "pair": "fr-ar"},
]


def test_micro_average_over_sentences_with_terms_and_a_paired_comparison():
    outputs = {
        "good": {0: "أين المحطة؟", 1: "قهوة قرب النافذة.", 2: "صباح الخير.", 3: "أغلق نافذة المحطة.", 4: "أين المحطة؟"},
        "bad": {0: "أين القطار؟", 1: "قهوة قرب الشباك.", 2: "مرحبا.", 3: "أغلق الشباك.", 4: "أين المحطة؟"},
    }
    good, bad = terminology_by_system(SEGMENTS, outputs, {"en-ar": INDEX}, n_resamples=500, seed=1)
    assert (good.kept, good.applicable, good.sentences) == (5, 5, 3)  # fr-ar has no glossary; idx 2 no term
    assert (bad.kept, bad.applicable) == (1, 5) and bad.share == pytest.approx(0.2)
    assert good.low == good.high == 1.0 and good.p_vs_first is None
    assert bad.low <= 0.2 <= bad.high and bad.diff_vs_first == pytest.approx(-0.8)
    assert 0 < bad.p_vs_first < 0.05  # never exactly 0: the add-one correction, as every other test here


def test_no_term_in_the_test_set():
    (only,) = terminology_by_system(SEGMENTS[2:3], {"a": {2: "مرحبا."}}, {"en-ar": INDEX})
    assert only.applicable == 0 and only.share is None and only.low is None
