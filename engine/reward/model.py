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

from engine.paths import user_path

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
    # a new head sits where the backbone's weights are (a 4-bit backbone loads straight onto its device) and in
    # their dtype — the embeddings', as a quantised backbone's linear weights are packed integers
    embeddings = model.get_input_embeddings().weight
    if spec["type"] == "likelihood":
        from engine.reward.likelihood_head import wrap

        wrap(model, lm_head.to(embeddings.device) if lm_head is not None else None)
    elif spec["type"] == "mlp":
        model.score = mlp_head(_hidden_size(model.config), int(spec.get("hidden_size", 256))).to(
            device=embeddings.device, dtype=embeddings.dtype)
    setattr(model.config, HEAD_KEY, spec)
    return model


UNQUANTISED_MODULES = ("score",)
"""Modules QLoRA's 4-bit loading leaves in full precision: the reward head, which trains in full."""


def qlora_quantization(compute_dtype: Any) -> Any:
    """The ``BitsAndBytesConfig`` of QLoRA (Dettmers et al., 2023): a 4-bit NF4 backbone with double quantisation
    (the block scales quantised too), matrix products in ``compute_dtype``, the reward head unquantised (the MLP
    and likelihood heads are added after loading, so they never are)."""
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                              bnb_4bit_compute_dtype=compute_dtype, llm_int8_skip_modules=list(UNQUANTISED_MODULES))


def _quantization_kwargs(quantization: Any, device: Any) -> dict[str, Any]:
    if quantization is None:
        return {}
    # a 4-bit model is quantised as it loads, on its device, and is never moved afterwards; its unquantised
    # weights keep the dtype asked for (``None``: float32 — transformers would pick float16 for bitsandbytes)
    return {"quantization_config": quantization, "device_map": {"": device if device is not None else "cpu"}}


def _dtype_kwargs(dtype: Any, quantization: Any) -> dict[str, Any]:
    if dtype is None and quantization is not None:
        dtype = torch.float32
    return {"dtype": dtype} if dtype is not None else {}


def _one_4bit_layout(model: Any) -> Any:
    """``model`` with bitsandbytes' CPU inference repacking off: on a CPU with AVX-512 BF16 a 4-bit layer repacks
    its weight in place the first time it runs in eval mode without gradients — the trainer's evaluations would
    switch a training model's weights between two layouts, and a layer narrower than 64 inputs fails there. The
    plain 4-bit kernels serve training and evaluation alike."""
    for module in model.modules():
        if hasattr(module, "support_avx512bf16_for_cpu"):
            module.support_avx512bf16_for_cpu = False
    return model


def build_reward_model(base: str | Path, *, head: str = "linear", mlp_hidden: int = 256,
                       pad_token_id: int | None = None, trust_remote_code: bool = False, seed: int = 0,
                       dtype: Any = None, quantization: Any = None, device: Any = None) -> Any:
    """A new reward model: the backbone of a causal LM (folder or hub id) with a fresh reward head; ``dtype``
    (a ``torch.dtype``; ``None``: float32) is the weights' dtype, the head's too. ``quantization`` (e.g.
    :func:`qlora_quantization`) loads the backbone's linear layers quantised, onto ``device`` (``None``: the
    CPU); the head stays unquantised."""
    from transformers import AutoConfig, AutoModelForSequenceClassification

    from engine.models.loading import ModelLoadError, attention_kwargs, check_model, has_safetensors, hub_offline

    if head not in HEADS:
        raise ValueError(f"reward head must be one of {HEADS}, not {head!r}")
    check = check_model(base, need_tokenizer=False)
    if not check.ok:
        raise ModelLoadError(check.message)
    local = check.kind == "local"
    source = str(user_path(str(base)).resolve()) if local else str(base)
    config = AutoConfig.from_pretrained(source, num_labels=1, trust_remote_code=trust_remote_code,
                                        local_files_only=local or hub_offline())
    if pad_token_id is not None:
        config.pad_token_id = pad_token_id
    kwargs: dict[str, Any] = {"config": config, "trust_remote_code": trust_remote_code,
                              "local_files_only": local or hub_offline()}
    kwargs.update(attention_kwargs(config))
    if local and has_safetensors(source):
        kwargs["use_safetensors"] = True
    kwargs.update(_dtype_kwargs(dtype, quantization))
    torch.manual_seed(seed)
    model = AutoModelForSequenceClassification.from_pretrained(source, **kwargs,
                                                               **_quantization_kwargs(quantization, device))
    if quantization is not None:
        _one_4bit_layout(model)
    lm_head = None
    if head == "likelihood":
        from engine.reward.likelihood_head import output_layer

        # the output layer (when untied) loads unquantised: it is part of the head's log-likelihood
        lm_head = output_layer(source, config, {k: v for k, v in kwargs.items() if k != "config"})
    spec = {"type": head, "hidden_size": mlp_hidden} if head == "mlp" else {"type": head}
    return _apply_head(model, spec, lm_head)


