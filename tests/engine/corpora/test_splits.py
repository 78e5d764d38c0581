"""Seeded train/valid/test splits grouped by normalised source."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.corpora import SPLIT_NAMES, assign_splits
from engine.corpora.splits import check_shares, split_size

KEYS = [f"sentence {i}" for i in range(100)]


def test_fractions_give_exact_sizes_for_unique_sources() -> None:
    splits = assign_splits(KEYS, valid=0.1, test=0.2, seed=1)
    assert Counter(splits) == {"train": 70, "valid": 10, "test": 20}


def test_counts_give_exact_sizes() -> None:
    assert Counter(assign_splits(KEYS, valid=3, test=5, seed=1)) == {"train": 92, "valid": 3, "test": 5}


def test_counts_larger_than_the_corpus_take_everything_test_first() -> None:
    assert Counter(assign_splits(KEYS[:4], valid=10, test=3, seed=0)) == {"test": 3, "valid": 1}


def test_same_seed_same_splits_other_seed_other_splits() -> None:
    first = assign_splits(KEYS, valid=0.1, test=0.1, seed=7)
    assert assign_splits(list(KEYS), valid=0.1, test=0.1, seed=7) == first
    assert assign_splits(KEYS, valid=0.1, test=0.1, seed=8) != first


def test_empty_input_and_zero_sizes() -> None:
    assert assign_splits([], valid=0.1, test=0.1) == []
    assert set(assign_splits(KEYS, valid=0.0, test=0)) == {"train"}


@pytest.mark.parametrize(("valid", "test"), [(0.5, 0.5), (1.0, 0.0), (-0.1, 0.1), (-1, 2), (True, 0.1), ("0.1", 0.1)])
def test_impossible_sizes_raise(valid: object, test: object) -> None:
    with pytest.raises(ValueError):
        check_shares(valid, test)  # type: ignore[arg-type]


@pytest.mark.parametrize(("n", "valid", "test", "expected"), [
    (10, 0.45, 0.45, {"train": 1, "valid": 4, "test": 5}), (2, 0.25, 0.25, {"train": 1, "test": 1}),
    (1, 0.45, 0.45, {"train": 1}), (1, 0.5, 0.0, {"train": 1}),  # one line at 0.5 went wholly to valid
    (10, 0.95, 1, {"train": 1, "valid": 8, "test": 1}),  # a count beside a fraction: the fraction still leaves one
])
def test_fractions_leave_training_a_group_after_rounding(n, valid, test, expected) -> None:
    # rounded half up, the form's fractions took every row and the corpus was stored with no training rows
    assert Counter(assign_splits(KEYS[:n], valid=valid, test=test, seed=0)) == expected


def test_one_source_with_several_translations_stays_in_training() -> None:
    # one sentence with four Arabic translations, 0.25 / 0.25: every row went to test
    assert assign_splits(["s0"] * 4, valid=0.25, test=0.25, seed=0) == ["train"] * 4
    assert assign_splits(["s0"] * 4, valid=0, test=2, seed=0) == ["test"] * 4  # a count takes what it asks for


def test_fractions_round_half_up() -> None:
    assert split_size(0.05, 10) == 1
    assert split_size(0.04, 10) == 0
    assert split_size(7, 10) == 7


@given(
    keys=st.lists(st.sampled_from([f"s{i}" for i in range(30)]), max_size=200),
    valid=st.floats(min_value=0.0, max_value=0.45),
    test=st.floats(min_value=0.0, max_value=0.45),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
@settings(max_examples=150, deadline=None)
def test_a_source_never_lands_in_two_splits(keys: list[str], valid: float, test: float, seed: int) -> None:
    splits = assign_splits(keys, valid=valid, test=test, seed=seed)
    assert len(splits) == len(keys)
    assert set(splits) <= set(SPLIT_NAMES)
    splits_of_key: dict[str, set[str]] = defaultdict(set)
    for key, split in zip(keys, splits, strict=True):
        splits_of_key[key].add(split)
    assert all(len(names) == 1 for names in splits_of_key.values())
    assert assign_splits(keys, valid=valid, test=test, seed=seed) == splits  # deterministic
    counts = Counter(splits)
    group_sizes = Counter(keys)
    biggest_group = max(group_sizes.values(), default=0)
    for name, share in (("test", test), ("valid", valid)):
        wanted = split_size(share, len(keys))
        if wanted == 0:
            assert counts[name] == 0
        else:
            assert counts[name] <= wanted + biggest_group - 1  # overshoots by less than one group
    if keys:  # fractions leave training something, of one source too
        assert counts["train"] > 0
