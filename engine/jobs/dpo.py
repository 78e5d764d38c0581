"""The ``dpo`` job: align a policy directly on preference data with TRL (no reward model).

The objective is DPO (TRL's DPOTrainer, with its preference ``loss_type`` and an optional CPO-style NLL weight),
CPO, ORPO or KTO (:mod:`engine.rl.objectives`); KTO learns from single good/bad translations, taken from the
pair sets and/or straight from the linguists' judgements (:mod:`engine.feedback.unpaired`).

The pairs' prompts are rebuilt in the policy's own prompt format and tokenized exactly as the reward model and
PPO see a (prompt, response): the prompt with BOS once, the response without special tokens and closed by EOS
(:mod:`engine.reward.encoding`). TRL's own tokenization is bypassed for that (see :class:`StudioDPOTrainer`):
it encodes ``prompt + chosen`` as one string, which adds a second BOS after a rendered chat template and can
merge tokens across the prompt/response boundary. The reference model is the starting policy, created by
DPOTrainer itself (``ref_model=None``; with LoRA the adapters are switched off instead).

Evaluation every N steps, checkpoints, cancel and resume as in the reward job; the final policy (LoRA merged)
is saved with its tokenizer and model card and registered as a policy version with its lineage.

The helpers :func:`resolve_policy`, :func:`studio_callback`, :func:`save_policy` and :func:`lora_config` are
shared with the ``grpo`` job.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

from engine.jobs.config import SEED_MAX, setting, setting_words
from engine.jobs.context import JobCancelled, JobContext
from engine.jobs.kinds import JobKind
from engine.jobs.precision import (
    reference_init_kwargs,
    resolve_precision,
    trainer_args,
)
from engine.jobs.settings import (
    LoraSettings,
    PairDataSettings,
    PolicyOutputSettings,
    TrainerSettings,
)
from engine.jobs.threads import use_job_threads
from engine.jobs.training import (
    export_training_pairs,
    fit_max_length,
    last_checkpoint,
    lora_config,
    metric_values,
    policy_name,
    register_policy,
    resolve_policy,
    save_policy,
    studio_callback,
    tracking_args,
    training_pairs,
)
from engine.models.refs import ModelRef
from engine.preferences.pairing import source_key
from engine.rl.objectives import KTO_SOURCES, OBJECTIVES
from engine.wording import counted, decimals

"""Stages an aligned policy may be registered at (promotion to production happens elsewhere)."""

CPO_LOSSES: tuple[str, ...] = ("sigmoid", "hinge", "ipo", "simpo")
"""The preference losses TRL's CPOTrainer has among those offered (``simpo`` is CPO's only)."""
JUDGEMENTS_FILE = "judgements.jsonl"


@dataclass
class DpoJobConfig(TrainerSettings, LoraSettings, PairDataSettings, PolicyOutputSettings):
    """Settings of a DPO run."""

    FORM_ORDER: ClassVar[tuple[str, ...]] = (
        "policy", "objective", "pair_sets", "kto_source", "model_name", "beta", "loss_type", "flip_rate",
        "reference_chosen", "nll_weight", "learning_rate", "batch_size", "gradient_accumulation", "epochs",
        "max_grad_norm", "lora", "lora_r", "lora_alpha", "max_length", "eval_every", "save_every", "max_pairs",
        "valid_share_if_missing", "register_stage", "seed", "precision", "gradient_checkpointing", "report_to",
    )


    policy: str = setting("", "Registered policy to align, also the frozen reference (empty: the newest SFT model).")
    objective: str = setting("dpo", "Preference objective. " + " ".join(f"{k}: {v}" for k, v in OBJECTIVES.items()),
                             choices=tuple(OBJECTIVES), label="Objective")
    pair_sets: list = setting([], "Preference pair sets (the runs that made them) to train and validate on "
                                  "(KTO from judgements only: none needed).")
    kto_source: str = setting("pairs", "KTO only — where its good and bad translations come from: 'pairs' (each "
                                       "pair's chosen = good, rejected = bad), 'judgements' (the linguists' picked "
                                       "or corrected translation = good; the other candidates shown, and every "
                                       "candidate of a 'none is acceptable', = bad), or both.",
                              choices=KTO_SOURCES, label="KTO examples from")
    model_name: str = setting("", "Name of the new policy version (empty: dpo-<date>-<time>).")
    beta: float = setting(0.1, "DPO β: how strongly the policy is held to the reference (higher = closer).",
                          min=0.0, max=100.0)
    loss_type: str = setting("sigmoid", "Preference loss (TRL): 'sigmoid' is DPO's; 'ipo' (IPO) resists "
                                        "overfitting on near-deterministic preferences; 'robust' tolerates some "
                                        "flipped labels; 'hinge' is SLiC's; 'apo_zero' raises the chosen likelihood "
                                        "when the chosen translations are better than the policy's own; "
                                        "'sigmoid_norm' length-normalises the log-ratios; 'simpo' (CPO objective "
                                        "only) is SimPO's length-normalised, reference-free loss with a target "
                                        "margin. CPO takes sigmoid, hinge, ipo or simpo; ORPO and KTO have their own "
                                        "loss.",
                             choices=("sigmoid", "ipo", "robust", "hinge", "apo_zero", "sigmoid_norm", "simpo"),
                             label="Preference loss")
    flip_rate: float = setting(0.1, "Loss 'robust' only: the share of pairs assumed to have their preference "
                                    "flipped (TRL's label_smoothing, the robust DPO paper's ε); at 0 the robust "
                                    "loss is the sigmoid's.", min=0.0, max=0.49, advanced=True,
                               label="Flipped preferences (robust)")
    reference_chosen: bool = setting(False, "Also prefer each source's corpus reference over the translations the "
                                            "pairs rejected (ALMA-R/CPO put the reference among the candidates); "
                                            "for synthetic pairs of corpora with references.",
                                     label="Reference as a chosen translation")
    nll_weight: float = setting(0.0, "Weight of a negative log-likelihood (SFT) loss on the chosen translations "
                                     "added to the preference loss — CPO-style, as ALMA-R trains translation "
                                     "models; 0 = off (objective CPO: its cpo_alpha, 0 = ALMA-R's 1.0 — with the "
                                     "'simpo' loss 0 is pure SimPO, above 0 CPO-SimPO).",
                                min=0.0, max=100.0, label="NLL weight (CPO-style)")
    learning_rate: float = setting(5e-6, "Peak learning rate (AdamW; linear decay). 5e-6 suits real models; the "
                                         "tiny demo model needs about 1e-4 to move.", min=1e-9, max=1.0)
    batch_size: int = setting(8, "Pairs per device per step.", min=1, max=1024)
    epochs: float = setting(1.0, "Passes over the training pairs.", min=0.01, max=1000)
    lora: bool = setting(False, "Train LoRA adapters (PEFT) instead of every weight; merged into the saved model. "
                                "The reference is then the policy with its adapters switched off.")
    eval_every: int = setting(50, "Steps between two evaluations on the validation pairs.", min=1)
    seed: int = setting(0, "Seed (shuffling, LoRA initialisation).", min=0, max=SEED_MAX, advanced=True)


# --- DPO ------------------------------------------------------------------------------------------
def uses_pairs(config: DpoJobConfig) -> bool:
    """Whether the run trains on the chosen pair sets (every objective but KTO from judgements only)."""
    return config.objective != "kto" or config.kto_source != "judgements"


def uses_judgements(config: DpoJobConfig) -> bool:
    """Whether the run trains on the linguists' judgements (KTO from judgements)."""
    return config.objective == "kto" and config.kto_source != "pairs"


