"""The ``ppo`` job: optimise a policy against a reward model with TRL's PPO, watched by monitors and alarms.

Policy = a registered model (the SFT model for cold start), a frozen reference copy for the KL penalty, reward =
a registered reward-model version — or an ensemble of several, combined by
:class:`~engine.reward.ensemble.EnsembleRewardModel` behind TRL's reward-model interface — value model initialised
from the (first) reward model; prompts = sources of a corpus split in the
policy's prompt format. Every ``eval_every`` steps the policy translates held-out sources greedily: chrF
against their references (a metric outside the reward) and a table of samples with their rewards. Alarms
(:mod:`engine.rl.alarms`) are written to the run; the KL alarm can stop training early. Checkpoints hold the
policy, the value model, the optimizer and the step, so a cancelled or crashed run resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

import pyarrow.parquet as pq

from engine.glossary.files import GLOSSARY_INPUT, check_terminology
from engine.jobs import checkpoints
from engine.jobs.config import SEED_MAX, setting, setting_of, setting_words
from engine.jobs.context import JobCancelled, JobContext
from engine.jobs.kinds import JobKind
from engine.jobs.precision import resolve_precision, trainer_args
from engine.jobs.settings import PolicyOutputSettings, TrainerSettings
from engine.jobs.threads import use_job_threads
from engine.jobs.training import check_response_room, policy_name, register_policy, save_policy, tracking_args
from engine.markup import json_line
from engine.models.refs import ModelRef, resolve_model
from engine.reward.ensemble import COMBINATIONS, check_combination, member_names, resolve_members
from engine.rl.alarms import AlarmSettings, check_alarms
from engine.rl.shaping import RolloutStats, ShapingConfig
from engine.rl.stopping import rollout_tokenizer
from engine.wording import decimals

METRIC_NAMES = {
    "objective/kl": "kl", "objective/entropy": "entropy", "objective/scores": "score_mean",
    "objective/rlhf_reward": "rlhf_reward", "objective/non_score_reward": "non_score_reward",
    "loss/policy_avg": "policy_loss", "loss/value_avg": "value_loss", "policy/clipfrac_avg": "clip_fraction",
    "val/clipfrac_avg": "value_clip_fraction", "policy/approxkl_avg": "approx_kl", "val/ratio": "ratio",
    "val/num_eos_tokens": "eos_tokens", "lr": "lr", "eps": "episodes_per_s",
}
SAMPLES_FILE = "samples.jsonl"
ALARMS_FILE = "alarms.jsonl"


@dataclass
class PPOJobConfig(TrainerSettings, PolicyOutputSettings):
    """Settings of a PPO run (defaults from the project brief)."""

    FORM_ORDER: ClassVar[tuple[str, ...]] = (
        "policy", "reward_model", "extra_reward_models", "ensemble", "ensemble_k", "corpus_ids", "model_name",
        "register_stage", "steps", "learning_rate", "kl_coef", "cliprange", "cliprange_value", "batch_size",
        "mini_batch_size", "gradient_accumulation", "ppo_epochs", "max_grad_norm", "gamma", "lam", "vf_coef",
        "response_length", "temperature", "missing_eos_penalty", "empty_penalty", "non_arabic_penalty",
        "repetition_penalty", "copy_penalty", "terminology_penalty", "glossaries", "lora", "lora_r", "kl_target",
        "kl_measure", "stop_on_kl", "eval_every", "heldout_size", "save_every", "max_prompts", "seed", "precision",
        "gradient_checkpointing", "report_to",
    )


    policy: str = setting("", "The policy to optimise (the SFT model for cold start).")
    reward_model: str = setting("", "The reward-model version that scores the translations.")
    extra_reward_models: list = setting([], "More reward-model versions scored with it as an ensemble (they must "
                                            "share the policy's tokenizer); empty: the one reward model.")
    ensemble: str = setting("mean", "How an ensemble's scores combine: their mean, their minimum (conservative) or "
                                    "mean − k·std (uncertainty-penalised).", choices=COMBINATIONS)
    ensemble_k: float = setting(1.0, "k of mean − k·std.", min=0.0, max=100.0)
    corpus_ids: list[int] = setting([], "Corpora whose train sources are the prompts (their valid split is held out).")
    model_name: str = setting("", "Name of the resulting model version (empty: ppo-<date>-<time>).")
    register_stage: str = setting("cold-start", "Stage of the resulting model.",
                                  choices=("cold-start", "final", "candidate"))
    steps: int = setting(1000, "PPO updates (each on one rollout batch).", min=1, max=1_000_000)
    learning_rate: float = setting(1.41e-5, "Learning rate of policy and value model.", min=1e-9, max=1.0)
    kl_coef: float = setting(0.1, "KL penalty coefficient against the reference model.", min=0.0, max=10.0)
    cliprange: float = setting(0.2, "PPO clip range of the policy ratio.", min=0.01, max=1.0)
    cliprange_value: float = setting(0.2, "Clip range of the value function.", min=0.01, max=10.0, advanced=True)
    batch_size: int = setting(8, "Rollouts (prompts) per PPO update.", min=1, max=4096)
    mini_batch_size: int = setting(2, "Rollouts per optimisation mini-batch (divides the batch).", min=1, max=4096)
    gradient_accumulation: int = setting(1, "Gradient accumulation steps (divides the batch).", min=1, max=256,
                                         advanced=True)
    ppo_epochs: int = setting(4, "Optimisation passes over each rollout batch.", min=1, max=64, advanced=True)
    max_grad_norm: float = setting(1.0, "Gradient clipping (global norm; 0 = off).", min=0.0, max=1e6)
    gamma: float = setting(1.0, "Discount factor of the returns.", min=0.0, max=1.0, advanced=True)
    lam: float = setting(0.95, "GAE lambda.", min=0.0, max=1.0, advanced=True)
    vf_coef: float = setting(0.1, "Weight of the value loss.", min=0.0, max=100.0, advanced=True)
    response_length: int = setting(48, "Longest translation sampled during PPO, in tokens.", min=4, max=1024)
    temperature: float = setting(0.7, "Sampling temperature of the rollouts.", min=0.01, max=5.0)
    missing_eos_penalty: float = setting(1.0, "Subtracted when a translation does not end (no EOS); 0 = off.",
                                         min=0.0, max=100.0)
    # the shaping penalties are declared once, in engine.rl.shaping.ShapingConfig
    empty_penalty: float = setting_of(ShapingConfig, "empty_penalty")
    non_arabic_penalty: float = setting_of(ShapingConfig, "non_arabic_penalty")
    repetition_penalty: float = setting_of(ShapingConfig, "repetition_penalty")
    copy_penalty: float = setting_of(ShapingConfig, "copy_penalty")
    terminology_penalty: float = setting_of(ShapingConfig, "terminology_penalty")
    glossaries: list = setting([], "Glossaries switched on for this run (Data page → Glossaries), for the "
                                   "terminology penalty.", advanced=True, label="Glossaries")
    lora: bool = setting(False, "Train LoRA adapters on the policy (the reference is the adapter-free model).")
    lora_r: int = setting(16, "LoRA rank (alpha is twice the rank).", min=1, max=1024, advanced=True)
    kl_target: float = setting(0.2, "KL alarm threshold.", min=0.0, max=100.0)
    kl_measure: str = setting("per token", "What the KL alarm compares with its target: TRL's KL, which sums over a "
                                           "translation's tokens ('per translation'), or that sum divided by the "
                                           "mean translation length in tokens ('per token').",
                              choices=("per token", "per translation"))
    stop_on_kl: bool = setting(False, "Stop early (and keep the model) when the KL alarm fires.")
    eval_every: int = setting(25, "Steps between two held-out evaluations (chrF, sample table).", min=1)
    heldout_size: int = setting(32, "Held-out sources translated at each evaluation.", min=1, max=2000)
    max_prompts: int = setting(0, "Use at most this many training prompts (0 = all).", min=0, advanced=True)
    seed: int = setting(0, "Seed.", min=0, max=SEED_MAX, advanced=True)

    def shaping(self) -> ShapingConfig:
        """The reward-shaping penalties of these settings."""
        return ShapingConfig(**{f.name: getattr(self, f.name) for f in fields(ShapingConfig)})


def check(config: PPOJobConfig) -> None:
    """Batch sizes that divide, a reward model, a KL alarm that can stop, glossaries for the terminology penalty."""
    if config.batch_size % config.mini_batch_size or config.batch_size % config.gradient_accumulation:
        raise ValueError("the batch size must be a multiple of the mini-batch size and of the accumulation steps")
    if config.gradient_accumulation > 1 and config.mini_batch_size != config.batch_size:
        # TRL's PPO accumulates over its micro-batches of batch ÷ accumulation rows: with mini-batches, each update
        # summed that many mini-batches (batch 8, mini-batch 2, accumulation 2: 2 updates of 4 rows an epoch, not 4
        # of 2) and spared no memory
        accumulation = setting_words(PPOJobConfig, "gradient_accumulation")
        words = {name: setting_words(PPOJobConfig, name, inside=True) for name in ("mini_batch_size", "batch_size")}
        raise ValueError(f"{accumulation} above 1 needs {words['mini_batch_size']} "
                         f"equal to {words['batch_size']} (TRL's PPO accumulates over the whole batch): set the "
                         "accumulation to 1, or the mini-batch to the batch")
    check_combination(config.ensemble, config.ensemble_k)
    if not member_names(config.reward_model, config.extra_reward_models):
        raise ValueError("choose a reward model")
    if config.stop_on_kl and config.kl_target <= 0:  # every step's KL is above 0: it stopped after step 1
        raise ValueError(f"{setting_words(PPOJobConfig, 'stop_on_kl')} with "
                         f"{setting_words(PPOJobConfig, 'kl_target', inside=True)} 0 stops at the first step: set a KL "
                         "target above 0")
    check_terminology(config.terminology_penalty, config.glossaries)


def prepare(config: PPOJobConfig, store, run_dir: Path) -> None:
    """Resolve policy and reward model, check their tokenizers match, export prompts and held-out sources."""
    names = member_names(config.reward_model, config.extra_reward_models)
    policy = resolve_model(store, config.policy)
    if policy.kind != "policy":
        raise ValueError(f"{config.policy} is not a policy model")
    rewards = resolve_members(store, names)
    _check_reads_policy_ids(policy, rewards)
    policy.save(run_dir / "inputs" / "policy.json")
    rewards[0].save(run_dir / "inputs" / "reward.json")
    for i, reward in enumerate(rewards[1:], start=1):
        reward.save(run_dir / "inputs" / f"reward-{i}.json")
    ids = [int(i) for i in config.corpus_ids]
    n = store.corpora.export(ids, ("train",), run_dir / "inputs" / "prompts.parquet",
                             limit=config.max_prompts or None, seed=config.seed)
    if n < config.batch_size:
        raise ValueError(f"{n} training prompts is fewer than one batch ({config.batch_size})")
    check_response_room([policy, *rewards], config.response_length, "Longest response",
                        run_dir / "inputs" / "prompts.parquet")
    store.corpora.export(ids, ("valid",), run_dir / "inputs" / "heldout.parquet", limit=config.heldout_size,
                         seed=config.seed)
    if config.glossaries:
        from engine.glossary.export import check_penalty_pairs, export_glossaries

        check_penalty_pairs(store, config.terminology_penalty, config.glossaries, config.corpus_ids)
        export_glossaries(store, config.glossaries, run_dir / "inputs" / GLOSSARY_INPUT)


def _check_reads_policy_ids(policy: Any, rewards: list[Any]) -> None:
    """Refuse reward models whose tokenizer or prompt format is not the policy's: PPO hands them the policy's token
    ids — its prompt as the policy reads it — so another tokenizer read other words (or an id past its vocabulary
    failed the run late) and a reward model trained on another prompt format (its backbone's, as it is scored
    everywhere else) read a framing it never saw — the rewards meant nothing."""
    from engine.models.loading import load_tokenizer, tokenizer_mismatch

    own = load_tokenizer(policy.path, trust_remote_code=policy.trust_remote_code)
    for reward in rewards:
        if reward.prompt_format != policy.prompt_format:
            raise ValueError(f"the reward model {reward.name} reads prompts in the {reward.prompt_format!r} format "
                             f"and {policy.name} writes them in {policy.prompt_format!r}: PPO scores the policy's own "
                             "prompt — choose a reward model trained on a backbone of the policy's format, or use "
                             "GRPO, whose rewards read the text")
        problem = tokenizer_mismatch(own, load_tokenizer(reward.path, trust_remote_code=reward.trust_remote_code))
        if problem:
            raise ValueError(f"the reward model {reward.name} does not share the tokenizer of {policy.name} "
                             f"({problem}): PPO scores the policy's token ids — choose a reward model trained from "
                             "this policy or its family, or use GRPO, whose rewards read the text")


STATE_FILE = "state.json"
"""Written last into a PPO checkpoint: its step (a folder without it is incomplete)."""


# --- checkpoints -------------------------------------------------------------------------------------
def _latest(checkpoint_dir: Path) -> Path | None:
    return checkpoints.latest_checkpoint(checkpoint_dir, STATE_FILE)


def _save_checkpoint(trainer: Any, checkpoint_dir: Path, step: int, tokenizer: Any) -> Path:
    import torch

    unwrapped = trainer.accelerator.unwrap_model(trainer.model)
    with checkpoints.new_checkpoint(checkpoint_dir, step) as tmp:
        unwrapped.policy.save_pretrained(tmp / "policy", safe_serialization=True)
        tokenizer.save_pretrained(tmp / "policy")
        unwrapped.value_model.save_pretrained(tmp / "value", safe_serialization=True)
        torch.save(trainer.optimizer.state_dict(), tmp / "optimizer.pt")
        (tmp / STATE_FILE).write_text(json.dumps({"step": step}))  # written last: the checkpoint is complete
    return checkpoint_dir / f"step-{step:07d}"


def _continue_schedule(trainer: Any, args: Any, total_steps: int, done: int) -> None:
    """Give a resumed trainer the learning-rate schedule of the whole run, ``done`` steps in. TRL builds one over
    the steps left (its ``total_episodes``), so the rate started again at its peak after a resume (3e-5 … 1.35e-5,
    then 3e-5 again); the schedule is stateless beyond its step, so it is rebuilt rather than saved. Called after
    the optimizer's state is loaded: its groups' ``initial_lr`` is the run's peak."""
    import warnings

    from transformers import get_scheduler

    schedule = get_scheduler(args.lr_scheduler_type, trainer.optimizer,
                             num_warmup_steps=args.get_warmup_steps(total_steps), num_training_steps=total_steps)
    with warnings.catch_warnings():  # "lr_scheduler.step() before optimizer.step()": it only counts the steps done
        warnings.simplefilter("ignore")
        for _ in range(done):
            schedule.step()
    trainer.lr_scheduler = trainer.callback_handler.lr_scheduler = schedule


