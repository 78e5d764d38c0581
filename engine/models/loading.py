"""Load a tokenizer and a causal LM from a local folder or a Hugging Face hub id, and check one first.

:func:`check_model` answers quickly, without loading weights, with a message a person can act on: a
folder that does not exist, a folder that is not a model folder, a hub id that is not in the local
cache while the hub cannot be reached. The loaders run the same check and raise
:class:`ModelLoadError` with that message instead of a long transformers traceback.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from safetensors import SafetensorError

from engine.paths import user_path

if TYPE_CHECKING:
    import torch

CONFIG_FILE = "config.json"
WEIGHT_FILES = (
    "model.safetensors",
    "model.safetensors.index.json",
    "pytorch_model.bin",
    "pytorch_model.bin.index.json",
)
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "tokenizer.model", "vocab.json")
EAGER_ATTENTION_MODEL_TYPES = ("gemma2", "gemma3", "gemma3_text")
"""Architectures whose attention-logit soft-capping wants eager attention (as their model cards recommend)."""


def attention_kwargs(config: Any) -> dict[str, Any]:
    """``from_pretrained`` keyword arguments for a model's attention: eager where attention logits are soft-capped.

    Gemma-2/3 models with ``attn_logit_softcapping`` set need eager attention (SDPA cannot apply the cap); the
    studio's own demo models have no attention cap, so they keep transformers' default (SDPA), about twice as
    fast for generation on a CPU.
    """
    if getattr(config, "model_type", None) in EAGER_ATTENTION_MODEL_TYPES and (
        getattr(config, "attn_logit_softcapping", None) is not None
    ):
        return {"attn_implementation": "eager"}
    return {}

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.\-]*(/[A-Za-z0-9][\w.\-]*)?$")
_TRUE = ("1", "true", "yes", "on")


class ModelLoadError(OSError):
    """A model or tokenizer cannot be loaded; the message says why and what to do."""


@dataclass(frozen=True)
class ModelCheck:
    """The outcome of :func:`check_model`: whether it can be loaded, a human message, and its kind."""

    ok: bool
    message: str
    kind: Literal["local", "hub"]
    model_type: str | None = None


def keep_hub_offline(env: MutableMapping[str, str]) -> None:
    """Set ``HF_HUB_OFFLINE=1`` in ``env`` unless it is set already or the user asked for the hub with
    ``TARJAMA_OFFLINE=0``: the studio, its command line and its jobs never reach the network unasked. Call it before
    ``huggingface_hub`` is imported (it reads the variable once); the studio's own loads read it at call time."""
    if env.get("TARJAMA_OFFLINE", "1").strip() != "0":
        env.setdefault("HF_HUB_OFFLINE", "1")


