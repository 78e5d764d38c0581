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


def test_accuracy_verdict_gives_the_interval_and_warns_on_chance_or_a_likelihood_it_does_not_beat():
    from engine.reward.analysis import accuracy_verdict

    level, text = accuracy_verdict(0.9, 400)
    assert level == "ok" and "90.0% on 400 validation pairs (95% interval 87%–93%)" in text
    level, text = accuracy_verdict(0.48, 56, likelihood=0.71)
    assert level == "warning"
    assert "not distinguishable from chance — more validation pairs would tell" in text
    assert "does not beat the policy's likelihood" in text and "71.0%" in text
    level, text = accuracy_verdict(0.8, 1000, likelihood=0.85)  # clear of chance, below the policy's likelihood
    assert level == "warning" and "chance" not in text and "does not beat" in text
    assert "likelihood head" in text  # the advice names the head that starts from the likelihood
    level, text = accuracy_verdict(0.74, 42, likelihood=0.74, head="likelihood")
    assert level == "warning" and "likelihood it starts from" in text and "likelihood head" not in text
    assert accuracy_verdict(0.8, 1000, likelihood=0.7)[0] == "ok"
    assert accuracy_verdict(None, 0)[0] == "none"
    # an interval wholly below 50% is no coin: the model prefers the rejected side (it said "includes 50%")
    level, text = accuracy_verdict(0.0, 24)
    assert level == "warning" and "includes 50%" not in text and "prefers the *rejected* translation" in text


def test_validation_sets_are_found_by_name_and_loaded(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.reward.analysis import load_valid_rewards, validation_sets

    model = tmp_path / "outputs" / "model"
    model.mkdir(parents=True)
    assert validation_sets(model) == [] and load_valid_rewards(model) == []
    row = {"chosen_reward": 1.0, "rejected_reward": 0.0}
    for file in ("valid_rewards.parquet", "valid_rewards_human.parquet", "valid_rewards_synthetic.parquet"):
        pq.write_table(pa.Table.from_pylist([row] * len(file)), model.parent / file)
    assert validation_sets(model) == ["", "human", "synthetic"]
    assert len(load_valid_rewards(model)) == len("valid_rewards.parquet")
    assert len(load_valid_rewards(model, "human")) == len("valid_rewards_human.parquet")


def test_a_fine_tunes_validation_accuracy_is_its_held_out_sets():
    # a fine-tune records its human and synthetic held-out sets apart: the pages showed "None" and "0 valid pairs"
    from engine.reward.analysis import with_validation_accuracy

    fine_tune = {"valid_accuracy": None, "valid_pairs": 0, "valid_accuracy_synthetic": 0.857,
                 "valid_pairs_synthetic": 7}
    assert with_validation_accuracy(fine_tune) == {**fine_tune, "valid_accuracy": 0.857, "valid_pairs": 7,
                                                   "valid_set": "synthetic"}
    both = {**fine_tune, "valid_accuracy_human": 0.9, "valid_pairs_human": 40}
    assert with_validation_accuracy(both)["valid_set"] == "human"
    plain = {"valid_accuracy": 0.7, "valid_pairs": 100}
    assert with_validation_accuracy(plain) is plain
