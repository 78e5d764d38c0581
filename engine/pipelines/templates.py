"""The studio's ready-made pipelines.

* **Phase 2** (cold start): generate candidates with the SFT model → score them and keep pairs above the margin →
  train a reward model → RL: the ``cold-start`` model. The RL step is PPO against the reward model (the brief's),
  GRPO with the reward model and/or chrF as rewards, or DPO on the synthetic pairs (``rl_method``).
* **Phase 3** (human alignment): linguists' feedback → human pairs → fine-tune the cold-start reward model with
  synthetic replay → RL stage 2 from the cold-start policy (PPO or GRPO against the new RM, or DPO on the human
  pairs): the ``final`` model.

Each template has a config dataclass (the one-click form) and a ``steps`` function that turns it, with what
the store knows (the newest models, what the cold-start model was trained with), into pipeline steps.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from engine.jobs.config import config_to_dict, setting, setting_words
from engine.jobs.kinds import checked_config
from engine.models.refs import newest_model
from engine.models.registry import model_name_problem, new_model_name_problem
from engine.store.runs import settings_of

RL_METHODS: tuple[str, ...] = ("ppo", "grpo", "dpo")
RL_METHOD_HELP = ("The RL step: PPO against the reward model (the brief's method), GRPO with the reward model and "
                  "chrF against the references as rewards, or DPO directly on the preference pairs.")
RL_METHOD_LABELS: dict[str, str] = {"ppo": "PPO", "grpo": "GRPO / RLOO", "dpo": "DPO"}
RL_METHOD_FIELDS: dict[str, tuple[str, ...]] = {
    "ppo": ("ppo_steps", "ppo_learning_rate", "kl_coef", "ppo_settings"),
    "grpo": ("grpo_settings",),
    "dpo": ("dpo_settings",),
}
"""The fields of a phase's config that only one RL method reads (the same names in Phase 2 and Phase 3)."""


def fields_unused_by(method: str) -> tuple[str, ...]:
    """The RL fields of a phase's config that the RL step of ``method`` ignores: the other methods' own fields."""
    if method not in RL_METHOD_FIELDS:
        raise ValueError(f"unknown RL method {method!r}; known: {', '.join(RL_METHODS)}")
    return tuple(f for other, fields in RL_METHOD_FIELDS.items() if other != method for f in fields)


def _rl_step(method: str, config: Any, *, policy: str, corpora: list[int], pair_sets: list[str], stage: str,
             model_name: str = "") -> dict:
    """The RL step of a phase: PPO / GRPO against ``$model:reward``, or DPO on ``pair_sets`` — each after the phase's
    ``reward`` step."""
    named = {"model_name": model_name} if model_name else {}
    defaults: list[str] = []
    if method == "ppo":
        values = {"policy": policy, "reward_model": "$model:reward", "corpus_ids": corpora, "register_stage": stage,
                  "steps": config.ppo_steps, "learning_rate": config.ppo_learning_rate, "kl_coef": config.kl_coef,
                  **named}
        settings, settings_field = config.ppo_settings, "ppo_settings"
        defaults = _at_default(config, {"steps": "ppo_steps", "learning_rate": "ppo_learning_rate",
                                        "kl_coef": "kl_coef"})
    elif method == "grpo":
        values = {"policy": policy, "reward_model": "$model:reward", "corpus_ids": corpora, "register_stage": stage,
                  **named}
        settings, settings_field = config.grpo_settings, "grpo_settings"
    elif method == "dpo":
        values = {"policy": policy, "pair_sets": pair_sets, "register_stage": stage, **named}
        settings, settings_field = config.dpo_settings, "dpo_settings"
    else:
        raise ValueError(f"unknown RL method {method!r}; known: {', '.join(RL_METHODS)}")
    # after the reward step whatever the method: DPO names no reward model, so it started beside the reward step,
    # and when that failed the pipeline failed while DPO went on to register its model
    return {"name": method, "kind": method, "depends_on": ["reward"],
            "config": _checked(method, values, settings, settings_field, defaults)}


MODEL_FIELDS = ("model", "policy", "reward_model", "base_model", "extra_reward_models")
"""Step settings that name registered models (a ``$model:…``/``$run:…`` reference to an earlier step aside)."""