def hub_offline() -> bool:
    """Whether the hub is off limits (``HF_HUB_OFFLINE`` / ``TRANSFORMERS_OFFLINE``), read at call time."""
    return any(
        os.environ.get(name, "").strip().lower() in _TRUE
        for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def is_local(name_or_path: str | Path) -> bool:
    """Whether ``name_or_path`` means a local folder (it exists, or is written like a path) rather
    than a hub id such as ``google/gemma-2-2b``."""
    if isinstance(name_or_path, Path):
        return True
    text = str(name_or_path).strip()
    if user_path(text).exists():
        return True
    if text.startswith(("/", "./", "../", "~", ".")) or "\\" in text or text.count("/") > 1:
        return True
    return not _HUB_ID.match(text)


def _local_path(name_or_path: str | Path) -> Path:
    return user_path(str(name_or_path).strip()).resolve()


def stored_location(name_or_path: str | Path) -> str:
    """What the registry stores for a model the check accepted: a local folder as an absolute path (jobs run in
    their run folder, where a relative one named nothing and was then looked up on the hub), a hub id as typed."""
    return str(_local_path(name_or_path)) if is_local(name_or_path) else str(name_or_path).strip()


def has_safetensors(folder: Path | str) -> bool:
    """Whether a local model folder holds safetensors weights."""
    folder = Path(folder)
    return folder.is_dir() and any(folder.glob("*.safetensors"))


def encoder_decoder_refusal(name: str, model_type: str) -> str:
    """Why an encoder-decoder model is refused: the studio's jobs load causal LMs, and transformers would load such
    a folder as a bare decoder with no encoder and new random embeddings and head, without an error."""
    return (f"{name} is an encoder-decoder ({model_type}) model: the studio trains and serves decoder-only causal "
            "language models (Gemma, Llama, Qwen, Mistral …); a sequence-to-sequence MT model such as Marian, NLLB "
            "or T5 cannot be registered")


def _check_local(path: Path, need_tokenizer: bool) -> ModelCheck:
    if not path.exists():
        return ModelCheck(False, f"model folder {path} does not exist", "local")
    if not path.is_dir():
        return ModelCheck(
            False,
            f"{path} is a file, not a model folder (choose the folder that holds "
            f"config.json and the weights)",
            "local",
        )
    config_file = path / CONFIG_FILE
    if not config_file.is_file():
        hint = (
            " It holds a LoRA adapter (adapter_config.json): merge it into its base model first."
            if (path / "adapter_config.json").is_file()
            else ""
        )
        return ModelCheck(
            False,
            f"{path} is not a model folder: it has no {CONFIG_FILE} (expected a "
            f"Hugging Face save_pretrained folder).{hint}",
            "local",
        )
    try:
        config = json.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return ModelCheck(False, f"{config_file} cannot be read: {exc}", "local")
    model_type = config.get("model_type") if isinstance(config, dict) else None
    if not model_type:
        return ModelCheck(
            False, f"{config_file} names no model_type: not a transformers model folder", "local"
        )
    if config.get("is_encoder_decoder"):
        return ModelCheck(False, encoder_decoder_refusal(str(path), model_type), "local", model_type)
    weights = [name for name in WEIGHT_FILES if (path / name).is_file()] or [
        p.name for p in path.glob("*.safetensors")
    ]
    if not weights:
        return ModelCheck(
            False,
            f"{path} has a {CONFIG_FILE} but no weights (model.safetensors or pytorch_model.bin)",
            "local",
            model_type,
        )
    if missing := missing_shards(path):  # an index alone was taken for weights: the first load failed
        return ModelCheck(False, f"{path}: its weights index names shards that are not there ({missing})", "local",
                          model_type)
    has_tokenizer = any((path / name).is_file() for name in TOKENIZER_FILES)
    if need_tokenizer and not has_tokenizer:
        return ModelCheck(
            False,
            f"{path} has a {model_type} model but no tokenizer files "
            f"(tokenizer.json / tokenizer_config.json)",
            "local",
            model_type,
        )
    from engine.models.prompting import read_model_card

    try:
        card = read_model_card(path)
    except ValueError as exc:
        return ModelCheck(False, str(exc), "local", model_type)
    fmt = f", prompt format {card.prompt_format}" if card else ""
    kind_of_weights = "safetensors" if has_safetensors(path) else "PyTorch .bin"
    tok = ", tokenizer" if has_tokenizer else ", no tokenizer"
    return ModelCheck(
        True, f"local {model_type} model in {path} ({kind_of_weights} weights{tok}{fmt})", "local", model_type
    )


def _cached_hub_file(repo_id: str, filename: str) -> str | None:
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, filename)
    return found if isinstance(found, str) else None


HUB_WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
                    "pytorch_model.bin.index.json")
"""The files one of which a hub model's cached copy needs to load."""


def _check_hub(repo_id: str, need_tokenizer: bool) -> ModelCheck:
    cached_config = _cached_hub_file(repo_id, CONFIG_FILE)
    if cached_config is not None:
        try:
            model_type = json.loads(Path(cached_config).read_text(encoding="utf-8")).get("model_type")
        except (OSError, ValueError):
            model_type = None
        if hub_offline() and not any(_cached_hub_file(repo_id, name) for name in HUB_WEIGHT_FILES):
            # an interrupted download, or one of `--include "*.json"`: it passed, and the Translate page showed
            # transformers' AttributeError with its stack
            return ModelCheck(
                False,
                f"{repo_id}'s copy in the local Hugging Face cache has its config but no weights (an interrupted "
                "download?), and the studio keeps the hub offline: download it again, or point to a local folder",
                "hub", model_type,
            )
        return ModelCheck(
            True,
            f"{repo_id} is in the local Hugging Face cache ({model_type or 'unknown type'})",
            "hub",
            model_type,
        )
    if hub_offline():
        return ModelCheck(
            False,
            f"{repo_id} is not in the local Hugging Face cache, and the studio keeps the hub offline "
            f"(HF_HUB_OFFLINE=1) — start it with TARJAMA_OFFLINE=0 to let it download (this machine needs "
            f"internet), or download the model elsewhere and point to its folder",
            "hub",
        )
    from huggingface_hub import HfApi
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError

    try:
        info = HfApi().model_info(repo_id, timeout=5.0)
    except GatedRepoError:
        return ModelCheck(
            False,
            f"{repo_id} is gated on the hub: accept its licence on huggingface.co and log "
            f"in (huggingface-cli login), or point to a local folder",
            "hub",
        )
    except RepositoryNotFoundError:
        return ModelCheck(
            False,
            f"there is no model {repo_id} on the hub (or it is private: log in with huggingface-cli login)",
            "hub",
        )
    except Exception as exc:  # noqa: BLE001 - any network failure means the same thing to the user
        return ModelCheck(
            False,
            f"{repo_id} is not in the local Hugging Face cache and the hub cannot be "
            f"reached ({type(exc).__name__}) — download it on a machine with internet, "
            f"or point to a local folder",
            "hub",
        )
    model_type = (info.config or {}).get("model_type") if getattr(info, "config", None) else None
    return ModelCheck(True, f"{repo_id} is on the hub; it will be downloaded on first use", "hub", model_type)


