"""Validation analysis of a reward model on constructed rewards."""

from __future__ import annotations

import pytest

from engine.reward.analysis import accuracy, calibration, expected_calibration_error, sigmoid, wrong_pairs


def rows(deltas):
    return [{"chosen_reward": d, "rejected_reward": 0.0, "source": str(i)} for i, d in enumerate(deltas)]


def test_accuracy_and_wrong_pairs_order():
    data = rows([2.0, -1.0, 0.5, -3.0, 0.0])
    assert accuracy(data) == pytest.approx(2 / 5)
    assert [r["source"] for r in wrong_pairs(data)] == ["3", "1", "4"]
    assert accuracy([]) is None


def test_calibration_is_symmetric_and_bins_cover_all_points():
    curve = calibration(rows([2.0, -1.0, 0.5, 4.0]), bins=5)
    assert sum(c["pairs"] for c in curve) == 8
    by_bin = {c["bin"]: c for c in curve}
    assert by_bin["0.8–1.0"]["observed"] == 1.0  # σ(2) and σ(4) are both chosen, observed 1
    assert by_bin["0.0–0.2"]["observed"] == 0.0  # their mirror images
    assert sigmoid(0) == 0.5 and sigmoid(-800) == pytest.approx(0.0) and sigmoid(800) == pytest.approx(1.0)


def test_a_model_right_in_proportion_to_its_confidence_is_calibrated():
    import math

    # Δ = logit(0.75): the model says 75 %; 3 of 4 such pairs are right, 1 wrong
    d = math.log(3)
    curve = calibration(rows([d, d, d, -d]), bins=4)
    assert expected_calibration_error(curve) == pytest.approx(0.0, abs=1e-9)