def _known_references(steps: list[dict], store: Any) -> list[dict]:
    """``steps``, once what their settings name is there: glossaries, registered models, a well-formed name for each
    new model, and sources in the split each step reads. Found only when a step started, a misspelt one failed the
    pipeline after the steps before it had run — and as a pipeline's settings cannot be edited, *Resume pipeline*
    failed again at that step for good (``model_name=my final`` in *GRPO settings*, after generate, score and the
    reward model)."""
    for step in steps:
        config, where = step["config"], f"the {step['name']} step"
        unknown = [g for g in config.get("glossaries") or [] if store.glossaries.by_name(g) is None]
        if unknown:
            raise ValueError(f"{where}: no glossary named {', '.join(map(repr, unknown))}")
        for field in MODEL_FIELDS:
            value = config.get(field)
            for name in value if isinstance(value, list) else [value]:
                if isinstance(name, str) and name and not name.startswith("$") and store.models.get(name) is None:
                    raise ValueError(f"{where}: no registered model named {name!r} ({field})")
        if (name := config.get("model_name")) and (problem := model_name_problem(name)):
            # a name taken by then is made free when the step starts (name-2): a schedule naming one retrained twice
            raise ValueError(f"{where}: model_name {name!r}: {problem}")
        # the split the step reads: its own (all: every split), else the training split (PPO's prompts)
        corpora = config.get("corpus_ids") or []
        split = config.get("split") or "train"
        if corpora and not any(store.corpora.count(int(c), split=None if split == "all" else split) for c in corpora):
            raise ValueError(f"{where}: the chosen corpora have no sources in the {split} split")
    return steps


def _at_default(config: Any, fields_by_setting: dict[str, str]) -> list[str]:
    """The job settings (keys of ``fields_by_setting``) whose phase field (the values) is left at its default."""
    defaults = {f.name: f.default for f in dataclasses.fields(config)}
    return [name for name, own in fields_by_setting.items() if getattr(config, own) == defaults.get(own)]


@dataclass
class Phase2Config:
    """One click from the SFT model to the cold-start model."""

    policy: str = setting("", "The SFT policy that samples candidates and starts PPO (empty: the newest SFT model).")
    corpus_ids: list[int] = setting([], "Corpora whose train sources are translated, scored and used as PPO prompts.",
                               label="Corpora")
    sample_size: int = setting(0, "Translate a seeded sample of this many sources (0 = all).", min=0)
    min_margin: float = setting(0.15, "Smallest fused-quality gap (0–1) for a synthetic pair.", min=0.0, max=1.0)
    rm_epochs: float = setting(3.0, "Reward-model training passes over the pairs.", min=0.01, max=1000,
                               label="RM epochs")
    rl_method: str = setting("ppo", RL_METHOD_HELP, choices=RL_METHODS, label="RL method")
    ppo_steps: int = setting(1000, "PPO updates (RL method ppo only).", min=1, max=1_000_000, label="PPO steps")
    ppo_learning_rate: float = setting(1.41e-5, "PPO learning rate (RL method ppo only).", min=1e-9, max=1.0,
                                       label="PPO learning rate")
    kl_coef: float = setting(0.1, "PPO KL penalty coefficient (RL method ppo only).", min=0.0, max=10.0,
                             label="KL coefficient")
    generate_settings: dict = setting({}, "Other generate settings (name=value, …), e.g. max_new_tokens.",
                                      advanced=True, label="Other generate settings")
    score_settings: dict = setting({}, "Other score settings (name=value, …), e.g. comet_model.", advanced=True,
                                   label="Other score settings")
    reward_settings: dict = setting({}, "Other reward-model settings (name=value, …).", advanced=True,
                                    label="Other reward-model settings")
    ppo_settings: dict = setting({}, "Other PPO settings (name=value, …), e.g. batch_size.", advanced=True,
                                 label="Other PPO settings")
    grpo_settings: dict = setting({}, "GRPO settings (name=value, …) when the RL method is GRPO.", advanced=True,
                                  label="GRPO settings")
    dpo_settings: dict = setting({}, "DPO settings (name=value, …) when the RL method is DPO.", advanced=True,
                                 label="DPO settings")


