"""What the training jobs (reward, DPO, GRPO/RLOO, PPO) share: model resolution, the studio callback for TRL
trainers, checkpoints, pair splits, LoRA configs and saving a trained policy."""

from __future__ import annotations

import functools
import importlib.util
import os
import random
from pathlib import Path
from typing import Any

from engine.jobs.context import JobContext
from engine.models.refs import ModelRef, newest_model, resolve_model
from engine.paths import user_path

TRACKERS: dict[str, str] = {
    "none": "no experiment tracker (the studio's own charts only)",
    "tensorboard": "TensorBoard event files in the run's folder (logs/); works offline: tensorboard --logdir RUN_DIR",
    "trackio": "Trackio (Hugging Face's local-first tracker), stored in the run's folder (trackio/)",
    "wandb": "Weights & Biases (offline unless WANDB_MODE says otherwise), files in the run's folder (wandb/)",
    "mlflow": "MLflow, a file store in the run's folder (mlruns/) unless MLFLOW_TRACKING_URI is set",
}
"""Experiment trackers a training job can report to, with what each does here."""

TRACKER_PACKAGES: dict[str, str] = {"tensorboard": "tensorboard", "trackio": "trackio", "wandb": "wandb",
                                    "mlflow": "mlflow"}


def available_trackers() -> tuple[str, ...]:
    """``none`` and the trackers whose package is installed (the only ones the forms offer)."""
    return ("none", *(t for t, pkg in TRACKER_PACKAGES.items() if importlib.util.find_spec(pkg) is not None))


TRACKER_CHOICES: tuple[str, ...] = available_trackers()


def report_to_setting() -> Any:
    """The ``report_to`` field every training job's config has."""
    from engine.jobs.config import setting

    return setting("none", "Experiment tracker the trainer also reports to, with the run's folder as its logging "
                           "dir: " + "; ".join(f"{k}: {TRACKERS[k]}" for k in TRACKER_CHOICES) + ". Only installed "
                           "trackers are offered.", choices=TRACKER_CHOICES, advanced=True,
                   label="Report to (experiment tracker)")


def tracking_args(report_to: str, ctx: JobContext) -> dict[str, Any]:
    """``TrainingArguments`` keywords for ``report_to`` (``report_to``, ``logging_dir``, ``run_name``), the tracker's
    files pointed into the run's folder through its environment variables (unless the user set them)."""
    if report_to not in TRACKERS:
        raise ValueError(f"unknown experiment tracker {report_to!r}; known: {', '.join(TRACKERS)}")
    run_dir = ctx.run_dir.resolve()
    if report_to == "none":
        return {"report_to": [], "logging_dir": str(run_dir / "logs")}
    if importlib.util.find_spec(TRACKER_PACKAGES[report_to]) is None:
        raise ValueError(f"{report_to} is not installed here: pip install {TRACKER_PACKAGES[report_to]}, "
                         "or choose another tracker")
    if report_to == "wandb":
        os.environ.setdefault("WANDB_DIR", str(run_dir))
        os.environ.setdefault("WANDB_MODE", "offline")
        os.environ.setdefault("WANDB_PROJECT", "tarjama-studio")
    elif report_to == "mlflow":
        os.environ.setdefault("MLFLOW_TRACKING_URI", (run_dir / "mlruns").as_uri())
        os.environ.setdefault("MLFLOW_EXPERIMENT_NAME", "tarjama-studio")
    elif report_to == "trackio":
        os.environ.setdefault("TRACKIO_DIR", str(run_dir / "trackio"))
        os.environ.setdefault("TRACKIO_PROJECT", "tarjama-studio")
    ctx.log(f"reporting to {report_to} ({TRACKERS[report_to]})")
    return {"report_to": [report_to], "logging_dir": str(run_dir / "logs"), "run_name": ctx.run_dir.name}


def resolve_policy(store, name: str) -> ModelRef:
    """The policy ``name`` as a :class:`ModelRef`; an empty name means the newest model at stage ``sft``."""
    name = name or newest_model(store, "policy", "sft", hint="set up the demo or register one, or choose a policy")
    ref = resolve_model(store, name)
    if ref.kind != "policy":
        raise ValueError(f"{name} is a {ref.kind} model; choose a policy model")
    return ref


