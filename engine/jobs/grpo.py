"""The ``grpo`` job: online RL of a policy with group-relative rewards, TRL's GRPOTrainer or RLOOTrainer.

For each source of a corpus split the policy samples ``num_generations`` translations; Python reward functions
score them and each completion's advantage is its reward against the others of its group (GRPO: normalised by
the group's mean and std; RLOO: against the leave-one-out mean). The rewards, weighted and summed:

``rm``
    a registered reward model's score of (source, translation), through :class:`~engine.reward.scoring.RewardScorer`
    with the reward model's own tokenizer and prompt format (weight ``rm_weight``); with ``extra_reward_models``
    the combined score of the ensemble (:class:`~engine.reward.ensemble.EnsembleScorer`: mean, min or
    mean − k·std), whose mean spread is logged per call;
``chrf``
    sentence chrF against the corpus reference, scaled to 0–1 (weight ``chrf_weight``);
``checks``
    −1 for a translation flagged by :func:`~engine.metrics.run_checks` (empty, not Arabic, loops), else 0
    (weight ``check_penalty``).

The dataset carries ``source``, ``pair`` and ``reference`` next to ``prompt``; TRL hands those extra columns to
the reward functions as keyword arguments. Prompts are the policy's own format: a string for ``tags`` (TRL's
tokenizer call adds BOS once, as the studio encodes prompts) and one user turn for a chat-template model (TRL
applies the template; encoding it without special tokens keeps BOS single). Progress, metrics, cancel, resume
and registration as in the DPO job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pyarrow.parquet as pq

from engine.characters import printable
from engine.glossary.files import GLOSSARY_INPUT, check_terminology
from engine.jobs.config import SEED_MAX, setting, setting_words
from engine.jobs.context import JobCancelled, JobContext, world_size
from engine.jobs.kinds import JobKind
from engine.jobs.precision import (
    Precision,
    reference_init_kwargs,
    resolve_precision,
    torch_device,
    trainer_args,
)
from engine.jobs.settings import LoraSettings, PolicyOutputSettings, TrainerSettings
from engine.jobs.threads import use_job_threads
from engine.jobs.training import (
    check_response_room,
    last_checkpoint,
    lora_config,
    policy_name,
    register_policy,
    resolve_policy,
    save_policy,
    studio_callback,
    tracking_args,
)
from engine.models.refs import ModelRef
from engine.reward.ensemble import COMBINATIONS, check_combination, member_names, resolve_members
from engine.rl.stopping import rollout_tokenizer
from engine.wording import counted, decimals

METHODS: tuple[str, ...] = ("grpo", "rloo")
SCALE_REWARDS: tuple[str, ...] = ("group", "batch", "none")
"""TRL's ``scale_rewards`` for GRPO: the standard deviation the advantages are divided by (``none``: not divided)."""
CHECK_FLAGS: tuple[str, ...] = ("empty", "low_arabic", "copy_of_source", "repetition", "bad_length")
"""Flags of :class:`~engine.metrics.CheckResult` that the penalty may count."""


