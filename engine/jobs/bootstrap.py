"""The ``bootstrap`` job: train the studio's own small EN/FR→AR SFT model on the chosen corpora.

A BPE tokenizer (with byte fallback) is trained on the train split, then a Gemma-2-architecture model (see
:mod:`engine.models.demo`) learns ``<bos> <en> source <ar> target <eos>`` with the loss on the target,
in a plain PyTorch loop: AdamW, linear warmup then cosine decay, gradient clipping, batches of similar
lengths. Training stops at ``max_steps`` or when the ``max_minutes`` budget is spent, whichever comes
first; the cosine horizon follows the budget (re-estimated from the measured step time), so a
budget-bound run still ends with a decayed learning rate.

Checkpoints (``checkpoints/step-N/``: a loadable model folder with tokenizer and ``tarjama.json``, plus
``trainer_state.pt`` with the optimizer, schedule and step) are written every ``checkpoint_every``
steps, at the end of training and when a cancel arrives; a relaunch in the same run folder resumes
from the newest one. The final model goes to ``outputs/model`` and is registered at stage ``sft``
with its greedy chrF on the valid split.
"""

from __future__ import annotations

import collections
import math
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.jobs import checkpoints
from engine.jobs.config import SEED_MAX, setting, setting_words
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind
from engine.jobs.precision import PRECISIONS, resolve_precision
from engine.jobs.threads import job_threads

TRAIN_FILE = "train.parquet"
VALID_FILE = "valid.parquet"
TRAINER_STATE_FILE = "trainer_state.pt"
TOKENIZER_DIR = "tokenizer"
LOG_EVERY = 5
"""Steps between two ``loss``/``lr`` metric rows and progress reports."""
RECENT_STEPS = 20
QUALITY_FLOOR_CHRF = 25.0
"""Valid chrF under which a trained model is flagged as not yet translating (the shipped demo model is far
above it; a budget-bound run on a busy machine can end below it)."""
"""The final training loss reported with the model is the mean over this many last steps."""


@dataclass
class BootstrapConfig:
    """Settings of the bootstrap job (the defaults train the demo model in under 8 minutes on 2 CPU cores)."""

    corpus_ids: list[int] = setting(
        [], "Corpora to learn from: their train split trains the model, their valid split measures it."
    )
    model_name: str = setting("demo-sft", "Name under which the trained model is registered.")
    size: str = setting(
        "demo",
        "Model size: 'demo' (~5M parameters, the shipped demo model's shape), 'base' (~8M, slower on a CPU) or "
        "'tiny' (tests, seconds).",
        choices=("demo", "base", "tiny"),
    )
    vocab_size: int = setting(
        4000,
        "Size of the BPE vocabulary, 256 byte-fallback tokens included (a small corpus may end it smaller).",
        min=300,
        max=64000,
        advanced=True,
    )
    max_steps: int = setting(
        1000,
        "Optimizer steps. On the demo corpus the greedy chrF stops improving after about 700 steps (15 "
        "epochs); on a small CPU the time budget usually ends training first.",
        min=1,
        max=1_000_000,
    )
    max_minutes: float = setting(
        7.0,
        "Time budget for training, in minutes: training stops when it is spent, with the learning rate "
        "already decayed (tokenizer, evaluation and saving add under a minute). 0 = no budget.",
        min=0.0,
        max=24 * 60,
    )
    batch_size: int = setting(32, "Sentence pairs per optimizer step.", min=1, max=1024)
    learning_rate: float = setting(
        1e-3, "Peak learning rate of AdamW (after warmup, then cosine decay to 10%).", min=1e-6, max=1.0
    )
    warmup_steps: int = setting(
        50, "Steps of linear learning-rate warmup.", min=0, max=100_000, advanced=True
    )
    eval_every: int = setting(100, "Steps between two valid-loss measurements.", min=1, max=100_000)
    checkpoint_every: int = setting(
        100, "Steps between two checkpoints (one is also saved on cancel).", min=1, max=100_000
    )
    seed: int = setting(0, "Random seed (initial weights and the order of the batches).",
                        min=0, max=SEED_MAX, advanced=True)
    register_stage: str = setting(
        "sft", "Stage at which the trained model is registered.", choices=("sft", "candidate")
    )
    max_length: int = setting(
        128,
        "Longest training example in tokens (prompt + target); longer pairs are skipped.",
        min=16,
        max=256,
        advanced=True,
    )
    eval_pairs: int = setting(
        200, "Valid pairs translated (greedy) to compute the final chrF.", min=0, max=5000, advanced=True
    )
    threads: int = setting(
        0, "CPU threads for PyTorch (0 = one per core, or $TARJAMA_JOB_THREADS where set; 1 for the tiny "
        "model).", min=0, max=256, advanced=True
    )
    precision: str = setting(
        "auto",
        "Arithmetic of the forward and backward passes: 'auto' = bf16 on a GPU that supports it, fp16 with loss "
        "scaling on older GPUs, fp32 on the CPU; or explicit — 'bf16' autocast also runs on CPUs (about twice as "
        "fast where they have bfloat16 instructions), 'fp16' needs a GPU. Weights and optimizer stay fp32.",
        choices=PRECISIONS,
        advanced=True,
    )
    device: str = setting(
        "auto",
        "Where to train: 'auto' (a CUDA GPU when there is one), 'cpu' or 'cuda'.",
        choices=("auto", "cpu", "cuda"),
        advanced=True,
    )


