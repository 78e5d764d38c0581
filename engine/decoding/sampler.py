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

* top-p looks at the 32 most probable tokens first (a partial ``topk`` instead of a sort), the rows whose nucleus
  reaches past them at the ``nucleus_candidates`` most probable (256 by default: with 64 alone, the demo model's
  uncertain rows at temperature 1 sent a tenth of the candidate generation's time to the full sort,
  ``bench/generate.py``), and the rows whose nucleus reaches past those at the full sort, so the kept set is always
  exact (a ``topk`` of 256 costs ~4× one of 32 on this CPU, and ~88 % of the demo model's nuclei fit in 32);
* top-k looks at the ``k + 1`` best scores only (the last to see a tie at the k-th, which sends the row to the
  whole-vocabulary rule);
* a soft-capping model's logits may come before their cap (``sample(..., cap=…)``): the sampler applies it where it
  needs it (:mod:`engine.decoding.softcap`);
* the draw is a ``searchsorted`` on the cumulative probabilities (``torch.multinomial`` gives the same
  distribution at several times the cost).

Rows that have finished (their last token is EOS or pad, from the second step on) skip the full-sort fallback:
after EOS a model's distribution is often flat, and those tokens are replaced by pad anyway. Processors from the
model's generation config (repetition penalty and the like) still run before it, as
transformers runs them before its warpers. ``tests/engine/decoding/test_fast_generation.py`` checks the
probabilities against transformers' warpers, ``tests/engine/decoding/test_softcap.py`` the draws before the cap.
"""

from __future__ import annotations

from typing import Any

import torch

from engine.decoding.softcap import capped

NUCLEUS_FIRST_TIER = 32
"""Top-p looks at this many of a row's most probable tokens first (the demo model's 0.9-nucleus fits in 32 for
~88 % of its rows), then at ``nucleus_candidates``, then sorts the whole row."""

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

    def sample(self, scores: torch.Tensor, skip: torch.Tensor | None = None,
               cap: float | None = None) -> torch.Tensor:
        """One token id per row of ``scores`` (``(rows, vocab)``), drawn with ``torch.rand`` (seedable).

        ``skip`` (a boolean per row) marks rows whose token does not matter (finished sequences, which
        ``generate()`` pads): they never take the full-sort fallback of a flat distribution. ``cap``: ``scores``
        are a soft-capping model's logits before its cap, which the draw applies itself where it needs it
        (:mod:`engine.decoding.softcap`).
        """
        uniform = torch.rand(scores.shape[0], 1, device=scores.device)
        if 0 < self.top_k < scores.shape[-1]:
            return self._sample_top_k(scores, cap, uniform, skip)
        return self._sample_weights(self.weights(scores, cap), uniform, skip)

    def weights(self, scores: torch.Tensor, cap: float | None = None) -> torch.Tensor:
        """Each row's unnormalised probabilities after temperature, their maximum 1 (a new float32 tensor).

        With a cap, ``cap · tanh(x / cap) / T`` is ``(2 · cap / T) · σ(2x / cap)`` up to a constant per row, which a
        softmax does not see: the cap costs a sigmoid (3× cheaper than ``tanh`` on this CPU, within 6e-6 of the exact
        capped score; see :mod:`engine.decoding.softcap`).
        """
        if cap is None:
            out, scale = scores.float().clone() if scores.dtype == torch.float32 else scores.float(), 1.0
        else:
            out, scale = scores.float() * (2.0 / cap), 2.0 * cap
            out.sigmoid_()
        out.sub_(out.amax(dim=-1, keepdim=True))
        return out.mul_(scale / self.temperature).exp_()

    def _sample_weights(self, weights: torch.Tensor, uniform: torch.Tensor,
                        skip: torch.Tensor | None) -> torch.Tensor:
        """The draw from unnormalised ``weights`` after temperature and top-k: top-p (see :meth:`_nucleus_draw`),
        then the inverse-CDF draw with ``uniform``."""
        if self.top_p >= 1.0:
            return _draw(weights, uniform)
        total = weights.sum(dim=-1, keepdim=True)
        choice = torch.empty(weights.shape[0], dtype=torch.long, device=weights.device)
        pending = torch.arange(weights.shape[0], device=weights.device)
        for tier, k in enumerate(self._nucleus_tiers(weights.shape[-1])):
            part = weights if tier == 0 else weights[pending]
            drawn, outside = self._nucleus_draw(part, total[pending], uniform[pending], k)
            if skip is not None:
                outside &= ~skip[pending]
            choice[pending] = drawn
            pending = pending[outside]
            if not pending.numel():
                return choice
        # rows whose nucleus reaches past every tier (a flat distribution): the exact full-vocabulary rule
        probs = weights[pending] / total[pending]
        choice[pending] = _draw(probs * self._nucleus_mask_full(probs), uniform[pending])
        return choice

    def _nucleus_tiers(self, vocab: int) -> list[int]:
        """How many of the most probable tokens each pass looks at: a few first, then ``nucleus_candidates``."""
        first = min(NUCLEUS_FIRST_TIER, self.nucleus_candidates, vocab)
        last = min(self.nucleus_candidates, vocab)
        return [first] if last <= first else [first, last]

    def _nucleus_draw(self, weights: torch.Tensor, total: torch.Tensor, uniform: torch.Tensor,
                      k: int) -> tuple[torch.Tensor, torch.Tensor]:
        """The top-p draw of each row among its ``k`` most probable tokens, and which rows' nucleus reaches past
        them (their draw is not the answer: the caller looks further). A row whose nucleus lies inside the ``k``
        draws what it would from any wider look: the tokens past its nucleus weigh nothing either way."""
        top, top_index = torch.topk(weights, k, dim=-1)
        top = top / total
        inclusive = top.cumsum(dim=-1)
        kept = torch.where(inclusive - top < self.top_p, top, torch.zeros_like(top))
        kept[:, 0] = top[:, 0]
        choice = top_index.gather(1, _draw(kept, uniform).unsqueeze(1)).squeeze(1)
        outside = inclusive[:, -1] < self.top_p
        if k == weights.shape[-1]:
            outside[:] = False
        return choice, outside

    def _sample_top_k(self, scores: torch.Tensor, cap: float | None, uniform: torch.Tensor,
                      skip: torch.Tensor | None) -> torch.Tensor:
        """Top-k from the ``k + 1`` best scores of each row (the cap, if any, on those alone); a row whose
        ``k + 1``-th capped score ties its k-th — transformers keeps every token at least as good as the k-th —
        is drawn from its whole row."""
        k = self.top_k
        best, index = torch.topk(scores, k + 1, dim=-1)
        values = (capped(best, cap) if cap is not None else best).float()
        tied = values[:, k] >= values[:, k - 1]
        index = index[:, :k]
        weights = values[:, :k].sub(values[:, :1]).div_(self.temperature).exp_()
        if self.top_p < 1.0:  # the nucleus of the k, most probable first (their order from topk)
            choice = index.gather(1, self._sample_weights(weights, uniform, None).unsqueeze(1)).squeeze(1)
        else:  # in vocabulary order, as the draw over the whole row takes them
            index, order = index.sort(dim=-1)
            choice = index.gather(1, _draw(weights.gather(1, order), uniform).unsqueeze(1)).squeeze(1)
        if bool(tied.any()):
            rows = tied.nonzero().squeeze(1)
            exact = capped(scores[rows], cap) if cap is not None else scores[rows]
            probs = self.filtered_scores(exact).softmax(dim=-1)
            choice[rows] = self._sample_weights(probs, uniform[rows], None if skip is None else skip[rows])
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