@dataclass
class GrpoJobConfig(TrainerSettings, LoraSettings, PolicyOutputSettings):
    """Settings of a GRPO / RLOO run."""

    FORM_ORDER: ClassVar[tuple[str, ...]] = (
        "policy", "method", "reward_model", "extra_reward_models", "ensemble", "ensemble_k", "rm_weight",
        "chrf_weight", "check_penalty", "penalty_checks", "glossaries", "terminology_penalty", "corpus_ids", "split",
        "max_prompts", "drop_solved_at", "reference_share", "greedy_in_group", "num_generations",
        "max_completion_length", "temperature",
        "scale_rewards", "studio_rollouts", "shared_prompts", "learning_rate",
        "beta", "batch_size", "gradient_accumulation", "epochs", "max_steps", "max_grad_norm", "lora", "lora_r",
        "lora_alpha", "save_every", "sample_every", "model_name", "register_stage", "seed", "precision",
        "gradient_checkpointing", "report_to",
    )


    policy: str = setting("", "Registered policy to train, also the KL reference (empty: the newest SFT model).")
    method: str = setting("grpo", "GRPO (advantage = reward normalised within the group of a source) or RLOO "
                                  "(advantage = reward minus the mean of the group's other samples).",
                          choices=METHODS)
    reward_model: str = setting("", "Registered reward model whose score is a reward (empty: none).")
    extra_reward_models: list = setting([], "More reward-model versions scored with it as an ensemble; empty: the one "
                                            "reward model.")
    ensemble: str = setting("mean", "How an ensemble's scores combine: their mean, their minimum (conservative) or "
                                    "mean − k·std (uncertainty-penalised).", choices=COMBINATIONS)
    ensemble_k: float = setting(1.0, "k of mean − k·std.", min=0.0, max=100.0)
    rm_weight: float = setting(1.0, "Weight of the reward model's score (used when a reward model is chosen).",
                               min=0.0, max=1000.0)
    chrf_weight: float = setting(1.0, "Weight of chrF against the corpus reference (0–1 scale); 0 = off.",
                                 min=0.0, max=1000.0)
    check_penalty: float = setting(0.5, "Subtracted from the reward of a translation the checks flag; 0 = off.",
                                   min=0.0, max=1000.0)
    penalty_checks: list = setting(["empty", "low_arabic", "repetition"],
                                   f"Which checks count for the penalty: {', '.join(CHECK_FLAGS)}.", advanced=True)
    glossaries: list = setting([], "Glossaries switched on for this run (Data page → Glossaries), for the "
                                   "terminology penalty.", advanced=True, label="Glossaries")
    terminology_penalty: float = setting(0.0, "Subtracted × the share of the source's glossary terms a translation "
                                              "misses (0 = off; needs glossaries).", min=0.0, max=1000.0,
                                         advanced=True, label="Terminology penalty")
    corpus_ids: list[int] = setting([], "Corpora whose sources are the prompts (their references feed chrF).")
    split: str = setting("train", "Which split's sources to use.", choices=("train", "valid", "test"))
    max_prompts: int = setting(256, "Use a seeded sample of at most this many sources (0 = all).", min=0)
    drop_solved_at: float = setting(0.0, "Before training, translate every source greedily and drop those whose "
                                         "translation already scores at least this sentence chrF against the "
                                         "reference (100 = translated exactly): their groups would all score "
                                         "the same and teach nothing. 0 = keep every source.",
                                    min=0.0, max=100.0, advanced=True, label="Drop solved sources at chrF")
    reference_share: float = setting(0.0, "Share of the groups in which the source's corpus reference stands in for "
                                          "one sampled translation, scored and weighed against the samples like "
                                          "them (off-policy guidance, LUFFY, Yan et al. 2025): it teaches words the "
                                          "policy cannot sample, most where its samples are poor. 0 = off; needs "
                                          "references.", min=0.0, max=1.0, advanced=True,
                                     label="Reference in groups")
    greedy_in_group: bool = setting(False, "In training, one translation of each group is the policy's greedy one "
                                           "instead of a sample, rewarded and weighed against the samples (the "
                                           "self-critical baseline, Rennie et al. 2017): where a sample beats it, "
                                           "the greedy translation is pushed down and the sample up — RL aimed at "
                                           "the translation greedy decoding gives. Needs Studio rollouts.",
                                    advanced=True, label="Greedy translation in groups")
    num_generations: int = setting(4, "Translations sampled per source (the group).", min=2, max=64)
    max_completion_length: int = setting(32, "Longest sampled translation, in tokens.", min=1, max=2048)
    temperature: float = setting(1.0, "Sampling temperature of the translations.", min=0.01, max=10.0)
    scale_rewards: str = setting("group", "GRPO only — what a translation's reward less its group's mean is divided "
                                          "by: the group's standard deviation (GRPO's own; a group whose "
                                          "translations differ by a hair gets advantages as large as one with a "
                                          "garbage sample), the whole step's (groups keep their real spread, "
                                          "the scale stays near 1: 'Tricks or Traps', Liu et al. 2025) or nothing "
                                          "(Dr. GRPO, Liu et al. 2025). TRL's scale_rewards.",
                                 choices=SCALE_REWARDS, advanced=True, label="Scale rewards by")
    studio_rollouts: bool = setting(True, "Sample the translations with the studio's decoding loop (each source "
                                          "prefilled once for its group, finished rows dropped; the same "
                                          "distribution) instead of TRL's generate(); it falls back to TRL by "
                                          "itself where it does not apply (LoRA, vLLM, gradient checkpointing).",
                                    advanced=True, label="Studio rollouts")
    shared_prompts: bool = setting(True, "Score a step's translations (the policy's log-probabilities and the "
                                         "reference's) with each source run through the model once for its whole "
                                         "group instead of once per translation, and the vocabulary-wide logits "
                                         "only at the translations' own tokens, not at their padding — the same "
                                         "numbers up to rounding, less arithmetic; on one process only (it falls "
                                         "back to TRL's own forward pass under DDP, DeepSpeed or FSDP, with LoRA or "
                                         "gradient checkpointing).",
                                   advanced=True, label="Shared prompts")
    learning_rate: float = setting(1e-6, "Peak learning rate (AdamW; linear decay). 1e-6 is TRL's default for "
                                         "real models; the tiny demo model needs about 1e-4.", min=1e-9, max=1.0)
    beta: float = setting(0.04, "KL coefficient against the starting policy (TRL's own default: 0 for GRPO, 0.05 "
                                "for RLOO; 0 skips the reference model).", min=0.0, max=100.0)
    batch_size: int = setting(4, "Sources per step (each brings num_generations translations).", min=1, max=1024)
    epochs: float = setting(1.0, "Passes over the prompts (when max_steps is 0).", min=0.01, max=1000)
    max_steps: int = setting(0, "Stop after this many steps (0 = run the epochs).", min=0)
    max_grad_norm: float = setting(1.0, "Gradient clipping (global norm).", min=0.0, max=1e6, advanced=True)
    lora: bool = setting(False, "Train LoRA adapters (PEFT) instead of every weight; merged into the saved model. "
                                "The KL reference is then the policy with its adapters switched off.")
    save_every: int = setting(50, "Steps between two checkpoints (one is also saved on cancel).", min=1)
    sample_every: int = setting(10, "Reward calls between two sample translations in the log: one call scores a "
                                    "step's generations (more per step when a step accumulates several batches).",
                                min=1, advanced=True)
    model_name: str = setting("", "Name of the new policy version (empty: grpo-<date>-<time> or rloo-…).")
    seed: int = setting(0, "Seed (source sample, shuffling, sampling).", min=0, max=SEED_MAX, advanced=True)


