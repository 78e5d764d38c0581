"""The ``reward`` job: train a reward model on preference pairs with TRL's RewardTrainer.

Bradley–Terry loss −log σ(r_chosen − r_rejected − s·margin) (``s`` = ``margin_scale``; 0 = plain BT), a
linear or MLP head, layer-wise unfreezing by epoch or step, optional LoRA or QLoRA, evaluation every
N steps (loss, accuracy, mean margin), checkpoints, resume and cancel. The finished model is saved with its
tokenizer and registered as a reward-model version with its metrics and lineage.

QLoRA (``qlora``, which implies ``lora``): the backbone's linear layers load in 4-bit NF4 with double quantisation
(bitsandbytes), their matrix products in the job's precision (bf16/fp16 on a GPU, fp32 on the CPU); LoRA adapters
(fp32) on every linear layer and the reward head (unquantised, fp32) train, nothing else. At the end the adapters
and the head are saved (``outputs/qlora_adapter``), the backbone is loaded again unquantised, the adapters are
merged into it, and that unquantised model (in the dtype a LoRA run saves) is evaluated, saved and registered —
merging into 4-bit weights would bake their rounding into the saved model.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.parquet as pq

from engine.jobs.config import SEED_MAX, setting, setting_words
from engine.jobs.context import JobCancelled, JobContext, world_size
from engine.jobs.kinds import JobKind
from engine.jobs.precision import resolve_precision, trainer_args
from engine.jobs.settings import LoraSettings, PairDataSettings, TrainerSettings
from engine.jobs.threads import use_job_threads
from engine.jobs.training import (
    export_training_pairs,
    fit_max_length,
    last_checkpoint,
    policy_name,
    release_trainer,
    studio_callback_class,
    tracking_args,
    training_pairs,
    withheld_under_zero3,
)
from engine.models.refs import ModelRef, resolve_model
from engine.reward.unfreezing import parse_schedule
from engine.wording import counted

QLORA_NEEDS_BITSANDBYTES = ("qlora: QLoRA needs the bitsandbytes package (4-bit weights), which is not installed: "
                            "use LoRA or full fine-tuning instead")
QLORA_NOT_UNDER_ZERO3 = ("qlora: DeepSpeed ZeRO-3 cannot shard 4-bit weights: launch QLoRA without ZeRO-3 (one GPU, "
                         "DDP or ZeRO-2), or use LoRA")


@dataclass
class RewardJobConfig(TrainerSettings, LoraSettings, PairDataSettings):
    """Settings of a reward-model training run (defaults from the project brief)."""

    FORM_ORDER: ClassVar[tuple[str, ...]] = (
        "base_model", "pair_sets", "model_name", "head", "mlp_hidden", "learning_rate", "batch_size", "epochs",
        "gradient_accumulation", "max_grad_norm", "margin_scale", "unfreeze_unit", "unfreeze_schedule", "lora",
        "lora_r", "lora_alpha", "qlora", "eval_every", "save_every", "max_length", "max_pairs",
        "valid_share_if_missing", "seed", "likelihood_baseline", "precision", "gradient_checkpointing",
        "report_to",
    )


    base_model: str = setting("", "Where training starts: a policy or reward-base model (a fresh head is added), "
                                  "or an existing reward model (fine-tuned as it is).")
    model_name: str = setting("", "Name of the new reward-model version (empty: rm-<date>-<time>).")
    head: str = setting("linear", "Reward head on the backbone's last hidden state. 'likelihood' adds learned "
                                  "weights on the backbone's own log-likelihood of the translation (starting at "
                                  "1): it keeps what the policy already knows about good translations, which "
                                  "helps on small pair sets; it cannot be exported for plain transformers.",
                        choices=("linear", "mlp", "likelihood"))
    mlp_hidden: int = setting(256, "Hidden size of the MLP head.", min=8, max=16384)
    learning_rate: float = setting(1e-5, "Peak learning rate (AdamW; linear decay).", min=1e-8, max=1.0)
    batch_size: int = setting(8, "Pairs per device per step.", min=1, max=1024)
    epochs: float = setting(3.0, "Passes over the training pairs.", min=0.01, max=1000)
    margin_scale: float = setting(0.0, "Weight of the pairs' quality margin in the loss "
                                       "(−log σ(Δr − scale·margin)); 0 = plain Bradley–Terry.", min=0.0, max=100.0)
    unfreeze_unit: str = setting("epoch", "Whether the unfreezing phases count epochs or steps.",
                                 choices=("epoch", "step"))
    unfreeze_schedule: list = setting(["head@0", "top2@1", "all@2"],
                                      "Phases SCOPE@START: head only, the top k layers (topK) or all, from an "
                                      "epoch/step on.")
    lora: bool = setting(False, "Train LoRA adapters (PEFT) instead of the full backbone; merged at the end.")
    qlora: bool = setting(False, "QLoRA: LoRA (implied) on a backbone loaded in 4-bit NF4 (bitsandbytes) — about "
                                 "a quarter of the memory of 16-bit weights for the frozen backbone; the head stays "
                                 "full precision and the adapters are merged into the unquantised backbone at the "
                                 "end. Fastest on a CUDA GPU; bitsandbytes' CPU kernels also train it.",
                          advanced=True)
    eval_every: int = setting(50, "Steps between two evaluations on the validation pairs.", min=1)
    seed: int = setting(0, "Seed (head initialisation, shuffling).", min=0, max=SEED_MAX, advanced=True)
    likelihood_baseline: bool = setting(True, "When training starts from a policy (not when fine-tuning a reward "
                                              "model), first measure how often the policy's own likelihood prefers "
                                              "the chosen translation of the validation pairs — the bar the reward "
                                              "model should clear (loads the policy once more).",
                                        advanced=True, label="Likelihood baseline")


CPU_BITSANDBYTES = "0.48"
"""The first bitsandbytes whose 4-bit layers run on the CPU."""


def qlora_unavailable() -> str | None:
    """Why QLoRA cannot run here (``None``: it can). bitsandbytes' 4-bit layers run on a CUDA GPU and, since
    0.48, on the CPU too (the gradients of the adapters match those of an fp32 model holding the dequantised
    weights), so the package is all it needs."""
    import importlib.metadata
    import importlib.util

    if not importlib.util.find_spec("bitsandbytes"):
        return QLORA_NEEDS_BITSANDBYTES
    from packaging.version import Version

    from engine.jobs.training import cuda_available

    version = importlib.metadata.version("bitsandbytes")
    if not cuda_available() and Version(version) < Version(CPU_BITSANDBYTES):  # it failed inside the job
        return (f"QLoRA on the CPU needs bitsandbytes {CPU_BITSANDBYTES} or later (its CPU 4-bit kernels); "
                f"{version} is installed: upgrade it, or use LoRA")
    return None


def check(config: RewardJobConfig) -> None:
    """The unfreezing phases can be read; QLoRA only where bitsandbytes is installed (also the fine-tune's
    check)."""
    parse_schedule(config.unfreeze_schedule)  # a phase the job cannot read fails here, not once it has loaded
    if config.qlora and (problem := qlora_unavailable()):
        raise ValueError(problem)


def prepare(config: RewardJobConfig, store, run_dir: Path) -> None:
    """Resolve the base model and export the chosen pairs into ``inputs/``."""
    if not config.pair_sets:
        raise ValueError("choose at least one set of preference pairs")
    ref = resolve_model(store, config.base_model)
    # when the run is made, not once it has loaded (a config not readable here: the job checks it again)
    check_schedule_depth(config.unfreeze_schedule, _num_layers(ref.config(local_only=True)))
    ref.save(run_dir / "inputs" / "base.json")
    export_training_pairs(store, config, run_dir / "inputs" / "pairs.parquet")


def in_prompt_format(rows: list[dict], prompt_format: str, tokenizer: Any) -> list[dict]:
    """``rows`` with each prompt rebuilt from its source and pair in ``prompt_format`` — the base model's, as the
    reward model will be scored (:func:`engine.reward.encoding.source_ids`). A pair keeps the prompt of the policy
    that made its candidates: a reward model on a chat-template base was trained and validated on the demo policy's
    ``<en> … <ar>`` prompts and then scored on its chat template's, with no word."""
    from engine.models.prompting import build_prompt

    return [{**r, "prompt": build_prompt(r["source"], r["pair"], prompt_format, tokenizer)} for r in rows]


