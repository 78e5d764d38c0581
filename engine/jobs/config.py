"""Job configs are dataclasses; each field carries its help text (and optional bounds/choices).

The studio builds its config forms from these descriptions, and ``config.yaml`` in a run folder is
the resolved config written with :func:`config_to_dict`.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
import re
import types
import typing
from dataclasses import MISSING, dataclass
from typing import Any


def setting(default: Any, help: str, *, choices: tuple | None = None, min: float | None = None,
            max: float | None = None, advanced: bool = False, label: str | None = None) -> Any:
    """A dataclass field for a job config, with the help text the form shows beside it."""
    metadata = {"help": help, "choices": choices, "min": min, "max": max, "advanced": advanced,
                "label": label}
    if isinstance(default, list | dict):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


SEED_MAX = 2**32 - 1
"""The largest seed NumPy and transformers' ``set_seed`` take (seeds are 0 … 2³² − 1)."""


def setting_of(config_cls: type, name: str) -> Any:
    """A job-config field declared once elsewhere: the default, help text and bounds of ``config_cls``'s field
    ``name`` (a settings dataclass of the engine, e.g. the PPO shaping penalties), for a job's flat form."""
    source = {f.name: f for f in dataclasses.fields(config_cls)}[name]
    meta = source.metadata
    return setting(source.default, meta.get("help", ""), min=meta.get("min"), max=meta.get("max"),
                   advanced=bool(meta.get("advanced", False)), choices=meta.get("choices"), label=meta.get("label"))


CHOICE_LABELS: dict[str, str] = {
    "best_vs_worst": "Best against worst (one pair per source)",
    "best_vs_each": "Best against each other candidate",
    "all_above_margin": "Every two candidates apart by the margin",
    "per token": "Per token",
    "per translation": "Per translation",
    "mean-k*std": "mean − k·std",
    "epoch": "Per epoch",
    "step": "Per step",
    "linear": "Linear head",
    "mlp": "MLP head",
    "likelihood": "Linear + the backbone's likelihood",
    "chrf": "chrF",
    "bleu": "BLEU",
    "ter": "TER (lower is better)",
    "bertscore": "BERTScore",
    "comet": "COMET",
    "comet_qe": "COMET-QE (no reference)",
    "group": "The group's standard deviation (GRPO)",
    "batch": "The whole step's standard deviation",
}
"""How a form shows a choice's stored value (values not listed are shown as they are)."""


def choice_label(value: object) -> str:
    """The words a form shows for a choice value (:data:`CHOICE_LABELS`, else the value itself)."""
    return CHOICE_LABELS.get(str(value), str(value))