@dataclass
class Phase3Config:
    """One click from the linguists' feedback to the final model."""

    policy: str = setting("", "The policy RL stage 2 starts from (empty: the newest cold-start model, else the "
                              "production model unless it is the SFT model — a later cycle, once a promoted final "
                              "model archived the cold start).")
    reward_model: str = setting("", "The reward model to fine-tune (empty: the one the cold-start model was trained "
                                    "against, else the newest).", label="Reward model")
    replay_pair_sets: list = setting([], "Synthetic pair sets to replay (empty: those the reward model was trained "
                                         "on).")
    replay_ratio: float = setting(1.0, "Synthetic replay pairs per human training pair.", min=0.0, max=100.0)
    weight_by_agreement: bool = setting(False, "Weight linguists by their agreement with the others.")
    valid_share: float = setting(0.2, "Share of judged sources held out to measure the RM on human pairs.",
                                 min=0.0, max=0.9)
    corpus_ids: list[int] = setting([], "Corpora whose train sources are the PPO prompts (empty: those of the "
                                    "cold-start run).", label="Corpora")
    rm_epochs: float = setting(2.0, "Reward-model fine-tuning passes.", min=0.01, max=1000, label="RM epochs")
    rl_method: str = setting("ppo", RL_METHOD_HELP, choices=RL_METHODS, label="RL method")
    ppo_steps: int = setting(1000, "PPO stage-2 updates (RL method ppo only).", min=1, max=1_000_000, label="PPO steps")
    ppo_learning_rate: float = setting(1.41e-5, "PPO learning rate (RL method ppo only).", min=1e-9, max=1.0,
                                       label="PPO learning rate")
    kl_coef: float = setting(0.1, "PPO KL penalty coefficient (RL method ppo only).", min=0.0, max=10.0,
                             label="KL coefficient")
    model_name: str = setting("", "Name of the final model (empty: ppo-<date>-<time>).")
    reward_settings: dict = setting({}, "Other reward fine-tune settings (name=value, …).", advanced=True,
                                    label="Other reward-model settings")
    ppo_settings: dict = setting({}, "Other PPO settings (name=value, …), e.g. batch_size.", advanced=True,
                                 label="Other PPO settings")
    grpo_settings: dict = setting({}, "GRPO settings (name=value, …) when the RL method is GRPO.", advanced=True,
                                  label="GRPO settings")
    dpo_settings: dict = setting({}, "DPO settings (name=value, …) when the RL method is DPO.", advanced=True,
                                 label="DPO settings")


def _checked(kind: str, values: dict[str, Any], settings: dict[str, Any] | None = None,
             settings_field: str = "", defaults: Sequence[str] = ()) -> dict[str, Any]:
    """``values`` (what the pipeline and the form's own fields set) with the free-form ``settings`` of
    ``settings_field`` as a full config of ``kind``, checked now as the job will check it (bounds, choices and the
    kind's own checks: a PPO batch the mini-batch does not divide failed after generate, score and reward had run);
    references to earlier steps pass as text. A setting that gives one of ``values`` another value is refused — it
    silently won over the form's own field (*PPO steps* 10 with ``steps=5`` ran 5) — unless that field is among
    ``defaults``, the form's fields left at their default: then the setting is what was asked for."""
    settings = dict(settings or {})
    clash = sorted(name for name in settings
                   if name in values and name not in defaults and settings[name] != values[name])
    if clash:
        raise ValueError(f"{settings_field}: {', '.join(clash)} is set by the form or the pipeline itself "
                         f"({', '.join(f'{n}={values[n]!r}' for n in clash)}): set it there, not among these settings")
    try:
        return config_to_dict(checked_config(kind, {**values, **settings}))
    except ValueError as exc:
        where = f"the {kind} step" + (f" (with {settings_field})" if settings else "")
        raise ValueError(f"{where}: {exc}") from exc


def phase2_steps(config: Phase2Config, store) -> list[dict]:
    """generate → score & pair → reward model → RL (cold-start)."""
    policy = config.policy or newest_model(store, "policy", "sft")
    if not config.corpus_ids:
        raise ValueError("choose the corpora to work on")
    corpora = [int(i) for i in config.corpus_ids]
    return _known_references([
        {"name": "generate", "kind": "generate", "config": _checked("generate", {
            "model": policy, "corpus_ids": corpora, "sample_size": config.sample_size},
            config.generate_settings, "generate_settings", _at_default(config, {"sample_size": "sample_size"}))},
        {"name": "score", "kind": "score", "config": _checked("score", {
            "generate_run": "$run:generate", "min_margin": config.min_margin},
            config.score_settings, "score_settings", _at_default(config, {"min_margin": "min_margin"}))},
        {"name": "reward", "kind": "reward", "config": _checked("reward", {
            "base_model": policy, "pair_sets": ["$run:score"], "epochs": config.rm_epochs},
            config.reward_settings, "reward_settings", _at_default(config, {"epochs": "rm_epochs"}))},
        _rl_step(config.rl_method, config, policy=policy, corpora=corpora, pair_sets=["$run:score"],
                 stage="cold-start"),
    ], store)