# --- preparing (in the studio process) -----------------------------------------------------------------
def check(config: BootstrapConfig) -> None:
    """A warm-up no longer than the training."""
    if config.warmup_steps > config.max_steps:
        raise ValueError(f"{setting_words(BootstrapConfig, 'warmup_steps')} {config.warmup_steps} is above "
                         f"{setting_words(BootstrapConfig, 'max_steps', inside=True)} {config.max_steps}: the learning "
                         "rate would still be rising when training stops")


def prepare(config: BootstrapConfig, store: Any, run_dir: Path) -> None:
    """Export the train and valid segments of the chosen corpora to ``run_dir/inputs/*.parquet``."""
    if not config.corpus_ids:
        raise ValueError("choose at least one corpus to train the demo model on")
    ids = [int(i) for i in config.corpus_ids]
    inputs = Path(run_dir) / "inputs"
    # An empty train split is not refused here: the job fails with a clear message in its run log.
    store.corpora.export(ids, ("train",), inputs / TRAIN_FILE)
    store.corpora.export(ids, ("valid",), inputs / VALID_FILE)


# --- reading inputs ------------------------------------------------------------------------------------
def read_pairs(path: Path) -> list[dict]:
    """Rows ``{pair, source, target}`` of an exported Parquet file that have a source and a target.

    A missing file reads as no rows.
    """
    import pyarrow.parquet as pq

    if not path.exists():
        return []
    table = pq.read_table(path, columns=["pair", "source", "target"])
    rows = []
    for row in table.to_pylist():
        source, target = (row["source"] or "").strip(), (row["target"] or "").strip()
        if source and target:
            rows.append({"pair": row["pair"], "source": source, "target": target})
    return rows


# --- schedule, batches, checkpoints --------------------------------------------------------------------
def lr_at(step: int, base_lr: float, warmup_steps: int, horizon: int, min_ratio: float = 0.1) -> float:
    """Learning rate of (0-based) ``step``: linear warmup, then cosine decay to ``min_ratio * base_lr``
    at ``horizon``."""
    if warmup_steps and step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    span = max(1, horizon - warmup_steps)
    progress = min(1.0, (step - warmup_steps) / span)
    return base_lr * (min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * progress)))


def epoch_batches(lengths: list[int], batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """The batches of one epoch: shuffled, grouped by similar length (less padding), in shuffled order.

    A pure function of its arguments, so a resumed run sees the same batches as an uninterrupted one.
    """
    rng = random.Random(seed * 1_000_003 + epoch)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: lengths[i])
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def latest_checkpoint(checkpoint_dir: Path) -> Path | None:
    """The newest complete checkpoint folder (named in ``latest.json``), or ``None``."""
    return checkpoints.latest_checkpoint(checkpoint_dir, TRAINER_STATE_FILE)


def save_checkpoint(
    checkpoint_dir: Path, model: Any, tokenizer: Any, optimizer: Any, state: dict, pairs: list[str]
) -> Path:
    """Write ``step-N/`` (model, tokenizer, card, trainer state), point ``latest.json`` at it, drop the rest.

    The folder is completed under a temporary name first, so a crash mid-save leaves the previous
    checkpoint in force.
    """
    import torch

    from engine.models.prompting import write_model_card

    with checkpoints.new_checkpoint(checkpoint_dir, state["step"]) as tmp:
        model.save_pretrained(tmp, safe_serialization=True)
        tokenizer.save_pretrained(tmp)
        write_model_card(tmp, "tags", pairs=pairs, created_by="bootstrap (checkpoint)")
        torch.save({"optimizer": optimizer.state_dict(), **state}, tmp / TRAINER_STATE_FILE)
    return Path(checkpoint_dir) / f"step-{state['step']:07d}"


