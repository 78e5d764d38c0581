"""Pairing rules, on constructed candidates and as properties over random ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.preferences.pairing import STRATEGIES, PairingConfig, ScoredCandidate, build_pairs, source_split

WORDS = ["كتاب", "بيت", "مدرسة", "شمس", "قمر", "طريق", "ماء", "سماء", "ولد", "بنت", "سيارة", "قلم"]


def cand(i, group, text, quality, passes=True):
    return ScoredCandidate(cand_id=i, group=group, source=f"src {group}", text=text, quality=quality,
                           passes_checks=passes)


def test_best_vs_worst_gives_one_pair_per_source():
    cands = [cand(1, "a", "كتاب جديد", 0.9), cand(2, "a", "بيت قديم", 0.5), cand(3, "a", "شمس مشرقة", 0.1)]
    pairs = build_pairs(cands, PairingConfig(strategy="best_vs_worst", min_margin=0.1))
    assert [(p.chosen_id, p.rejected_id) for p in pairs] == [(1, 3)]
    assert pairs[0].margin == pytest.approx(0.8)


def test_failed_check_candidate_is_never_chosen_even_when_best():
    cands = [cand(1, "a", "hello hello", 0.99, passes=False), cand(2, "a", "مرحبا بك", 0.6),
             cand(3, "a", "أهلا", 0.2)]
    pairs = build_pairs(cands, PairingConfig(strategy="best_vs_each", min_margin=0.05))
    assert {p.chosen_id for p in pairs} == {2}
    assert {p.rejected_id for p in pairs} == {3}  # 1 has the higher quality, so it is no rejected of 2


def test_ties_small_margins_and_near_identical_give_no_pair():
    cands = [cand(1, "a", "كتاب جديد", 0.7), cand(2, "a", "قمر بعيد", 0.7), cand(3, "a", "كتاب  جديد", 0.1),
             cand(4, "a", "طريق طويل", 0.65)]
    pairs = build_pairs(cands, PairingConfig(strategy="all_above_margin", min_margin=0.1))
    got = {(p.chosen_id, p.rejected_id) for p in pairs}
    assert (1, 2) not in got and (2, 1) not in got  # tie
    assert (1, 4) not in got  # margin 0.05
    assert (1, 3) not in got  # same text up to spacing
    assert (2, 3) in got and (4, 3) in got


def test_identical_texts_from_different_candidates_are_deduplicated():
    cands = [cand(1, "a", "كتاب", 0.9), cand(2, "a", "بيت", 0.2), cand(3, "a", "بيت", 0.1)]
    pairs = build_pairs(cands, PairingConfig(strategy="best_vs_each", min_margin=0.1))
    assert [(p.chosen, p.rejected) for p in pairs] == [("كتاب", "بيت")]


def test_source_split_is_stable_and_roughly_the_requested_share():
    groups = [f"g{i}" for i in range(4000)]
    share = sum(source_split(g, 0.1, seed=3) == "valid" for g in groups) / len(groups)
    assert 0.08 < share < 0.12
    assert [source_split(g, 0.1, 3) for g in groups[:50]] == [source_split(g, 0.1, 3) for g in groups[:50]]


candidate_lists = st.lists(
    st.tuples(st.integers(0, 6), st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
              st.floats(0, 1, allow_nan=False), st.booleans()),
    min_size=1, max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(raw=candidate_lists, strategy=st.sampled_from(STRATEGIES), margin=st.floats(0, 0.5),
       valid=st.floats(0, 0.9))
def test_pairing_properties(raw, strategy, margin, valid):
    cands = [cand(i, f"g{g}", " ".join(words), q, ok) for i, (g, words, q, ok) in enumerate(raw)]
    by_id = {c.cand_id: c for c in cands}
    pairs = build_pairs(cands, PairingConfig(strategy=strategy, min_margin=margin, valid_fraction=valid))
    split_of_group: dict[str, str] = {}
    keys = set()
    for p in pairs:
        chosen, rejected = by_id[p.chosen_id], by_id[p.rejected_id]
        assert p.chosen_id != p.rejected_id and p.chosen != p.rejected  # no self-pairs
        assert chosen.group == rejected.group == p.group  # same source
        assert chosen.passes_checks  # a failed-check candidate is never chosen
        assert p.margin >= margin and p.margin > 0  # margin respected, no ties
        assert p.margin == pytest.approx(chosen.quality - rejected.quality)
        assert split_of_group.setdefault(p.group, p.split) == p.split  # no source in two splits
        key = (p.group, p.chosen, p.rejected)
        assert key not in keys  # de-duplicated
        keys.add(key)


def test_a_source_held_by_two_segments_is_on_one_side_of_the_split():
    # the split was drawn per corpus segment: a source in two segments (two targets, or two corpora) had pairs in
    # train and in validation, and the reward model was validated on sources it trained on
    cands = []
    for n in range(40):
        for segment in ("1", "2"):
            group = f"{segment}:{n}"
            cands += [ScoredCandidate(cand_id=len(cands), group=group, source=f"sentence {n}", pair="en-ar",
                                      text=WORDS[n % 12], quality=0.9),
                      ScoredCandidate(cand_id=len(cands) + 1, group=group, source=f"sentence  {n}", pair="en-ar",
                                      text=WORDS[(n + 1) % 12] + " " + WORDS[(n + 5) % 12], quality=0.2)]
    pairs = build_pairs(cands, PairingConfig(valid_fraction=0.5))
    splits: dict[str, set[str]] = {}
    for p in pairs:
        splits.setdefault(" ".join(p.source.split()), set()).add(p.split)
    assert len(splits) == 40 and all(len(s) == 1 for s in splits.values())
    assert {next(iter(s)) for s in splits.values()} == {"train", "valid"}


def test_candidates_that_differ_only_in_tashkeel_are_near_identical_when_scored_normalised():
    # BERTScore and COMET read the raw text and scored them apart: a pair of one translation
    cands = [cand(1, "a", "شكرا جزيلا", 0.9), cand(2, "a", "شُكْرًا جَزِيلًا", 0.4)]
    assert not build_pairs(cands, PairingConfig(min_margin=0.1, arabic_normalise=True))
    assert len(build_pairs(cands, PairingConfig(min_margin=0.1))) == 1  # compared as written when not normalised