def load_reward_model(path: str | Path, *, trust_remote_code: bool = False, dtype: Any = None,
                      quantization: Any = None, device: Any = None) -> Any:
    """A saved reward model (any of :data:`HEADS`) from its folder, in eval mode; ``dtype`` (a ``torch.dtype``;
    ``None``: float32) is the weights' dtype. ``quantization`` loads the backbone quantised onto ``device`` (as
    :func:`build_reward_model`), the head unquantised."""
    from safetensors import SafetensorError

    from engine.models.loading import damaged_weights

    try:
        return _load_reward_model(path, trust_remote_code=trust_remote_code, dtype=dtype, quantization=quantization,
                                  device=device)
    except SafetensorError as exc:  # a weights file safetensors cannot read: one line, not a traceback
        raise damaged_weights(path, exc) from exc


def _load_reward_model(path: str | Path, *, trust_remote_code: bool, dtype: Any, quantization: Any,
                       device: Any) -> Any:
    from transformers import AutoConfig, AutoModelForSequenceClassification

    from engine.models.loading import attention_kwargs

    folder = user_path(path).resolve()
    config = AutoConfig.from_pretrained(folder, trust_remote_code=trust_remote_code, local_files_only=True)
    spec = head_spec(config)
    extra = attention_kwargs(config)
    if spec["type"] == "linear" or quantization is not None:
        model = AutoModelForSequenceClassification.from_pretrained(
            folder, config=config, trust_remote_code=trust_remote_code, local_files_only=True, use_safetensors=True,
            **_dtype_kwargs(dtype, quantization), **extra, **_quantization_kwargs(quantization, device),
            **_backbone_key_mapping(spec, folder))
        if spec["type"] != "linear":
            _load_head(model, spec, folder)
        if quantization is not None:
            _one_4bit_layout(model)
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


def _backbone_key_mapping(spec: dict, folder: Path) -> dict[str, Any]:
    """``from_pretrained``'s ``key_mapping`` that reads a saved likelihood head's backbone (``<prefix>.inner.…``,
    wrapped by :class:`~engine.reward.likelihood_head.LikelihoodBackbone`) as the plain backbone's weights."""
    if spec["type"] != "likelihood":
        return {}
    import re

    from safetensors import safe_open

    keys: list[str] = []
    for file in sorted(folder.glob("*.safetensors")):
        with safe_open(str(file), framework="pt") as fh:  # closed again (a handle per shard stayed open)
            keys.extend(fh.keys())
    prefixes = {m.group(1) for k in keys if (m := re.match(r"^(\w+)\.inner\.", k))}
    return {"key_mapping": {rf"^{re.escape(p)}\.inner\.": f"{p}." for p in prefixes}}


def _load_head(model: Any, spec: dict, folder: Path) -> None:
    """Give ``model`` (its backbone loaded by ``from_pretrained``, quantised or not) the saved MLP or likelihood
    head: the head's modules are built and their saved weights loaded — every one of them, or an error."""
    from engine.models.loading import load_state_dict
    from engine.reward.likelihood_head import empty_output_layer

    embeddings = model.get_input_embeddings().weight
    _apply_head(model, spec, empty_output_layer(model.config) if spec["type"] == "likelihood" else None)
    prefix = model.base_model_prefix
    head_keys = ("score.", f"{prefix}.lm_head.")
    state = load_state_dict(folder, head_keys)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if k.startswith(head_keys)]
    if missing or unexpected:
        raise ValueError(f"{folder}: the saved {spec['type']} head does not fit (missing {missing}, "
                         f"unexpected {unexpected})")
    model.score.to(device=embeddings.device, dtype=embeddings.dtype)


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