# --- the job ---------------------------------------------------------------------------------------------
def _valid_loss(model: Any, examples: list[dict], pad_id: int, batch_size: int = 64) -> float | None:
    import torch

    from engine.models.demo import IGNORE_INDEX, collate_examples

    if not examples:
        return None
    total, tokens = 0.0, 0
    model.eval()
    with torch.no_grad():
        ordered = sorted(examples, key=lambda e: len(e["input_ids"]))
        for start in range(0, len(ordered), batch_size):
            batch = _to(collate_examples(ordered[start : start + batch_size], pad_id), model.device)
            n = int((batch["labels"][:, 1:] != IGNORE_INDEX).sum())
            loss = model(**batch, use_cache=False).loss
            total, tokens = total + float(loss) * n, tokens + n
    model.train()
    return total / max(1, tokens)


def _to(batch: dict, device: Any) -> dict:
    return {key: value.to(device) for key, value in batch.items()}


def pick_device(setting_value: str) -> str:
    """``"cuda"`` or ``"cpu"`` for the ``device`` setting (``"auto"``: a CUDA GPU when one is usable)."""
    import torch

    if setting_value == "cuda" and not torch.cuda.is_available():
        raise RuntimeError(
            "device 'cuda' was chosen but PyTorch sees no CUDA GPU here (choose 'auto' or 'cpu')"
        )
    if setting_value == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return setting_value


def _load_tokenizer_from(path: Path) -> Any:
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast.from_pretrained(str(path))


@dataclass
class TrainingData:
    """The encoded examples of a run: training examples (and their lengths), valid examples for the loss, and the
    shuffled valid rows the final chrF is measured on."""

    pairs: list[str]
    train: list[dict]
    lengths: list[int]
    valid: list[dict]
    eval_rows: list[dict]


@dataclass
class TrainState:
    """Where training stands: saved in each checkpoint (with the optimizer) and restored on resume."""

    step: int = 0
    horizon: int = 0
    train_seconds: float = 0.0
    tokens_seen: int = 0
    loss: float | None = None

    def saved(self, config: BootstrapConfig) -> dict:
        """The checkpoint's trainer state (the schedule's settings with it)."""
        return {"step": self.step, "train_seconds": self.train_seconds, "tokens_seen": self.tokens_seen,
                "loss": self.loss,
                "scheduler": {"kind": "warmup-cosine", "base_lr": config.learning_rate,
                              "warmup_steps": config.warmup_steps, "horizon": self.horizon, "min_ratio": 0.1}}


def _read_training_rows(ctx: JobContext) -> tuple[list[dict], list[dict]]:
    """The exported train and valid pairs (refused when there is nothing to train on)."""
    train_rows = read_pairs(ctx.inputs_dir / TRAIN_FILE)
    valid_rows = read_pairs(ctx.inputs_dir / VALID_FILE)
    if not train_rows:
        raise ValueError(
            "no training pairs: the chosen corpora have no train segments with both a source and "
            "a target (add a corpus with a train split)"
        )
    if not valid_rows:
        ctx.log("the valid split is empty: no valid loss and no chrF will be reported", level="warning")
    return train_rows, valid_rows


