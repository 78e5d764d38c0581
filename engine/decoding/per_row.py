"""Per-row sampling: one ``generate()`` call whose rows each follow their own strategy (greedy, temperature,
top-k, top-p), as the Translate page samples every candidate of a source at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engine.decoding.candidates import SamplingStrategy


class PerRowSampling:
    """A logits processor giving each row of a batch its own temperature, top-k, top-p or greedy choice.

    Use with ``do_sample=True, temperature=1.0, top_k=0, top_p=1.0`` so ``generate()`` adds no warper of its
    own; the order is the one transformers uses (temperature, then top-k, then top-p, keeping at least one token).
    """

    def __init__(self, rows: Sequence[SamplingStrategy]) -> None:
        import torch

        params = [s.params() for s in rows]
        self.greedy = torch.tensor([not p["do_sample"] for p in params])
        self.temperature = torch.tensor([float(p.get("temperature", 1.0)) if p["do_sample"] else 1.0 for p in params])
        self.top_k = torch.tensor([int(p.get("top_k", 0)) if p["do_sample"] else 0 for p in params])
        self.top_p = torch.tensor([float(p.get("top_p", 1.0)) if p["do_sample"] else 1.0 for p in params])

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import torch

        if scores.shape[0] != self.temperature.shape[0]:
            raise ValueError(f"{scores.shape[0]} rows but {self.temperature.shape[0]} row settings")
        scores = scores / self.temperature.to(scores.dtype).unsqueeze(1)
        neg = torch.finfo(scores.dtype).min
        if bool((self.top_k > 0).any()):
            # the k-th best score of each row from one partial top-k (no full sort of the vocabulary every step)
            k = self.top_k.clamp(min=0, max=scores.shape[-1])
            best = torch.topk(scores, int(k.max()), dim=-1).values
            kth = best.gather(1, (k - 1).clamp(min=0).unsqueeze(1))
            remove = (scores < kth) & (k > 0).unsqueeze(1)
            scores = scores.masked_fill(remove, neg)
        nucleus = self.top_p < 1.0
        if bool(nucleus.any()):
            rows = nucleus.nonzero().squeeze(1)
            keep = nucleus_keep(scores[rows].softmax(dim=-1), self.top_p[rows].to(scores.dtype))
            remove = torch.zeros_like(scores, dtype=torch.bool)
            remove[rows] = ~keep
            scores = scores.masked_fill(remove, neg)
        if bool(self.greedy.any()):
            best = scores.argmax(dim=-1, keepdim=True)
            keep = torch.zeros_like(scores, dtype=torch.bool).scatter(1, best, True)
            scores = torch.where(self.greedy.unsqueeze(1) & ~keep, torch.full_like(scores, neg), scores)
        return scores


def nucleus_keep(probs: Any, top_p: Any, candidates: int = 64) -> Any:
    """Which tokens top-p keeps in each row of ``probs`` (``top_p`` one value per row), by transformers' rule: a token
    stays when the mass of the tokens more probable than it is below ``top_p`` (the most probable always stays).

    Looks at the ``candidates`` most probable tokens first (a partial top-k); a row whose nucleus reaches past them
    (a flat distribution) is decided by the full sort — the kept set is exact either way.
    """
    import torch

    k = min(candidates, probs.shape[-1])
    top, index = torch.topk(probs, k, dim=-1)
    inclusive = top.cumsum(dim=-1)
    keep_top = (inclusive - top) < top_p.unsqueeze(1)
    keep_top[:, 0] = True
    keep = torch.zeros_like(probs, dtype=torch.bool).scatter(1, index, keep_top)
    wide = inclusive[:, -1] < top_p
    if k < probs.shape[-1] and bool(wide.any()):
        rows = wide.nonzero().squeeze(1)
        ordered, order = torch.sort(probs[rows], dim=-1, descending=True)
        keep_sorted = (ordered.cumsum(dim=-1) - ordered) < top_p[rows].unsqueeze(1)
        keep_sorted[:, 0] = True
        keep[rows] = torch.zeros_like(keep_sorted).scatter(1, order, keep_sorted)
    return keep
