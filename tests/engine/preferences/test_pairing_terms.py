"""Pairing respects glossary terms: a candidate that breaks a term is never chosen over one that keeps it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.preferences.pairing import STRATEGIES, PairingConfig, ScoredCandidate, build_pairs

WORDS = ["كتاب", "بيت", "مدرسة", "شمس", "قمر", "طريق", "ماء", "سماء", "ولد", "بنت", "سيارة", "قلم"]


def cand(i, text, quality, terms, passes=True):
    return ScoredCandidate(
        cand_id=i, group="g", source="src", text=text, quality=quality, passes_checks=passes, terminology=terms
    )


def test_best_is_the_best_among_those_keeping_the_terms():
    cands = [
        cand(1, "أين الريموت يا ولد", 0.95, 0.0),
        cand(2, "أين جهاز التحكم", 0.7, 1.0),
        cand(3, "شمس قمر طريق", 0.1, 0.0),
    ]
    pairs = build_pairs(cands, PairingConfig(strategy="best_vs_each", min_margin=0.05))
    assert {(p.chosen_id, p.rejected_id) for p in pairs} == {(2, 3)}  # never (1, 2): 1 breaks the term


def test_all_above_margin_never_prefers_a_term_breaker():
    cands = [
        cand(1, "كتاب بيت", 0.9, 0.5),
        cand(2, "مدرسة شمس", 0.6, 1.0),
        cand(3, "قمر طريق", 0.3, 0.5),
        cand(4, "ماء سماء", 0.1, 1.0),
    ]
    got = {(p.chosen_id, p.rejected_id) for p in build_pairs(cands, PairingConfig("all_above_margin", 0.1))}
    assert got == {(1, 3), (2, 3), (2, 4)}


def test_without_terms_nothing_changes():
    cands = [cand(1, "كتاب بيت", 0.9, None), cand(2, "مدرسة شمس", 0.2, None)]
    assert [(p.chosen_id, p.rejected_id) for p in build_pairs(cands, PairingConfig("best_vs_worst", 0.1))] == [(1, 2)]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 1),
            st.sampled_from([0.0, 0.5, 1.0]),
            st.booleans(),
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
        ),
        min_size=2,
        max_size=7,
    ),
    st.sampled_from(STRATEGIES),
)
def test_no_pair_ever_chooses_fewer_kept_terms(rows, strategy):
    cands = [cand(i, " ".join(words) + f" {i}", q, t, p) for i, (q, t, p, words) in enumerate(rows)]
    by_id = {c.cand_id: c for c in cands}
    for pair in build_pairs(cands, PairingConfig(strategy=strategy, min_margin=0.0, near_identical_chrf=101)):
        assert by_id[pair.chosen_id].terminology >= by_id[pair.rejected_id].terminology
