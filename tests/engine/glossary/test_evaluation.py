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
    # three sentences differ: no test on three can be significant (p 2^(1−3) at least; it came out < 0.05)
    assert bad.p_vs_first >= 0.25
    # the same differences over four times the sentences are, and p is never exactly 0 (the add-one correction)
    many = [{**seg, "idx": seg["idx"] + 10 * k} for k in range(4) for seg in SEGMENTS]
    repeated = {key: {i + 10 * k: text for k in range(4) for i, text in by_idx.items()}
                for key, by_idx in outputs.items()}
    _, bad = terminology_by_system(many, repeated, {"en-ar": INDEX}, n_resamples=500, seed=1)
    assert 0 < bad.p_vs_first < 0.05


def test_one_sentence_that_kept_its_term_in_one_system_alone_is_not_significant():
    # "The court met." with court → محكمة: B kept the term and A did not, and B's p came out 0.002
    index = TermIndex([("t", GlossaryEntry("court", ("محكمة",)))])
    for copies in (1, 3):
        segments = [{"idx": i, "source": "The court met.", "pair": "en-ar"} for i in range(copies)]
        outputs = {"a": dict.fromkeys(range(copies), "اجتمع القاضي."),
                   "b": dict.fromkeys(range(copies), "اجتمعت المحكمة.")}
        _, b = terminology_by_system(segments, outputs, {"en-ar": index})
        assert b.diff_vs_first == 1.0 and b.p_vs_first >= 0.25


def test_no_term_in_the_test_set():
    (only,) = terminology_by_system(SEGMENTS[2:3], {"a": {2: "مرحبا."}}, {"en-ar": INDEX})
    assert only.applicable == 0 and only.share is None and only.low is None