# --- held-out evaluation -----------------------------------------------------------------------------
def _heldout_eval(policy: Any, tokenizer: Any, rows: list[dict], fmt: str, scorer_model: Any,
                  max_new_tokens: int) -> tuple[dict[str, float], list[dict]]:
    from sacrebleu.metrics import CHRF

    from engine.decoding.greedy import greedy_translate
    from engine.reward.encoding import source_ids
    from engine.reward.scoring import score_sequences

    if not rows:
        return {}, []
    outputs = greedy_translate(policy, tokenizer, [r["source"] for r in rows], [r["pair"] for r in rows],
                               prompt_format=fmt, max_new_tokens=max_new_tokens)
    chrf = CHRF().corpus_score(outputs, [[r["target"] for r in rows]]).score
    rewards = score_sequences(scorer_model, [source_ids(tokenizer, r["source"], r["pair"], o, fmt)
                                             for r, o in zip(rows, outputs, strict=True)], tokenizer.pad_token_id)
    samples = [{"source": r["source"], "reference": r["target"], "translation": o, "reward": w}
               for r, o, w in zip(rows, outputs, rewards, strict=True)]
    return {"heldout_chrf": chrf, "heldout_reward": sum(rewards) / len(rewards)}, samples


SUMMARY_WINDOW = 10
"""First/final reward and final KL in a model's summary are means over this many logged steps (one step is noise)."""


