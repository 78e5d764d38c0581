"""Config dataclasses: field descriptions for forms, and checked construction from plain values."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pytest

from engine.jobs.config import ConfigError, config_fields, config_from_dict, config_to_dict, setting


@dataclass
class ExampleConfig:
    steps: int = setting(10, "How many steps.", min=1, max=100)
    rate: float = setting(0.1, "Learning rate.")
    mode: str = setting("a", "Mode.", choices=("a", "b"))
    ids: list = setting([1], "Corpus ids.")
    note: str | None = setting(None, "Optional note.", advanced=True)
    weights: dict[str, float] = setting({"chrf": 1.0}, "Metric weights.")
    extra: dict = setting({}, "Other settings (name=value, …).")
    corpora: list[int] = setting([], "Corpus ids (whole numbers).")
    flag: bool = setting(False, "A switch.")
    warmup: float = setting(0.0, "Warm-up.", min=0.0, label="Warm-up share")


def test_fields_carry_help_and_bounds():
    specs = {s.name: s for s in config_fields(ExampleConfig)}
    assert specs["steps"].type is int and specs["steps"].min == 1 and specs["steps"].help == "How many steps."
    assert specs["mode"].choices == ("a", "b")
    assert specs["ids"].type is list and specs["ids"].default == [1]
    assert specs["note"].optional and specs["note"].advanced
    # a mapping's value type, when its annotation names one, tells the form to read numbers only (metric weights)
    assert specs["weights"].type is dict and specs["weights"].value_type is float
    assert specs["extra"].type is dict and specs["extra"].value_type is None


def test_round_trip_and_coercion():
    cfg = config_from_dict(ExampleConfig, {"steps": "5", "rate": 1, "ids": (2, 3)})
    assert cfg == ExampleConfig(steps=5, rate=1.0, ids=[2, 3])
    assert config_from_dict(ExampleConfig, config_to_dict(cfg)) == cfg
    # a bare string in a list setting is a comma-separated list (strategies=greedy was split into its letters)
    assert config_from_dict(ExampleConfig, {"ids": "greedy, top_p:0.9x2"}).ids == ["greedy", "top_p:0.9x2"]
    assert config_from_dict(ExampleConfig, {"corpora": "3, 4"}).corpora == [3, 4]
    assert config_from_dict(ExampleConfig, {"corpora": ["3"], "flag": "Yes"}) == ExampleConfig(corpora=[3], flag=True)
    assert config_from_dict(ExampleConfig, {"flag": 0}).flag is False


@pytest.mark.parametrize("values, message", [
    ({"steps": 0}, "Steps: 0 is below the minimum 1"),
    ({"steps": 101}, "Steps: 101 is above the maximum 100"),
    ({"steps": 1.5}, "Steps: expected a whole number, got 1.5"),
    ({"mode": "c"}, "Mode: 'c' is not one of a, b"),
    ({"rate": "fast"}, "Rate: cannot read 'fast' as float"),
    ({"bogus": 1}, "unknown setting(s) for ExampleConfig: bogus"),
    ({"steps": None}, "Steps: a value is required"),
    ({"rate": float("nan")}, "Rate: expected a finite number, got nan"),  # NaN passes every comparison
    ({"rate": "inf"}, "Rate: expected a finite number, got 'inf'"),
    # found by a probe of every job's settings: a typo was False, [0] True, true a batch size of 1, and a word
    # among corpus ids failed inside the job without naming the setting
    ({"flag": "ture"}, "Flag: expected true or false, got 'ture'"),
    ({"flag": [0]}, "Flag: expected true or false, got [0]"),
    ({"steps": True}, "Steps: expected a whole number, got True"),
    ({"steps": "abc"}, "Steps: expected a whole number, got 'abc'"),
    ({"corpora": ["abc"]}, "Corpora: expected whole numbers, got 'abc'"),
    ({"corpora": [1.5]}, "Corpora: expected whole numbers, got 1.5"),
    # a refusal shown on a form named the setting by its config key, not by the label the form shows
    ({"warmup": -1}, "Warm-up share (warmup): -1.0 is below the minimum 0.0"),
])
def test_bad_values_are_refused_with_a_reason(values, message):
    with pytest.raises(ConfigError) as err:
        config_from_dict(ExampleConfig, values)
    assert str(err.value) == message


def test_every_setting_of_every_form_has_a_human_label():
    """Forms are built from the configs: a field without a label showed its raw key ("Kl coef", "Cliprange")."""
    import dataclasses

    from engine.jobs.config import LABELS
    from engine.jobs.kinds import KIND_MODULES, job_kind
    from engine.pipelines.templates import TEMPLATES

    classes = [job_kind(k).config_cls for k in KIND_MODULES] + [t.config_cls for t in TEMPLATES.values()]
    unlabelled = sorted({f"{cls.__name__}.{f.name}" for cls in classes for f in dataclasses.fields(cls)
                         if not f.metadata.get("label") and f.name not in LABELS})
    assert not unlabelled, f"give these settings a label (setting(label=...) or LABELS): {unlabelled}"
    from engine.jobs.ppo import PPOJobConfig

    labels = {s.name: s.label for s in config_fields(PPOJobConfig)}
    assert labels["kl_coef"] == "KL coefficient" and labels["cliprange"] == "Clip range"
    assert labels["lora"] == "LoRA" and labels["kl_measure"] == "KL measure" and labels["corpus_ids"] == "Corpora"
    assert labels["missing_eos_penalty"] == "Missing end-of-sequence penalty"
    for label in labels.values():
        assert not any(raw in label for raw in ("Kl ", "Ppo ", "Lora", "ids", "eos", "Heldout")), label


def test_ppo_declares_its_shaping_penalties_once_in_the_shaping_config():
    """The PPO form's penalties are ShapingConfig's fields (default, help, bounds), and shaping() hands them back."""
    from dataclasses import fields

    from engine.jobs.ppo import PPOJobConfig
    from engine.rl.shaping import ShapingConfig

    ppo = {f.name: f for f in fields(PPOJobConfig)}
    for f in fields(ShapingConfig):
        assert ppo[f.name].default == f.default
        assert ppo[f.name].metadata["help"] == f.metadata["help"]
        assert (ppo[f.name].metadata["min"], ppo[f.name].metadata["max"]) == (f.metadata["min"], f.metadata["max"])
    config = PPOJobConfig(empty_penalty=2.0, copy_penalty=0.0)
    assert config.shaping() == ShapingConfig(empty_penalty=2.0, non_arabic_penalty=1.0, repetition_penalty=0.5,
                                             copy_penalty=0.0)


def test_choice_values_read_as_words_in_forms():
    from engine.jobs.config import choice_label

    assert choice_label("best_vs_each") == "Best against each other candidate"
    assert choice_label("bf16") == "bf16"  # a value without words of its own is shown as it is


# The forms' order before the shared bases (engine/jobs/settings.py): moving settings into bases must not reorder
# the forms users know.
FORMS_BEFORE_THE_BASES = {
    "DpoJobConfig": [
        "policy", "objective", "pair_sets", "kto_source", "model_name", "beta", "loss_type", "flip_rate",
        "reference_chosen", "nll_weight", "learning_rate", "batch_size", "gradient_accumulation", "epochs",
        "max_grad_norm", "lora", "lora_r", "lora_alpha", "max_length", "eval_every", "save_every", "max_pairs",
        "valid_share_if_missing", "register_stage", "seed", "precision", "gradient_checkpointing", "report_to"
    ],
    "GrpoJobConfig": [
        "policy", "method", "reward_model", "extra_reward_models", "ensemble", "ensemble_k", "rm_weight",
        "chrf_weight", "check_penalty", "penalty_checks", "glossaries", "terminology_penalty", "corpus_ids",
        "split", "max_prompts", "drop_solved_at", "reference_share", "greedy_in_group", "num_generations",
        "max_completion_length", "temperature", "scale_rewards", "studio_rollouts", "shared_prompts",
        "learning_rate", "beta", "batch_size", "gradient_accumulation", "epochs", "max_steps", "max_grad_norm",
        "lora", "lora_r", "lora_alpha", "save_every", "sample_every", "model_name", "register_stage", "seed",
        "precision", "gradient_checkpointing", "report_to"
    ],
    "PPOJobConfig": [
        "policy", "reward_model", "extra_reward_models", "ensemble", "ensemble_k", "corpus_ids", "model_name",
        "register_stage", "steps", "learning_rate", "kl_coef", "cliprange", "cliprange_value", "batch_size",
        "mini_batch_size", "gradient_accumulation", "ppo_epochs", "max_grad_norm", "gamma", "lam", "vf_coef",
        "response_length", "temperature", "missing_eos_penalty", "empty_penalty", "non_arabic_penalty",
        "repetition_penalty", "copy_penalty", "terminology_penalty", "glossaries", "lora", "lora_r", "kl_target",
        "kl_measure", "stop_on_kl", "eval_every", "heldout_size", "save_every", "max_prompts", "seed", "precision",
        "gradient_checkpointing", "report_to"
    ],
    "RewardJobConfig": [
        "base_model", "pair_sets", "model_name", "head", "mlp_hidden", "learning_rate", "batch_size", "epochs",
        "gradient_accumulation", "max_grad_norm", "margin_scale", "unfreeze_unit", "unfreeze_schedule", "lora",
        "lora_r", "lora_alpha", "qlora", "eval_every", "save_every", "max_length", "max_pairs",
        "valid_share_if_missing", "seed", "likelihood_baseline", "precision", "gradient_checkpointing", "report_to"
    ],
    "RewardFinetuneJobConfig": [
        "base_model", "pair_sets", "model_name", "head", "mlp_hidden", "learning_rate", "batch_size", "epochs",
        "gradient_accumulation", "max_grad_norm", "margin_scale", "unfreeze_unit", "unfreeze_schedule", "lora",
        "lora_r", "lora_alpha", "qlora", "eval_every", "save_every", "max_length", "max_pairs",
        "valid_share_if_missing", "seed", "likelihood_baseline", "precision", "gradient_checkpointing", "report_to",
        "replay_pair_sets",
        "replay_ratio", "use_weights", "max_synthetic_valid"
    ],
}


@pytest.mark.parametrize("name", sorted(FORMS_BEFORE_THE_BASES))
def test_shared_bases_keep_each_forms_order(name):
    from engine.jobs import dpo, grpo, ppo, reward, reward_finetune

    config_cls = next(getattr(m, name) for m in (dpo, grpo, ppo, reward, reward_finetune) if hasattr(m, name))
    assert [s.name for s in config_fields(config_cls)] == FORMS_BEFORE_THE_BASES[name]


def test_shared_settings_are_declared_once_in_their_base():
    """A job re-declares a shared setting only to change its default or help (as TRL's configs do)."""
    from engine.jobs.dpo import DpoJobConfig
    from engine.jobs.reward import RewardJobConfig
    from engine.jobs.settings import LoraSettings, PairDataSettings, TrainerSettings

    for config_cls in (DpoJobConfig, RewardJobConfig):
        own = config_cls.__dict__.get("__annotations__", {})
        for base in (TrainerSettings, PairDataSettings):
            for f in dataclasses.fields(base):
                if f.name in own:
                    assert config_cls.__dataclass_fields__[f.name].default != f.default or \
                        config_cls.__dataclass_fields__[f.name].metadata["help"] != f.metadata["help"], \
                        f"{config_cls.__name__}.{f.name} repeats {base.__name__}'s declaration"
        assert {"lora_r", "lora_alpha"}.isdisjoint(own) and issubclass(config_cls, LoraSettings)


@pytest.mark.parametrize("kind", ["bootstrap", "dpo", "evaluate", "feedback_pairs", "generate", "grpo", "ppo",
                                  "reward", "score", "translate_batch"])
def test_every_jobs_seed_is_one_numpy_and_transformers_take(kind):
    # transformers' set_seed refuses a seed outside 0 … 2**32 - 1 — late, once the models are loaded
    from engine.jobs.config import SEED_MAX
    from engine.jobs.kinds import job_kind

    config_cls = job_kind(kind).config_cls
    spec = {s.name: s for s in config_fields(config_cls)}["seed"]
    assert (spec.min, spec.max) == (0, SEED_MAX) == (0, 2**32 - 1)
    for bad in (-1, 2**32):
        with pytest.raises(ConfigError, match="Seed: "):
            config_from_dict(config_cls, {"seed": bad})
    assert config_from_dict(config_cls, {"seed": SEED_MAX}).seed == SEED_MAX


def test_grpos_sample_interval_is_labelled_in_what_it_counts():
    # labelled "Sample every (steps)" while it counted reward calls (several a step when batches accumulate)
    from engine.jobs.config import config_fields
    from engine.jobs.grpo import GrpoJobConfig

    (spec,) = [s for s in config_fields(GrpoJobConfig) if s.name == "sample_every"]
    assert spec.label == "Log a sample every (reward calls)" and "reward calls" in spec.help.lower()


def test_a_setting_named_inside_a_sentence_starts_lower_case_unless_an_acronym():
    from engine.jobs.config import named

    assert named("Step limit", "max_steps", inside=True) == "step limit (max_steps)"
    assert named("KL target", "kl_target", inside=True) == "KL target"
    assert named("LoRA rank", "lora_r", inside=True) == "LoRA rank (lora_r)"
    assert named("Step limit", "max_steps") == "Step limit (max_steps)"