def _tokenizer(config: BootstrapConfig, ctx: JobContext, ckpt: Path | None, train_rows: list[dict]) -> Any:
    """The checkpoint's tokenizer when resuming, else the one trained earlier in this run, else a new BPE
    tokenizer trained on the train split."""
    from engine.models.demo import train_bpe_tokenizer

    tokenizer_dir = ctx.checkpoint_dir / TOKENIZER_DIR
    if ckpt is not None:
        return _load_tokenizer_from(ckpt)
    if (tokenizer_dir / "tokenizer.json").is_file():
        try:
            return _load_tokenizer_from(tokenizer_dir)
        except Exception as exc:  # noqa: BLE001 — tokenizers raises a bare Exception for a damaged tokenizer.json
            # half written by a run before this change (a full disk): trained again, as from the same rows it was
            ctx.log(f"the tokenizer this run saved before cannot be read ({exc}): training it again",
                    level="warning")
    texts = [r["source"] for r in train_rows] + [r["target"] for r in train_rows]
    tokenizer = train_bpe_tokenizer(texts, config.vocab_size, model_max_length=256)
    # written beside and renamed into place: saved in place, a full disk left half a tokenizer.json that every
    # resume then read ("EOF while parsing a string"), the run unresumable
    partial = tokenizer_dir.with_name(tokenizer_dir.name + ".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    tokenizer.save_pretrained(partial)
    shutil.rmtree(tokenizer_dir, ignore_errors=True)
    partial.rename(tokenizer_dir)
    ctx.log(f"trained a BPE tokenizer (byte fallback): {len(tokenizer)} tokens")
    return tokenizer


def _encode(config: BootstrapConfig, ctx: JobContext, tokenizer: Any, train_rows: list[dict],
            valid_rows: list[dict]) -> TrainingData:
    """Tokenised examples (pairs longer than ``max_length`` left out, with a warning)."""
    from engine.models.demo import encode_example
    from engine.models.prompting import build_prompt

    def encode(rows: list[dict]) -> list[dict]:
        examples = (encode_example(tokenizer, build_prompt(r["source"], r["pair"], "tags"), r["target"],
                                   config.max_length) for r in rows)
        return [e for e in examples if e is not None]

    train = encode(train_rows)
    if not train:
        raise ValueError(f"every training pair is longer than max_length={config.max_length} tokens")
    if len(train) < len(train_rows):
        ctx.log(f"skipped {len(train_rows) - len(train)} training pairs longer than {config.max_length} tokens",
                level="warning")
    eval_rows = list(valid_rows)
    random.Random(config.seed).shuffle(eval_rows)
    return TrainingData(pairs=sorted({r["pair"] for r in train_rows}), train=train,
                        lengths=[len(e["input_ids"]) for e in train], valid=encode(eval_rows[:500]),
                        eval_rows=eval_rows)


def _model_and_optimizer(config: BootstrapConfig, ctx: JobContext, ckpt: Path | None, tokenizer: Any,
                         device: str) -> tuple[Any, Any, TrainState]:
    """A fresh model and optimizer, or the checkpoint's with its training state."""
    import torch
    from transformers import AutoConfig, Gemma2ForCausalLM

    from engine.models.demo import build_model, gemma2_config
    from engine.models.loading import attention_kwargs

    torch.manual_seed(config.seed)
    if ckpt is not None:
        model = Gemma2ForCausalLM.from_pretrained(
            str(ckpt), use_safetensors=True, **attention_kwargs(AutoConfig.from_pretrained(str(ckpt)))
        )
    else:
        model = build_model(gemma2_config(len(tokenizer), config.size))
    model.to(device)
    model.train()
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=config.learning_rate, betas=(0.9, 0.98), weight_decay=0.01, eps=1e-8
    )
    state = TrainState(horizon=config.max_steps)
    if ckpt is not None:
        saved = torch.load(ckpt / TRAINER_STATE_FILE, weights_only=True, map_location="cpu")
        optimizer.load_state_dict(saved["optimizer"])
        state = TrainState(step=int(saved["step"]), horizon=int(saved["scheduler"]["horizon"]),
                           train_seconds=float(saved["train_seconds"]), tokens_seen=int(saved["tokens_seen"]),
                           loss=saved.get("loss"))
        ctx.log(f"resumed from step {state.step}")
    state.horizon = min(max(state.horizon, state.step), config.max_steps)
    return model, optimizer, state