LABELS: dict[str, str] = {
    "arabic_normalise": "Normalise Arabic before scoring",
    "base_model": "Base model",
    "batch_size": "Batch size",
    "bertscore_model": "BERTScore model",
    "bertscore_num_layers": "BERTScore layers",
    "best_of_n": "Best of n",
    "beta": "Beta (KL strength)",
    "check_penalty": "Penalty for failed checks",
    "checkpoint_every": "Checkpoint every (steps)",
    "chrf_weight": "chrF weight",
    "chunk_sources": "Sources per chunk",
    "cliprange": "Clip range",
    "cliprange_value": "Value clip range",
    "comet_model": "COMET model",
    "comet_qe_model": "COMET-QE model",
    "copy_penalty": "Copied-source penalty",
    "corpus_ids": "Corpora",
    "decoding": "Decoding",
    "device": "Device",
    "empty_penalty": "Empty-output penalty",
    "ensemble": "Combine reward models as",
    "ensemble_k": "k (mean − k·std)",
    "epochs": "Epochs",
    "eval_every": "Evaluate every (steps)",
    "eval_pairs": "Evaluation pairs",
    "extra_metrics": "Extra metrics",
    "extra_reward_models": "More reward models (ensemble)",
    "gamma": "Discount (gamma)",
    "generate_run": "Generate run",
    "generate_settings": "Other generate settings",
    "gradient_accumulation": "Gradient accumulation steps",
    "gradient_checkpointing": "Gradient checkpointing",
    "head": "Reward head",
    "heldout_size": "Held-out sources",
    "kl_coef": "KL coefficient",
    "kl_measure": "KL measure",
    "kl_target": "KL target",
    "lam": "GAE lambda",
    "learning_rate": "Learning rate",
    "linguists": "Linguists",
    "lora": "LoRA",
    "lora_alpha": "LoRA alpha",
    "lora_r": "LoRA rank",
    "margin_scale": "Margin scale",
    "max_completion_length": "Longest completion (tokens)",
    "max_grad_norm": "Gradient clipping (max norm)",
    "max_length": "Longest sequence (tokens)",
    "max_minutes": "Time limit (minutes)",
    "max_new_tokens": "Longest translation (tokens)",
    "max_pairs": "Pair limit",
    "max_prompts": "Prompt limit",
    "max_steps": "Step limit",
    "max_synthetic_valid": "Synthetic validation pairs (at most)",
    "measure": "Uncertainty measure",
    "method": "Method",
    "metrics": "Metrics",
    "min_arabic_share": "Minimum Arabic share",
    "min_margin": "Minimum margin",
    "mini_batch_size": "Mini-batch size",
    "missing_eos_penalty": "Missing end-of-sequence penalty",
    "mlp_hidden": "MLP hidden size",
    "model": "Model",
    "model_name": "Model name",
    "models": "Models",
    "near_identical_chrf": "Near-identical above chrF",
    "non_arabic_penalty": "Non-Arabic penalty",
    "num_beams": "Beams",
    "num_generations": "Generations per prompt",
    "pair": "Language pair",
    "pair_sets": "Pair sets",
    "pairing": "Pairing",
    "penalty_checks": "Checks that are penalised",
    "policy": "Policy",
    "ppo_epochs": "PPO epochs per batch",
    "ppo_learning_rate": "PPO learning rate",
    "ppo_settings": "Other PPO settings",
    "ppo_steps": "PPO steps",
    "precision": "Precision",
    "qlora": "QLoRA (4-bit)",
    "qe_model": "QE model (scores served translations)",
    "queue_id": "Review queue",
    "reference_free": "Reference-free",
    "register_stage": "Register as stage",
    "repetition_penalty": "Repetition penalty",
    "replay_pair_sets": "Replay pair sets",
    "replay_ratio": "Replay ratio",
    "response_length": "Longest response (tokens)",
    "reward_model": "Reward model",
    "reward_settings": "Other reward-model settings",
    "rm_epochs": "RM epochs",
    "rm_weight": "Reward-model weight",
    "sample_every": "Log a sample every (reward calls)",
    "sample_size": "Sample size (0 = all)",
    "sample_temperature": "Sampling temperature",
    "save_every": "Checkpoint every (steps)",
    "score_settings": "Other score settings",
    "seed": "Seed",
    "size": "Model size",
    "split": "Split",
    "steps": "Steps",
    "stop_on_kl": "Stop when KL is above target",
    "strategies": "Decoding strategies",
    "temperature": "Temperature",
    "testset": "Uploaded test set",
    "threads": "CPU threads",
    "unfreeze_schedule": "Unfreeze schedule",
    "unfreeze_unit": "Unfreeze by",
    "upload": "Upload",
    "upload_name": "Upload name",
    "use_weights": "Use linguist weights",
    "valid_fraction": "Validation share",
    "valid_share": "Validation share",
    "valid_share_if_missing": "Validation share (when none)",
    "vf_coef": "Value loss coefficient",
    "vocab_size": "Vocabulary size",
    "warmup_steps": "Warm-up steps",
    "weight_by_agreement": "Weight linguists by agreement",
    "weights": "Metric weights",
    "workers": "Worker processes",
}
"""Form labels of config fields by name, for fields whose ``setting`` gives none: every setting of every job kind and
pipeline template has a human label ("KL coefficient", "Clip range", "LoRA"), never the raw key."""


def field_label(name: str, explicit: str | None = None) -> str:
    """The form label of config field ``name``: its ``setting(label=...)``, else :data:`LABELS`, else the key in
    words (a new field without a label; ``tests/engine/jobs/test_config.py`` asks for one)."""
    return explicit or LABELS.get(name) or name.replace("_", " ").capitalize()


def named(label: str, name: str, *, inside: bool = False) -> str:
    """How a refusal names a setting: its form ``label``, with the key ``name`` a config file uses where the two
    differ ("Stop when KL is above target (stop_on_kl)"): the form shows the one, a YAML config the other.
    ``inside`` a sentence a capitalised word starts lower-case ("… is above step limit (max_steps) 20"; an
    acronym such as "KL target" stays as it is)."""
    first = label.split(" ", 1)[0]
    if inside and first[:1].isupper() and first[1:].islower():  # "LoRA rank" and "KL target" stay as they are
        label = label[0].lower() + label[1:]
    return label if label.lower() == name.replace("_", " ") else f"{label} ({name})"


def setting_words(config_cls: type, name: str, *, inside: bool = False) -> str:
    """:func:`named` for field ``name`` of config dataclass ``config_cls`` (its ``setting(label=...)`` first)."""
    field = {f.name: f for f in dataclasses.fields(config_cls)}.get(name)
    return named(field_label(name, field.metadata.get("label") if field else None), name, inside=inside)


@dataclass(frozen=True)
class FieldSpec:
    """What a form needs to know about one config field."""

    name: str
    label: str
    type: type
    default: Any
    help: str
    choices: tuple | None
    min: float | None
    max: float | None
    advanced: bool
    optional: bool
    value_type: type | None = None
    """For a mapping or a list annotated with its value or item type (``dict[str, float]``, ``list[int]``): that
    type."""


