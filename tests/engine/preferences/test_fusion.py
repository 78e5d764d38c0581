"""The fusion plan's weights: only finite, non-negative numbers reach the fused quality."""

from __future__ import annotations

import pytest

from engine.metrics.base import MetricSettings
from engine.metrics.registry import available_metrics
from engine.preferences.fusion import FusionError, fuse, plan_fusion


@pytest.mark.parametrize("weight, message", [
    (float("inf"), "the weight of chrf must be a finite number ≥ 0, not inf"),
    (float("nan"), "the weight of chrf must be a finite number ≥ 0, not nan"),
    (-0.5, "the weight of chrf must be a finite number ≥ 0, not -0.5"),
    ("much", "the weight of chrf must be a number, not 'much'"),
])
def test_a_weight_that_is_not_a_finite_non_negative_number_is_refused(weight, message):
    # an infinite weight used to normalise to NaN and make every fused quality NaN
    with pytest.raises(FusionError) as err:
        plan_fusion({"chrf": weight, "bleu": 1.0}, available_metrics(MetricSettings()))
    assert str(err.value) == message


def test_finite_weights_are_normalised_and_fuse_to_finite_qualities():
    plan = plan_fusion({"chrf": 3.0, "bleu": 1.0, "comet": 0.0}, available_metrics(MetricSettings()))
    assert plan.weights == {"chrf": 0.75, "bleu": 0.25}
    fused = fuse({"chrf": [10.0, 50.0, 90.0], "bleu": [5.0, 20.0, 40.0]}, plan, {"chrf": True, "bleu": True})
    assert float(fused[0]) == 0.0 and float(fused[2]) == 1.0 and 0.0 < float(fused[1]) < 1.0
    # two huge weights summed to inf and became 0 each: every quality 0, no pair
    huge = plan_fusion({"chrf": 1e308, "bleu": 1e308}, available_metrics(MetricSettings()))
    assert huge.weights == {"chrf": 0.5, "bleu": 0.5}
