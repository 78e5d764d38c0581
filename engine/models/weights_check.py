"""Do a folder's safetensors weights fit the model its config describes? Checked from the files' headers only.

Registration loads a model's config and tokenizer but not its weights (gigabytes). A config that does not match
the weights — a hidden size, a vocabulary or a layer count edited, or a config copied from another size of the
family — was found only when the first job loaded the model: as a shape error, or worse, silently, since
transformers initialises the weights a checkpoint lacks at random and ignores those it has in excess. Here the
model is built on PyTorch's ``meta`` device (no memory) and its parameter shapes compared with the shapes in the
safetensors headers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHOWN = 3
"""Parameters named in a message, per kind of problem."""
_LAYER = re.compile(r"(?:^|\.)layers?\.(\d+)\.")


def _checkpoint_shapes(folder: Path) -> dict[str, tuple[int, ...]]:
    from safetensors import safe_open

    shapes: dict[str, tuple[int, ...]] = {}
    for file in sorted(folder.glob("*.safetensors")):
        with safe_open(str(file), framework="pt") as handle:
            for key in handle.keys():  # noqa: SIM118 — safe_open is not a mapping
                shapes[key] = tuple(handle.get_slice(key).get_shape())
    return shapes


def _expected(config: Any, trust_remote_code: bool
              ) -> tuple[dict[str, tuple[int, ...]], set[str], str, Callable[[str], str]]:
    """The shapes of the parameters and persistent buffers of the causal LM ``config`` describes, the names
    transformers ties to another parameter (absent from a checkpoint), the base model's prefix, and how a checkpoint
    key is renamed on load (the model's own fix-ups and its class's ``_checkpoint_conversion_mapping``: Gemma-3's
    files hold ``language_model.model.*`` for its ``model.language_model.*``)."""
    import torch
    from transformers import AutoModelForCausalLM

    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(config, trust_remote_code=trust_remote_code)
    shapes = {name: tuple(tensor.shape) for name, tensor in model.state_dict().items()}
    tied = getattr(model, "_tied_weights_keys", None) or []
    tied_names = set(tied.keys() if isinstance(tied, dict) else tied) if getattr(
        config, "tie_word_embeddings", False) else set()
    mapping = dict(getattr(model, "_checkpoint_conversion_mapping", None) or {})
    fix = getattr(model, "_fix_state_dict_key_on_load", None)

    def renamed(key: str) -> str:  # as PreTrainedModel._get_key_renaming_mapping renames it
        if fix is not None:
            key = fix(key)[0]
        for pattern, replacement in mapping.items():
            key, n = re.subn(pattern, replacement, key)
            if n:
                break
        return key

    return shapes, tied_names, getattr(model, "base_model_prefix", "") or "", renamed


def _strip(name: str, prefix: str) -> str:
    return name[len(prefix) + 1:] if prefix and name.startswith(prefix + ".") else name


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:SHOWN])
    return shown + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def weights_problem(folder: str | Path, config: Any, trust_remote_code: bool = False) -> str | None:
    """Why ``folder``'s safetensors weights do not fit ``config`` (None when they do, or when there are no
    safetensors files to read: ``.bin`` weights are only read by loading them)."""
    folder = Path(folder)
    if not any(folder.glob("*.safetensors")):
        return None
    try:
        found = _checkpoint_shapes(folder)
    except Exception as exc:  # noqa: BLE001 — safetensors raises its own error type for a damaged header
        return f"its weights cannot be read ({str(exc)[:200]})"
    expected, tied, prefix, renamed = _expected(config, trust_remote_code)
    ours = {_strip(k, prefix): v for k, v in expected.items()}
    theirs = {_strip(renamed(k), prefix): v for k, v in found.items()}
    tied = {_strip(k, prefix) for k in tied}
    wrong = [f"{k} {list(theirs[k])} where the config makes {list(v)}" for k, v in ours.items()
             if k in theirs and theirs[k] != v]
    missing = [k for k in ours if k not in theirs and k not in tied]
    layers = 1 + max((int(m.group(1)) for k in ours if (m := _LAYER.search(k))), default=-1)
    extra = [k for k in theirs if k not in ours and (m := _LAYER.search(k)) and int(m.group(1)) >= layers]
    problems = []
    if wrong:
        problems.append(f"shapes differ: {_listed(wrong)}")
    if missing:
        problems.append(f"{len(missing)} weights the config asks for are not in the files ({_listed(missing)}): "
                        "transformers would start them at random")
    if extra:
        problems.append(f"the files hold layers the config does not have ({_listed(extra)}): they would be ignored")
    if not problems:
        return None
    return ("its config.json does not match its weights — " + "; ".join(problems)
            + f" (config: {json.dumps(_summary(config))}). Use the config saved with these weights.")


def _summary(config: Any) -> dict[str, Any]:
    keys = ("model_type", "hidden_size", "num_hidden_layers", "vocab_size")
    return {k: getattr(config, k) for k in keys if getattr(config, k, None) is not None}