def check_objective(config: DpoJobConfig) -> None:
    """Refuse settings the chosen objective cannot use, saying why."""
    if config.objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {config.objective!r}; one of {', '.join(OBJECTIVES)}")
    if config.objective == "cpo" and config.loss_type not in CPO_LOSSES:
        raise ValueError(f"the CPO objective takes the loss {', '.join(CPO_LOSSES)}, not {config.loss_type!r}")
    if config.objective == "kto" and config.batch_size < 2:  # TRL failed once the models had loaded
        raise ValueError("KTO needs a batch of at least 2 translations (it estimates its KL term from the other "
                         f"examples of the batch): raise {setting_words(DpoJobConfig, 'batch_size', inside=True)}")
    if config.objective == "dpo" and config.loss_type == "simpo":
        raise ValueError("'simpo' is a loss of the CPO objective (reference-free): choose the objective 'cpo'")
    if config.beta <= 0 and config.objective != "orpo":  # ORPO's beta weighs its odds-ratio term: 0 is plain SFT
        raise ValueError(f"beta 0 makes the {config.objective.upper()} loss flat: nothing is learned from the "
                         "preferences (the run registered the unchanged policy); set beta above 0")


def prepare(config: DpoJobConfig, store, run_dir: Path) -> None:
    """Resolve the policy and export the chosen pairs (and, for KTO from judgements, the judgements) into
    ``inputs/``."""
    if uses_pairs(config) and not config.pair_sets:
        raise ValueError("choose at least one set of preference pairs")
    resolve_policy(store, config.policy).save(run_dir / "inputs" / "policy.json")
    if uses_pairs(config):
        path = run_dir / "inputs" / "pairs.parquet"
        export_training_pairs(store, config, path, only_data=not uses_judgements(config))
        if config.reference_chosen:
            add_references(store, path)
    if uses_judgements(config):
        import json

        from engine.feedback.export import export_records, latest_per_linguist

        records = latest_per_linguist(export_records(store))  # a revised judgement replaces the one before
        if not records:
            raise ValueError("no judgements yet: linguists judge translations on 6 · Translate & feedback")
        with (run_dir / "inputs" / JUDGEMENTS_FILE).open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def add_references(store, path: Path) -> None:
    """Add a ``reference`` column to exported pairs: the corpus target of each pair's source (``corpus:seg``
    group key), empty where the pair has none (human pairs, corpora without references)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    keys = []
    for key in table.column("group_key").to_pylist():
        parts = str(key or "").split(":")
        keys.append((int(parts[0]), int(parts[1])) if len(parts) == 2 and all(p.isdigit() for p in parts) else None)
    found = store.corpora.targets([k for k in keys if k is not None])
    refs = [found.get(k, "") if k is not None else "" for k in keys]
    pq.write_table(table.append_column("reference", pa.array(refs, pa.string())), path)


def with_reference_pairs(rows: list[dict]) -> list[dict]:
    """``rows`` plus, per source, (reference ≻ each distinct rejected translation) — unless the reference is that
    translation or the pair's chosen one already."""
    out, seen = list(rows), {(r["source"], r["chosen"], r["rejected"]) for r in rows}
    for r in rows:
        ref = (r.get("reference") or "").strip()
        if not ref or ref == r["rejected"].strip():
            continue
        key = (r["source"], ref, r["rejected"])
        if key not in seen:
            seen.add(key)
            out.append({**r, "chosen": ref, "strategy": "reference"})
    return out