def cuda_available() -> bool:
    """Whether a CUDA device is present (else everything runs on the CPU)."""
    import torch

    return torch.cuda.is_available()


def lora_config(r: int, alpha: int) -> Any:
    """A PEFT LoRA config over every linear layer of a causal LM."""
    from peft import LoraConfig

    return LoraConfig(task_type="CAUSAL_LM", r=r, lora_alpha=alpha, lora_dropout=0.0, target_modules="all-linear")


def metric_values(logs: dict[str, Any]) -> dict[str, float]:
    """TRL's log entries as studio metric keys: numbers only, ``/`` → ``_`` (``rewards/margins`` →
    ``rewards_margins``), ``learning_rate`` → ``lr``."""
    out = {}
    for key, value in logs.items():
        if key in ("epoch", "total_flos") or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        out[key.replace("/", "_").replace("learning_rate", "lr")] = float(value)
    return out


@functools.cache
def studio_callback_class() -> type:
    """The TrainerCallback class that reports progress and metrics to the studio and turns a cancel request into
    a checkpoint and a stop (built on first use, so importing this module does not import transformers).
    Subclass it to add behaviour, as the reward job does for layer-wise unfreezing."""
    from transformers import TrainerCallback

    class StudioCallback(TrainerCallback):
        """Progress, metrics and cancel for the studio. ``describe(state)`` may add a short message to each
        progress report; ``renamed`` maps a trainer's metric names to the studio's where they mean another
        thing (GRPO's ``kl`` is per token)."""

        def __init__(self, ctx: JobContext, describe: Any = None, renamed: dict[str, str] | None = None) -> None:
            self.ctx, self.describe, self.renamed = ctx, describe, renamed or {}

        def on_step_end(self, args, state, control, **kw):
            if state.is_world_process_zero:
                message = f"epoch {state.epoch or 0:.2f}"
                if self.describe is not None:
                    message += f" · {self.describe(state)}"
                self.ctx.progress(state.global_step, state.max_steps, unit="steps", message=message)
            if stop_agreed(self.ctx.should_stop()):
                control.should_save = True
                control.should_training_stop = True

        def on_log(self, args, state, control, logs=None, **kw):
            if not state.is_world_process_zero or not logs:
                return
            values = {self.renamed.get(k, k): v for k, v in metric_values(logs).items()}
            if values:
                self.ctx.metric(state.global_step, **values)

    return StudioCallback


def stop_agreed(stop: bool) -> bool:
    """Whether any process of the run asked to stop, agreed by every process (one all-reduce per step under a
    multi-process launch; ``stop`` itself when alone). Ranks see SIGTERM at slightly different moments: deciding
    alone, one rank would stop and save while another ran into the next step's gradient all-reduce, and both would
    hang until SIGKILL — a cancel without a checkpoint."""
    import torch.distributed as dist

    if not (dist.is_available() and dist.is_initialized()) or dist.get_world_size() < 2:
        return stop
    import torch

    flag = torch.tensor([1.0 if stop else 0.0])
    if dist.get_backend() == "nccl":
        flag = flag.cuda()
    dist.all_reduce(flag, op=dist.ReduceOp.MAX)
    return bool(flag.item() > 0)


def studio_callback(ctx: JobContext, describe: Any = None, renamed: dict[str, str] | None = None) -> Any:
    """An instance of :func:`studio_callback_class` for ``ctx``."""
    return studio_callback_class()(ctx, describe, renamed)


INCOMPLETE_PREFIX = "incomplete-"
"""A ``checkpoint-N`` the Trainer did not finish writing is renamed ``incomplete-checkpoint-N``: kept, and out of
the Trainer's sight (it looks for ``checkpoint-*``, to resume and to rotate)."""


UNFINISHED = "no trainer_state.json: the save did not finish"