def _window_mean(history: dict[str, list[tuple[int, float]]], key: str) -> tuple[float | None, float | None]:
    """The means of the first and of the last :data:`SUMMARY_WINDOW` values of a stream."""
    values = [v for _, v in history.get(key, [])]
    if not values:
        return None, None
    head, tail = values[:SUMMARY_WINDOW], values[-SUMMARY_WINDOW:]
    return sum(head) / len(head), sum(tail) / len(tail)


def logged_history(run_dir: Path, upto_step: int) -> dict[str, list[tuple[int, float]]]:
    """The metric streams a run wrote to its ``events.jsonl`` up to ``upto_step`` (its checkpoint): a step logged
    twice (the steps after a checkpoint are run again on resume) keeps its last value."""
    from engine.jobs.events import read_events

    if upto_step <= 0:
        return {}
    by_key: dict[str, dict[int, float]] = {}
    for event in read_events(run_dir, 0, max_bytes=-1).events:
        if event.get("type") != "metric" or int(event.get("step", -1)) > upto_step:
            continue
        for key, value in (event.get("values") or {}).items():
            if value is not None:
                by_key.setdefault(key, {})[int(event["step"])] = float(value)
    return {key: sorted(steps.items()) for key, steps in by_key.items()}


def alarm_settings(kl_target: float, kl_measure: str = "per token") -> AlarmSettings:
    """The alarm thresholds of a PPO run: the KL alarm reads ``kl_per_token`` or ``kl`` per ``kl_measure``."""
    return AlarmSettings(kl_target=kl_target, kl_key="kl_per_token" if kl_measure == "per token" else "kl")


