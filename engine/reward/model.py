"""Build, save and load reward models as Hugging Face sequence classifiers with ``num_labels=1``.

The linear head is the architecture's own ``score`` layer. The MLP head replaces it with
``Linear(hidden, H) → GELU → Linear(H, 1)``; the likelihood head (:mod:`engine.reward.likelihood_head`) adds
learned weights on the backbone's own log-likelihood of the sequence to the linear head. The config records the
head (``tarjama_reward_head``) so that :func:`load_reward_model` rebuilds the same modules before loading the
safetensors weights. Every head keeps the shape TRL's PPO reads: ``getattr(model, model.base_model_prefix)`` is
the backbone and ``model.score(hidden_states)`` gives the reward logits.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from torch import nn

HEAD_KEY = "tarjama_reward_head"
HEADS = ("linear", "mlp", "likelihood")


def head_spec(config: Any) -> dict:
    """The reward head a config describes (``{"type": "linear"}`` when it says nothing)."""
    spec = getattr(config, HEAD_KEY, None) or {"type": "linear"}
    if spec.get("type") not in HEADS:
        raise ValueError(f"unknown reward head {spec!r}")
    return dict(spec)


def mlp_head(hidden_size: int, mlp_hidden: int) -> nn.Sequential:
    """The MLP reward head: hidden → mlp_hidden → 1 (no bias on the output, like the linear head)."""
    return nn.Sequential(nn.Linear(hidden_size, mlp_hidden), nn.GELU(), nn.Linear(mlp_hidden, 1, bias=False))


def _hidden_size(config: Any) -> int:
    for name in ("hidden_size", "d_model", "n_embd"):
        if getattr(config, name, None):
            return int(getattr(config, name))
    raise ValueError("cannot tell the backbone's hidden size from its config")


def _apply_head(model: Any, spec: dict, lm_head: nn.Module | None = None) -> Any:
    if spec["type"] == "likelihood":
        from engine.reward.likelihood_head import wrap

        wrap(model, lm_head)
    elif spec["type"] == "mlp":
        dtype = next(model.parameters()).dtype
        model.score = mlp_head(_hidden_size(model.config), int(spec.get("hidden_size", 256))).to(dtype)
    setattr(model.config, HEAD_KEY, spec)
    return model


def build_reward_model(base: str | Path, *, head: str = "linear", mlp_hidden: int = 256,
                       pad_token_id: int | None = None, trust_remote_code: bool = False, seed: int = 0,
                       dtype: Any = None) -> Any:
    """A new reward model: the backbone of a causal LM (folder or hub id) with a fresh reward head; ``dtype``
    (a ``torch.dtype``; ``None``: float32) is the weights' dtype, the head's too."""
    from transformers import AutoConfig, AutoModelForSequenceClassification

    from engine.models.loading import ModelLoadError, attention_kwargs, check_model, has_safetensors, hub_offline

    if head not in HEADS:
        raise ValueError(f"reward head must be one of {HEADS}, not {head!r}")
    check = check_model(base, need_tokenizer=False)
    if not check.ok:
        raise ModelLoadError(check.message)
    local = check.kind == "local"
    source = str(Path(str(base)).expanduser().resolve()) if local else str(base)
    config = AutoConfig.from_pretrained(source, num_labels=1, trust_remote_code=trust_remote_code,
                                        local_files_only=local or hub_offline())
    if pad_token_id is not None:
        config.pad_token_id = pad_token_id
    kwargs: dict[str, Any] = {"config": config, "trust_remote_code": trust_remote_code,
                              "local_files_only": local or hub_offline()}
    kwargs.update(attention_kwargs(config))
    if local and has_safetensors(source):
        kwargs["use_safetensors"] = True
    if dtype is not None:
        kwargs["dtype"] = dtype
    torch.manual_seed(seed)
    model = AutoModelForSequenceClassification.from_pretrained(source, **kwargs)
    lm_head = None
    if head == "likelihood":
        from engine.reward.likelihood_head import output_layer

        lm_head = output_layer(source, config, {k: v for k, v in kwargs.items() if k != "config"})
    spec = {"type": head, "hidden_size": mlp_hidden} if head == "mlp" else {"type": head}
    return _apply_head(model, spec, lm_head)


def load_reward_model(path: str | Path, *, trust_remote_code: bool = False, dtype: Any = None) -> Any:
    """A saved reward model (any of :data:`HEADS`) from its folder, in eval mode; ``dtype`` (a ``torch.dtype``;
    ``None``: float32) is the weights' dtype."""
    from transformers import AutoConfig, AutoModelForSequenceClassification

    from engine.models.loading import attention_kwargs

    folder = Path(path).expanduser().resolve()
    config = AutoConfig.from_pretrained(folder, trust_remote_code=trust_remote_code, local_files_only=True)
    spec = head_spec(config)
    extra = attention_kwargs(config)
    if spec["type"] == "linear":
        model = AutoModelForSequenceClassification.from_pretrained(
            folder, config=config, trust_remote_code=trust_remote_code, local_files_only=True, use_safetensors=True,
            **({"dtype": dtype} if dtype is not None else {}), **extra)
    else:
        from engine.models.loading import load_state_dict
        from engine.reward.likelihood_head import empty_output_layer

        model = AutoModelForSequenceClassification.from_config(config, trust_remote_code=trust_remote_code, **extra)
        _apply_head(model, spec, empty_output_layer(config) if spec["type"] == "likelihood" else None)
        model.load_state_dict(load_state_dict(folder), strict=True)
        if dtype is not None:
            model.to(dtype)
    model.eval()
    return model


def save_reward_model(model: Any, tokenizer: Any, folder: str | Path, *, prompt_format: str, **card: Any) -> Path:
    """Save model (safetensors), tokenizer and the studio's model card into ``folder``."""
    from engine.models.prompting import write_model_card

    folder = Path(folder)
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    write_model_card(folder, prompt_format, created_by="reward", **card)
    return folder


def is_reward_model(path: str | Path) -> bool:
    """Whether a local folder holds a saved reward model (a sequence classifier with one label)."""
    config_file = Path(path) / "config.json"
    if not config_file.exists():
        return False
    data = json.loads(config_file.read_text())
    archs = data.get("architectures") or []
    return any(a.endswith("ForSequenceClassification") for a in archs) and data.get("num_labels", 1) == 1 \
        or HEAD_KEY in data