def checkpoint_problem(folder: Path) -> str | None:
    """Why a Trainer's ``checkpoint-N`` folder cannot be resumed from, or ``None``: the Trainer writes the weights,
    the optimizer and the RNG state in place and ``trainer_state.json`` last, so a job killed (or out of disk)
    while saving leaves a folder without it, or with weights cut short."""
    import json

    from engine.jobs.checkpoints import damaged_files

    try:
        json.loads((folder / "trainer_state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # missing, or cut short: the Trainer writes it last, and not atomically
        if isinstance(exc, FileNotFoundError):
            return UNFINISHED
        return f"{UNFINISHED} (trainer_state.json cut short: {exc})"
    if not any(next(folder.rglob(pattern), None) for pattern in WEIGHT_FILES):  # a finished save holds weights
        return "it has no weights file (model.safetensors, adapter_model.safetensors …): removed since it was written"
    return damaged_files(folder)


WEIGHT_FILES = ("*.safetensors", "pytorch_model*.bin", "adapter_model.bin", "*model_states.pt", "*.distcp")
"""What a Trainer checkpoint keeps its weights in: safetensors (full, sharded or an adapter), PyTorch's
``pytorch_model*.bin`` / ``adapter_model.bin``, DeepSpeed's ``*_model_states.pt`` or FSDP's sharded ``*.distcp``
— not any ``.bin``: every checkpoint holds ``training_args.bin`` (a checkpoint whose weights were deleted failed
every resume as "Can't find a valid checkpoint", an older good one beside it)."""


def last_checkpoint(ctx: JobContext) -> str | None:
    """The newest complete ``checkpoint-N`` of the run (logged as ``resuming from checkpoint-N``), or None.

    Newer ones the job did not finish writing (:func:`checkpoint_problem`) are renamed ``incomplete-checkpoint-N``
    and logged: the Trainer took the highest number, failed on it, and every later resume failed the same way.
    One that was finished (its ``trainer_state.json`` written last) and damaged since is set aside the same way when
    an older one can be resumed from; when none can, a ValueError names it — the run started over from step 0 with
    a log line as the only sign (the studio's own checkpoints refuse the same way)."""
    folders = [p for p in ctx.checkpoint_dir.glob("checkpoint-*") if p.is_dir() and p.name[11:].isdigit()]
    unfinished: list[tuple[Path, str]] = []
    damaged: list[tuple[Path, str]] = []
    found = None
    for folder in sorted(folders, key=lambda p: int(p.name[11:]), reverse=True):
        problem = checkpoint_problem(folder)
        if problem is None:
            found = folder
            break
        (unfinished if problem.startswith(UNFINISHED) else damaged).append((folder, problem))
    if found is None and damaged:
        folder, problem = damaged[0]
        raise ValueError(f"the run's checkpoint {folder.name} cannot be resumed from: {problem}. It was complete when "
                         f"written, so it was changed since; move {ctx.checkpoint_dir} away to start the run over")
    for folder, problem in sorted(unfinished + damaged, key=lambda fp: int(fp[0].name[11:]), reverse=True):
        aside = folder.with_name(INCOMPLETE_PREFIX + folder.name)
        n = 1
        while aside.exists():
            n += 1
            aside = folder.with_name(f"{INCOMPLETE_PREFIX}{n}-{folder.name}")
        folder.rename(aside)
        ctx.log(f"{folder.name} cannot be resumed from ({problem}); kept as {aside.name}, resuming from the one "
                "before", level="warning")
    if found is not None:
        ctx.log(f"resuming from {found.name}")
        return str(found)
    return None


def zero3_not_saved(what: str) -> str:
    """Why a ZeRO-3 run's ``what`` (policy, reward model) is neither saved nor registered."""
    return (f"the {what} was not saved or registered: under DeepSpeed ZeRO-3 each process holds a shard of the "
            "weights and the studio does not gather them at the end, so rank 0 has no whole model to save. The run's "
            "checkpoints (if one was written) keep the trained state; train with 'ddp' or 'deepspeed_zero2' to keep "
            "the model")


def withheld_under_zero3(ctx: JobContext, what: str, meta: dict) -> bool:
    """Under ZeRO-3, write ``outputs/summary.json`` saying why no ``what`` is registered, warn in the log and return
    True (the job registers nothing); else False."""
    import json

    if not zero3_sharded():
        return False
    reason = zero3_not_saved(what)
    ctx.log(reason, level="warning")
    (ctx.output_dir / "summary.json").write_text(json.dumps({**meta, "registered": False, "not_registered": reason},
                                                            indent=2))
    return True


def zero3_sharded() -> bool:
    """Whether DeepSpeed ZeRO-3 shards this run's weights across its processes (rank 0's parameters are then
    empty placeholders, not a model)."""
    from transformers.integrations import is_deepspeed_zero3_enabled

    return bool(is_deepspeed_zero3_enabled())


def release_trainer(trainer: Any) -> None:
    """Let go of every reference a finished Trainer holds to its model, optimizer and scheduler — its own, its
    accelerator's and its callback handler's — and collect them, so a model loaded next does not sit beside them
    (setting ``trainer.model`` to None alone left the 4-bit model and its optimizer alive on the GPU)."""
    import gc

    import torch

    trainer.accelerator.free_memory()
    handler = trainer.callback_handler
    handler.model = handler.optimizer = handler.lr_scheduler = None
    trainer.model = trainer.model_wrapped = trainer.optimizer = trainer.lr_scheduler = None
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def save_policy(model: Any, tokenizer: Any, folder: Path, parent: ModelRef, created_by: str,
                merge_lora: bool, **card: Any) -> tuple[Path, int]:
    """Save a trained policy (LoRA merged first) with its tokenizer and ``tarjama.json``; returns the folder and
    the saved model's parameter count. Under ZeRO-3 nothing is written (:func:`zero3_not_saved`; 0 parameters).

    The card keeps the parent's prompt format and language pairs."""
    from engine.models.prompting import PAIRS, read_model_card, write_model_card

    if zero3_sharded():
        return folder, 0
    if merge_lora:
        model = model.merge_and_unload()
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    parent_card = read_model_card(parent.path) if user_path(parent.path).is_dir() else None
    pairs = (parent_card.pairs if parent_card and parent_card.pairs else None) or list(PAIRS)
    write_model_card(folder, parent.prompt_format, pairs, created_by=created_by, parent=parent.name, **card)
    return folder, sum(p.numel() for p in model.parameters())


def policy_name(config_name: str, ctx: JobContext, prefix: str) -> str:
    """The configured model name, else ``<prefix>-<run id suffix>`` (the run id's date and time)."""
    return config_name or f"{prefix}-" + ctx.run_dir.name.split("-", 1)[-1]


def model_context(model: ModelRef) -> int | None:
    """How many positions ``model`` reads (its config's ``max_position_embeddings``; GPT-2's ``n_positions``), or
    ``None`` when its config does not say or cannot be read (the model's own load then says what is wrong)."""
    found = model.config()
    return int(getattr(found, "max_position_embeddings", 0) or 0) or None


def longest_prompt(model: ModelRef, rows: list[dict]) -> int:
    """The most tokens a prompt of ``rows`` (``source``, ``pair``) takes in ``model``'s prompt format."""
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import build_prompt, prompt_adds_special_tokens

    tokenizer = load_tokenizer(model.path, trust_remote_code=model.trust_remote_code)
    texts = [build_prompt(r["source"], r["pair"], model.prompt_format, tokenizer) for r in rows]
    if not texts:
        return 0
    ids = tokenizer(texts, add_special_tokens=prompt_adds_special_tokens(model.prompt_format, tokenizer))["input_ids"]
    return max(map(len, ids))


def check_response_room(models: list[ModelRef], tokens: int, setting_label: str, prompts: Path) -> None:
    """Refuse a sampled-translation length that, after the longest of the run's prompts (``prompts``: its exported
    parquet), runs past a model's context: PPO and GRPO started, then a model with a table of positions (GPT-2)
    failed with an IndexError inside it and offered a Resume that could only fail the same way — and a rotary one
    read positions it was never trained on, without a word."""
    import pyarrow.parquet as pq

    rows = pq.read_table(prompts, columns=["source", "pair"]).to_pylist()
    for model in models:
        context = model_context(model)
        if context is None:
            continue
        longest = longest_prompt(model, rows)
        if longest + tokens > context:
            room = context - longest
            raise ValueError(f"{setting_label} is {tokens} tokens and the longest prompt {longest}: {model.name} reads "
                             f"{context} positions in all — "
                             + (f"choose at most {room}" if room > 0 else "its longest sources alone fill it")
                             + " (or leave the longest sources out of the corpora)")


def fit_max_length(config: Any, model: ModelRef, ctx: JobContext) -> Any:
    """``config`` with ``max_length`` cut to ``model``'s context when it is longer, said in the run's log: a pair
    longer than the context failed with an IndexError inside the model (GPT-2 with 64 positions, the default 256)."""
    from dataclasses import replace

    context = model_context(model)
    if not context or config.max_length <= context:
        return config
    ctx.log(f"max_length {config.max_length} is longer than {model.name}'s context of {context} positions: pairs "
            f"are kept to {context} tokens", level="warning")
    return replace(config, max_length=context)


def export_training_pairs(store: Any, config: Any, path: Path, *, only_data: bool = True) -> None:
    """Export the chosen pair sets (``config.pair_sets``) for a training job to ``path`` and refuse, before any run
    starts, a choice that leaves nothing to train on once the job holds out its validation sources
    (:func:`engine.preferences.export.split_records`): one scored source and no validation split started a run
    certain to fail. Not checked when the pairs are not the job's ``only_data`` (KTO trains on judgements beside
    them)."""
    import pyarrow.parquet as pq

    from engine.wording import counted

    n = store.preferences.export_pairs(path, run_ids=list(config.pair_sets))
    if n == 0:
        raise ValueError("the chosen pair sets hold no pairs")
    from engine.preferences.export import split_records
    from engine.preferences.pairing import source_key

    rows = pq.read_table(path, columns=["split", "pair", "source"]).to_pylist()
    train, valid, _ = split_records(rows, valid_share_if_missing=config.valid_share_if_missing, seed=config.seed)
    if not train and only_data:
        sources = len({source_key(r["pair"], r["source"]) for r in rows})
        held = len({source_key(r["pair"], r["source"]) for r in valid})
        raise ValueError(f"nothing left to train on: the chosen pair sets hold {counted(n, 'pair')} from "
                         f"{counted(sources, 'source')} and no training pair once {counted(held, 'source')} "
                         f"{'is' if held == 1 else 'are'} held out for validation — generate and score more sources")


def training_pairs(ctx: JobContext, config: Any) -> tuple[list[dict], list[dict]]:
    """The run's exported pairs (``inputs/pairs.parquet``) split as the pairs export splits them
    (:func:`engine.preferences.export.split_records`: no training pair shares its source with a validation pair —
    two pair sets, or one source in two segments, put a source on both sides), the training side shuffled and cut
    to ``config.max_pairs`` when set (``config`` has ``valid_share_if_missing``, ``seed``, ``max_pairs``)."""
    import pyarrow.parquet as pq

    from engine.preferences.export import split_records
    from engine.wording import counted

    rows = pq.read_table(ctx.inputs_dir / "pairs.parquet").to_pylist()
    train_rows, valid_rows, dropped = split_records(rows, valid_share_if_missing=config.valid_share_if_missing,
                                                    seed=config.seed)
    if dropped:
        ctx.log(f"{counted(dropped, 'training pair')} left out: their source has a validation pair (in another pair "
                "set, or another segment)", level="warning")
    if config.max_pairs:
        random.Random(config.seed).shuffle(train_rows)
        train_rows = train_rows[: config.max_pairs]
    return train_rows, valid_rows


def register_policy(ctx: JobContext, name: str, folder: Path, stage: str, parent: ModelRef, steps: int,
                    meta: dict) -> None:
    """Write ``outputs/summary.json`` and announce the trained policy for the studio to register; under ZeRO-3
    (nothing saved, :func:`save_policy`) the summary says why no model is registered and the log warns."""
    import json

    if withheld_under_zero3(ctx, "policy", meta):
        return
    (ctx.output_dir / "summary.json").write_text(json.dumps(meta, indent=2))
    ctx.artifact("model", name=name, model_kind="policy", path=str(folder), stage=stage, parent=parent.name,
                 metadata=meta)
    ctx.log(f"registered {name} ({stage}) after {steps} steps")
