"""The arithmetic ``bench.grpo`` counts for a GRPO step, on numbers worked out by hand."""

from __future__ import annotations

import pytest


def test_step_flops_counts_rollouts_reference_and_training_from_trls_counts():
    from bench.grpo import step_flops

    per_token, head = 1_000, 400  # the body (no LM head) is 600 parameters
    # two steps of 2 sources × 4 samples = 8 rows: step 1 has 8 × 5 prompt + 8 × 3 completion tokens, step 2
    # 8 × 5 prompt + 8 × 6 completion tokens; TRL's num_tokens is cumulative
    series = {"num_tokens": [(1, 64.0), (2, 64.0 + 88.0)], "completions_mean_length": [(1, 3.0), (2, 6.0)]}
    first, second = step_flops(series, per_token, head, rows=8, num_generations=4, beta=0.02)
    prompt, completion = 40, 24
    # each source's prompt once for its group of 4: in the rollouts, the reference's pass and the policy's
    rollouts = 2 * 600 * prompt / 4 + 2 * 1_000 * completion
    reference = 2 * 600 * prompt / 4 + 2 * 1_000 * completion
    policy = 6 * 600 * prompt / 4 + 6 * 1_000 * completion
    assert first == pytest.approx(rollouts + reference + policy)
    assert second == pytest.approx(10 * 600 * 40 / 4 + 10 * 1_000 * 48)
    # without the KL term there is no reference model to run
    no_ref, _ = step_flops(series, per_token, head, rows=8, num_generations=4, beta=0.0)
    assert no_ref == pytest.approx(rollouts + policy)