def _encode(rows: list[dict], tokenizer: Any, fmt: str, max_length: int | None, margin_scale: float
            ) -> list[dict]:
    from engine.reward.encoding import pair_ids

    out = []
    for r in rows:
        item = {"chosen_ids": pair_ids(tokenizer, r["prompt"], r["chosen"], fmt, max_length),
                "rejected_ids": pair_ids(tokenizer, r["prompt"], r["rejected"], fmt, max_length)}
        if margin_scale > 0:
            item["margin"] = float(margin_scale * (r["margin"] or 0.0))
        out.append(item)
    return out


def _encode_fitting(rows: list[dict], tokenizer: Any, fmt: str, max_length: int, margin_scale: float
                    ) -> tuple[list[dict], list[dict], int]:
    """The pairs whose prompt + chosen and prompt + rejected both fit in ``max_length`` tokens, their encodings
    (:func:`_encode`), and how many did not fit (left out, as the DPO job leaves them out, not cut: the setting's
    help says so)."""
    kept, encoded = [], []
    for row, item in zip(rows, _encode(rows, tokenizer, fmt, None, margin_scale), strict=True):
        if max(len(item["chosen_ids"]), len(item["rejected_ids"])) <= max_length:
            kept.append(row)
            encoded.append(item)
    return kept, encoded, len(rows) - len(kept)


