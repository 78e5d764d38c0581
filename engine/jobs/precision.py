"""The ``precision`` setting of every job that loads a model: which dtype the weights load in, which mixed precision
the trainer uses, and on which device the models sit.

``auto`` means bf16 on a CUDA GPU that supports it (Ampere and newer), fp16 with loss scaling on older GPUs, and
fp32 on the CPU. An explicit ``bf16`` also works on the CPU (PyTorch has bfloat16 kernels there); ``fp16`` needs a
GPU (the Trainer refuses fp16 mixed precision on the CPU).

What loads in which dtype:

- a model that trains every weight loads in **fp32** and trains under bf16/fp16 autocast (the Trainer's
  ``bf16``/``fp16`` flags): AdamW keeps fp32 master weights and moments, the forward and backward passes run in
  the low precision — the usual mixed precision, and what :mod:`engine.jobs.memory_plan` counts;
- the frozen base of a LoRA model, a reference, a reward model and any model that only generates or scores load
  directly in the low precision (half the memory); LoRA adapters stay fp32 (PEFT upcasts them). Under fp16 a LoRA
  base still loads in fp32: fp16 weights next to fp32 adapters make the gradient scaler fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PRECISIONS: tuple[str, ...] = ("auto", "bf16", "fp16", "fp32")
PRECISION_HELP = (
    "Number format of the model's arithmetic: 'auto' = bf16 on a GPU that supports it, fp16 with loss scaling on "
    "older GPUs, fp32 on the CPU; or explicit ('bf16' also works on the CPU, 'fp16' needs a GPU). Trained weights "
    "keep fp32 master copies; frozen models (reference, reward, LoRA base) load in the low precision."
)
GRADIENT_CHECKPOINTING_HELP = (
    "Recompute activations in the backward pass instead of keeping them: much less GPU memory for long sequences "
    "and large batches, about 30% slower."
)


class PrecisionError(ValueError):
    """A precision that cannot be honoured here (unknown name, fp16 on the CPU, bf16 on a GPU without it)."""


@dataclass(frozen=True)
class Precision:
    """A resolved precision: ``name`` is ``bf16``, ``fp16`` or ``fp32``; ``device`` is ``cuda`` or ``cpu``."""

    name: str
    device: str
    requested: str = "auto"

    @property
    def torch_dtype(self) -> Any:
        """The low-precision ``torch.dtype`` (``torch.float32`` for fp32)."""
        import torch

        return {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[self.name]

    @property
    def bytes_per_value(self) -> int:
        """Bytes of one weight in :attr:`torch_dtype`."""
        return 4 if self.name == "fp32" else 2

    def trainer_flags(self) -> dict[str, bool]:
        """``bf16`` / ``fp16`` keywords of a transformers/TRL ``TrainingArguments``."""
        return {"bf16": self.name == "bf16", "fp16": self.name == "fp16"}

    def load_dtype(self, *, trainable: bool = False, lora: bool = False) -> Any:
        """The dtype to load a model's weights in: fp32 for a model whose every weight trains (mixed precision
        keeps fp32 master weights) and for a LoRA base under fp16; the low precision for everything else."""
        import torch

        if trainable and (not lora or self.name == "fp16"):
            return torch.float32
        return self.torch_dtype

    def describe(self) -> str:
        """One line for the run's log, e.g. ``precision bf16 on cuda (auto)``."""
        how = f" ({self.requested})" if self.requested == "auto" else ""
        return f"precision {self.name} on {self.device}{how}"


def native_bf16() -> bool:
    """Whether this machine's CUDA GPU computes in bfloat16 natively: compute capability 8.0 (Ampere) and newer,
    or a ROCm GPU. ``torch.cuda.is_bf16_supported()`` also answers yes on a T4 (sm_75) or V100 (sm_70), where
    bfloat16 tensors exist but every operation is emulated (slow, and without the tensor cores fp16 uses)."""
    import torch

    if not torch.cuda.is_available():
        return False
    if torch.version.hip:
        return True
    return torch.cuda.get_device_properties(torch.cuda.current_device()).major >= 8