def encode_pairs(rows: list[dict], tokenizer: Any, prompt_format: str, max_length: int) -> tuple[list[dict], int]:
    """DPO examples ``{prompt, chosen, rejected, prompt_ids, chosen_ids, rejected_ids}`` and how many pairs
    were dropped for being longer than ``max_length``.

    The prompt is rebuilt from the pair's source in the policy's format (the same text the pair holds when the
    policy made the candidates); ids as :mod:`engine.reward.encoding` makes them: BOS once, EOS ends each
    response."""
    from engine.models.prompting import build_prompt
    from engine.reward.encoding import prompt_ids, response_ids

    out, dropped = [], 0
    for r in rows:
        prompt = build_prompt(r["source"], r["pair"], prompt_format, tokenizer)
        p_ids = prompt_ids(tokenizer, prompt, prompt_format)
        c_ids = response_ids(tokenizer, r["chosen"])
        j_ids = response_ids(tokenizer, r["rejected"])
        if len(p_ids) + max(len(c_ids), len(j_ids)) > max_length:
            dropped += 1
            continue
        out.append({"prompt": prompt, "chosen": r["chosen"], "rejected": r["rejected"], "prompt_ids": p_ids,
                    "chosen_ids": c_ids, "rejected_ids": j_ids})
    return out, dropped


def _trainer_class() -> type:
    from trl import DPOTrainer

    class StudioDPOTrainer(DPOTrainer):
        """DPOTrainer that takes datasets already tokenized by the studio (``prompt_ids``, ``chosen_ids``,
        ``rejected_ids``) as they are, instead of re-tokenizing ``prompt + chosen`` as one string."""

        def _prepare_dataset(self, dataset, processing_class, args, dataset_name):
            columns = set(dataset.column_names or [])
            if {"prompt_ids", "chosen_ids", "rejected_ids"} <= columns:
                return dataset
            return super()._prepare_dataset(dataset, processing_class, args, dataset_name)

    return StudioDPOTrainer


