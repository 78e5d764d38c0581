"""Soft-capped models in the decoding loop: the logits before the cap, and the cap applied only where it matters.

Why: Gemma-2 and Gemma-3 models cap their next-token logits, ``cap · tanh(logits / cap)``, over the whole
vocabulary at every step. On this machine's CPU (torch 2.13, AVX2) ``tanh`` is slow: on the shipped demo model's
shapes (384 rows × 8,000 tokens, one thread) the cap took 17.6 ms — half the LM head's own matrix product; ~12 % of
the operators' time of the studio's candidate generation on two threads — where a row maximum takes 0.4 ms. The
loop's rules need much less:

* a **greedy** row's argmax is the argmax before the cap (``tanh`` is increasing), unless its two best scores
  become one capped score — checked on those two, and such a row is decided on its capped scores in full
  (:func:`greedy_tokens`), so the ids stay ``generate()``'s;
* a **top-k** row needs the capped scores of its ``k + 1`` best tokens only (the last to see a tie at the k-th);
* a row sampled over the **whole vocabulary** gets the cap through a sigmoid (``cap · tanh(x / cap) =
  2 · cap · σ(2x / cap) − cap``, in :meth:`engine.decoding.sampler.FastSampler.weights`): 3× faster than ``tanh``
  here and within 6e-6 of the exact float64 value (the model's own float32 ``tanh`` is within 2e-6), so
  probabilities move by about 1e-5 of themselves.

:func:`uncapped_head` splits such a model into its decoder and its output layer, once per model, after checking
on a short input that ``cap · tanh(head(decoder(x)) / cap)`` is what the model's own ``forward`` returns; a model
whose forward does anything else after its head (another scaling, a bias), or whose logits are not float32 (a
half-precision model rounds its capped logits coarsely, and on the GPUs it runs on the cap is cheap), is left to its
own forward.
"""

from __future__ import annotations

import contextlib
import weakref
from dataclasses import dataclass
from typing import Any

import torch

_SPLITS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class UncappedHead:
    """A soft-capping model's decoder, its output layer and its cap (``config.final_logit_softcapping``)."""

    decoder: Any
    head: Any
    cap: float

    def logits(self, **inputs: Any) -> torch.Tensor:
        """The next-token logits of every row before the cap, ``(rows, vocab)``: the decoder on ``inputs``
        (``input_ids``, ``attention_mask``, cache…), the output layer on each row's last position."""
        hidden = self.decoder(**inputs).last_hidden_state
        return self.head(hidden[:, -1])


def capped(scores: torch.Tensor, cap: float) -> torch.Tensor:
    """``cap · tanh(scores / cap)`` computed as Gemma-2's ``forward`` computes it (the same values, bit for bit)."""
    return torch.tanh(scores / cap) * cap


def greedy_tokens(scores: torch.Tensor, cap: float | None) -> torch.Tensor:
    """The argmax of every row of ``capped(scores, cap)`` (the first index among equal capped scores, as
    ``argmax`` gives), computing the cap on each row's two best scores only unless they come within a few
    float steps of each other; ``cap`` ``None``: the plain argmax."""
    if cap is None:
        return scores.argmax(dim=-1)
    if scores.shape[-1] < 2:
        return capped(scores, cap).argmax(dim=-1)
    best = torch.topk(scores, 2, dim=-1)
    top = capped(best.values, cap).float()
    tokens = best.indices[:, 0].clone()
    # a margin of 8 float32 steps: a 1-ulp-accurate tanh may break monotonicity by a step, never by eight
    step = torch.finfo(torch.float32).eps * top[:, 0].abs().clamp(min=1.0)
    close = (top[:, 0] - top[:, 1]) <= 8 * step
    if bool(close.any()):
        rows = close.nonzero().squeeze(1)
        tokens[rows] = capped(scores[rows], cap).argmax(dim=-1)
    return tokens


def uncapped_head(model: Any) -> UncappedHead | None:
    """The split of a soft-capping ``model`` (see the module docstring), or ``None`` when it has no cap or its
    forward is not the cap of its head's output; checked once per model object."""
    try:
        return _SPLITS[model]
    except (KeyError, TypeError):
        pass
    split = _checked_split(model)
    with contextlib.suppress(TypeError):  # not weak-referenceable: checked again next time
        _SPLITS[model] = split
    return split


def _checked_split(model: Any) -> UncappedHead | None:
    cap = getattr(getattr(model, "config", None), "final_logit_softcapping", None)
    get_decoder, get_head = getattr(model, "get_decoder", None), getattr(model, "get_output_embeddings", None)
    if not cap or get_decoder is None or get_head is None:
        return None
    try:
        decoder, head = get_decoder(), get_head()
    except (AttributeError, NotImplementedError, ValueError):
        return None
    if decoder is None or head is None or decoder is model:
        return None
    split = UncappedHead(decoder, head, float(cap))
    vocab = int(getattr(model.config, "vocab_size", 0) or 0)
    ids = torch.arange(min(5, max(vocab, 1)), device=model.device).unsqueeze(0)
    with torch.inference_mode():
        try:
            expected = model(input_ids=ids, use_cache=False, logits_to_keep=1).logits[:, -1]
            got = capped(split.logits(input_ids=ids, use_cache=False), split.cap)
        except (TypeError, ValueError, RuntimeError):
            return None
    # float32 only: a half-precision model rounds its capped logits coarsely, and the draws here would not
    # (on the GPUs such models run on, the cap is cheap anyway)
    if expected.dtype != torch.float32 or got.shape != expected.shape:
        return None
    return split if torch.allclose(got, expected, atol=1e-4, rtol=1e-4) else None
