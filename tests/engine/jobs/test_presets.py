"""Every preset loads and validates against the config of its job kind or pipeline template."""

from __future__ import annotations

import pytest

from engine.jobs.config import config_from_dict
from engine.jobs.kinds import job_kind
from engine.jobs.presets import BRIEF, DEMO, PRESETS, preset, preset_names
from engine.pipelines.templates import TEMPLATES


@pytest.mark.parametrize("kind", sorted(PRESETS))
def test_every_preset_validates(kind):
    config_cls = TEMPLATES[kind].config_cls if kind in TEMPLATES else job_kind(kind).config_cls
    for name in preset_names(kind):
        config = config_from_dict(config_cls, preset(kind, name))
        for field, value in preset(kind, name).items():
            assert getattr(config, field) == value, (kind, name, field)


def test_the_pipeline_presets_make_valid_steps(store, demo_corpus):
    from engine.pipelines.templates import Phase2Config, phase2_steps

    store.models.register("sft", "policy", "/m/sft", stage="sft")
    steps = phase2_steps(config_from_dict(Phase2Config, {**preset("phase2", DEMO), "corpus_ids": [demo_corpus]}),
                         store)
    assert [s["kind"] for s in steps][:3] == ["generate", "score", "reward"]
    assert steps[-1]["kind"] == preset("phase2", DEMO)["rl_method"]
    assert steps[-1]["config"]["register_stage"] == "cold-start"


def test_presets_are_copies_and_unknown_names_fail():
    values = preset("ppo", DEMO)
    values["steps"] = -1
    assert preset("ppo", DEMO)["steps"] > 0
    assert preset("generate", BRIEF) == {}
    with pytest.raises(KeyError, match="no preset"):
        preset("ppo", "Huge model")


def test_a_preset_says_what_it_sets_in_the_forms_words():
    # the choice's help said only that the brief's values suit GPUs and the demo's were measured
    from engine.jobs.presets import BRIEF, DEMO, preset_summary

    grpo = preset_summary("grpo", DEMO)
    assert "Learning rate 0.0002" in grpo and "Step limit 450" in grpo and "learning_rate" not in grpo
    assert "Temperature" not in grpo  # 1.0 is the form's own default: nothing to say
    assert "GRPO settings: 12 values" in preset_summary("phase2", DEMO)
    assert preset_summary("ppo", BRIEF) == ""
