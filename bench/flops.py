"""FLOP bounds for the benchmarks: the machine's matmul rate measured on a model's own shapes, and what it allows.

* **Parameters per token** (:func:`flop_parameters`): the non-embedding parameters plus the LM head as used for
  every token. The input embedding is a lookup (no FLOPs); with tied embeddings the same matrix *is* the LM head and
  is counted once, as the head. For the shipped demo model this equals its 5.2M distinct parameters.
* **Generation bound**: ``2 × parameters`` FLOP per generated token (a multiply and an add per weight). Attention
  over the cache, norms, activations, sampling and the prompt's prefill are left out — the bound is optimistic.
* **Training**: ``6 × parameters × tokens`` FLOP (forward 2, backward 4) for a step over ``tokens`` tokens.
* **Matmul rate** (:func:`matmul_rate`): ``torch.nn.functional.linear`` over every linear layer of the model with
  its real weights and ``rows`` input rows, back to back as in a forward pass — the rate the model's matrix products
  can reach on this machine, now, at this thread count.
"""

from __future__ import annotations

import time
from typing import Any


def flop_parameters(model: Any) -> dict[str, int]:
    """``{"total", "input_embedding", "lm_head", "per_token"}``: distinct parameters, the input embedding matrix,
    the LM head, and the parameters whose products every token pays (non-embedding + the LM head as used)."""
    params = {id(p): p.numel() for p in model.parameters()}
    total = sum(params.values())
    embedding = model.get_input_embeddings().weight
    head = model.get_output_embeddings()
    head_numel = head.weight.numel() if head is not None else 0
    tied = head is not None and head.weight is embedding
    non_embedding = total - embedding.numel()
    per_token = non_embedding + (head_numel if tied else 0)
    return {"total": total, "input_embedding": embedding.numel(), "lm_head": head_numel, "tied": tied,
            "non_embedding": non_embedding, "per_token": per_token}


def generation_bound_tokens_per_s(matmul_flops_per_s: float, per_token_parameters: int) -> float:
    """Tokens/s the matrix products allow at ``2 × parameters`` FLOP per generated token."""
    return matmul_flops_per_s / (2.0 * per_token_parameters)


def training_flops(per_token_parameters: int, tokens: int) -> float:
    """FLOPs of training on ``tokens`` tokens: ``6 × parameters × tokens``."""
    return 6.0 * per_token_parameters * tokens


def linear_shapes(model: Any) -> list[tuple[int, int]]:
    """``(in_features, out_features)`` of every linear product of one token's forward pass, LM head last."""
    import torch

    head = model.get_output_embeddings()
    shapes = [(m.in_features, m.out_features) for m in model.modules()
              if isinstance(m, torch.nn.Linear) and m is not head]
    if head is not None:
        shapes.append((head.weight.shape[1], head.weight.shape[0]))
    return shapes


def matmul_rate(model: Any, rows: int, min_seconds: float = 0.3) -> dict[str, float]:
    """FLOP/s of the model's linear products at ``rows`` input rows, at the current torch thread count."""
    import torch

    head = model.get_output_embeddings()
    weights = [m.weight.detach() for m in model.modules() if isinstance(m, torch.nn.Linear) and m is not head]
    if head is not None:
        weights.append(head.weight.detach())
    inputs = [torch.randn(rows, w.shape[1]) for w in weights]
    flops = sum(2.0 * rows * w.shape[0] * w.shape[1] for w in weights)
    with torch.inference_mode():
        for x, w in zip(inputs, weights, strict=True):  # warm-up
            torch.nn.functional.linear(x, w)
        passes, t0 = 0, time.perf_counter()
        while True:
            for x, w in zip(inputs, weights, strict=True):
                torch.nn.functional.linear(x, w)
            passes += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= min_seconds and passes >= 3:
                break
    return {"flops_per_s": flops * passes / elapsed, "rows": rows, "passes": passes, "seconds": elapsed,
            "threads": torch.get_num_threads()}