def alarms_to_write(alarms: list, active: set[str], written: set[tuple[str, int]]) -> tuple[list, set[str]]:
    """The alarms of this step to write (newly holding, and not written before with the step they name — one that
    clears for a step and holds again names the same evaluation step, and was written twice), and the kinds that hold
    now. ``written`` gains what is returned."""
    new = [a for a in alarms if a.kind not in active and (a.kind, a.step) not in written]
    written.update((a.kind, a.step) for a in new)
    return new, {a.kind for a in alarms}


class _EarlyStop(Exception):
    """The KL alarm asked for an early stop."""


def _monitor_callback(ctx: JobContext, config: PPOJobConfig, state: dict):
    from transformers import TrainerCallback

    settings = alarm_settings(config.kl_target, config.kl_measure)

    class Monitor(TrainerCallback):
        """Forwards PPO's metrics, evaluates held-out sources, raises alarms, checkpoints and cancels."""

        def __init__(self) -> None:
            # a resumed run starts from the streams it logged before its checkpoint: the summary's first reward
            # and held-out chrF and the alarms' windows cover the whole run, not only the resumed part
            self.history: dict[str, list[tuple[int, float]]] = logged_history(ctx.run_dir, state["offset"])
            # alarm kinds that hold now: each is written once until it clears — those that held at the checkpoint
            # were written before it (a resumed run wrote them again at its first step)
            self.active: set[str] = {a.kind for a in check_alarms(self.history, settings)}
            # what was written, by kind and the step it names: an alarm that clears for a step and holds again
            # names the same evaluation step, and was written twice ("reward up metric down @ 8" twice)
            self.written: set[tuple[str, int]] = {(a["kind"], int(a["step"])) for a in
                                                  read_jsonl(ctx.output_dir / ALARMS_FILE)}

        def on_log(self, args, st, control, logs=None, **kw):
            step = state["offset"] + st.global_step
            values = {METRIC_NAMES[k]: v for k, v in (logs or {}).items() if k in METRIC_NAMES}
            values.update(state["stats"].drain())
            if "episodes_per_s" in values and state.get("t_start"):
                # TRL logs int(episodes / seconds): 0 whenever a step takes more than a second per episode
                values["episodes_per_s"] = (st.global_step * config.batch_size
                                            / max(time.time() - state["t_start"], 1e-6))
            if "kl" in values and values.get("response_length"):
                values["kl_per_token"] = values["kl"] / max(1.0, values["response_length"])
            if values:
                ctx.metric(step, **values)
                for key, value in values.items():
                    self.history.setdefault(key, []).append((step, float(value)))

        def on_step_end(self, args, st, control, **kw):
            trainer, step = state["trainer"], state["offset"] + st.global_step
            ctx.progress(step, state["total"], unit="steps", message=self._message())
            # the run's steps, not the resumed trainer's (which count from 0): resumed from step 60, evaluations
            # and checkpoints fell at 85, 110… instead of every 25 steps of the run
            scheduled = step % config.eval_every == 0 or st.global_step == st.max_steps
            if scheduled:
                self.evaluate(step)
            alarms = check_alarms(self.history, settings)
            new, self.active = alarms_to_write(alarms, self.active, self.written)
            for alarm in new:
                ctx.log(f"ALARM {alarm.kind}: {alarm.message}", level="warning")
                with (ctx.output_dir / ALARMS_FILE).open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(asdict(alarm)) + "\n")
                if alarm.kind == "kl_above_target" and config.stop_on_kl:
                    if not scheduled:
                        self.evaluate(step)  # the policy kept is this one: its held-out chrF is the model's (the
                        # metadata's "end" value was the last scheduled evaluation's, step 0 for an early stop)
                    ctx.progress(step, state["total"], unit="steps",
                                 message=f"stopped early at step {step} of {state['total']}: the KL is above its "
                                         "target (Stop when KL is above target)")
                    raise _EarlyStop(alarm.message)
            if ctx.should_stop():
                _save_checkpoint(trainer, ctx.checkpoint_dir, step, state["tokenizer"])
                raise JobCancelled()
            if step % config.save_every == 0:
                _save_checkpoint(trainer, ctx.checkpoint_dir, step, state["tokenizer"])

        def _message(self) -> str:
            kl = self.history.get("kl", [(0, float("nan"))])[-1][1]
            reward = self.history.get("reward_mean", [(0, float("nan"))])[-1][1]
            return f"reward {decimals(reward)} · KL {decimals(kl)}"

        def evaluate(self, step: int) -> None:
            trainer = state["trainer"]
            policy = trainer.accelerator.unwrap_model(trainer.model).policy
            values, samples = _heldout_eval(policy, state["tokenizer"], state["heldout"], state["format"],
                                            trainer.reward_model, config.response_length)
            policy.train()
            if values:
                ctx.metric(step, **values)
                for key, value in values.items():
                    self.history.setdefault(key, []).append((step, float(value)))
                with (ctx.output_dir / SAMPLES_FILE).open("a", encoding="utf-8") as fh:
                    for sample in samples[:8]:
                        fh.write(json_line({"step": step, **sample}))

    return Monitor()