def _num_layers(model_config: Any) -> int:
    """The number of transformer layers a model config names (0: none it knows)."""
    for name in ("num_hidden_layers", "n_layer", "num_layers"):
        value = getattr(model_config, name, None)
        if value:
            return int(value)
    return 0


def check_schedule_depth(schedule: list, num_layers: int) -> None:
    """Refuse a phase that asks for more layers than the model has (top999 trained every layer with no word that
    the model has 4)."""
    deeper = [p for p in parse_schedule(schedule) if p.top and num_layers and p.top > num_layers]
    if deeper:
        raise ValueError(f"{setting_words(RewardJobConfig, 'unfreeze_schedule')}: {deeper[0].label} asks for more "
                         f"layers than the model has ({num_layers}): write top{num_layers} or all")


def _studio_callback(ctx: JobContext, config: RewardJobConfig, num_layers: int, adapters_only: bool):
    from engine.reward.unfreezing import apply_phase, phase_at

    phases = parse_schedule(config.unfreeze_schedule)
    check_schedule_depth(config.unfreeze_schedule, num_layers)

    def warn_late(length: float, unit: str) -> None:
        """Name the phases that start after the training ends (all@5 in 2 epochs trained the head alone, without a
        word; a warning, not a refusal: the default schedule with fewer epochs is a fair choice)."""
        if late := [p for p in phases if p.start >= length]:
            ctx.log(f"unfreezing: {', '.join(f'{p.label}@{p.start}' for p in late)} start(s) after the training's "
                    f"{length:g} {unit}{'' if length == 1 else 's'} end and never apply", level="warning")

    if config.unfreeze_unit == "epoch":
        warn_late(config.epochs, "epoch")

    class UnfreezingCallback(studio_callback_class()):
        """The studio callback plus layer-wise unfreezing by epoch or step."""

        current = None

        def _apply(self, model, position: int, state) -> None:
            phase = phase_at(phases, position)
            if phase != self.current:
                trainable, total = apply_phase(model, phase, num_layers, adapters_only=adapters_only)
                self.current = phase
                if state.is_world_process_zero:
                    ctx.log(f"unfreezing: {phase.label} from {config.unfreeze_unit} {position} "
                            f"({trainable:,} of {total:,} parameters train)")
                    ctx.metric(state.global_step, trainable_params=trainable)

        def on_train_begin(self, args, state, control, model=None, **kw):
            if config.unfreeze_unit == "step" and state.is_world_process_zero and not state.global_step:
                warn_late(state.max_steps, "step")  # the steps are known once the trainer has counted them
            self._apply(model, int(state.epoch or 0) if config.unfreeze_unit == "epoch" else state.global_step,
                        state)

        def on_epoch_begin(self, args, state, control, model=None, **kw):
            if config.unfreeze_unit == "epoch":
                self._apply(model, int(round(state.epoch or 0)), state)

        def on_step_begin(self, args, state, control, model=None, **kw):
            if config.unfreeze_unit == "step":
                self._apply(model, state.global_step, state)

    callback = UnfreezingCallback(ctx)
    callback.describe = lambda state: f"phase {callback.current.label if callback.current else ''}"
    return callback