def missing_to_start(store, template: str) -> str | None:
    """What a template's one-click form cannot start without, as a sentence for the page (``None``: nothing): its
    model pickers then list no model, and the form submitted into "no sft model is registered"."""
    if template == "phase2" and not store.models.at_loop_stage("sft", "policy"):
        return ("No SFT model yet: Phase 2 starts from one — set up the demo on the Start page, or register a model "
                "on the Models page.")
    if template == "phase3":
        if not phase3_start_models(store):
            return "No cold-start model yet: Phase 3 starts from the model Phase 2 makes — run Phase 2 first."
        if not store.models.in_use(kind="reward"):
            if store.models.list(kind="reward"):  # "No reward model yet" with one registered
                return ("No reward model in use: every one registered is archived — restore one on *Models*, or "
                        "train one on *3 · Reward model*.")
            return ("No reward model yet: Phase 3 fine-tunes one on the linguists' pairs — train one on "
                    "*3 · Reward model*, or run Phase 2 with a reward model.")
    return None


def phase3_start_models(store) -> list[str]:
    """The policies Phase 3 starts from, its default first: the cold-start models (newest first, a promoted one
    included), then the production model unless it is the loop's SFT model — once a promoted final model has
    archived the cold start, the next cycle starts from production, as a scheduled retrain does (the form said
    "run Phase 2 first")."""
    names = [row["name"] for row in store.models.at_loop_stage("cold-start", "policy")]
    return names + [row["name"] for row in store.models.list(kind="policy", stage="production")
                    if row["name"] not in names and not sft_in_production(store, row)]


def sft_in_production(store, row: dict) -> str | None:
    """Why the production model ``row`` starts no Phase 3 — it is the loop's SFT model, which starts Phase 2 (from
    it, Phase 3 skipped the cold start) — or ``None``. A retrain, Phase 3 from production, is refused alike."""
    if store.models.loop_stage(row) == "sft":
        return (f"the production model {row['name']} is the loop's SFT model: Phase 3 starts from the cold start "
                "or a later model — run Phase 2 first")
    return None


def phase3_defaults(store, policy: str = "") -> dict[str, Any]:
    """What Phase 3 starts from when its form leaves a field empty: the first of :func:`phase3_start_models`, the
    RM it was trained against, that RM's synthetic pair sets, and the corpora of the run that made it."""
    if not policy:
        starts = phase3_start_models(store)
        if not starts:
            raise ValueError("no cold-start or production model is registered: run Phase 2 first")
        policy = starts[0]
    row = store.models.get(policy)
    if row is None:
        raise ValueError(f"no registered model named {policy!r}")
    rm = row["metadata"].get("reward_model") or _trained_on_same_pairs(store, row)
    rm_row = store.models.get(rm) if rm else None
    if rm_row is None or rm_row["stage"] == "archived":  # an archived version is no default anywhere
        rm = newest_model(store, "reward")
    return {"policy": policy, "reward_model": rm, "replay_pair_sets": replay_sets(store, rm),
            "corpus_ids": _prompt_corpora(store, row)}


def replay_sets(store, reward_model: str) -> list[str]:
    """The synthetic pair sets ``reward_model`` was trained on (a fine-tuned one, of a later cycle, names them as its
    replay sets) that still hold pairs: what its fine-tune replays."""
    row = store.models.get(reward_model)
    meta = row["metadata"] if row else {}
    return [s for s in dict.fromkeys([*meta.get("pair_sets", []), *meta.get("replay_pair_sets", [])])
            if store.preferences.count_pairs(run_ids=[s], origin="synthetic")]


def _trained_on_same_pairs(store, row: dict) -> str | None:
    """For a policy that names no reward model (a DPO cold start): the newest reward model in use trained on the
    pair sets it learnt from — the newest of any lineage was taken, a later cycle's fine-tune on another base."""
    pair_sets = set(row["metadata"].get("pair_sets") or [])
    return next((m["name"] for m in store.models.in_use(kind="reward")
                 if pair_sets & set(m["metadata"].get("pair_sets") or [])), None) if pair_sets else None


def _pairs_corpora(store, row: dict) -> list[int]:
    """The corpora of the sources a policy's pair sets were sampled from (a DPO cold start records no prompts)."""
    for pair_set in row["metadata"].get("pair_sets") or []:
        score = store.runs.get(pair_set)
        generate = store.runs.get(settings_of(score).get("generate_run", "")) if score else None
        if generate is not None and (corpora := settings_of(generate).get("corpus_ids")):
            return [int(c) for c in corpora]
    return []