def unpaired_rows(config: DpoJobConfig, ctx: JobContext, train_pairs: list[dict], valid_pairs: list[dict]
                  ) -> tuple[list[dict], list[dict]]:
    """KTO's training and validation rows (``source``, ``pair``, ``completion``, ``label``) from the run's pairs
    and/or judgements, the training rows shuffled with the seed (KTO samples in order)."""
    import json

    from engine.feedback.unpaired import from_judgements, from_pairs

    train, valid = [], []
    if uses_pairs(config):
        # the split the run's pairs were given (a held-out source's pairs still said "train" in their own column,
        # and KTO trained on them)
        rows, report = from_pairs([*(dict(p, split="train") for p in train_pairs),
                                   *(dict(p, split="valid") for p in valid_pairs)])
        ctx.log(f"KTO from pairs: {report.desirable} good, {report.undesirable} bad translations "
                f"({report.conflicts} both)")
        train += [r for r in rows if r["split"] == "train"]
        valid += [r for r in rows if r["split"] != "train"]
    if uses_judgements(config):
        with (ctx.inputs_dir / JUDGEMENTS_FILE).open(encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        rows, report = from_judgements(records, valid_share=config.valid_share_if_missing, seed=config.seed)
        ctx.log(f"KTO from {report.judgements} judgements ({report.used} used, per format {report.per_kind}): "
                f"{report.desirable} good, {report.undesirable} bad translations ({report.conflicts} both)")
        train += [r for r in rows if r["split"] == "train"]
        valid += [r for r in rows if r["split"] != "train"]
    # the pairs' and the judgements' splits are drawn apart: a source validated on one side was trained on from the
    # other (10 of 20 validation sources)
    held = {source_key(r["pair"], r["source"]) for r in valid}
    kept = [r for r in train if source_key(r["pair"], r["source"]) not in held]
    if len(kept) < len(train):
        ctx.log(f"{counted(len(train) - len(kept), 'training translation')} left out: their source is in "
                "validation", level="warning")
    random.Random(config.seed).shuffle(kept)
    # KTO's unit is a translation: max_pairs caps them all, from pairs and judgements alike (the pairs were cut to
    # it first, then their translations again; with both sources the judgements' were not cut at all)
    return (kept[: config.max_pairs] if config.max_pairs else kept), valid


def run(config: DpoJobConfig, ctx: JobContext) -> None:
    """Train with the chosen objective, evaluate, save and register the aligned policy."""
    from datasets import Dataset

    from engine.models.loading import load_causal_lm, load_tokenizer
    from engine.rl.objectives import encode_unpaired

    check_objective(config)
    if config.nll_weight > 0 and config.objective in ("orpo", "kto"):  # a preset's weight kept when switching
        ctx.log(f"nll_weight {config.nll_weight:g} is not used: it is DPO's and CPO's (ORPO's loss has its own "
                f"likelihood term, KTO none)", level="warning")
    use_job_threads()
    policy = ModelRef.load(ctx.inputs_dir / "policy.json")
    # KTO cuts its translations to max_pairs (unpaired_rows), not its pairs first
    pair_config = replace(config, max_pairs=0) if config.objective == "kto" else config
    train_rows, valid_rows = training_pairs(ctx, pair_config) if uses_pairs(config) else ([], [])
    if config.reference_chosen and uses_pairs(config):
        before = len(train_rows)
        train_rows = with_reference_pairs(train_rows)  # validation keeps the pairs as they were judged
        ctx.log(f"references as chosen: {len(train_rows) - before} training pairs added")

    tokenizer = load_tokenizer(policy.path, trust_remote_code=policy.trust_remote_code)
    config = fit_max_length(config, policy, ctx)
    if tokenizer.eos_token_id is None:
        raise ValueError(f"the tokenizer of {policy.name} has no EOS token; preference training needs one to end "
                         "the responses")
    if config.objective == "kto":
        train_rows, valid_rows = unpaired_rows(config, ctx, train_rows, valid_rows)
        encode = encode_unpaired
        unit = "translations"
    else:
        encode = encode_pairs
        unit = "pairs"
    train_ex, dropped_train = encode(train_rows, tokenizer, policy.prompt_format, config.max_length)
    valid_ex, dropped_valid = encode(valid_rows, tokenizer, policy.prompt_format, config.max_length)
    if not train_ex:
        raise ValueError(f"no training {unit} (all longer than max_length?)" if train_rows else f"no training {unit}")
    if dropped_train or dropped_valid:
        ctx.log(f"dropped {dropped_train} training and {dropped_valid} validation {unit} longer than "
                f"{config.max_length} tokens", level="warning")
    ctx.log(f"{config.objective.upper()}: {len(train_ex)} training and {len(valid_ex)} validation {unit}; policy "
            f"{policy.name} ({policy.path}); β={config.beta}")

    precision = resolve_precision(config.precision)
    ctx.log(precision.describe())
    common = dict(
        output_dir=str(ctx.checkpoint_dir), per_device_train_batch_size=config.batch_size,
        per_device_eval_batch_size=max(config.batch_size, 16), gradient_accumulation_steps=config.gradient_accumulation,
        learning_rate=config.learning_rate, num_train_epochs=config.epochs, max_grad_norm=config.max_grad_norm,
        beta=config.beta, max_length=config.max_length, logging_steps=5, logging_first_step=True,
        eval_strategy="steps" if valid_ex else "no", eval_steps=config.eval_every, save_strategy="steps",
        save_steps=config.save_every, save_total_limit=2, save_only_model=False, disable_tqdm=True,
        **tracking_args(config.report_to, ctx),
        seed=config.seed, dataloader_num_workers=0, **trainer_args(precision, config.gradient_checkpointing),
        trust_remote_code=policy.trust_remote_code,
    )
    # the training arguments before the model: under a DeepSpeed ZeRO-3 launch they set up the config that makes
    # from_pretrained shard the weights as they load (loading first puts the whole model on every rank)
    args = build_args(config, common, train_ex, ctx,
                      reference_init_kwargs(policy.path, precision, policy.trust_remote_code))
    model = load_causal_lm(policy.path, trust_remote_code=policy.trust_remote_code,
                           dtype=precision.load_dtype(trainable=True, lora=config.lora))
    trainer_kwargs = dict(
        model=model, args=args, train_dataset=Dataset.from_list(train_ex),
        eval_dataset=Dataset.from_list(valid_ex) if valid_ex else None, processing_class=tokenizer,
        peft_config=lora_config(config.lora_r, config.lora_alpha) if config.lora else None,
        callbacks=[studio_callback(ctx)],
    )
    trainer = build_trainer(config, trainer_kwargs)
    trainer.train(resume_from_checkpoint=last_checkpoint(ctx))
    if ctx.should_stop():
        raise JobCancelled()

    steps = trainer.state.global_step
    final_eval: dict[str, float] = {}
    if valid_ex:
        # the trainer's own evaluation at the last step when it made one (evaluating again wrote a second event
        # file with the same step to a tracker such as TensorBoard); else one now, which the callback reports too
        last = next((e for e in reversed(trainer.state.log_history) if "eval_loss" in e), None)
        done_at_end = last is not None and last.get("step") == trainer.state.global_step
        final_eval = metric_values(last if done_at_end else trainer.evaluate())
        shown = {k: v for k, v in final_eval.items() if k in ("eval_loss", "eval_rewards_accuracies",
                                                              "eval_rewards_margins", "eval_kl")}
        ctx.log("validation: " + ", ".join(f"{k.removeprefix('eval_')} {decimals(v)}" for k, v in shown.items()))
    name = policy_name(config.model_name, ctx, config.objective)
    if not ctx.is_main_process:  # under accelerate launch, rank 0 alone saves and registers the policy
        ctx.log("training done; rank 0 saves the policy")
        return
    folder, parameters = save_policy(trainer.model, tokenizer, ctx.output_dir / "model", policy, "dpo", config.lora,
                                     method=config.objective, run=ctx.run_dir.name)
    meta = {"method": config.objective, "objective": config.objective, "parent_policy": policy.name,
            "pair_sets": list(config.pair_sets) if uses_pairs(config) else [], "beta": config.beta,
            "loss_type": config.loss_type if config.objective in ("dpo", "cpo") else config.objective,
            "nll_weight": config.nll_weight, "reference_chosen": config.reference_chosen,
            **({"cpo_alpha": cpo_alpha(config)} if config.objective == "cpo" else {}),
            **({"flip_rate": config.flip_rate} if config.objective == "dpo" and config.loss_type == "robust" else {}),
            "steps": steps, "epochs": config.epochs, "learning_rate": config.learning_rate, "lora": config.lora,
            ("train_examples" if config.objective == "kto" else "train_pairs"): len(train_ex),
            ("valid_examples" if config.objective == "kto" else "valid_pairs"): len(valid_ex),
            "prompt_format": policy.prompt_format, "parameters": parameters,
            **({"kto_source": config.kto_source} if config.objective == "kto" else {}),
            **{k: v for k, v in final_eval.items() if k.startswith("eval_")}}
    register_policy(ctx, name, folder, config.register_stage, policy, steps, meta)


def cpo_alpha(config: DpoJobConfig) -> float:
    """The CPO objective's NLL weight: the form's *NLL weight*, where 0 means ALMA-R's 1.0 — except with the
    'simpo' loss, where 0 is pure SimPO and a weight above 0 CPO-SimPO (TRL's documentation); 'simpo' ran as
    CPO-SimPO whatever the form said."""
    if config.loss_type == "simpo":
        return config.nll_weight
    return config.nll_weight or 1.0


def build_args(config: DpoJobConfig, common: dict, train_ex: list[dict], ctx: JobContext,
               reference_kwargs: dict[str, Any]) -> Any:
    """The TRL training arguments of ``config.objective`` with the shared arguments ``common``; ``reference_kwargs``
    load the frozen reference of DPO and KTO. Built before any model is loaded (ZeRO-3 shards at load)."""
    from engine.rl.objectives import paired_config_class

    if config.objective == "dpo":
        from trl import DPOConfig as TrlDPOConfig

        return TrlDPOConfig(**common, model_init_kwargs=reference_kwargs,
                            # robust DPO's ε: at 0 (TRL's default) its loss is the sigmoid's, to the digit
                            label_smoothing=config.flip_rate if config.loss_type == "robust" else 0.0,
                            loss_type=[config.loss_type, "sft"] if config.nll_weight > 0 else [config.loss_type],
                            loss_weights=[1.0, config.nll_weight] if config.nll_weight > 0 else None)
    if config.objective in ("cpo", "orpo"):
        extra = {}
        if config.objective == "cpo":
            extra = {"loss_type": config.loss_type, "cpo_alpha": cpo_alpha(config)}
        return paired_config_class(config.objective)(**common, **extra)
    from trl import KTOConfig

    good = sum(1 for e in train_ex if e["label"])
    bad = len(train_ex) - good
    if not good or not bad:
        ctx.log(f"KTO with {good} good and {bad} bad training translations: one side is missing", level="warning")
    # the KTO paper's balance (its eq. 8): desirable_weight·n_good / (undesirable_weight·n_bad) in [1, 4/3]
    undesirable_weight = good / bad if good and bad else 1.0
    ctx.log(f"KTO: {good} good, {bad} bad training translations; undesirable weight {undesirable_weight:.3f}")
    return KTOConfig(**common, model_init_kwargs=reference_kwargs, desirable_weight=1.0,
                     undesirable_weight=undesirable_weight)


def build_trainer(config: DpoJobConfig, trainer_kwargs: dict) -> Any:
    """The TRL trainer of ``config.objective`` (``trainer_kwargs`` hold the model, the arguments of
    :func:`build_args`, the datasets and callbacks); DPO and KTO build their reference themselves."""
    from engine.rl.objectives import kto_trainer_class, paired_trainer_class

    if config.objective == "dpo":
        return _trainer_class()(ref_model=None, **trainer_kwargs)
    if config.objective in ("cpo", "orpo"):
        return paired_trainer_class(config.objective)(**trainer_kwargs)
    return kto_trainer_class()(ref_model=None, **trainer_kwargs)


KIND = JobKind(
    name="dpo", title="Align with DPO",
    description="Direct preference optimisation of a policy (TRL): DPO and its loss types against the frozen "
                "starting policy, CPO and ORPO without a reference, KTO from single good/bad translations (pairs "
                "or judgements); optional LoRA; checkpoints, cancel and resume.",
    config_cls=DpoJobConfig, run=run, prepare=prepare, check=check_objective,
)