def _valid_rewards(model: Any, valid: list[dict], encoded: list[dict], pad_id: int) -> list[dict]:
    from engine.reward.scoring import score_sequences

    model.eval()
    chosen = score_sequences(model, [e["chosen_ids"] for e in encoded], pad_id, 32)
    rejected = score_sequences(model, [e["rejected_ids"] for e in encoded], pad_id, 32)
    return [{"pair_id": r["id"], "source": r["source"], "chosen": r["chosen"], "rejected": r["rejected"],
             "quality_margin": r["margin"], "chosen_reward": c, "rejected_reward": j}
            for r, c, j in zip(valid, chosen, rejected, strict=True)]


def _likelihood_baseline(base: ModelRef, tokenizer: Any, valid_rows: list[dict], max_length: int,
                         precision: Any, ctx: JobContext) -> float | None:
    """How often the base policy's own likelihood prefers the chosen translation of the validation pairs
    (:mod:`engine.reward.likelihood`), measured once per run (a resumed run reads it back) and logged."""
    from engine.jobs.precision import inference_model
    from engine.reward.likelihood import likelihood_accuracy

    saved = ctx.output_dir / "likelihood_accuracy.json"
    if saved.exists():
        return json.loads(saved.read_text())["likelihood_accuracy"]
    policy = inference_model(base.path, precision, trust_remote_code=base.trust_remote_code)
    value = likelihood_accuracy(policy, tokenizer, valid_rows, base.prompt_format, max_length=max_length)
    del policy
    saved.write_text(json.dumps({"likelihood_accuracy": value}))
    if value is not None:
        ctx.metric(0, valid_likelihood_accuracy=value)
        ctx.log(f"the base policy's likelihood prefers the chosen translation in {value:.3f} of the "
                f"{len(valid_rows)} validation pairs (the bar the reward model should clear)")
    return value


def _qlora_model(model: Any, peft_config: Any, gradient_checkpointing: bool, ctx: JobContext) -> Any:
    """The 4-bit model ready for QLoRA: PEFT's k-bit preparation (every weight frozen, the unquantised ones —
    norms, embeddings, the head — in fp32, gradient checkpointing as the job says), then the LoRA adapters."""
    import bitsandbytes as bnb
    from peft import get_peft_model, prepare_model_for_kbit_training

    layers = sum(isinstance(m, bnb.nn.Linear4bit) for m in model.modules())
    footprint = model.get_memory_footprint()
    model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=gradient_checkpointing,
                                            gradient_checkpointing_kwargs={"use_reentrant": False})
    model = get_peft_model(model, peft_config)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    ctx.log(f"QLoRA: {layers} linear layers of the backbone in 4-bit NF4 (double quantisation, compute "
            f"{model.get_base_model().config.quantization_config.bnb_4bit_compute_dtype}); model "
            f"{footprint / 2**20:.2f} MiB as loaded; LoRA adapters and the reward head train ({trainable:,} "
            "parameters)")
    return model


def _keep_fp32_trainables(model: Any) -> None:
    """Undo TRL's cast of a quantised model's trainable weights to bf16: under mixed precision the adapters and
    the head keep fp32 master weights (with a learning rate of 1e-5 most bf16 updates round away, and fp16's
    gradient scaler refuses half-precision weights)."""
    import torch

    for param in model.parameters():
        if param.requires_grad and param.is_floating_point() and param.dtype != torch.float32:
            param.data = param.data.float()