def _prompt_corpora(store, row: dict, depth: int = 20) -> list[int]:
    """The corpora of the RL prompts that made ``row`` (its metadata's or its run's ``corpus_ids``), else of its
    nearest ancestor that has them: a DPO final model records none, so a retrain from a promoted DPO model — the
    demo's path — could not find any."""
    for _ in range(depth):
        corpora = list(row["metadata"].get("corpus_ids") or [])  # a PPO model records its prompts' corpora
        run = store.runs.get(row["run_id"]) if row.get("run_id") else None
        if not corpora and run is not None:
            corpora = list(settings_of(run).get("corpus_ids", []))
        # a DPO model: the corpora its pairs were sampled from (its parent's were the SFT model's training corpora)
        corpora = corpora or _pairs_corpora(store, row)
        parent = store.models.get(row["parent"]) if row.get("parent") else None
        if corpora or parent is None:
            return corpora
        row = parent
    return []


def phase3_steps(config: Phase3Config, store) -> list[dict]:
    """feedback → human pairs → reward-model fine-tune (with replay) → RL stage 2 (final)."""
    if config.model_name and (problem := new_model_name_problem(store, config.model_name)):
        # now, not when the pipeline reaches its last step
        raise ValueError(f"{setting_words(Phase3Config, 'model_name')}: {problem}")
    found = phase3_defaults(store, config.policy)
    rm = config.reward_model or found["reward_model"]
    # the reward model chosen's own synthetic sets: the policy's reward model's were replayed
    replay = list(config.replay_pair_sets) or replay_sets(store, rm)
    corpora = [int(i) for i in (config.corpus_ids or found["corpus_ids"])]
    if not corpora and config.rl_method != "dpo":
        raise ValueError("choose the corpora whose sources are the RL prompts")
    gone = [i for i in corpora if store.corpora.get(i) is None] if config.rl_method != "dpo" else []
    if gone:  # found now, not after the pairs and the reward fine-tune ran ("no sources in that split")
        raise ValueError(f"the RL prompts' corpora {', '.join(map(str, gone))} were deleted: choose the corpora "
                         "whose sources are the RL prompts")
    return _known_references([
        {"name": "pairs", "kind": "feedback_pairs", "config": _checked("feedback_pairs", {
            "reward_model": rm, "weight_by_agreement": config.weight_by_agreement,
            "valid_share": config.valid_share})},
        {"name": "reward", "kind": "reward_finetune", "config": _checked("reward_finetune", {
            "base_model": rm, "pair_sets": ["$run:pairs"], "replay_pair_sets": replay,
            "replay_ratio": config.replay_ratio, "epochs": config.rm_epochs},
            config.reward_settings, "reward_settings",
            _at_default(config, {"epochs": "rm_epochs", "replay_ratio": "replay_ratio"}))},
        _rl_step(config.rl_method, config, policy=found["policy"], corpora=corpora, pair_sets=["$run:pairs"],
                 stage="final", model_name=config.model_name),
    ], store)


@dataclass(frozen=True)
class PipelineTemplate:
    """A ready-made pipeline: its form (``config_cls``) and how a filled form becomes steps."""

    name: str
    title: str
    description: str
    config_cls: type
    steps: Callable[[Any, Any], list[dict]]


TEMPLATES: dict[str, PipelineTemplate] = {
    "phase2": PipelineTemplate(
        "phase2", "Phase 2 · cold start", "Generate candidates with the SFT model → score them and keep pairs above "
        "the margin → train a reward model → the RL step (PPO, GRPO or DPO: the *RL method* above chooses, and "
        "the form shows its settings): the cold-start model.", Phase2Config, phase2_steps),
    "phase3": PipelineTemplate(
        "phase3", "Phase 3 · human alignment", "Linguists' feedback → human preference pairs → fine-tune the "
        "reward model with synthetic replay → the RL step from the cold-start policy (PPO, GRPO or DPO: the "
        "*RL method* above chooses, and the form shows its settings): the final model.",
        Phase3Config, phase3_steps),
}


def start_template(runner, store, template: str, config: Any, name: str = "") -> int:
    """Build the template's steps from ``config`` and start them as a pipeline; returns its id."""
    spec = TEMPLATES[template]
    steps = spec.steps(config, store)
    return runner.start(name or spec.title, template, steps)