def check_model(name_or_path: str | Path, need_tokenizer: bool = True) -> ModelCheck:
    """Whether a local folder or hub id can be loaded as a model, with a message saying why not.

    Never loads weights. With ``HF_HUB_OFFLINE=1`` a hub id is looked up in the local cache only,
    so the answer is immediate.
    """
    text = str(name_or_path).strip()
    if not text:
        return ModelCheck(False, "no model given: enter a local folder or a hub id", "local")
    shown = text if len(text) <= 80 else text[:77] + "…"
    if "\x00" in text:
        return ModelCheck(False, f"{shown!r} holds a NUL character: not a folder or hub id", "local")
    try:
        if is_local(name_or_path):
            return _check_local(_local_path(text), need_tokenizer)
        return _check_hub(text, need_tokenizer)
    except (OSError, RuntimeError, ValueError) as exc:  # a name too long for the file system, '~user' of no
        # such user, a hub id the hub's naming rules refuse (HFValidationError)
        detail = (str(exc).splitlines() or [type(exc).__name__])[0]
        detail = detail if len(detail) <= 120 else detail[:119] + "…"
        return ModelCheck(False, f"{shown!r} cannot be a model folder or hub id ({detail})", "local")


def masked_lm_refusal(name: str, config: Any) -> str | None:
    """Why a model cannot be a policy because it is a bidirectional encoder (BERT, RoBERTa, XLM-R, …), or ``None``.

    transformers maps these model types to a causal-LM class too (``BertLMHeadModel``), which loads a masked LM
    without complaint; without ``is_decoder`` every position attends to the ones after it, so what it generates
    left to right is noise."""
    from transformers.models.auto.modeling_auto import (
        MODEL_FOR_CAUSAL_LM_MAPPING_NAMES,
        MODEL_FOR_MASKED_LM_MAPPING_NAMES,
    )

    model_type = getattr(config, "model_type", None)
    if model_type not in MODEL_FOR_MASKED_LM_MAPPING_NAMES or model_type not in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
        return None
    if getattr(config, "is_decoder", False) or getattr(config, "causal", False):  # trained left to right
        return None
    return (f"{name} is a {model_type} encoder (a masked language model: each word sees the words after it), "
            "which cannot write a translation left to right: register it as a reward-model base, or choose a "
            "decoder-only model (Gemma, Llama, Qwen, GPT-2, …) as the policy")


_TRANSFORMERS_IMPORT = threading.Lock()


def import_transformers() -> None:
    """Import transformers' auto classes once, one thread at a time: two of the studio's page threads importing it at
    once (two forms sent within a second) had one fail with "cannot import name 'AutoConfig' from 'transformers'" —
    a module still being initialised by the other — and a registration was lost to a traceback."""
    with _TRANSFORMERS_IMPORT:
        import transformers

        _ = (transformers.AutoConfig, transformers.AutoTokenizer, transformers.AutoModelForCausalLM)