def _active_rewards(config: GrpoJobConfig) -> list[tuple[str, float]]:
    """(name, weight) of every reward in use."""
    rewards = []
    if config.reward_model and config.rm_weight > 0:
        rewards.append(("rm", config.rm_weight))
    if config.chrf_weight > 0:
        rewards.append(("chrf", config.chrf_weight))
    if config.check_penalty > 0 and config.penalty_checks:
        rewards.append(("checks", config.check_penalty))
    if config.terminology_penalty > 0 and config.glossaries:
        rewards.append(("terminology", config.terminology_penalty))
    return rewards


def check(config: GrpoJobConfig) -> None:
    """A reward to learn from, settings of the chosen method, known checks, glossaries for the terminology
    penalty."""
    if not any(name in ("rm", "chrf") for name, _ in _active_rewards(config)):
        rm, chrf = (setting_words(GrpoJobConfig, name, inside=True) for name in ("rm_weight", "chrf_weight"))
        raise ValueError(f"choose a reward: a reward model with {rm} above 0, or {chrf} above 0")
    check_combination(config.ensemble, config.ensemble_k)
    if config.extra_reward_models and not config.reward_model:
        raise ValueError("choose the first reward model of the ensemble in "
                         f"{setting_words(GrpoJobConfig, 'reward_model', inside=True)}")
    if config.method == "rloo" and config.scale_rewards != "group":
        raise ValueError(f"{setting_words(GrpoJobConfig, 'scale_rewards')} is GRPO's: RLOO's advantage is the reward "
                         "less the mean of the group's other "
                         "samples, not divided by a standard deviation")
    if config.greedy_in_group and not config.studio_rollouts:
        raise ValueError("the greedy translation in groups needs Studio rollouts (TRL's own generate() samples every "
                         "translation)")
    unknown = sorted(set(config.penalty_checks) - set(CHECK_FLAGS))
    if unknown:
        raise ValueError(f"unknown checks {', '.join(unknown)}; known: {', '.join(CHECK_FLAGS)}")
    check_terminology(config.terminology_penalty, config.glossaries)


