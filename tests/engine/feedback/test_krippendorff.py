"""Krippendorff's alpha against the literature's worked example and values computed by hand."""

from __future__ import annotations

import pytest

from engine.feedback.agreement import NONE_PICK, Rating, agreement
from engine.feedback.krippendorff import alpha

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, values
# 1-5, None where an observer did not code the unit. Published: nominal 0.743, ordinal 0.815, interval 0.849.
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
UNITS = [[row[u] for row in OBSERVERS if row[u] is not None] for u in range(12)]


@pytest.mark.parametrize(("level", "published"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_the_papers_worked_example(level, published):
    assert alpha(UNITS, level) == pytest.approx(published, abs=5e-4)


def test_hand_computed_values():
    # two rankers reverse each other's 3 candidates: coincidences o(1,3) = o(3,1) = 2, o(2,2) = 2; n = (2, 2, 2), 6;
    # ordinal δ²(1,3) = (6 - 2)² = 16, δ²(1,2) = δ²(2,3) = (4 - 2)² = 4;
    # observed Σ o δ² = 4 · 16 = 64, expected Σ n_c n_k δ² = 2 · (4 · 16 + 4 · 4 + 4 · 4) = 192 → 1 - 5 · 64 / 192
    assert alpha([[1, 3], [2, 2], [3, 1]], "ordinal") == pytest.approx(1 - 5 * 64 / 192)
    assert alpha([[1, 1], [2, 2], [3, 3]], "ordinal") == pytest.approx(1.0)
    # picks (0, 0) and (1, none): observed 2 off-diagonal, expected 2 · (2·1 + 2·1 + 1·1) = 10 → 1 - 3 · 2 / 10
    assert alpha([["0", "0"], ["1", "none"]], "nominal") == pytest.approx(0.4)


def test_undefined_cases_and_bad_level():
    assert alpha([[1], [2]], "ordinal") is None  # nothing pairable
    assert alpha([[2, 2], [2, 2]], "ordinal") is None  # no variation: expected disagreement 0
    with pytest.raises(ValueError, match="unknown level of measurement"):
        alpha([[1, 2]], "ratio")


def test_the_agreement_report_carries_alpha_beside_kendalls_tau():
    ratings = [
        Rating("1", "A", (0, 1, 2), 0),
        Rating("1", "B", (2, 1, 0), 2),  # reversed: ordinal alpha -2/3 over the item's three candidates
        Rating("2", "A", None, 0),
        Rating("2", "B", None, 0),
        Rating("3", "A", None, 1),
        Rating("3", "B", None, NONE_PICK),
    ]
    report = agreement(ratings)
    assert report.mean_tau == pytest.approx(-1.0)
    assert report.rank_alpha == pytest.approx(1 - 5 * 64 / 192)
    # best picks per item: (0, 2), (0, 0), (1, none) → n0 = 3, n1 = n2 = nnone = 1, n = 6; observed 4 off-diagonal;
    # expected Σ_{c≠k} n_c n_k = 6² - (9 + 1 + 1 + 1) = 24 → 1 - 5 · 4 / 24
    assert report.best_alpha == pytest.approx(1 - 5 * 4 / 24)
    assert agreement([]).rank_alpha is None