def read_jsonl(path: Path) -> list[dict]:
    """The JSON objects of a run's JSON-lines output (none when it is missing; a line cut short is skipped). Split at
    newlines only: a translation holding a raw U+2028 (runs before ``json_line``) is no line break."""
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        with contextlib.suppress(ValueError):
            row = json.loads(line)
            if isinstance(row, dict):
                rows.append(row)
    return rows


def keep_up_to_step(path: Path, step: int) -> None:
    """Rewrite a run's JSON-lines output with only its rows of ``step`` or before (whole, then renamed in)."""
    if not path.is_file():
        return
    kept = [row for row in read_jsonl(path) if isinstance(row.get("step"), int) and row["step"] <= step]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("".join(json_line(row) for row in kept), encoding="utf-8")
    tmp.replace(path)


def _clip_gradients(optimizer: Any, max_norm: float) -> None:
    """TRL's PPO loop steps the optimizer without clipping: clip in a step pre-hook."""
    import torch

    inner = getattr(optimizer, "optimizer", optimizer)

    def hook(opt, args, kwargs):
        params = [p for group in opt.param_groups for p in group["params"] if p.grad is not None]
        if params:
            torch.nn.utils.clip_grad_norm_(params, max_norm)

    inner.register_step_pre_hook(hook)


