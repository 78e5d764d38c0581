"""Named starting values for the job and pipeline forms: the project brief's, and the small demo model's.

The brief's hyperparameters suit real models on GPUs (Gemma-2 class); the small demo model (the studio's own
~5M-parameter translator on a 2-core CPU) needs larger steps and shorter runs to move at all in minutes. Every
"Small demo model" value here was chosen by measurement on the shipped demo model — among the attempts
``bench.demo_rl_sweep`` records (each, failures included, in ``bench/results/demo_rl_sweep*.json``), by their gain on
the demo test split, then checked by ``bench.demo_pipeline`` (the whole loop, with FLORES-200 and Tatoeba as the data
the choice was not made on). :func:`preset` returns a copy; a form overrides it field by field.
"""

from __future__ import annotations

import copy
from typing import Any

BRIEF = "Project brief (real models)"
DEMO = "Small demo model"

GRPO_DEMO: dict[str, Any] = {
    "method": "grpo", "chrf_weight": 1.0, "rm_weight": 0.0, "learning_rate": 2e-4, "beta": 0.02,
    "num_generations": 8, "batch_size": 16, "max_steps": 450, "max_prompts": 0, "max_completion_length": 32,
    "temperature": 1.0, "save_every": 1000,
}
"""GRPO with chrF against the references as the reward, 450 steps of 16 prompts × 8 samples drawn from all the prefs
sources (``demo_rl_sweep_retrained.json``): on the retrained demo model +0.75 / +0.57 chrF (seeds 0 / 1, p 0.003 /
0.029), BLEU +0.76 / +0.44, and on the data the choice was not made on FLORES-200 dev +1.30 to +3.18 and Tatoeba
+1.70 / +1.47 (all p 0.001); ~13 min on 2 cores with the rollouts through the studio's decoding loop. With 8 prompts
per step (the preset before the rollouts got faster) the gain depended on the draw: +0.83 (p 0.006) / +0.39 / +0.38
(seeds 0–2, the last two n.s., BLEU −1.18 with seed 1), and +0.31 (n.s.) in a whole-loop run. The reward model is
not a reward here: it is trained for Translate's ranking and Phase 3 (see :data:`REWARD_DEMO`); chrF plus 0.02 × that
reward model gave +0.10 (n.s.). RLOO with 8 prompts per step was steadier on the demo test split (seeds 0/1/2:
+0.85/+0.99/+0.71, all p ≤ 0.003) but gained less on the data the choice was not made on: over the same three seeds,
FLORES-200 dev EN→AR / FR→AR +0.11 to +0.46 (none significant) against GRPO's +1.05 to +2.21 (all p 0.001), so GRPO
stays (``demo_rl_sweep_retrained.json``: ``heldout``; the whole loop with RLOO: ``demo_pipeline_rloo.json``). For the
same reason the advantages stay divided by the group's reward std: the step's std (``scale_rewards="batch"``) gained
+1.22 / +1.21 on the demo test split against this preset's +0.64 / +0.68 (seeds 0 / 1, paired), but FLORES-200 dev
+0.88 to +1.59 against +1.94 to +2.74 and Tatoeba +1.21 / +0.90 against +1.59 / +1.02
(``demo_rl_sweep_batchstd.json``). And the reference stays out of the groups (``reference_share`` 0): in every group
it gained +1.49 on the demo test split but lost 1.5–1.7 on FLORES-200 dev, as plain supervised fine-tuning on the
same references does (+0.74, and −1.7 / −1.6); in a quarter of them +0.90, and FLORES +1.42 / +1.39, Tatoeba +1.49
(``demo_rl_sweep_reference.json``). Nor is the greedy translation one of each group's 8 (``greedy_in_group``, SCST's
self-critical baseline): +0.52 / +0.63 on the demo test split against this preset's +1.15 / +0.98 rerun beside it,
though more on FLORES-200 dev; nor is the KL penalty dropped (``beta`` 0: +0.94 / +0.69, again more on FLORES;
``demo_rl_sweep_greedy.json``)."""

REWARD_DEMO: dict[str, Any] = {"head": "likelihood", "learning_rate": 3e-4, "batch_size": 16, "eval_every": 50,
                               "save_every": 1000}
"""The likelihood head (:mod:`engine.reward.likelihood_head`): on the sweep's 446 synthetic pairs 0.738 validation
accuracy (the SFT model's likelihood alone: 0.738), where four linear-head variants stayed at 0.45–0.60 —
it memorised the pairs (``demo_rl_sweep_retrained.json``: ``rm-*``). In ``bench.demo_pipeline``'s Phase 2: 0.821 on 67
pairs (the SFT likelihood 0.791)."""