def _merge_qlora(trainer: Any, load: Any, ctx: JobContext, dtype: Any, precision: Any) -> Any:
    """The trained QLoRA model as a full-precision reward model: the adapters and the trained head saved to
    ``outputs/qlora_adapter``, the 4-bit model freed, the backbone loaded again unquantised in ``dtype`` (the
    precision a LoRA model is saved in), the adapters loaded onto it and merged."""
    from peft import PeftModel

    from engine.jobs.precision import torch_device

    folder = ctx.output_dir / "qlora_adapter"
    trainer.model.save_pretrained(folder)
    pad_token_id = trainer.model.config.pad_token_id
    release_trainer(trainer)
    full = load()
    full.config.pad_token_id = pad_token_id
    model = PeftModel.from_pretrained(full, folder).merge_and_unload()
    model.to(torch_device(precision))
    ctx.log(f"QLoRA: adapters and head saved to {folder.name}/; backbone loaded again unquantised in "
            f"{str(dtype).removeprefix('torch.')} and the adapters merged into it: the saved model holds no 4-bit "
            "weights")
    return model


def run(config: RewardJobConfig, ctx: JobContext) -> None:
    """Train, evaluate, save and register a reward model."""
    base = ModelRef.load(ctx.inputs_dir / "base.json")
    train_rows, valid_rows = training_pairs(ctx, config)
    train_and_register(config, ctx, base, train_rows, {"": valid_rows})


def valid_accuracy(rewards: list[dict]) -> float | None:
    """The share of validation pairs whose chosen translation gets the higher reward."""
    return sum(r["chosen_reward"] > r["rejected_reward"] for r in rewards) / len(rewards) if rewards else None


def evaluate_sets(model: Any, tokenizer: Any, fmt: str, max_length: int, valid_sets: dict[str, list[dict]],
                  ctx: JobContext, step: int, prefix: str = "valid") -> dict[str, float | None]:
    """Accuracy on each validation set, logged as ``<prefix>_accuracy[_<name>]``; writes the per-pair rewards of
    the final evaluation (``prefix == "valid"``) to ``outputs/valid_rewards[_<name>].parquet``."""
    out: dict[str, float | None] = {}
    for name, rows in valid_sets.items():
        if not rows:
            continue
        suffix = f"_{name}" if name else ""
        rewards = _valid_rewards(model, rows, _encode(rows, tokenizer, fmt, max_length, 0.0), tokenizer.pad_token_id)
        accuracy = valid_accuracy(rewards)
        out[name] = accuracy
        if prefix == "valid":
            from engine.reward.analysis import valid_rewards_file

            pq.write_table(pa.Table.from_pylist(rewards), valid_rewards_file(ctx.output_dir / "model", name))
        ctx.metric(step, **{f"{prefix}_accuracy{suffix}": accuracy,
                            f"{prefix}_mean_margin{suffix}": sum(r["chosen_reward"] - r["rejected_reward"]
                                                                 for r in rewards) / len(rewards)})
        ctx.log(f"{prefix} accuracy{' on ' + name if name else ''} {accuracy:.3f} ({len(rewards)} pairs)")
    return out


