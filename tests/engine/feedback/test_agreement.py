"""Agreement statistics on constructed judgements whose values are known by hand."""

from __future__ import annotations

import pytest

from engine.feedback.agreement import NONE_PICK, Rating, agreement, kendall_tau


def test_kendall_tau_known_values():
    assert kendall_tau([0, 1, 2], [0, 1, 2]) == pytest.approx(1.0)
    assert kendall_tau([0, 1, 2], [2, 1, 0]) == pytest.approx(-1.0)
    assert kendall_tau([0, 1, 2], [1, 0, 2]) == pytest.approx(1 / 3)  # one discordant pair of three
    assert kendall_tau([0, 1, 2, 3], [1, 0, 3, 2]) == pytest.approx(1 / 3)  # 2 discordant of 6: (4-2)/6
    assert kendall_tau([0, 1, 2, 3], [0, 1, 2]) == pytest.approx(1.0)  # over the common candidates
    assert kendall_tau([0, 1], [1, 5]) is None  # one common candidate


def test_per_pair_and_overall_agreement():
    ratings = [
        # item 1: A and B rank identically (tau 1), same best; C reversed (tau -1 with both), best differs
        Rating("1", "A", (0, 1, 2), 0), Rating("1", "B", (0, 1, 2), 0), Rating("1", "C", (2, 1, 0), 2),
        # item 2: A and B swap the top two (tau 1/3), best differs
        Rating("2", "A", (0, 1, 2), 0), Rating("2", "B", (1, 0, 2), 1),
        # item 3: A picks best 1, B says none is acceptable -> disagree; C none -> agrees with B
        Rating("3", "A", None, 1), Rating("3", "B", None, NONE_PICK), Rating("3", "C", None, NONE_PICK),
        # item 4: only A — not shared; item 5: a post-edit picks nothing
        Rating("4", "A", (0, 1), 0), Rating("5", "A", None, None), Rating("5", "B", None, 0),
    ]
    report = agreement(ratings)
    pairs = {(p.linguist_a, p.linguist_b): p for p in report.pairs}
    ab, ac, bc = pairs["A", "B"], pairs["A", "C"], pairs["B", "C"]
    assert (ab.items, ab.ranked_items, ab.best_items) == (4, 2, 3)
    assert ab.mean_tau == pytest.approx((1 + 1 / 3) / 2)
    assert ab.best_agreement == pytest.approx(1 / 3)  # item 1 same; 2 and 3 differ; 5 not compared
    assert (ac.items, ac.mean_tau, ac.best_agreement) == (2, pytest.approx(-1.0), pytest.approx(0.0))
    assert (bc.items, bc.mean_tau, bc.best_agreement) == (2, pytest.approx(-1.0), pytest.approx(0.5))
    assert report.shared_items == 4
    assert report.ranked_comparisons == 4  # AB×2, AC, BC on item 1
    assert report.mean_tau == pytest.approx((1 + 1 / 3 - 1 - 1) / 4)
    assert report.best_comparisons == 7
    assert report.best_agreement == pytest.approx(2 / 7)  # AB item 1, BC item 3


def test_latest_judgement_of_a_linguist_counts_and_lonely_items_are_ignored():
    ratings = [Rating("1", "A", (0, 1, 2), 0), Rating("1", "B", (2, 1, 0), 2), Rating("1", "B", (0, 1, 2), 0),
               Rating("2", "A", (0, 1), 0)]
    report = agreement(ratings)
    assert report.mean_tau == pytest.approx(1.0) and report.best_agreement == pytest.approx(1.0)
    assert report.shared_items == 1
    empty = agreement([])
    assert (empty.pairs, empty.mean_tau, empty.best_agreement) == ([], None, None)