PRESETS: dict[str, dict[str, dict[str, Any]]] = {
    "reward": {
        BRIEF: {"learning_rate": 1e-5, "batch_size": 8, "epochs": 3.0},
        DEMO: {**REWARD_DEMO, "epochs": 4.0},
    },
    "reward_finetune": {
        BRIEF: {},
        DEMO: {"learning_rate": 3e-5, "epochs": 3.0, "batch_size": 16, "eval_every": 50, "save_every": 500},
    },
    "ppo": {
        BRIEF: {},
        DEMO: {"learning_rate": 3e-5, "steps": 150, "kl_coef": 1.0, "eval_every": 25, "save_every": 50,
               "response_length": 32},
    },
    "dpo": {
        BRIEF: {},
        # CPO-style (DPO + NLL on the chosen): +0.53 chrF (p 0.03) on the model before its retraining, n.s. after it
        DEMO: {"beta": 0.1, "nll_weight": 1.0, "learning_rate": 2e-4, "batch_size": 16, "epochs": 2.0,
               "eval_every": 100, "save_every": 1000},
    },
    "grpo": {
        BRIEF: {},
        DEMO: GRPO_DEMO,
    },
    "generate": {
        BRIEF: {},
        # the sample Phase 2's demo preset generates for (measured there); all sources of the demo's held-out pools
        # (~7,100) took ~40 min at the ~3 sources/s the tour measured on the loaded 2-core machine
        DEMO: {"sample_size": 800},
    },
    "phase2": {
        BRIEF: {},
        DEMO: {"sample_size": 800, "rm_epochs": 4.0, "rl_method": "grpo", "grpo_settings": GRPO_DEMO,
               "reward_settings": REWARD_DEMO,
               "dpo_settings": {"beta": 0.1, "nll_weight": 1.0, "learning_rate": 2e-4, "batch_size": 16,
                                "epochs": 2.0, "eval_every": 100, "save_every": 1000},
               "ppo_steps": 150, "ppo_learning_rate": 3e-5, "kl_coef": 1.0,
               "ppo_settings": {"eval_every": 25, "save_every": 1000, "response_length": 32}},
    },
    "phase3": {
        BRIEF: {},
        # DPO alone at lr 5e-5 on the human pairs: the one step that, from two cold-start models, lost at most 0.5 chrF
        # outside the feedback domain and nothing significant on FLORES / Tatoeba (CPO at 2e-4 lost 1.2 on Tatoeba
        # from one of them); bench/results/demo_phase3_chain_{a,b}.json
        DEMO: {"rm_epochs": 3.0, "rl_method": "dpo",
               "reward_settings": {"learning_rate": 3e-5, "batch_size": 16, "eval_every": 50, "save_every": 500},
               "dpo_settings": {"beta": 0.1, "nll_weight": 0.0, "learning_rate": 5e-5, "batch_size": 16,
                                "epochs": 3.0, "eval_every": 100, "save_every": 1000},
               "ppo_steps": 100, "ppo_learning_rate": 3e-5, "kl_coef": 1.0,
               "ppo_settings": {"eval_every": 25, "save_every": 1000, "response_length": 32}},
    },
}
"""``{job kind or pipeline template: {preset name: values}}``."""


def preset_names(kind: str) -> list[str]:
    """The presets offered for a job kind or pipeline template (the brief's first)."""
    return list(PRESETS.get(kind, {BRIEF: {}}))


def preset(kind: str, name: str) -> dict[str, Any]:
    """A copy of one preset's values (``{}`` for a kind without presets and the brief's name)."""
    if kind not in PRESETS:
        if name == BRIEF:
            return {}
        raise KeyError(f"no presets for {kind!r}")
    try:
        return copy.deepcopy(PRESETS[kind][name])
    except KeyError:
        raise KeyError(f"no preset {name!r} for {kind!r}; known: {', '.join(PRESETS[kind])}") from None


def _form_class(kind: str) -> type | None:
    """The config dataclass of a job kind or the form of a pipeline template, or ``None``."""
    from engine.jobs.kinds import KIND_MODULES, job_kind

    if kind in KIND_MODULES:
        return job_kind(kind).config_cls
    from engine.pipelines.templates import TEMPLATES

    return TEMPLATES[kind].config_cls if kind in TEMPLATES else None


def preset_summary(kind: str, name: str) -> str:
    """What preset ``name`` sets on the form of ``kind``, in the form's words: ``Learning rate 0.0002 · Max steps
    450 · …`` (a nested step's settings counted: ``GRPO settings: 12 values``). The choice's help said only that the
    brief's values suit GPUs and the demo's were measured, not what either changes. ``""``: it changes nothing."""
    from engine.jobs.config import choice_label, config_fields

    values = preset(kind, name)
    cls = _form_class(kind)
    specs = {spec.name: spec for spec in config_fields(cls)} if cls is not None else {}
    shown = []
    for field_name, value in values.items():
        spec = specs.get(field_name)
        label = spec.label if spec is not None else field_name.replace("_", " ").capitalize()
        if isinstance(value, dict):
            shown.append(f"{label}: {len(value)} values")
        elif spec is not None and value == spec.default:
            continue  # what the form shows anyway
        else:
            shown.append(f"{label} {choice_label(value) if isinstance(value, str) else f'{value:g}'}"
                         if not isinstance(value, bool) else f"{label} {'on' if value else 'off'}")
    return " · ".join(shown)