def _train(config: BootstrapConfig, ctx: JobContext, model: Any, optimizer: Any, tokenizer: Any,
           data: TrainingData, state: TrainState, device: str, precision: str) -> None:
    """The training loop: batches by length, warmup-cosine schedule following the time budget, metrics and
    progress, valid loss and checkpoints; ends at the step limit, the time budget or a cancel (always with a
    checkpoint of the last step)."""
    import torch

    from engine.models.demo import collate_examples

    autocast = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(precision)
    scaler = torch.amp.GradScaler(device, enabled=precision == "fp16")  # loss scaling keeps fp16 gradients finite
    budget_s = config.max_minutes * 60 if config.max_minutes > 0 else math.inf
    steps_per_epoch = math.ceil(len(data.train) / config.batch_size)
    pad_id = tokenizer.pad_token_id
    last_saved = state.step

    def checkpoint() -> None:
        nonlocal last_saved
        save_checkpoint(ctx.checkpoint_dir, model, tokenizer, optimizer, state.saved(config), data.pairs)
        last_saved = state.step

    recent: collections.deque[float] = collections.deque(maxlen=RECENT_STEPS)
    window_loss, window_steps, window_tokens, window_t0 = 0.0, 0, 0, time.time()
    process_t0, process_step0 = time.time(), state.step
    batches: list[list[int]] = []
    batches_epoch = -1
    while state.step < state.horizon and state.train_seconds < budget_s:
        if ctx.should_stop():
            break
        t0 = time.time()
        epoch, index = divmod(state.step, steps_per_epoch)
        if epoch != batches_epoch:
            batches, batches_epoch = epoch_batches(data.lengths, config.batch_size, config.seed, epoch), epoch
        batch = _to(collate_examples([data.train[i] for i in batches[index]], pad_id), device)
        lr = lr_at(state.step, config.learning_rate, config.warmup_steps, state.horizon)
        for group in optimizer.param_groups:
            group["lr"] = lr
        with torch.autocast(device_type=device, dtype=autocast or torch.float32, enabled=autocast is not None):
            loss = model(**batch, use_cache=False).loss
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad(set_to_none=True)
        state.step += 1
        n_tokens = int(batch["attention_mask"].sum())
        state.tokens_seen += n_tokens
        state.train_seconds += time.time() - t0
        recent.append(float(loss.detach()))
        window_loss, window_steps, window_tokens = window_loss + recent[-1], window_steps + 1, window_tokens + n_tokens

        # follow the time budget: the cosine horizon is where the budget is expected to run out
        done_here = state.step - process_step0
        if budget_s < math.inf and done_here >= 10 and done_here % 10 == 0:
            per_step = (time.time() - process_t0) / done_here
            wall_left = budget_s - state.train_seconds
            state.horizon = min(config.max_steps, max(state.step + 1, state.step + int(wall_left / per_step)))

        if state.step % LOG_EVERY == 0 or state.step >= state.horizon:
            elapsed = max(1e-6, time.time() - window_t0)
            state.loss = window_loss / window_steps
            ctx.metric(state.step, loss=state.loss, lr=lr)
            ctx.progress(state.step, state.horizon, unit="steps", tokens_per_s=window_tokens / elapsed,
                         message=f"epoch {epoch + 1}, loss {state.loss:.3f}")
            window_loss, window_steps, window_tokens, window_t0 = 0.0, 0, 0, time.time()
        if data.valid and state.step % config.eval_every == 0:
            t_eval = time.time()
            ctx.metric(state.step, valid_loss=_valid_loss(model, data.valid, pad_id))
            state.train_seconds += time.time() - t_eval
        if state.step % config.checkpoint_every == 0:
            t_save = time.time()
            checkpoint()
            state.train_seconds += time.time() - t_save

    if window_steps:
        ctx.metric(state.step, loss=window_loss / window_steps)
    if recent:
        state.loss = sum(recent) / len(recent)
    if state.step != last_saved or latest_checkpoint(ctx.checkpoint_dir) is None:
        checkpoint()
    if ctx.should_stop():
        ctx.log(f"stopped at step {state.step}; checkpoint saved, resume continues from there", level="warning")
        ctx.raise_if_cancelled()
    ctx.log(
        f"training ended at step {state.step} ({_stop_reason(config, state)}; {state.train_seconds / 60:.1f} min, "
        f"{state.step / steps_per_epoch:.1f} epochs, {state.tokens_seen} tokens)"
    )


def _stop_reason(config: BootstrapConfig, state: TrainState) -> str:
    return "step limit reached" if state.step >= config.max_steps else "time budget spent"


def _valid_chrf(config: BootstrapConfig, ctx: JobContext, model: Any, tokenizer: Any, data: TrainingData,
                step: int) -> float | None:
    """Greedy chrF on (a sample of) the valid split, with three sample translations in the log."""
    import sacrebleu

    from engine.decoding.greedy import greedy_translate

    sample = data.eval_rows[: config.eval_pairs]
    if not sample:
        return None
    hyps: list[str] = []
    chunk = 32
    for start in range(0, len(sample), chunk):
        ctx.raise_if_cancelled()
        rows = sample[start : start + chunk]
        hyps += greedy_translate(model, tokenizer, [r["source"] for r in rows], [r["pair"] for r in rows], "tags",
                                 batch_size=chunk)
        ctx.progress(start + len(rows), len(sample), unit="pairs", message="translating the valid split")
    chrf = sacrebleu.corpus_chrf(hyps, [[r["target"] for r in sample]]).score
    ctx.metric(step, valid_chrf=chrf)
    ctx.log(f"valid chrF (greedy, {len(sample)} pairs): {chrf:.1f}")
    for r, hyp in list(zip(sample, hyps, strict=True))[:3]:
        ctx.log(f"sample [{r['pair']}] {r['source']}  →  {hyp}  (reference: {r['target']})")
    return chrf


