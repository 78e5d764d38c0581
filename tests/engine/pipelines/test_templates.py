"""The phases' RL fields: which settings each RL method reads (the forms hide the others)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from engine.pipelines.templates import RL_METHOD_FIELDS, RL_METHODS, Phase2Config, Phase3Config, fields_unused_by


def test_each_method_ignores_exactly_the_other_methods_fields():
    assert set(RL_METHOD_FIELDS) == set(RL_METHODS)
    for config in (Phase2Config, Phase3Config):
        names = {f.name for f in fields(config)}
        for method in RL_METHODS:
            assert set(RL_METHOD_FIELDS[method]) <= names
            unused = set(fields_unused_by(method))
            assert not unused & set(RL_METHOD_FIELDS[method])
            assert unused | set(RL_METHOD_FIELDS[method]) == {f for fs in RL_METHOD_FIELDS.values() for f in fs}
    assert "ppo_steps" in fields_unused_by("grpo") and "grpo_settings" in fields_unused_by("ppo")
    with pytest.raises(ValueError, match="unknown RL method 'sft'"):
        fields_unused_by("sft")


def test_phase3_finds_the_rl_prompts_corpora_through_the_parents(store):
    # a DPO final model records no corpora: a retrain from it (the demo's path) found none and could not start
    from engine.pipelines.templates import phase3_defaults

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start", parent="sft",
                          metadata={"corpus_ids": [3, 4], "reward_model": "rm"})
    store.models.register("rm", "reward", "/m/rm")
    store.models.register("final", "policy", "/m/final", stage="final", parent="cold",
                          metadata={"reward_model": "rm"})
    assert phase3_defaults(store, "final")["corpus_ids"] == [3, 4]
    assert phase3_defaults(store, "sft")["corpus_ids"] == []


def test_phase3_on_deleted_corpora_is_refused_before_any_step_runs(store, demo_corpus):
    # a retrain schedule on a deleted corpus was accepted, ran the pairs and the reward fine-tune, then failed with
    # "no sources in that split" on every trigger
    from engine.pipelines.templates import phase3_steps

    store.models.register("rm", "reward", "/m/rm")
    store.models.register("cold", "policy", "/m/cold", stage="cold-start",
                          metadata={"corpus_ids": [demo_corpus], "reward_model": "rm"})
    assert phase3_steps(Phase3Config(policy="cold", rl_method="grpo"), store)
    store.corpora.delete(demo_corpus)
    with pytest.raises(ValueError, match=f"corpora {demo_corpus} were deleted"):
        phase3_steps(Phase3Config(policy="cold", rl_method="grpo"), store)
