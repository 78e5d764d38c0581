"""Cheaper attention masks for decoding: the same boolean masks transformers builds, without ``torch.vmap``.

Why: transformers (4.5x) builds each layer type's 4D attention mask at every decoding step by ``vmap``-ing a
Python mask function over (batch, head, query, key) indices. For a small model on a CPU that is most of a
step: profiled on the shipped demo model (batch 32, one thread) the two masks of a Gemma-2 step (full and
sliding window) took ~45% of ``generate()``'s time — more than all the matrix products. The mask functions
transformers composes (causal, sliding window, chunked, padding, packed sequences, offsets) are plain tensor
comparisons and indexing, so evaluating them once on broadcast index tensors — batch ``(B,1,1,1)``, query
``(1,1,Q,1)``, key ``(1,1,1,K)`` — gives the identical mask in one shot.

:func:`fast_masks` switches this on for the code inside it (the studio's own generation calls), in the current
thread or task only: the broadcast builders are registered once for ``sdpa`` and ``eager`` attention and hand over
to transformers' own builders whenever the switch is off, so nothing else in the process changes behaviour.
Greedy outputs are unchanged (``tests/engine/decoding/test_fast_generation.py`` compares masks and ids).
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import torch

_ENABLED: contextvars.ContextVar[bool] = contextvars.ContextVar("tarjama_fast_masks", default=False)
_INSTALL_LOCK = threading.Lock()
_ORIGINAL: dict[str, Callable] = {}


def broadcast_sdpa_mask(
    batch_size: int, cache_position: torch.Tensor, kv_length: int, kv_offset: int = 0,
    mask_function: Callable | None = None, attention_mask: torch.Tensor | None = None,
    local_size: int | None = None, allow_is_causal_skip: bool = True, **kwargs: Any,
) -> torch.Tensor | None:
    """transformers' ``sdpa_mask`` (boolean ``(B, 1, Q, K)``, ``None`` where SDPA's ``is_causal`` does the job),
    computed by broadcasting the mask function over index tensors instead of ``vmap``."""
    from transformers import masking_utils as mu

    if mask_function is None:
        mask_function = mu.causal_mask_function
    q_length = cache_position.shape[0]
    padding_mask = mu.prepare_padding_mask(attention_mask, kv_length, kv_offset, _slice=False)
    if allow_is_causal_skip and mu._ignore_causal_mask_sdpa(padding_mask, q_length, kv_length, kv_offset, local_size):
        return None
    if padding_mask is not None:
        mask_function = mu.and_masks(mask_function, mu.padding_mask_function(padding_mask))
    device = cache_position.device
    kv_index = torch.arange(kv_length, device=device) + kv_offset
    batch_index = torch.arange(batch_size, device=device).view(-1, 1, 1, 1)
    head_index = torch.zeros(1, 1, 1, 1, dtype=torch.long, device=device)
    mask = mask_function(batch_index, head_index, cache_position.view(1, 1, -1, 1), kv_index.view(1, 1, 1, -1))
    return mask.to(torch.bool).expand(batch_size, 1, q_length, kv_length)


def broadcast_eager_mask(
    batch_size: int, cache_position: torch.Tensor, kv_length: int, kv_offset: int = 0,
    mask_function: Callable | None = None, attention_mask: torch.Tensor | None = None,
    dtype: torch.dtype = torch.float32, **kwargs: Any,
) -> torch.Tensor:
    """transformers' ``eager_mask`` (0 where attended, the dtype's minimum elsewhere)."""
    kwargs.pop("allow_is_causal_skip", None)
    kwargs.pop("allow_torch_fix", None)
    mask = broadcast_sdpa_mask(batch_size, cache_position, kv_length, kv_offset, mask_function, attention_mask,
                               allow_is_causal_skip=False, **kwargs)
    return torch.where(mask, torch.tensor(0.0, device=mask.device, dtype=dtype), torch.finfo(dtype).min)


_FAST = {"sdpa": broadcast_sdpa_mask, "eager": broadcast_eager_mask}


def _dispatcher(name: str) -> Callable:
    fast, original = _FAST[name], _ORIGINAL[name]

    def mask(*args: Any, **kwargs: Any) -> Any:
        return (fast if _ENABLED.get() else original)(*args, **kwargs)

    mask.__name__ = f"tarjama_{name}_mask"
    mask._tarjama_fast_masks = True  # type: ignore[attr-defined]
    return mask


def install() -> bool:
    """Register the switchable mask builders with transformers (once per process). False if this transformers
    has no mask interface (older versions build masks differently; nothing to do then)."""
    try:
        from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS
    except ImportError:
        return False
    mapping = ALL_MASK_ATTENTION_FUNCTIONS._global_mapping
    with _INSTALL_LOCK:
        for name in _FAST:
            current = mapping.get(name)
            if current is None or getattr(current, "_tarjama_fast_masks", False):
                continue
            _ORIGINAL[name] = current
            mapping[name] = _dispatcher(name)
    return True


@contextmanager
def fast_masks(enabled: bool = True) -> Iterator[None]:
    """Build attention masks by broadcasting (see the module docstring) inside this block, in this thread."""
    if enabled:
        install()
    token = _ENABLED.set(enabled)
    try:
        yield
    finally:
        _ENABLED.reset(token)
