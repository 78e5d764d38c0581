"""Settings shared by the training jobs, declared once — in the manner of TRL's configs, which all extend
``TrainingArguments``: a job's config extends the bases it needs and re-declares a field only to change its default
or help (as ``DPOConfig`` re-declares ``learning_rate``).

A dataclass puts inherited fields first, so each job config names its fields in ``FORM_ORDER``: the studio's
forms keep the order users know (:func:`engine.jobs.config.config_fields` follows it).
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.jobs.config import setting
from engine.jobs.precision import gradient_checkpointing_setting, precision_setting
from engine.jobs.training import report_to_setting

REGISTER_STAGES: tuple[str, ...] = ("candidate", "cold-start", "final")
"""Stages a trained policy can be registered at."""


@dataclass
class TrainerSettings:
    """Optimisation, checkpoints, numerics and tracking of a training run."""

    gradient_accumulation: int = setting(1, "Steps whose gradients are summed before an update.", min=1, max=1024)
    max_grad_norm: float = setting(1.0, "Gradient clipping (global norm).", min=0.0, max=1e6)
    save_every: int = setting(100, "Steps between two checkpoints (one is also saved on cancel).", min=1)
    precision: str = precision_setting()
    gradient_checkpointing: bool = gradient_checkpointing_setting()
    report_to: str = report_to_setting()


@dataclass
class LoraSettings:
    """Training LoRA adapters instead of every weight."""

    lora: bool = setting(False, "Train LoRA adapters (PEFT) instead of every weight; merged into the saved model.")
    lora_r: int = setting(16, "LoRA rank.", min=1, max=1024, advanced=True)
    lora_alpha: int = setting(32, "LoRA alpha.", min=1, max=4096, advanced=True)


@dataclass
class PairDataSettings:
    """The preference pairs a run trains and validates on."""

    pair_sets: list = setting([], "Preference pair sets (the runs that made them) to train and validate on.")
    max_length: int = setting(256, "Longest prompt + response in tokens (longer pairs are dropped).", min=16)
    max_pairs: int = setting(0, "Use at most this many training pairs (0 = all).", min=0, advanced=True)
    valid_share_if_missing: float = setting(0.1, "When the pair sets have no validation split, hold out this share "
                                                 "of sources.", min=0.0, max=0.5, advanced=True)


@dataclass
class PolicyOutputSettings:
    """How the trained policy is registered."""

    model_name: str = setting("", "Name of the new policy version (empty: the job's name with the date and time).")
    register_stage: str = setting("cold-start", "Stage of the registered policy: the loop's cold-start model (as "
                                                "PPO's), its final model, or a candidate (a version the promotion "
                                                "gate must pass).", choices=REGISTER_STAGES)
