"""Will a training run fit? An estimate of the GPU memory each device needs, from the models' configs alone.

The estimate counts, per device, in GiB (2**30 bytes):

- **weights**, **gradients** and **optimizer states** of each model that trains. Mixed precision (bf16/fp16) with
  AdamW needs 16 bytes per trained parameter. Under DeepSpeed (ZeRO-2/3) that is the low-precision weights (2) and
  gradients (2) plus the optimizer's fp32 master weights and two moments (12); a plain (DDP) run under autocast
  keeps fp32 weights (4) and gradients (4) and the two moments (8). fp32 is 4 + 4 + 8. ZeRO-2 shards gradients and
  optimizer states over the GPUs, ZeRO-3 the weights too.
- **frozen models** (a reference, a reward model; the base under LoRA) hold their weights only, in the low precision
  (fp32 under fp32; a LoRA base under fp16 stays fp32, see :mod:`engine.jobs.precision`); ZeRO-3 shards them too,
  except GRPO's reward model, which the studio scores with outside the trainer (whole on every GPU).
- **LoRA** trains ``r × (in + out)`` parameters per linear layer of every block (fp32 adapters, 16 bytes each).
- **activations** kept for the backward pass, per layer and token (values, 2 bytes each in bf16/fp16, 4 in fp32):
  ``norms × hidden`` (each norm keeps its input) + 2 × hidden (residuals) + hidden (projection input) +
  2 × q-dim + 2 × kv-dim (queries, keys, values, attention output) + 4 × intermediate (gated MLP: gate, up, the
  activation and their product; 2 × for a plain MLP, as GPT-2's: its input projection and activation) + attention
  probabilities ``heads × seq`` (eager attention, which Gemma-2 needs for its soft-capping; ×2 with the soft-cap's
  tanh). Gradient checkpointing keeps only each layer's input (hidden per token) plus one layer recomputed. The
  language-model head adds fp32 logits and their log-softmax (``2 × vocab`` fp32 values per token); a reward
  model's head adds almost nothing.
- for **PPO and GRPO**, the KV cache of the rollout generation: ``2 × layers × kv-dim`` values per token.

It leaves out the CUDA context and allocator fragmentation (about 1–2 GiB per GPU: :data:`OVERHEAD_GIB` is added)
and temporary buffers of the optimizer step. It is an estimate to decide before a run, not a guarantee.

Which models each job holds: **reward** one reward model; **DPO** policy + reference (none with LoRA: the
adapter-free base; none for the objectives CPO and ORPO, :func:`holds_reference`); **GRPO** policy + reference
(none with LoRA or β = 0) + the reward model when one is used; **PPO** policy + value model (a reward model that
trains, full even with LoRA on the policy) + reward model + reference (none with LoRA).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.paths import user_path

GIB = 1 << 30
OVERHEAD_GIB = 1.5
"""CUDA context, cuBLAS workspaces and allocator slack per GPU, added to every estimate."""
JOB_KINDS = ("reward", "reward_finetune", "dpo", "grpo", "ppo")
ZERO_STAGES = (0, 2, 3)


GATED_MLP_TYPES = frozenset({
    "llama", "mistral", "qwen2", "qwen3", "gemma", "gemma2", "gemma3", "gemma3_text", "phi3", "olmo", "olmo2",
    "cohere", "cohere2", "granite", "stablelm", "glm", "glm4", "helium", "smollm3",
})
"""Model types (``model_type``) whose blocks have a gated MLP: gate, up and down projections (three matrices)."""
PLAIN_MLP_TYPES = frozenset({
    "gpt2", "gpt_bigcode", "gpt_neox", "gptj", "codegen", "opt", "bloom", "falcon", "phi", "starcoder2", "nemotron",
})
"""Model types (``model_type``) whose blocks have a plain MLP: an input and an output projection (two matrices)."""


def gated_mlp(model_type: str, name: str = "") -> bool:
    """Whether a ``model_type``'s blocks have a gated MLP; a type of neither list is refused (a mixture of experts,
    or a layout the estimate does not know, would be counted wrong by a third or more)."""
    if model_type in GATED_MLP_TYPES:
        return True
    if model_type in PLAIN_MLP_TYPES:
        return False
    known = ", ".join(sorted(GATED_MLP_TYPES | PLAIN_MLP_TYPES))
    raise ValueError(f"no memory plan for {name or 'the model'}: its model type {model_type!r} has an MLP layout "
                     f"the estimate does not know (it knows {known})")


@dataclass(frozen=True)
class ModelShape:
    """What the estimate needs of a transformer decoder's config."""

    hidden: int
    layers: int
    heads: int
    kv_heads: int
    head_dim: int
    intermediate: int
    vocab: int
    norms_per_layer: int = 2
    tied_embeddings: bool = True
    softcapped_attention: bool = False
    name: str = ""
    gated: bool = True  # gated MLP (three matrices) or plain (two): gated_mlp

    @property
    def mlp_matrices(self) -> int:
        """Weight matrices of one block's MLP, each ``hidden × intermediate``."""
        return 3 if self.gated else 2

    @classmethod
    def from_config(cls, config: dict, name: str = "") -> ModelShape:
        """The shape of a ``config.json`` mapping (Llama/Gemma/Qwen/Mistral-style keys; GPT-2 names too)."""

        def pick(*keys: str, default: Any = None) -> Any:
            for key in keys:
                if config.get(key) is not None:
                    return config[key]
            if default is None:
                raise ValueError(f"config.json of {name or 'the model'} has none of {', '.join(keys)}")
            return default

        hidden = int(pick("hidden_size", "n_embd", "d_model"))
        heads = int(pick("num_attention_heads", "n_head"))
        model_type = str(config.get("model_type", ""))
        return cls(
            hidden=hidden,
            layers=int(pick("num_hidden_layers", "n_layer")),
            heads=heads,
            kv_heads=int(pick("num_key_value_heads", default=heads)),
            head_dim=int(pick("head_dim", default=hidden // heads)),
            intermediate=int(pick("intermediate_size", "n_inner", default=4 * hidden)),
            vocab=int(pick("vocab_size")),
            norms_per_layer=4 if model_type in ("gemma2", "gemma3_text", "gemma3") else 2,
            tied_embeddings=bool(config.get("tie_word_embeddings", True)),
            softcapped_attention=config.get("attn_logit_softcapping") is not None,
            name=name,
            gated=gated_mlp(model_type, name),
        )

    @classmethod
    def from_folder(cls, folder: str | Path, name: str = "") -> ModelShape:
        """The shape of the model saved in ``folder`` (its ``config.json``; no weights are read)."""
        path = user_path(folder) / "config.json"
        try:
            config = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read {path}: {exc}") from exc
        return cls.from_config(config, name=name or Path(folder).name)

    @property
    def q_dim(self) -> int:
        return self.heads * self.head_dim

    @property
    def kv_dim(self) -> int:
        return self.kv_heads * self.head_dim

    @property
    def block_parameters(self) -> int:
        """Parameters of one decoder block: attention projections, MLP, norms (biases and learned positions, as
        GPT-2 has, are left out: under 1%)."""
        attention = self.hidden * self.q_dim + 2 * self.hidden * self.kv_dim + self.q_dim * self.hidden
        return attention + self.mlp_matrices * self.hidden * self.intermediate + self.norms_per_layer * self.hidden

    @property
    def parameters(self) -> int:
        """All parameters of the causal LM (embeddings once when tied, final norm)."""
        embeddings = self.vocab * self.hidden * (1 if self.tied_embeddings else 2)
        return embeddings + self.layers * self.block_parameters + self.hidden

    @property
    def reward_parameters(self) -> int:
        """Parameters of the reward model on this backbone: no LM head, a linear score head."""
        return self.vocab * self.hidden + self.layers * self.block_parameters + self.hidden + self.hidden

    def lora_parameters(self, r: int) -> int:
        """Trainable parameters of LoRA rank ``r`` on every linear layer of every block."""
        per_block = r * (
            (self.hidden + self.q_dim) * 2
            + 2 * (self.hidden + self.kv_dim)
            + self.mlp_matrices * (self.hidden + self.intermediate)
        )
        return self.layers * per_block

    def activation_values(self, tokens: int, seq_len: int, checkpointing: bool) -> int:
        """Activation values kept for the backward pass over ``tokens`` tokens in sequences of ``seq_len``."""
        attention = self.heads * seq_len * (2 if self.softcapped_attention else 1)
        per_layer = (
            (self.norms_per_layer + 3) * self.hidden
            + 2 * self.q_dim
            + 2 * self.kv_dim
            + (4 if self.gated else 2) * self.intermediate
            + attention
        )
        if checkpointing:
            return tokens * (self.layers * self.hidden + per_layer)
        return tokens * self.layers * per_layer


GEMMA2_SHAPES: dict[str, ModelShape] = {
    "Gemma-2 2B": ModelShape(2304, 26, 8, 4, 256, 9216, 256000, 4, True, True, "Gemma-2 2B"),
    "Gemma-2 9B": ModelShape(3584, 42, 16, 8, 256, 14336, 256000, 4, True, True, "Gemma-2 9B"),
    "Gemma-2 27B": ModelShape(4608, 46, 32, 16, 128, 36864, 256000, 4, True, True, "Gemma-2 27B"),
}
"""Shapes of the published Gemma-2 configs, for planning before a model is downloaded."""


REFERENCE_FREE_OBJECTIVES: tuple[str, ...] = ("cpo", "orpo")
"""Objectives of the DPO job that train without a reference model (:mod:`engine.rl.objectives`)."""


def holds_reference(kind: str, values: dict[str, Any]) -> bool:
    """Whether a ``kind`` run with the config ``values`` holds a frozen reference beside the policy (LoRA aside,
    whose reference is the adapter-free base): not GRPO with β = 0, not the DPO job's objectives CPO and ORPO."""
    if kind == "grpo":
        return float(values["beta"]) != 0.0
    if kind == "dpo":
        return str(values.get("objective") or "dpo") not in REFERENCE_FREE_OBJECTIVES
    return True


@dataclass(frozen=True)
class PlanSettings:
    """A run's settings as the estimate reads them."""

    precision: str = "bf16"  # resolved: bf16, fp16 or fp32
    lora: bool = False
    lora_r: int = 16
    batch: int = 8  # sequences per device per micro-step (pairs count twice: chosen and rejected)
    seq_len: int = 256
    generation_batch: int = 0  # PPO/GRPO: sequences generated at once per device
    zero_stage: int = 0
    gpus: int = 1
    gradient_checkpointing: bool = False
    reference: bool = True  # GRPO with β = 0 and DPO's objectives CPO and ORPO have none: holds_reference


@dataclass
class MemoryPlan:
    """Per-device GiB by part (``"policy weights"``, ``"activations"``, ...) and what they add up to."""

    parts: dict[str, float] = field(default_factory=dict)
    settings: PlanSettings = field(default_factory=PlanSettings)

    @property
    def total_gib(self) -> float:
        return sum(self.parts.values())

    def add(self, name: str, nbytes: float) -> None:
        if nbytes:
            self.parts[name] = self.parts.get(name, 0.0) + nbytes / GIB

    def summary(self, gpu_gib: list[float] | None, machines: int = 1) -> str:
        """Plain words: what the run needs per GPU against what the visible GPUs have; ``machines`` share the
        plan's GPUs evenly, so this machine needs its share of them. Too few visible GPUs is said as such, not
        'fits'."""
        n = self.settings.gpus
        need = f"needs ~{self.total_gib:.0f} GiB per GPU on {n} GPU{'s' if n > 1 else ''}"
        if not gpu_gib:
            return f"{need}; no GPU visible on this machine"
        have = min(gpu_gib)
        each = f"{have:.0f} GiB each" if len(gpu_gib) > 1 else f"{have:.0f} GiB"
        here = -(-n // max(1, machines))
        if self.total_gib > have:
            verdict = "does NOT fit"
        elif len(gpu_gib) < here:
            verdict = "too few GPUs here"
        else:
            verdict = "fits"
        where = " on this machine" if machines > 1 else ""
        count = f"; only {len(gpu_gib)} visible of the {here} it needs{where}" if len(gpu_gib) < here else ""
        return f"{need}; you have {each}{count} — {verdict}"


def _train_bytes(params: int, settings: PlanSettings) -> tuple[float, float, float]:
    """(weights, gradients, optimizer) bytes per device of ``params`` trained parameters."""
    n, stage = max(1, settings.gpus), settings.zero_stage
    if settings.precision == "fp32" or stage == 0:
        weights, grads, optim = 4.0, 4.0, 8.0
    else:
        weights, grads, optim = 2.0, 2.0, 12.0
    return (
        params * weights / (n if stage == 3 else 1),
        params * grads / (n if stage >= 2 else 1),
        params * optim / (n if stage >= 2 else 1),
    )


def _frozen_bytes(params: int, settings: PlanSettings, *, shardable: bool = True, lora_base: bool = False) -> float:
    """Bytes per device of a frozen model's weights."""
    size = 4 if settings.precision == "fp32" or (lora_base and settings.precision == "fp16") else 2
    return params * size / (settings.gpus if settings.zero_stage == 3 and shardable else 1)


def _trained_model(
    plan: MemoryPlan, label: str, full_params: int, shape: ModelShape, settings: PlanSettings, lora: bool
) -> None:
    if lora:
        plan.add(f"{label} weights (frozen base)", _frozen_bytes(full_params, settings, lora_base=True))
        weights, grads, optim = _train_bytes(shape.lora_parameters(settings.lora_r), settings)
        plan.add(f"{label} LoRA adapters", weights)
    else:
        weights, grads, optim = _train_bytes(full_params, settings)
        plan.add(f"{label} weights", weights)
    plan.add(f"{label} gradients", grads)
    plan.add(f"{label} optimizer states", optim)


def _activations(shape: ModelShape, settings: PlanSettings, lm_head: bool) -> float:
    value = 4 if settings.precision == "fp32" else 2
    tokens = settings.batch * settings.seq_len
    out = shape.activation_values(tokens, settings.seq_len, settings.gradient_checkpointing) * value
    if lm_head:
        out += tokens * shape.vocab * 2 * 4
    return out


def plan_memory(kind: str, policy: ModelShape, settings: PlanSettings, reward: ModelShape | None = None) -> MemoryPlan:
    """The per-device memory of a ``kind`` run (:data:`JOB_KINDS`) with ``policy`` (the trained model; the
    reward-model base for ``reward``) and, for PPO and GRPO, the ``reward`` model's shape."""
    if kind not in JOB_KINDS:
        raise ValueError(f"no memory plan for job kind {kind!r}; known: {', '.join(JOB_KINDS)}")
    if settings.zero_stage not in ZERO_STAGES:
        raise ValueError(f"ZeRO stage must be one of {ZERO_STAGES}, got {settings.zero_stage}")
    if settings.gpus < 1 or settings.batch < 1 or settings.seq_len < 1:
        raise ValueError("GPUs, batch and sequence length must be at least 1")
    if kind == "ppo" and reward is None:
        raise ValueError("PPO needs the reward model's shape")
    plan = MemoryPlan(settings=settings)
    lora = settings.lora
    if kind in ("reward", "reward_finetune"):
        _trained_model(plan, "reward model", policy.reward_parameters, policy, settings, lora)
        plan.add("activations", _activations(policy, settings, lm_head=False))
    else:
        _trained_model(plan, "policy", policy.parameters, policy, settings, lora)
        if not lora and settings.reference:
            plan.add("reference weights", _frozen_bytes(policy.parameters, settings))
        plan.add("activations", _activations(policy, settings, lm_head=True))
    if kind == "ppo":
        _trained_model(plan, "value model", reward.reward_parameters, reward, settings, lora=False)
        plan.add("reward model weights", _frozen_bytes(reward.reward_parameters, settings))
        plan.add("activations", _activations(reward, settings, lm_head=False))
    if kind == "grpo" and reward is not None:
        plan.add("reward model weights", _frozen_bytes(reward.reward_parameters, settings, shardable=False))
    if kind in ("ppo", "grpo"):
        value = 4 if settings.precision == "fp32" else 2
        rollout = settings.generation_batch or settings.batch
        plan.add("generation KV cache", rollout * settings.seq_len * 2 * policy.layers * policy.kv_dim * value)
    plan.parts["CUDA context and slack"] = OVERHEAD_GIB
    return plan


def visible_gpus() -> list[tuple[str, float]]:
    """``(name, GiB)`` of each GPU PyTorch sees here (empty without CUDA)."""
    import torch

    if not torch.cuda.is_available():
        return []
    out = []
    for i in range(torch.cuda.device_count()):
        props = torch.cuda.get_device_properties(i)
        out.append((props.name, props.total_memory / GIB))
    return out