def train_and_register(config: RewardJobConfig, ctx: JobContext, base: ModelRef, train_rows: list[dict],
                       valid_sets: dict[str, list[dict]], extra_meta: dict | None = None,
                       trained_meta: Callable[[list[dict]], dict] | None = None) -> None:
    """Train on ``train_rows`` (TRL's RewardTrainer; the first validation set is the trainer's eval set), evaluate
    on every validation set, save and register the reward model.

    ``valid_sets`` maps a name to pairs (``""``: the plain validation set). ``extra_meta`` is added to the
    model's metadata; with ``base_accuracy`` in it (a dict), the base model is evaluated before training too.
    ``trained_meta`` adds what it reads from the pairs actually trained on (pairs longer than *Max length* left
    out): counted before, a fine-tune's human pairs included ones it never trained on.
    """
    from datasets import Dataset
    from trl import RewardConfig as TrlRewardConfig
    from trl import RewardTrainer

    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, head_spec, load_reward_model, save_reward_model

    if config.qlora and (problem := qlora_unavailable()):
        raise RuntimeError(problem)
    use_job_threads()
    if not train_rows:
        raise ValueError("no training pairs")
    ctx.log(f"{len(train_rows)} training and {sum(map(len, valid_sets.values()))} validation pairs; "
            f"base {base.name} ({base.path})")

    tokenizer = load_tokenizer(base.path, trust_remote_code=base.trust_remote_code)
    train_rows = in_prompt_format(train_rows, base.prompt_format, tokenizer)
    valid_sets = {name: in_prompt_format(rows, base.prompt_format, tokenizer) for name, rows in valid_sets.items()}
    config = fit_max_length(config, base, ctx)
    train_rows, train_enc, long_train = _encode_fitting(train_rows, tokenizer, base.prompt_format, config.max_length,
                                                        config.margin_scale)
    long_valid, valid_encodings = 0, []
    for name, rows in valid_sets.items():
        valid_sets[name], encoded, dropped = _encode_fitting(rows, tokenizer, base.prompt_format, config.max_length,
                                                             config.margin_scale)
        valid_encodings.append(encoded)
        long_valid += dropped
    valid_enc = valid_encodings[0] if valid_encodings else []  # the first set is the trainer's evaluation set
    if long_train or long_valid:  # cut to max_length, a long pair's two sides were often the same ids: no signal,
        # and in validation a tie counted as wrong
        ctx.log(f"{counted(long_train, 'training pair')} and {counted(long_valid, 'validation pair')} longer than "
                f"max_length {config.max_length} tokens left out", level="warning")
    if not train_rows:
        raise ValueError(f"every training pair is longer than max_length {config.max_length} tokens: raise it")
    if trained_meta is not None:
        extra_meta = {**(extra_meta or {}), **trained_meta(train_rows)}
    valid_rows = next(iter(valid_sets.values()), [])
    precision = resolve_precision(config.precision)
    ctx.log(precision.describe())
    qlora = config.qlora
    lora = config.lora or qlora  # QLoRA trains LoRA adapters: ticking it alone means LoRA on a 4-bit backbone
    dtype = precision.load_dtype(trainable=True, lora=lora)

    peft_config = None
    if lora:
        from peft import LoraConfig

        peft_config = LoraConfig(task_type="SEQ_CLS", r=config.lora_r, lora_alpha=config.lora_alpha,
                                 lora_dropout=0.0, target_modules="all-linear", modules_to_save=["score"])
    # the training arguments before the model: under a DeepSpeed ZeRO-3 launch they set up the config that makes
    # from_pretrained shard the weights as they load
    args = TrlRewardConfig(
        output_dir=str(ctx.checkpoint_dir), per_device_train_batch_size=config.batch_size,
        per_device_eval_batch_size=max(config.batch_size, 16), gradient_accumulation_steps=config.gradient_accumulation,
        learning_rate=config.learning_rate, num_train_epochs=config.epochs, max_grad_norm=config.max_grad_norm,
        logging_steps=5, eval_strategy="steps" if valid_enc else "no", eval_steps=config.eval_every,
        save_strategy="steps", save_steps=config.save_every, save_total_limit=2, disable_tqdm=True,
        **tracking_args(config.report_to, ctx),
        max_length=config.max_length, seed=config.seed, dataloader_num_workers=0,
        center_rewards_coefficient=None, **trainer_args(precision, config.gradient_checkpointing),
        save_only_model=False, logging_first_step=True,
    )
    from transformers.integrations import is_deepspeed_zero3_enabled

    # one process, unsharded: under a multi-process or ZeRO-3 launch the policy is not loaded a second time
    single = world_size() == 1 and not is_deepspeed_zero3_enabled()
    if config.likelihood_baseline and base.kind != "reward" and valid_rows and single:
        likelihood = _likelihood_baseline(base, tokenizer, valid_rows, config.max_length, precision, ctx)
        extra_meta = {**(extra_meta or {}), "likelihood_accuracy": likelihood}
    def load(**quantized: Any) -> Any:
        if base.kind == "reward":
            return load_reward_model(base.path, trust_remote_code=base.trust_remote_code, dtype=dtype, **quantized)
        return build_reward_model(base.path, head=config.head, mlp_hidden=config.mlp_hidden,
                                  pad_token_id=tokenizer.pad_token_id, trust_remote_code=base.trust_remote_code,
                                  seed=config.seed, dtype=dtype, **quantized)

    quantized: dict[str, Any] = {}
    if qlora:
        if is_deepspeed_zero3_enabled():
            raise RuntimeError(QLORA_NOT_UNDER_ZERO3)
        from engine.jobs.precision import torch_device
        from engine.reward.model import qlora_quantization

        quantized = {"quantization": qlora_quantization(precision.torch_dtype), "device": torch_device(precision)}
    model = load(**quantized)
    if base.kind == "reward":
        ctx.log(f"fine-tuning the reward model {base.name}")
    model.config.pad_token_id = tokenizer.pad_token_id
    head = head_spec(model.config)["type"]  # a fine-tuned reward model keeps its own head, whatever the form says
    meta_extra = dict(extra_meta or {})
    before = ctx.output_dir / "base_accuracy.json"  # measured once; a resumed run reads it back
    if "base_accuracy" in meta_extra and ctx.is_main_process:
        if before.exists():
            meta_extra["base_accuracy"] = json.loads(before.read_text())
        else:
            meta_extra["base_accuracy"] = evaluate_sets(model, tokenizer, base.prompt_format, config.max_length,
                                                        valid_sets, ctx, 0, prefix="base")
            if qlora:
                ctx.log("the accuracy before training is the 4-bit backbone's (the base is not loaded twice)")
            before.write_text(json.dumps(meta_extra["base_accuracy"]))
            model.train()
    num_layers = _num_layers(model.config)
    if qlora:  # the adapters go on here, after kbit preparation; the trainer gets the PEFT model
        model = _qlora_model(model, peft_config, config.gradient_checkpointing, ctx)
        peft_config = None
    trainer = RewardTrainer(
        model=model, args=args, train_dataset=Dataset.from_list(train_enc),
        eval_dataset=Dataset.from_list(valid_enc) if valid_enc else None, processing_class=tokenizer,
        peft_config=peft_config,
        callbacks=[_studio_callback(ctx, config, num_layers, adapters_only=lora)],
    )
    if qlora:
        _keep_fp32_trainables(trainer.model)
    trainer.train(resume_from_checkpoint=last_checkpoint(ctx))
    if ctx.should_stop():
        raise JobCancelled()

    if not ctx.is_main_process:  # under accelerate launch, rank 0 alone evaluates, saves and registers
        return
    steps = trainer.state.global_step
    # rank 0's placeholders of ZeRO-3's shards are no model: it was saved and registered
    if withheld_under_zero3(ctx, "reward model", {"steps": steps, "base_model": base.name}):
        return
    if qlora:
        del model  # the 4-bit model: the trainer's references are the last, and _merge_qlora lets go of them
        model = _merge_qlora(trainer, load, ctx, dtype, precision)
    else:
        model = trainer.model
        if lora:
            model = model.merge_and_unload()
    del trainer
    for param in model.parameters():
        param.requires_grad_(True)
    accuracies = evaluate_sets(model, tokenizer, base.prompt_format, config.max_length, valid_sets, ctx, steps)
    name = policy_name(config.model_name, ctx, "rm")
    folder = save_reward_model(model, tokenizer, ctx.output_dir / "model", prompt_format=base.prompt_format,
                               base_model=base.name, head=head)
    meta = {"valid_accuracy": accuracies.get(next(iter(valid_sets), "")), "valid_pairs": len(valid_rows),
            "train_pairs": len(train_rows), "base_model": base.name, "pair_sets": list(config.pair_sets),
            "head": head, "lora": lora, "qlora": qlora, "prompt_format": base.prompt_format,
            "parameters": sum(p.numel() for p in model.parameters()), "steps": steps}
    meta.update({f"valid_accuracy_{k}": v for k, v in accuracies.items() if k})
    meta.update({f"valid_pairs_{k}": len(v) for k, v in valid_sets.items() if k})
    meta.update(meta_extra)
    (ctx.output_dir / "summary.json").write_text(json.dumps(meta, indent=2))
    ctx.artifact("model", name=name, model_kind="reward", path=str(folder), stage="candidate", parent=base.name,
                 metadata=meta)


KIND = JobKind(
    name="reward", title="Train a reward model",
    description="Bradley–Terry training of a reward head (linear, MLP or likelihood) on a causal-LM backbone, with "
                "layer-wise unfreezing, validation accuracy and checkpoints.",
    config_cls=RewardJobConfig, run=run, prepare=prepare, check=check,
)
