"""Sampling at a small model's speed: temperature, top-k and top-p with the same distribution as transformers.

Why: with a small vocabulary model on a CPU, transformers' sampling costs more per decoding step than the model's
matrix products. Measured on the demo model's shapes (64 rows × 8,000 tokens, one thread): ``torch.multinomial``
~8 ms a step and the top-p warper (a full sort of every row) ~30 ms, against ~8 ms for the LM head — so a
``top_p:0.9`` batch decoded at a third of greedy's speed.

:class:`FastSampler` is a logits processor that draws the next token itself and hands ``generate()`` a score row
where only that token is finite, so it is used with ``do_sample=False`` (``generate()``'s argmax then picks it;
the caller repeats each prompt once per sample instead of ``num_return_sequences``). The distribution is the one
transformers' warpers give — temperature, then top-k (every token scoring at least the k-th), then top-p (the
smallest set of most probable tokens whose mass reaches p, at least one) — drawn by inverse CDF with one uniform
number per row:

* top-p looks at the ``nucleus_candidates`` most probable tokens first (a partial ``topk`` instead of a sort;
  256 by default: with 64, the demo model's uncertain rows at temperature 1 sent a tenth of the candidate
  generation's time to the full sort, ``bench/generate.py``);
  a row whose nucleus is not inside them falls back to the full sort, so the kept set is always exact;
* the draw is a ``searchsorted`` on the cumulative probabilities (``torch.multinomial`` gives the same
  distribution at several times the cost).

Rows that have finished (their last token is EOS or pad, from the second step on) skip the full-sort fallback:
after EOS a model's distribution is often flat, and those tokens are replaced by pad anyway. Processors from the
model's generation config (repetition penalty and the like) still run before it, as
transformers runs them before its warpers. ``tests/test_sampling.py`` checks the probabilities against
transformers' warpers.
"""

from __future__ import annotations

from typing import Any

import torch


class FastSampler:
    """A logits processor that samples one token per row (use with ``do_sample=False``; see the module docstring)."""

    def __init__(self, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0,
                 nucleus_candidates: int = 256, finished_ids: tuple[int, ...] = ()) -> None:
        if not temperature > 0:
            raise ValueError("temperature must be > 0")
        if not 0 < top_p <= 1:
            raise ValueError("top_p must be in (0, 1]")
        self.temperature, self.top_k, self.top_p = float(temperature), int(top_k), float(top_p)
        self.nucleus_candidates = max(1, int(nucleus_candidates))
        self.finished_ids = tuple(int(i) for i in finished_ids if i is not None)
        self._steps = 0

    @classmethod
    def from_params(cls, params: dict[str, Any], finished_ids: tuple[int, ...] = ()) -> FastSampler:
        """From a sampling strategy's decoding parameters (``temperature``, ``top_k``, ``top_p``)."""
        return cls(float(params.get("temperature", 1.0)), int(params.get("top_k", 0) or 0),
                   float(params.get("top_p", 1.0)), finished_ids=finished_ids)

    def filtered_scores(self, scores: torch.Tensor) -> torch.Tensor:
        """Scores after temperature and top-k, in float32 (``-inf`` where top-k removed a token)."""
        scores = scores.float()
        if self.temperature != 1.0:
            scores = scores / self.temperature
        if 0 < self.top_k < scores.shape[-1]:
            kth = torch.topk(scores, self.top_k, dim=-1).values[..., -1:]
            scores = scores.masked_fill(scores < kth, float("-inf"))
        return scores

    def probabilities(self, scores: torch.Tensor) -> torch.Tensor:
        """The full distribution the next token is drawn from (for tests and inspection; sampling uses
        :meth:`sample`, which never materialises the top-p filter over the whole vocabulary when it need not)."""
        probs = self.filtered_scores(scores).softmax(dim=-1)
        if self.top_p < 1.0:
            probs = probs * self._nucleus_mask_full(probs)
            probs = probs / probs.sum(dim=-1, keepdim=True)
        return probs

    def _nucleus_mask_full(self, probs: torch.Tensor) -> torch.Tensor:
        # transformers' rule: remove a token when the mass of the tokens at or below it (ascending order) is
        # <= 1 - top_p, i.e. keep it when the mass strictly above it is < top_p; the most probable one always stays
        ordered, index = torch.sort(probs, dim=-1, descending=True)
        above = ordered.cumsum(dim=-1) - ordered
        keep = above < self.top_p
        keep[..., 0] = True
        return torch.zeros_like(keep).scatter(-1, index, keep)

    def sample(self, scores: torch.Tensor, skip: torch.Tensor | None = None) -> torch.Tensor:
        """One token id per row of ``scores`` (``(rows, vocab)``), drawn with ``torch.rand`` (seedable).

        ``skip`` (a boolean per row) marks rows whose token does not matter (finished sequences, which
        ``generate()`` pads): they never take the full-sort fallback of a flat distribution.
        """
        probs = self.filtered_scores(scores).softmax(dim=-1)
        uniform = torch.rand(probs.shape[0], 1, device=probs.device)
        if self.top_p >= 1.0:
            return _draw(probs, uniform)
        k = min(self.nucleus_candidates, probs.shape[-1])
        top, top_index = torch.topk(probs, k, dim=-1)
        inclusive = top.cumsum(dim=-1)
        weights = torch.where(inclusive - top < self.top_p, top, torch.zeros_like(top))
        weights[:, 0] = top[:, 0]
        choice = top_index.gather(1, _draw(weights, uniform).unsqueeze(1)).squeeze(1)
        # rows whose nucleus reaches past the k candidates (a flat distribution): the exact full-vocabulary rule
        outside = inclusive[:, -1] < self.top_p
        if skip is not None:
            outside &= ~skip
        if k < probs.shape[-1] and bool(outside.any()):
            rows = outside.nonzero().squeeze(1)
            full = probs[rows] * self._nucleus_mask_full(probs[rows])
            choice[rows] = _draw(full, uniform[rows])
        return choice

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
        # from the second step on, a row ending in EOS or pad has finished (generate() pads it): its token does
        # not matter. Counting steps makes an instance good for one generate() call — decoding_kwargs() makes one
        # per call.
        skip = None
        if self.finished_ids and self._steps > 0:
            last = input_ids[:, -1]
            skip = torch.zeros_like(last, dtype=torch.bool)
            for token in self.finished_ids:
                skip |= last == token
        self._steps += 1
        choice = self.sample(scores, skip)
        out = torch.full_like(scores, float("-inf"))
        return out.scatter_(1, choice.unsqueeze(1), 0.0)


def _draw(weights: torch.Tensor, uniform: torch.Tensor) -> torch.Tensor:
    """Inverse-CDF draw per row from non-negative ``weights`` (need not sum to 1) with ``uniform`` in [0, 1)."""
    cumulative = weights.cumsum(dim=-1)
    total = cumulative[:, -1:]
    # strictly below the total, so the first cumulative value above it is a token with weight (never a zero tail)
    target = torch.minimum(uniform * total, torch.nextafter(total, torch.zeros_like(total)))
    return torch.searchsorted(cumulative, target, right=True).squeeze(1)