def _register(config: BootstrapConfig, ctx: JobContext, out: Path, *, n_params: int, tokenizer: Any,
              data: TrainingData, state: TrainState, chrf: float | None, valid_loss: float | None) -> None:
    """The model card, the quality-floor warning, and the model announced for the studio to register."""
    from engine.models.prompting import write_model_card

    reason = _stop_reason(config, state)
    below_floor = chrf is not None and chrf < QUALITY_FLOOR_CHRF
    if below_floor:
        ctx.log(
            f"valid chrF {chrf:.1f} is below the quality floor of {QUALITY_FLOOR_CHRF:.0f}: this model does not "
            f"translate usefully yet ({reason}); train longer, or use the shipped demo model",
            level="warning",
        )
    metadata = {
        "prompt_format": "tags", "stopped_by": reason, "quality_floor_chrf": QUALITY_FLOOR_CHRF,
        "below_quality_floor": below_floor, "parameters": n_params, "valid_chrf": chrf,
        "train_pairs": len(data.train), "steps": state.step, "size": config.size, "vocab_size": len(tokenizer),
        "pairs": data.pairs, "final_loss": state.loss, "valid_loss": valid_loss,
    }
    write_model_card(out, "tags", pairs=data.pairs, created_by=f"bootstrap run {ctx.run_dir.name}",
                     architecture="gemma2", parameters=n_params, valid_chrf=chrf, steps=state.step)
    ctx.artifact("model", name=config.model_name, model_kind="policy", path=str(out),
                 stage=config.register_stage, parent=None, metadata=metadata)


def run(config: BootstrapConfig, ctx: JobContext) -> None:
    """Train (or resume), save, evaluate and register the demo SFT model, one named step after another."""
    import torch

    from engine.models.demo import count_parameters

    threads = config.threads or (1 if config.size == "tiny" else job_threads())
    torch.set_num_threads(threads)
    device = pick_device(config.device)
    precision = resolve_precision(config.precision, cuda=device == "cuda")
    started = time.time()

    train_rows, valid_rows = _read_training_rows(ctx)
    ckpt = latest_checkpoint(ctx.checkpoint_dir)
    tokenizer = _tokenizer(config, ctx, ckpt, train_rows)
    data = _encode(config, ctx, tokenizer, train_rows, valid_rows)
    model, optimizer, state = _model_and_optimizer(config, ctx, ckpt, tokenizer, device)
    n_params = count_parameters(model)
    ctx.log(
        f"{len(data.train)} training pairs, {len(valid_rows)} valid pairs ({', '.join(data.pairs)}); model: Gemma-2 "
        f"'{config.size}', {n_params / 1e6:.2f}M parameters, vocabulary {len(tokenizer)}; {device}"
        + (f", {threads} threads" if device == "cpu" else "") + f"; {precision.describe()}"
    )

    _train(config, ctx, model, optimizer, tokenizer, data, state, device, precision.name)

    valid_loss = _valid_loss(model, data.valid, tokenizer.pad_token_id)
    if valid_loss is not None:
        ctx.metric(state.step, valid_loss=valid_loss)
    out = ctx.output_dir / "model"
    shutil.rmtree(out, ignore_errors=True)
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    chrf = _valid_chrf(config, ctx, model, tokenizer, data, state.step)
    _register(config, ctx, out, n_params=n_params, tokenizer=tokenizer, data=data, state=state, chrf=chrf,
              valid_loss=valid_loss)
    ctx.log(
        f"model saved to {out} and registered as {config.model_name!r} ({config.register_stage}); "
        f"job took {(time.time() - started) / 60:.1f} min"
    )


KIND = JobKind(
    name="bootstrap",
    title="Bootstrap the demo SFT model",
    description=(
        "Train a BPE tokenizer and a small Gemma-2-architecture translation model from scratch on the "
        "chosen corpora (a few minutes on a CPU), and register it as the SFT model the RLHF loop starts "
        "from. It translates poorly but really, so every later step does real work."
    ),
    config_cls=BootstrapConfig,
    run=run,
    prepare=prepare,
    check=check,
)