def check_loadable(name_or_path: str | Path, trust_remote_code: bool = False, policy: bool = False) -> ModelCheck:
    """:func:`check_model`, then the config and the tokenizer really loaded, and a local folder's safetensors shapes
    compared with the config's (:func:`engine.models.weights_check.weights_problem`; the weights are not loaded):
    what registration checks, so that a damaged tokenizer, a model that needs remote code, a tokenizer without EOS
    or a config that does not match the weights is refused there with the reason instead of failing in the first
    job. ``policy``: it is to translate, so a masked-LM encoder is refused too (:func:`masked_lm_refusal`)."""
    import_transformers()
    from transformers import AutoConfig

    check = check_model(name_or_path)
    if not check.ok:
        return check
    source, local = _checked_source(check, name_or_path)  # (checked just above: not again)
    try:
        config = AutoConfig.from_pretrained(source, trust_remote_code=trust_remote_code,
                                            local_files_only=local or hub_offline())
        if getattr(config, "is_encoder_decoder", False):
            return ModelCheck(False, encoder_decoder_refusal(str(name_or_path), config.model_type), check.kind,
                              check.model_type)
        if policy and (refusal := masked_lm_refusal(str(name_or_path), config)):
            return ModelCheck(False, refusal, check.kind, check.model_type)
        tokenizer = load_tokenizer(name_or_path, trust_remote_code=trust_remote_code)
        embedded = getattr(config.get_text_config(), "vocab_size", None)
        if embedded and len(tokenizer) > embedded:  # its last ids index no embedding: "index out of range" mid-job
            return ModelCheck(False, f"{name_or_path}: its tokenizer has {len(tokenizer):,} tokens and the model "
                              f"embeds {embedded:,} — tokens were added without resizing the embeddings "
                              "(model.resize_token_embeddings(len(tokenizer)), then save both again)",
                              check.kind, check.model_type)
        if local:  # the weights' shapes against the config's, from the files' headers (a hub model: at load)
            from engine.models.weights_check import weights_problem

            problem = weights_problem(source, config, trust_remote_code=trust_remote_code)
            if problem:
                return ModelCheck(False, f"{name_or_path}: {problem}", check.kind, check.model_type)
    except Exception as exc:  # noqa: BLE001 — tokenizers raises bare Exceptions for a damaged tokenizer.json
        detail = (str(exc).splitlines() or [type(exc).__name__])[0]
        if not trust_remote_code and "trust_remote_code" in str(exc):  # transformers' words name no box to tick
            return ModelCheck(False, f"{name_or_path} needs its own Python code to load (remote code): tick *Trust "
                                     "remote code* only if you trust where it comes from — that code runs in the "
                                     "studio and in every job", check.kind, check.model_type)
        return ModelCheck(False, detail if isinstance(exc, ModelLoadError) else
                          f"{name_or_path} cannot be loaded: {detail[:300]}", check.kind, check.model_type)
    return check


def _source(name_or_path: str | Path, need_tokenizer: bool) -> tuple[str, bool]:
    """The string to hand to ``from_pretrained`` and whether it is local; raises if the check fails."""
    return _checked_source(check_model(name_or_path, need_tokenizer=need_tokenizer), name_or_path)


def _checked_source(check: ModelCheck, name_or_path: str | Path) -> tuple[str, bool]:
    """:func:`_source` for a check already made."""
    if not check.ok:
        raise ModelLoadError(check.message)
    if check.kind == "local":
        return str(_local_path(name_or_path)), True
    return str(name_or_path).strip(), False


def tokenizer_mismatch(a: Any, b: Any) -> str | None:
    """Why two tokenizers do not give the same text the same token ids, or ``None``: the same vocabulary (each token
    and its id) and the same BOS and EOS ids."""
    if a.get_vocab() != b.get_vocab():
        return f"their vocabularies differ ({len(a):,} and {len(b):,} tokens)"
    for token in ("bos", "eos"):
        if getattr(a, f"{token}_token_id") != getattr(b, f"{token}_token_id"):
            return f"their {token.upper()} tokens differ"
    return None


def load_tokenizer(name_or_path: str | Path, trust_remote_code: bool = False) -> Any:
    """The tokenizer of a local folder or hub id; a missing pad token falls back to EOS."""
    import_transformers()
    from transformers import AutoTokenizer

    source, local = _source(name_or_path, need_tokenizer=True)
    try:
        tokenizer = AutoTokenizer.from_pretrained(
            source, trust_remote_code=trust_remote_code, local_files_only=local or hub_offline()
        )
    except Exception as exc:  # noqa: BLE001 — tokenizers raises a bare Exception for a damaged tokenizer.json
        raise ModelLoadError(f"cannot load the tokenizer of {name_or_path}: {exc}") from exc
    if tokenizer.eos_token is None:  # decoding could never stop (and padding had no id)
        raise ModelLoadError(f"the tokenizer of {name_or_path} has no end-of-sequence (eos) token: set eos_token in "
                             "its tokenizer_config.json")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    # a plain PreTrainedTokenizerFast also returns token_type_ids, which causal LMs do not take (TRL's GRPO then
    # passed them to generate(): "model_kwargs are not used by the model: ['token_type_ids']")
    tokenizer.model_input_names = [n for n in tokenizer.model_input_names if n != "token_type_ids"]
    return tokenizer


def _torch_dtype(dtype: Any) -> Any:
    import torch

    if dtype is None or dtype == "auto" or isinstance(dtype, torch.dtype):
        return dtype
    value = getattr(torch, str(dtype).replace("torch.", ""), None)
    if not isinstance(value, torch.dtype):
        raise ValueError(f"unknown dtype {dtype!r} (use e.g. float32, bfloat16 or auto)")
    return value


