"""Each job kind's own config checks (``JobKind.check``), run at every door: values that fit their bounds but not
each other, or not this machine, are refused before anything runs. Cases from a probe of every job's settings."""

from __future__ import annotations

import re

import pytest

from engine.jobs.kinds import KIND_MODULES, checked_config, job_kind


@pytest.mark.parametrize(("kind", "values", "message"), [
    ("generate", {"strategies": ["greedy"]}, "give 1 candidate per source; choose between 3 and 8"),
    ("translate_batch", {"strategies": "greedy, top_p:0.9x2"}, "give 3 candidates per source; choose between 5"),
    ("score", {"weights": {"chrf": 1.0, "blue": 5.0}}, "unknown metric 'blue' among the weights"),
    ("score", {"weights": {"chrf": 1.0}, "extra_metrics": ["bogus"]}, "Extra metrics: unknown metric 'bogus'"),
    ("reward", {"unfreeze_schedule": ["bogus"]}, "not an unfreezing phase: 'bogus'"),
    ("ppo", {"reward_model": "rm", "batch_size": 2, "mini_batch_size": 3}, "must be a multiple of the mini-batch"),
    ("ppo", {}, "choose a reward model"),
    # TRL accumulates over the whole batch: with mini-batches each update summed several (2 updates of 4, not 4 of 2)
    ("ppo", {"reward_model": "rm", "batch_size": 8, "mini_batch_size": 2, "gradient_accumulation": 2},
     "above 1 needs mini-batch size (mini_batch_size) equal to batch size"),
    ("ppo", {"reward_model": "rm", "kl_target": 0.0, "stop_on_kl": True}, "stops at the first step"),
    ("ppo", {"reward_model": "rm", "terminology_penalty": 1.0}, "Terminology penalty needs glossaries"),
    ("grpo", {"chrf_weight": 0.0}, "choose a reward"),
    ("grpo", {"method": "rloo", "scale_rewards": "batch"}, "Scale rewards by (scale_rewards) is GRPO's"),
    ("dpo", {"loss_type": "simpo"}, "'simpo' is a loss of the CPO objective"),
    ("dpo", {"beta": 0.0}, "beta 0 makes the DPO loss flat"),
    ("bootstrap", {"warmup_steps": 1000, "max_steps": 5}, "the learning rate would still be rising"),
])
def test_a_value_the_job_cannot_use_is_refused_before_it_runs(kind, values, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        checked_config(kind, values)


@pytest.mark.parametrize("kind", sorted(KIND_MODULES))
def test_every_kinds_defaults_pass_its_own_check(kind):
    values = {"ppo": {"reward_model": "rm"}}.get(kind, {})
    assert isinstance(checked_config(kind, values), job_kind(kind).config_cls)


def test_orpo_keeps_beta_0_for_plain_likelihood_training():
    assert checked_config("dpo", {"objective": "orpo", "beta": 0.0}).beta == 0.0


def test_unfreezing_more_layers_than_the_model_has_is_refused_at_the_job_start():
    # top999 on a 4-layer model trained every layer without a word (the layer count is known once it loads)
    from engine.jobs.reward import RewardJobConfig, _studio_callback

    config = RewardJobConfig(unfreeze_schedule=["head@0", "top999@1"])
    with pytest.raises(ValueError, match="top999 asks for more layers than the model has \\(4\\): write top4 or all"):
        _studio_callback(None, config, num_layers=4, adapters_only=False)
    assert _studio_callback(None, RewardJobConfig(unfreeze_schedule=["head@0", "top4@1"]), 4, False)


def test_grpo_needs_the_sources_of_one_whole_step():
    # TRL hands out whole generation batches of batch_size × accumulation × processes: 4 sources, batch 4 and
    # accumulation 2 trained 0 steps and registered the policy unchanged
    from engine.jobs.grpo import GrpoJobConfig, check_one_step

    config = GrpoJobConfig(batch_size=4, gradient_accumulation=2)
    with pytest.raises(ValueError, match=r"4 sources is fewer than one step takes \(8 sources: 4 × 2 accumulation\)"):
        check_one_step(4, config)
    check_one_step(8, config)
    with pytest.raises(ValueError, match=r"× 2 processes"):
        check_one_step(8, config, processes=2)