def _resolve_type(annotation: Any) -> tuple[type, bool]:
    """The base type of a field annotation, and whether it admits None."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        base, _ = _resolve_type(args[0])
        return base, True
    if origin is not None:
        return origin, False
    return annotation, False


def config_fields(config_cls: type) -> list[FieldSpec]:
    """Describe every field of a config dataclass for a generated form, in its ``FORM_ORDER`` when it has one
    (inherited settings then keep the place users know them at; fields not listed follow in declaration order)."""
    hints = typing.get_type_hints(config_cls)
    specs = []
    order = getattr(config_cls, "FORM_ORDER", ())
    rank = {name: i for i, name in enumerate(order)}
    ordered = sorted(dataclasses.fields(config_cls), key=lambda f: rank.get(f.name, len(rank)))  # stable
    for f in ordered:
        base, optional = _resolve_type(hints[f.name])
        args = typing.get_args(hints[f.name]) if base in (dict, list) else ()
        if f.default is not MISSING:
            default = f.default
        elif f.default_factory is not MISSING:
            default = f.default_factory()
        else:
            default = None
        meta = f.metadata
        specs.append(FieldSpec(
            name=f.name, label=field_label(f.name, meta.get("label")), type=base,
            default=default, help=meta.get("help", ""), choices=meta.get("choices"), min=meta.get("min"),
            max=meta.get("max"), advanced=bool(meta.get("advanced")), optional=optional,
            value_type=args[-1] if args and isinstance(args[-1], type) else None,
        ))
    return specs


class ConfigError(ValueError):
    """A config value of the wrong type, out of bounds, or unknown."""


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off", "")


def as_boolean(name: str, value: Any) -> bool:
    """``value`` as a yes/no setting: a bool, 0/1, or one of the words above (a typo such as "ture" was False, and
    ``bool("false")`` is true), else a :class:`ConfigError` naming the setting. Job configs and launch settings
    read yes/no alike."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS + FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    raise ConfigError(f"{name}: expected true or false, got {value!r}")


def as_whole(name: str, value: Any, what: str = "a whole number") -> int:
    """``value`` as a whole number: an int, a float without a fraction, or digits — not a bool (true was read as
    1) nor 2.5 (``int()`` cut it to 2) — else a :class:`ConfigError` naming the setting and ``what`` it expects.
    Job configs and launch settings read whole numbers alike."""
    if not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real) and float(value).is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
            return int(value)
    raise ConfigError(f"{name}: expected {what}, got {value!r}")


def _coerce(spec: FieldSpec, value: Any) -> Any:
    name = named(spec.label, spec.name)
    if value is None:
        if spec.optional:
            return None
        raise ConfigError(f"{name}: a value is required")
    if spec.type is float and isinstance(value, bool):  # true was read as 1
        raise ConfigError(f"{name}: expected a number, got {value!r}")
    try:
        if spec.type is bool:
            coerced = as_boolean(name, value)
        elif spec.type is int:
            coerced = as_whole(name, value)
        elif spec.type is float:
            coerced = float(value)
        elif spec.type is str:
            coerced = str(value)
        elif spec.type is list:
            # a bare string is a comma-separated list ("greedy" was split into its letters)
            coerced = [part.strip() for part in value.split(",") if part.strip()] if isinstance(value, str) \
                else list(value)
            if spec.value_type is int:
                coerced = [as_whole(name, item, "whole numbers") for item in coerced]
        elif spec.type is dict:
            coerced = dict(value)
        else:
            coerced = value
    except ConfigError:
        raise
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}: cannot read {value!r} as {spec.type.__name__}") from exc
    if spec.type is float and not math.isfinite(coerced):  # NaN passes every bound: refuse it here
        raise ConfigError(f"{name}: expected a finite number, got {value!r}")
    if spec.choices is not None and coerced not in spec.choices:
        raise ConfigError(f"{name}: {coerced!r} is not one of {', '.join(map(str, spec.choices))}")
    if spec.min is not None and isinstance(coerced, int | float) and coerced < spec.min:
        raise ConfigError(f"{name}: {coerced} is below the minimum {spec.min}")
    if spec.max is not None and isinstance(coerced, int | float) and coerced > spec.max:
        raise ConfigError(f"{name}: {coerced} is above the maximum {spec.max}")
    return coerced


def config_from_dict(config_cls: type, values: dict[str, Any]) -> Any:
    """Build a config from plain values (a YAML file, a form), checking types and bounds."""
    specs = {s.name: s for s in config_fields(config_cls)}
    unknown = sorted(set(values) - set(specs))
    if unknown:
        raise ConfigError(f"unknown setting(s) for {config_cls.__name__}: {', '.join(unknown)}")
    kwargs = {name: _coerce(specs[name], value) for name, value in values.items()}
    return config_cls(**kwargs)


def config_to_dict(config: Any) -> dict[str, Any]:
    """The plain-value form of a config, as written to ``config.yaml``."""
    return dataclasses.asdict(config)