def load_causal_lm(name_or_path: str | Path, trust_remote_code: bool = False, dtype: Any = None) -> Any:
    """A causal LM from a local folder or hub id, in eval mode.

    Safetensors are required where the folder has them; soft-capped Gemma-2/3 attention is eager
    (:func:`attention_kwargs`). ``dtype``:
    ``None`` (float32), ``"auto"`` (as saved), a ``torch.dtype`` or its name (``"bfloat16"``).
    """
    import_transformers()
    from transformers import AutoConfig, AutoModelForCausalLM

    source, local = _source(name_or_path, need_tokenizer=False)
    offline = local or hub_offline()
    kwargs: dict[str, Any] = {"trust_remote_code": trust_remote_code, "local_files_only": offline}
    try:
        config = AutoConfig.from_pretrained(
            source, trust_remote_code=trust_remote_code, local_files_only=offline
        )
        if getattr(config, "is_encoder_decoder", False):
            raise ModelLoadError(encoder_decoder_refusal(str(name_or_path), config.model_type))
        kwargs.update(attention_kwargs(config))
        if local and has_safetensors(source):
            kwargs["use_safetensors"] = True
        torch_dtype = _torch_dtype(dtype)
        if torch_dtype is not None:
            kwargs["dtype"] = torch_dtype
        model = AutoModelForCausalLM.from_pretrained(source, config=config, **kwargs)
    except ModelLoadError:
        raise
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot load the model {name_or_path}: {exc}") from exc
    except SafetensorError as exc:
        raise damaged_weights(name_or_path, exc) from exc
    except RuntimeError as exc:  # .bin weights of other shapes than the config's (only safetensors are checked ahead)
        if "size mismatch" not in str(exc):
            raise
        raise ModelLoadError(f"cannot load the model {name_or_path}: its weights do not fit its {CONFIG_FILE} "
                             f"({str(exc).splitlines()[0][:300]} …)") from exc
    model.eval()
    return model


def missing_shards(path: Path) -> str:
    """The shard files a weights index (``*.index.json``) of ``path`` names that are missing, listed ("" when none):
    a folder of a config, a tokenizer and ``model.safetensors.index.json`` alone registered as a model."""
    for index in ("model.safetensors.index.json", "pytorch_model.bin.index.json"):
        if (path / index).is_file():
            try:
                shards = sorted(set(json.loads((path / index).read_text(encoding="utf-8"))["weight_map"].values()))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                return f"{index} cannot be read: {exc}"
            gone = [shard for shard in shards if not (path / shard).is_file()]
            if gone:
                return ", ".join(gone[:3]) + (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
    return ""


def damaged_weights(name_or_path: str | Path, exc: Exception) -> ModelLoadError:
    """The error for a weights file safetensors cannot read (``SafetensorError``: a copy cut short — the page showed
    a traceback ending in ``… incomplete metadata``)."""
    return ModelLoadError(f"cannot load the model {name_or_path}: a weights file is damaged ({exc}) — copy or save "
                          "the model again")


def load_state_dict(folder: Path | str, prefixes: tuple[str, ...] | None = None) -> dict[str, torch.Tensor]:
    """A model folder's safetensors weights (one file or an index of shards) as one state dict; with ``prefixes``,
    only the tensors whose names start with one of them, read alone from the shards that hold them (a reward
    head's few tensors were read by loading every weight of the model into memory)."""
    from safetensors import safe_open
    from safetensors.torch import load_file

    folder = Path(folder)
    single = folder / "model.safetensors"
    index = folder / "model.safetensors.index.json"
    if single.exists():
        shards = {"model.safetensors": None}
    elif index.exists():
        weight_map = json.loads(index.read_text())["weight_map"]
        shards = {shard: None for name, shard in sorted(weight_map.items(), key=lambda kv: kv[1])
                  if prefixes is None or name.startswith(prefixes)}
    else:
        raise FileNotFoundError(f"{folder} has no safetensors weights")
    state: dict[str, torch.Tensor] = {}
    try:
        for shard in shards:
            if prefixes is None:
                state.update(load_file(str(folder / shard)))
                continue
            with safe_open(str(folder / shard), framework="pt") as fh:
                names = [name for name in fh.keys() if name.startswith(prefixes)]  # noqa: SIM118 — a handle
                state.update({name: fh.get_tensor(name) for name in names})
    except SafetensorError as exc:
        raise damaged_weights(folder, exc) from exc
    return state
