"""A model moved along the line from its starting point through a trained version: ``base + weight × (tuned − base)``.

A weight of 1 is the tuned model, 0 the base; between them it interpolates (WiSE-FT: part of the way back, which
often keeps more of what the base knew off the training distribution), above 1 it *extrapolates* (ExPO, Zheng et
al. 2024, "Weak-to-strong extrapolation expedites alignment": an aligned model is often a step of a longer useful
move from its SFT model, so going further along the same direction can gain more — or overshoot, which is why
the weight is chosen on held-out data). Every floating-point tensor is moved; the others (integer buffers) are the
tuned model's. The two models must have the same architecture (the same tensor names and shapes).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import torch

from engine.models.loading import WEIGHT_FILES, load_state_dict


class ExtrapolationError(ValueError):
    """The two models cannot be combined: their tensors differ in name or shape."""


def extrapolate_state(base: dict[str, torch.Tensor], tuned: dict[str, torch.Tensor],
                      weight: float) -> dict[str, torch.Tensor]:
    """``base + weight × (tuned − base)`` for every floating-point tensor (computed in float32, stored in the tuned
    tensor's dtype); the tuned model's tensor for the rest. Raises :class:`ExtrapolationError` when the names or
    shapes differ."""
    if set(base) != set(tuned):
        missing = sorted(set(base) ^ set(tuned))[:3]
        raise ExtrapolationError(f"the two models have different tensors (e.g. {', '.join(missing)})")
    out: dict[str, torch.Tensor] = {}
    for name, t in tuned.items():
        b = base[name]
        if b.shape != t.shape:
            raise ExtrapolationError(f"{name}: shape {tuple(b.shape)} in the base model, {tuple(t.shape)} tuned")
        if not t.is_floating_point():
            out[name] = t.clone()
            continue
        moved = b.float() + weight * (t.float() - b.float())
        out[name] = moved.to(t.dtype).contiguous()
    return out


def write_model_folder(state: dict[str, torch.Tensor], like_dir: Path | str, out_dir: Path | str) -> Path:
    """A model folder with new weights: ``state`` as one ``model.safetensors`` in ``out_dir``, beside copies of
    ``like_dir``'s other files (config, tokenizer, model card; not its weights); ``out_dir``."""
    from safetensors.torch import save_file

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for item in Path(like_dir).iterdir():
        if item.is_file() and item.name not in WEIGHT_FILES and not item.name.endswith(".safetensors"):
            shutil.copy2(item, out_dir / item.name)
    save_file(state, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    return out_dir


def extrapolate_model(base_dir: Path | str, tuned_dir: Path | str, out_dir: Path | str, weight: float) -> Path:
    """Write ``base + weight × (tuned − base)`` to ``out_dir`` as a model folder like the tuned one
    (:func:`write_model_folder`); ``out_dir``."""
    state = extrapolate_state(load_state_dict(base_dir), load_state_dict(tuned_dir), weight)
    return write_model_folder(state, tuned_dir, out_dir)