def resolve_precision(
    requested: str = "auto", *, cuda: bool | None = None, bf16_supported: bool | None = None
) -> Precision:
    """Resolve a ``precision`` setting for this machine (``cuda`` and ``bf16_supported`` default to what
    PyTorch sees; tests pass them). Raises :class:`PrecisionError` with what to choose instead."""
    value = str(requested or "auto").strip().lower()
    if value not in PRECISIONS:
        raise PrecisionError(f"unknown precision {requested!r}: choose one of {', '.join(PRECISIONS)}")
    if cuda is None or bf16_supported is None:
        import torch

        cuda = torch.cuda.is_available() if cuda is None else cuda
        if bf16_supported is None:
            bf16_supported = bool(cuda and native_bf16())
    device = "cuda" if cuda else "cpu"
    if value == "auto":
        name = ("bf16" if bf16_supported else "fp16") if cuda else "fp32"
        return Precision(name, device, "auto")
    if value == "fp16" and not cuda:
        raise PrecisionError(
            "precision fp16 needs a CUDA GPU (fp16 training on the CPU is not supported): "
            "choose 'auto', 'fp32' or 'bf16'"
        )
    if value == "bf16" and cuda and not bf16_supported:
        raise PrecisionError("this GPU has no bfloat16 support (it is older than Ampere): choose 'auto' or 'fp16'")
    return Precision(value, device, value)


def precision_setting(default: str = "auto") -> Any:
    """The ``precision`` field of a job config."""
    from engine.jobs.config import setting

    return setting(default, PRECISION_HELP, choices=PRECISIONS, advanced=True)


def gradient_checkpointing_setting() -> Any:
    """The ``gradient_checkpointing`` field of a training job's config."""
    from engine.jobs.config import setting

    return setting(False, GRADIENT_CHECKPOINTING_HELP, advanced=True)


def torch_device(precision: Precision) -> Any:
    """The ``torch.device`` of this process: ``cpu``, or the GPU of its local rank (``LOCAL_RANK``, set by
    ``accelerate launch``; GPU 0 when alone)."""
    import os

    import torch

    if precision.device == "cpu":
        return torch.device("cpu")
    return torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0") or 0))


def place(model: Any, precision: Precision) -> Any:
    """``model`` moved to this process's device (:func:`torch_device`; a no-op on the CPU), in eval mode."""
    if precision.device != "cpu":
        model.to(torch_device(precision))
    model.eval()
    return model


DTYPE_NAMES = {"bf16": "bfloat16", "fp16": "float16", "fp32": "float32"}


def trainer_args(precision: Precision, gradient_checkpointing: bool = False) -> dict[str, Any]:
    """``TrainingArguments`` keywords for a precision and the gradient-checkpointing setting: ``bf16``, ``fp16``,
    ``use_cpu`` and ``gradient_checkpointing`` (non-reentrant, which works with LoRA's frozen inputs).

    Under ``accelerate launch`` the shipped configs say ``mixed_precision: 'no'``; the training arguments' own
    ``bf16``/``fp16`` override that (transformers rewrites ``ACCELERATE_MIXED_PRECISION`` before it builds the
    DeepSpeed config), so a DeepSpeed run trains, and ZeRO-3 shards, in the job's precision."""
    out: dict[str, Any] = {
        **precision.trainer_flags(),
        "use_cpu": precision.device == "cpu",
        "gradient_checkpointing": bool(gradient_checkpointing),
    }
    if gradient_checkpointing:
        out["gradient_checkpointing_kwargs"] = {"use_reentrant": False}
    return out


def reference_init_kwargs(path: str, precision: Precision, trust_remote_code: bool = False) -> dict[str, Any]:
    """``model_init_kwargs`` for a frozen reference model TRL loads from ``path`` itself: the attention the studio
    loads that model with (:func:`engine.models.attention_kwargs`, read from its config alone, so no model has to
    be loaded first) and the precision's dtype (a name, so the trainer's config stays JSON)."""
    from transformers import AutoConfig

    from engine.models.loading import attention_kwargs, hub_offline, is_local

    config = AutoConfig.from_pretrained(
        str(path), trust_remote_code=trust_remote_code, local_files_only=is_local(path) or hub_offline()
    )
    return {**attention_kwargs(config), "dtype": DTYPE_NAMES[precision.name]}


def inference_model(path: str, precision: Precision, trust_remote_code: bool = False) -> Any:
    """A causal LM that only generates: loaded in the precision's dtype, on this process's device, in eval
    mode."""
    from engine.models.loading import load_causal_lm

    return place(load_causal_lm(path, trust_remote_code=trust_remote_code, dtype=precision.load_dtype()), precision)