def _advantage_scaling(config: GrpoJobConfig) -> str:
    """What the run's first log line says of GRPO's advantage scaling (nothing for RLOO, which has none)."""
    if config.method != "grpo":
        return ""
    if config.scale_rewards == "none":
        return "; advantages not scaled"
    return f"; advantages scaled by the {config.scale_rewards}'s standard deviation"


TRL_KEYS = {"kl": "kl_per_token"}
"""TRL's GRPO logs ``kl`` as the mean KL per token; the studio's ``kl`` is summed over a translation (PPO's): it was
charted as "per translation" and set beside PPO's in the Models page's *final KL*."""


def prepare(config: GrpoJobConfig, store, run_dir: Path) -> None:
    """Resolve the policy (and reward model) and export the sources into ``inputs/``."""
    if not config.corpus_ids:
        raise ValueError("choose at least one corpus")
    policy = resolve_policy(store, config.policy)
    policy.save(run_dir / "inputs" / "policy.json")
    models = [policy]
    if config.reward_model and config.rm_weight > 0:
        for i, rm in enumerate(resolve_members(store, member_names(config.reward_model, config.extra_reward_models))):
            models.append(rm)
            rm.save(run_dir / "inputs" / ("reward_model.json" if i == 0 else f"reward_model-{i}.json"))
    if config.glossaries:
        from engine.glossary.export import check_penalty_pairs, export_glossaries

        check_penalty_pairs(store, config.terminology_penalty, config.glossaries, config.corpus_ids)
        export_glossaries(store, config.glossaries, run_dir / "inputs" / GLOSSARY_INPUT)
    n = store.corpora.export([int(i) for i in config.corpus_ids], (config.split,),
                             run_dir / "inputs" / "prompts.parquet", limit=config.max_prompts or None,
                             seed=config.seed)
    if n == 0:
        raise ValueError("the chosen corpora have no sources in that split")
    check_one_step(n, config)
    check_response_room(models, config.max_completion_length, "Longest completion",
                        run_dir / "inputs" / "prompts.parquet")


def check_one_step(sources: int, config: GrpoJobConfig, processes: int = 1) -> None:
    """Refuse fewer sources than one optimiser step takes (``batch_size`` × ``gradient_accumulation`` × processes:
    TRL's sampler hands out whole generation batches only): TRL then trains no step, and the run "succeeded" and
    registered the policy unchanged."""
    step = config.batch_size * config.gradient_accumulation * processes
    if sources < step:
        per = f": {config.batch_size} × {config.gradient_accumulation} accumulation" + (
            f" × {processes} processes" if processes > 1 else "")
        raise ValueError(f"{counted(sources, 'source')} is fewer than one step takes ({step} sources{per}): choose "
                         "more sources (max_prompts, corpora), or a smaller batch_size or gradient_accumulation")