def run(config: PPOJobConfig, ctx: JobContext) -> None:
    """Run PPO, evaluate, save and register the optimised policy."""
    import torch
    import trl.experimental.ppo.ppo_trainer as ppo_module
    from datasets import Dataset
    from trl.experimental.ppo import PPOConfig, PPOTrainer

    from engine.decoding.loop import sampling_neutral
    from engine.models.loading import load_causal_lm, load_tokenizer
    from engine.models.prompting import encode_prompt
    from engine.reward.ensemble import load_reward_ensemble, reward_files
    from engine.reward.model import load_reward_model
    from engine.rl.shaping import PromptSources, shaped_get_reward

    use_job_threads()
    policy_ref = ModelRef.load(ctx.inputs_dir / "policy.json")
    members = [ModelRef.load(f) for f in reward_files(ctx.inputs_dir, "reward")]
    reward_ref = members[0]
    latest = _latest(ctx.checkpoint_dir)
    done = json.loads((latest / STATE_FILE).read_text())["step"] if latest else 0
    if done >= config.steps:
        ctx.log(f"the checkpoint is already at step {done}")
    tokenizer = load_tokenizer(policy_ref.path, trust_remote_code=policy_ref.trust_remote_code)
    precision = resolve_precision(config.precision)
    ctx.log(precision.describe())

    prompts = pq.read_table(ctx.inputs_dir / "prompts.parquet").to_pylist()
    heldout_file = ctx.inputs_dir / "heldout.parquet"
    heldout = pq.read_table(heldout_file).to_pylist() if heldout_file.exists() else []
    encoded = [encode_prompt(tokenizer, p["source"], p["pair"], policy_ref.prompt_format) for p in prompts]
    dataset = Dataset.from_list([{"input_ids": ids} for ids in encoded])
    remaining = max(0, config.steps - done)
    args = PPOConfig(
        output_dir=str(ctx.checkpoint_dir / "trl"), learning_rate=config.learning_rate,
        per_device_train_batch_size=config.batch_size // config.gradient_accumulation,
        gradient_accumulation_steps=config.gradient_accumulation,
        num_mini_batches=config.batch_size // config.mini_batch_size, total_episodes=remaining * config.batch_size,
        num_ppo_epochs=config.ppo_epochs, kl_coef=config.kl_coef, cliprange=config.cliprange,
        cliprange_value=config.cliprange_value, vf_coef=config.vf_coef, gamma=config.gamma, lam=config.lam,
        response_length=config.response_length, temperature=config.temperature, stop_token="eos",
        missing_eos_penalty=config.missing_eos_penalty or None, local_rollout_forward_batch_size=config.batch_size,
        num_sample_generations=0, logging_steps=1, save_strategy="no", seed=config.seed + done,
        **tracking_args(config.report_to, ctx),
        disable_tqdm=True, **trainer_args(precision),
    )
    # the four models after the training arguments: under a DeepSpeed ZeRO-3 launch they set up the config that
    # makes from_pretrained shard each model as it loads. Trained: policy and value model (fp32 master weights
    # under mixed precision; a LoRA policy's frozen base in the low precision). Frozen, in the low precision:
    # the reward model and the reference (none with LoRA: TRL uses the policy with its adapters switched off).
    trained = precision.load_dtype(trainable=True, lora=config.lora)
    start = latest / "policy" if latest else policy_ref.path
    policy = load_causal_lm(start, trust_remote_code=policy_ref.trust_remote_code, dtype=trained)
    ref_policy = None if config.lora else load_causal_lm(policy_ref.path, dtype=precision.load_dtype(),
                                                         trust_remote_code=policy_ref.trust_remote_code)
    reward_model = load_reward_ensemble([m.path for m in members], config.ensemble, config.ensemble_k,
                                        dtype=precision.load_dtype())
    if len(members) > 1:
        ctx.log(f"reward: {config.ensemble} of {len(members)} reward models ({', '.join(m.name for m in members)})"
                + (f", k = {config.ensemble_k:g}" if config.ensemble == "mean-k*std" else ""))
    value_model = load_reward_model(latest / "value" if latest else reward_ref.path,
                                    dtype=precision.load_dtype(trainable=True))
    # TRL's PPO builds its sampling config and generate() merges the model's own defaults in (a repetition penalty
    # or top-k of a hub model's generation_config.json): rollouts then sampled with settings the form never showed,
    # and their log-probabilities were computed without them. Only the end/pad/bos ids stay; saved back at the end.
    shipped_generation = policy.generation_config
    if latest:  # the checkpoint's policy holds the neutral config: the starting model's is the one to save back
        from transformers import GenerationConfig

        with contextlib.suppress(OSError, ValueError):
            shipped_generation = GenerationConfig.from_pretrained(policy_ref.path, local_files_only=True)
    policy.generation_config = sampling_neutral(shipped_generation)
    for m in (policy, value_model):
        m.config.pad_token_id = tokenizer.pad_token_id
        if config.gradient_checkpointing:  # TRL's PPO loop does not read the argument: switch it on per model
            m.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    if latest:
        ctx.log(f"resuming from {latest.name} (step {done})")
        # the samples and alarms written after the checkpoint belong to steps run again: after a crash the
        # samples table showed both trajectories' translations at one step, and an alarm the resumed run never raised
        for name in (SAMPLES_FILE, ALARMS_FILE):
            keep_up_to_step(ctx.output_dir / name, done)

    peft_config = None
    if config.lora:
        from peft import LoraConfig

        peft_config = LoraConfig(task_type="CAUSAL_LM", r=config.lora_r, lora_alpha=2 * config.lora_r,
                                 lora_dropout=0.0, target_modules="all-linear")
    stats = RolloutStats()
    state: dict[str, Any] = {"offset": done, "total": config.steps, "stats": stats, "tokenizer": tokenizer,
                             "heldout": heldout, "format": policy_ref.prompt_format}
    monitor = _monitor_callback(ctx, config, state)
    # the rollouts end at a chat model's end of turn (TRL stops and truncates at its tokenizer's EOS)
    rollouts = rollout_tokenizer(tokenizer, policy_ref.path, policy_ref.prompt_format, ctx.log)
    trainer = PPOTrainer(args=args, processing_class=rollouts, model=policy, ref_model=ref_policy,
                         reward_model=reward_model, value_model=value_model, train_dataset=dataset,
                         callbacks=[monitor], peft_config=peft_config)
    state["trainer"] = trainer
    if latest:
        trainer.optimizer.load_state_dict(torch.load(latest / "optimizer.pt", weights_only=True))
        # TRL counts updates over every process's batches (num_total_batches, set as the trainer was built): on two
        # processes the run's steps are not its updates (review mend)
        _continue_schedule(trainer, args, done + args.num_total_batches, done)
    if config.max_grad_norm > 0:
        _clip_gradients(trainer.optimizer, config.max_grad_norm)
    terms = None
    if config.glossaries and (ctx.inputs_dir / GLOSSARY_INPUT).is_file():
        from engine.glossary.files import index_from_file

        terms = index_from_file(ctx.inputs_dir / GLOSSARY_INPUT)
        ctx.log(f"terminology penalty {config.terminology_penalty} over {len(terms)} glossary terms")
    prompt_sources = PromptSources(((ids, p["source"], p["pair"]) for ids, p in zip(encoded, prompts, strict=True)),
                            tokenizer.pad_token_id)
    ppo_module.get_reward = shaped_get_reward(ppo_module.get_reward, reward_model, tokenizer, config.shaping(), stats,
                                              terms=terms, prompts=prompt_sources,
                                              missing_eos_penalty=config.missing_eos_penalty)

    ctx.progress(done, config.steps, unit="steps", message="first rollout")
    if done == 0:  # the starting point of the held-out curve
        ctx.log("evaluating the starting policy on the held-out sources")
        monitor.evaluate(0)
    t0 = state["t_start"] = time.time()
    stopped_early = None
    if remaining:
        try:
            trainer.train()
        except _EarlyStop as exc:
            stopped_early = str(exc)
            ctx.log(f"stopped early: {exc}", level="warning")
    ctx.log(f"{trainer.state.global_step} PPO steps in {time.time() - t0:.0f} s")

    if not ctx.is_main_process:  # under accelerate launch, rank 0 alone saves and registers the policy
        ctx.log("training done; rank 0 saves the policy")
        return
    trainer.accelerator.unwrap_model(trainer.model).policy.generation_config = shipped_generation
    out, parameters = save_policy(trainer.accelerator.unwrap_model(trainer.model).policy, tokenizer,
                                  ctx.output_dir / "model", policy_ref, "ppo", config.lora,
                                  reward_model=reward_ref.name)
    history = monitor.history
    last = {k: v[-1][1] for k, v in history.items() if v}
    first = {k: v[0][1] for k, v in history.items() if v}
    window = {k: _window_mean(history, k) for k in ("kl", "kl_per_token", "reward_mean")}
    meta = {"method": "ppo", "policy": policy_ref.name, "reward_model": reward_ref.name, "parameters": parameters,
            "reward_models": [m.name for m in members], "ensemble": config.ensemble if len(members) > 1 else None,
            "ensemble_k": config.ensemble_k if config.ensemble == "mean-k*std" and len(members) > 1 else None,
            "corpus_ids": list(config.corpus_ids), "steps": done + trainer.state.global_step,
            "final_kl": window["kl"][1], "final_kl_per_token": window["kl_per_token"][1],
            "first_reward": window["reward_mean"][0], "final_reward": window["reward_mean"][1],
            "summary_window_steps": SUMMARY_WINDOW,
            "heldout_chrf_start": first.get("heldout_chrf"), "heldout_chrf_end": last.get("heldout_chrf"),
            "stopped_early": stopped_early, "prompt_format": policy_ref.prompt_format, "lora": config.lora}
    register_policy(ctx, policy_name(config.model_name, ctx, "ppo"), out, config.register_stage, policy_ref,
                    meta["steps"], meta)


KIND = JobKind(
    name="ppo", title="PPO against the reward model",
    description="Optimises the policy with TRL's PPO against a reward model, with a KL penalty to a frozen "
                "reference, value head and GAE, live monitors, held-out chrF and alarms.",
    config_cls=PPOJobConfig, run=run, prepare=prepare, check=check,
)