# --- rewards --------------------------------------------------------------------------------------
def completion_text(completion: Any) -> str:
    """The text of a completion: a string, or the last message of a conversational completion."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list) and completion:
        content = completion[-1].get("content", "")
        if isinstance(content, list):  # content blocks
            return "".join(part.get("text", "") for part in content if isinstance(part, dict))
        return str(content)
    return ""


class StudioReward:
    """A reward callable for TRL: ``(prompts, completions, source=[...], pair=[...], reference=[...], **kw)``
    → one float per completion. ``__name__`` is what TRL logs it as (``rewards/<name>/mean``)."""

    def __init__(self, name: str, ctx: JobContext | None = None, sample_every: int = 0) -> None:
        self.__name__ = name
        self.ctx = ctx
        self.sample_every = sample_every
        self.calls = 0

    def score(self, sources: list[str], texts: list[str], pairs: list[str], references: list[str]) -> list[float]:
        """The rewards of one batch (the subclass's part)."""
        raise NotImplementedError

    def __call__(self, prompts: Sequence[Any], completions: Sequence[Any], source: Sequence[str] = (),
                 pair: Sequence[str] = (), reference: Sequence[str] = (), **kwargs: Any) -> list[float]:
        texts = [completion_text(c) for c in completions]
        scores = [float(s) for s in self.score(list(source), texts, list(pair), list(reference))]
        self.calls += 1
        if self.ctx is not None and self.sample_every and (self.calls - 1) % self.sample_every == 0 and texts:
            self.ctx.log(f"sample: {source[0]} → {printable(texts[0])} ({self.__name__} {decimals(scores[0])})")
        return scores


class RewardModelReward(StudioReward):
    """The score of a registered reward model (its own tokenizer and prompt format)."""

    def __init__(self, ref: ModelRef, precision: Precision | None = None, **kw: Any) -> None:
        from engine.reward.scoring import RewardScorer

        super().__init__("rm", **kw)
        self.scorer = RewardScorer(ref.path, trust_remote_code=ref.trust_remote_code, precision=precision)

    def score(self, sources, texts, pairs, references):
        return self.scorer.score(sources, texts, pairs)


class EnsembleReward(StudioReward):
    """The combined score of several registered reward models (each with its own tokenizer and prompt format);
    ``spreads`` collects the members' mean spread of every call."""

    def __init__(self, refs: Sequence[ModelRef], combination: str, k: float, **kw: Any) -> None:
        from engine.reward.ensemble import EnsembleScorer

        super().__init__("rm", **kw)
        self.scorer = EnsembleScorer([r.path for r in refs], combination, k, names=[r.name for r in refs])
        self.spreads: list[float] = []

    def score(self, sources, texts, pairs, references):
        scored = self.scorer.score_with_spread(sources, texts, pairs)
        if scored:
            self.spreads.append(sum(s.spread for s in scored) / len(scored))
        return [s.score for s in scored]


class ChrfReward(StudioReward):
    """Sentence chrF against the reference, 0–1."""

    def __init__(self, **kw: Any) -> None:
        from engine.metrics import get_metric

        super().__init__("chrf", **kw)
        self.metric = get_metric("chrf")

    def score(self, sources, texts, pairs, references):
        if len(references) != len(texts) or any(r is None for r in references):
            raise ValueError("chrF needs a reference for every prompt")
        return [s / 100.0 for s in self.metric.score(sources, texts, references)]


class ChecksPenalty(StudioReward):
    """−1 when any of the chosen checks flags the translation, else 0."""

    def __init__(self, flags: Sequence[str], **kw: Any) -> None:
        super().__init__("checks", **kw)
        self.flags = tuple(flags)

    def score(self, sources, texts, pairs, references):
        from engine.metrics import run_checks

        return [-1.0 if any(getattr(r, f) for f in self.flags) else 0.0 for r in run_checks(sources, texts)]


class TerminologyPenalty(StudioReward):
    """−(share of the source's glossary terms missed), 0 when no term applies (:mod:`engine.rl.shaping`)."""

    def __init__(self, glossary_file: Path, **kw: Any) -> None:
        from engine.glossary.files import index_from_file

        super().__init__("terminology", **kw)
        self.terms = index_from_file(glossary_file)

    def score(self, sources, texts, pairs, references):
        from engine.rl.shaping import terminology_penalties

        return [-p for p in terminology_penalties(sources, texts, self.terms, 1.0, list(pairs))]


def build_rewards(config: GrpoJobConfig, ctx: JobContext | None, rm: ModelRef | None,
                  extra_rms: Sequence[ModelRef] = (), precision: Precision | None = None
                  ) -> tuple[list, list[float]]:
    """The reward callables in use and their weights (the first one logs sample translations); a single reward
    model loads in ``precision`` (its dtype and device; ``None``: float32 on the CPU), an ensemble's members on the
    GPU when there is one."""
    funcs, weights = [], []
    if ctx is not None and config.rm_weight > 0 and not config.reward_model:  # its term dropped with nothing said
        ctx.log(f"{setting_words(GrpoJobConfig, 'rm_weight')} {config.rm_weight:g} is not used: no reward model is "
                "chosen — the rewards are " + ", ".join(f"{n} × {w:g}" for n, w in _active_rewards(config)),
                level="warning")
    for name, weight in _active_rewards(config):
        kw = {"ctx": ctx, "sample_every": config.sample_every if not funcs else 0}
        if name == "rm":
            if rm is None:
                raise ValueError("a reward model was chosen but not exported for this run")
            if extra_rms:
                funcs.append(EnsembleReward([rm, *extra_rms], config.ensemble, config.ensemble_k, **kw))
            else:
                funcs.append(RewardModelReward(rm, precision, **kw))
        elif name == "chrf":
            funcs.append(ChrfReward(**kw))
        elif name == "terminology":
            if ctx is None:
                raise ValueError("the terminology penalty needs the run's exported glossary")
            funcs.append(TerminologyPenalty(ctx.inputs_dir / GLOSSARY_INPUT, **kw))
        else:
            funcs.append(ChecksPenalty(config.penalty_checks, **kw))
        weights.append(float(weight))
    return funcs, weights


# --- prompts --------------------------------------------------------------------------------------
def trl_prompt(tokenizer: Any, source: str, pair: str, prompt_format: str) -> str | list[dict]:
    """The prompt as TRL should get it so that its tokenization equals :func:`engine.models.prompting.encode_prompt`:
    a string (TRL's tokenizer call adds BOS) or, for a chat-template model, one user turn (TRL applies the
    template without adding special tokens again)."""
    from engine.models.prompting import build_prompt, instruction_text, prompt_adds_special_tokens

    if prompt_adds_special_tokens(prompt_format, tokenizer):
        return build_prompt(source, pair, prompt_format, tokenizer)
    return [{"role": "user", "content": instruction_text(source.strip(), pair)}]


def prompt_rows(rows: list[dict], tokenizer: Any, prompt_format: str) -> list[dict]:
    """Dataset rows: ``prompt`` plus the ``source``, ``pair`` and ``reference`` columns the rewards read."""
    return [{"prompt": trl_prompt(tokenizer, r["source"], r["pair"], prompt_format), "source": r["source"],
             "pair": r["pair"], "reference": r.get("target") or ""} for r in rows]


def _unsolved(config: GrpoJobConfig, ctx: JobContext, model: Any, tokenizer: Any, rows: list[dict],
              prompt_format: str, precision: Precision) -> list[dict]:
    """``rows`` less the sources the policy already translates at ``drop_solved_at`` chrF (:mod:`engine.rl.solved`),
    translated on this process's device (where the trainer would move the policy anyway)."""
    if config.drop_solved_at <= 0:
        return rows
    from transformers.integrations import is_deepspeed_zero3_enabled

    if is_deepspeed_zero3_enabled():  # the weights are sharded across processes: no plain greedy pass
        ctx.log("drop solved sources: skipped under DeepSpeed ZeRO-3 (every source kept)")
        return rows
    from engine.rl.solved import drop_solved

    ctx.progress(0, len(rows), "sources", "finding the sources the policy already translates")
    model.to(torch_device(precision))
    kept = drop_solved(model, tokenizer, rows, prompt_format, config.drop_solved_at, config.max_completion_length)
    ctx.log(kept.describe())
    if not kept.rows:
        raise ValueError(f"the policy already translates every source at chrF ≥ {config.drop_solved_at:g}: nothing "
                         "left to learn from (lower Drop solved sources at chrF, or set it to 0)")
    return kept.rows


def _last_reward(state: Any) -> str:
    for entry in reversed(state.log_history or []):
        if "reward" in entry:
            return f"reward {decimals(entry['reward'])}"
    return "sampling"


def run(config: GrpoJobConfig, ctx: JobContext) -> None:
    """Train with GRPO or RLOO, save and register the policy."""
    from datasets import Dataset

    from engine.models.loading import load_causal_lm, load_tokenizer
    from engine.reward.ensemble import reward_files

    check(config)
    use_job_threads()
    policy = ModelRef.load(ctx.inputs_dir / "policy.json")
    rm_file = ctx.inputs_dir / "reward_model.json"
    rm = ModelRef.load(rm_file) if rm_file.exists() else None
    extra_rms = [ModelRef.load(f) for f in reward_files(ctx.inputs_dir, "reward_model")[1:]] if rm else []
    rows = pq.read_table(ctx.inputs_dir / "prompts.parquet").to_pylist()
    if not rows:
        raise ValueError("no prompts")
    tokenizer = load_tokenizer(policy.path, trust_remote_code=policy.trust_remote_code)
    precision = resolve_precision(config.precision)
    ctx.log(precision.describe())
    # the reward model is the studio's own scorer, not a model the trainer wraps: it loads whole on each process,
    # before the training arguments exist (under ZeRO-3 it would be sharded, and nothing would gather it back)
    funcs, weights = build_rewards(config, ctx, rm, extra_rms, precision)
    ctx.log(f"{config.method.upper()} on {len(rows)} sources × {config.num_generations} samples; policy "
            f"{policy.name}; rewards " + ", ".join(f"{f.__name__}×{w:g}" for f, w in zip(funcs, weights, strict=True))
            + (f" (reward model {rm.name})" if rm and not extra_rms else "")
            + (f" (reward: {config.ensemble} of {', '.join(r.name for r in [rm, *extra_rms])})" if extra_rms else "")
            + _advantage_scaling(config))

    common = dict(
        output_dir=str(ctx.checkpoint_dir), per_device_train_batch_size=config.batch_size * config.num_generations,
        gradient_accumulation_steps=config.gradient_accumulation, learning_rate=config.learning_rate,
        num_train_epochs=config.epochs, max_steps=config.max_steps or -1, max_grad_norm=config.max_grad_norm,
        num_generations=config.num_generations, max_completion_length=config.max_completion_length,
        temperature=config.temperature, beta=config.beta, reward_weights=weights, logging_steps=1,
        save_strategy="steps", save_steps=config.save_every, save_total_limit=2, save_only_model=False,
        disable_tqdm=True, seed=config.seed, dataloader_num_workers=0,
        **tracking_args(config.report_to, ctx), **trainer_args(precision, config.gradient_checkpointing),
        model_init_kwargs=reference_init_kwargs(policy.path, precision, policy.trust_remote_code),
        trust_remote_code=policy.trust_remote_code,
    )
    if config.method == "rloo":
        from trl import RLOOConfig, RLOOTrainer

        trainer_cls, args = RLOOTrainer, RLOOConfig(**common)
    else:
        from trl import GRPOConfig, GRPOTrainer

        trainer_cls, args = GRPOTrainer, GRPOConfig(**common, scale_rewards=config.scale_rewards)
    if config.studio_rollouts:
        from engine.rl.rollouts import with_studio_rollouts

        trainer_cls = with_studio_rollouts(trainer_cls, returns_logprobs=config.method == "grpo",
                                           greedy_in_group=config.greedy_in_group)
    if config.shared_prompts:
        from engine.rl.shared_prompts import with_shared_prompts

        trainer_cls = with_shared_prompts(trainer_cls)
    if config.reference_share > 0:
        from engine.rl.guidance import with_reference_guidance

        trainer_cls = with_reference_guidance(trainer_cls, config.reference_share, config.seed,
                                              returns_logprobs=config.method == "grpo")
    # the policy after the training arguments: under DeepSpeed ZeRO-3 they make from_pretrained shard it at load
    model = load_causal_lm(policy.path, trust_remote_code=policy.trust_remote_code,
                           dtype=precision.load_dtype(trainable=True, lora=config.lora))
    rows = _unsolved(config, ctx, model, tokenizer, rows, policy.prompt_format, precision)
    check_one_step(len(rows), config, world_size())  # after the solved sources were dropped
    dataset = Dataset.from_list(prompt_rows(rows, tokenizer, policy.prompt_format))
    trainer = trainer_cls(
        model=model, reward_funcs=funcs, args=args, train_dataset=dataset,
        processing_class=rollout_tokenizer(tokenizer, policy.path, policy.prompt_format, ctx.log),
        peft_config=lora_config(config.lora_r, config.lora_alpha) if config.lora else None,
        callbacks=[studio_callback(ctx, _last_reward, renamed=TRL_KEYS)],
    )
    trainer.train(resume_from_checkpoint=last_checkpoint(ctx))
    if config.studio_rollouts:
        ctx.log(f"rollouts: {trainer.studio_rollouts_used} generation calls through the studio's "
                "decoding loop (the rest, if any, through TRL's generate())")
        if config.greedy_in_group:
            ctx.log(f"greedy in groups: {trainer.greedy_groups} groups had the greedy translation as one member")
    if config.reference_share > 0:
        ctx.log(f"reference guidance: {trainer.guided_groups} groups had their reference in place of a sample")
    if config.shared_prompts:
        ctx.log(f"shared prompts: {trainer.shared_prompt_calls} model calls ran each distinct prompt once (the "
                "rest, if any, ran TRL's own forward pass)")
    if ctx.should_stop():
        raise JobCancelled()

    if not ctx.is_main_process:  # under accelerate launch, rank 0 alone saves and registers the policy
        ctx.log("training done; rank 0 saves the policy")
        return
    steps = trainer.state.global_step
    logged = [e for e in trainer.state.log_history if "reward" in e]
    final = {TRL_KEYS.get(k, k.replace("/", "_")): float(v) for k, v in (logged[-1] if logged else {}).items()
             if k == "reward" or k == "kl" or k.startswith("rewards/") and k.endswith("/mean")}
    name = policy_name(config.model_name, ctx, config.method)
    folder, parameters = save_policy(trainer.model, tokenizer, ctx.output_dir / "model", policy, config.method,
                                     config.lora, method=config.method, run=ctx.run_dir.name)
    spreads = [s for f in funcs for s in getattr(f, "spreads", [])]
    meta = {"method": config.method, "parent_policy": policy.name, "reward_model": rm.name if rm else None,
            "reward_models": [r.name for r in ([rm, *extra_rms] if rm else [])],
            "ensemble": config.ensemble if extra_rms else None,
            "ensemble_spread_first": spreads[0] if spreads else None,
            "ensemble_spread_last": spreads[-1] if spreads else None,
            "rewards": {f.__name__: w for f, w in zip(funcs, weights, strict=True)}, "beta": config.beta,
            "steps": steps, "prompts": len(rows), "drop_solved_at": config.drop_solved_at,
            "reference_share": config.reference_share, "greedy_in_group": config.greedy_in_group,
            "num_generations": config.num_generations, "scale_rewards": config.scale_rewards,
            "corpus_ids": [int(i) for i in config.corpus_ids], "split": config.split,
            "learning_rate": config.learning_rate, "lora": config.lora, "prompt_format": policy.prompt_format,
            "parameters": parameters, **{f"final_{k}": v for k, v in final.items()}}
    register_policy(ctx, name, folder, config.register_stage, policy, steps, meta)


KIND = JobKind(
    name="grpo", title="Align with GRPO / RLOO",
    description="Online RL: the policy samples a group of translations per source, rewarded by a reward model "
                "and/or chrF with a penalty for broken output (TRL GRPOTrainer or RLOOTrainer); KL to the start.",
    config_cls=GrpoJobConfig, run=run, prepare=prepare, check=check,
)
