"""Reward shaping for PPO, and statistics of each rollout batch.

TRL's PPO reads the reward model's score at the last response token through ``get_reward``. The shaping here
wraps that function inside the PPO job's own process: for calls on the reward model it decodes the responses,
runs the output checks and subtracts penalties for empty, non-Arabic or repetitive output (a missing end of
sequence is TRL's own ``missing_eos_penalty``) and, with glossaries switched on, ``terminology_penalty`` × the
share of the source's glossary terms the translation misses (nothing when no term applies). The checks and the
glossary see each rollout's own source and pair, found from its prompt's token ids (:class:`PromptSources`): the
decoded query of an ``instruction`` prompt is the whole request ("Translate from French to Arabic: …", read as
English), and a ``tags`` prompt loses its language when decoded. Calls on the value model pass through untouched.
The wrapper also records the batch's raw scores, response lengths and degenerate share for the monitor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import torch

from engine.metrics import CheckThresholds, run_checks
from engine.models.prompting import decode_outputs

if TYPE_CHECKING:
    from engine.glossary import TermIndex
    from engine.glossary.files import PairedTermIndex


@dataclass(frozen=True)
class ShapingConfig:
    """Penalties subtracted from the reward-model score (0 = off)."""

    empty_penalty: float = field(default=1.0, metadata={
        "help": "Shaping: subtracted for an empty translation.", "min": 0.0, "max": 100.0})
    non_arabic_penalty: float = field(default=1.0, metadata={
        "help": "Shaping: subtracted for a translation not in Arabic script.", "min": 0.0, "max": 100.0})
    repetition_penalty: float = field(default=0.5, metadata={
        "help": "Shaping: subtracted for a repetitive translation.", "min": 0.0, "max": 100.0})
    copy_penalty: float = field(default=0.5, metadata={
        "help": "Shaping: subtracted for a copy of the source.", "min": 0.0, "max": 100.0})
    terminology_penalty: float = field(default=0.0, metadata={
        "help": "Shaping: subtracted × the share of the source's glossary terms a translation misses (0 = off; "
                "needs glossaries; nothing where no term applies).", "min": 0.0, "max": 100.0, "advanced": True,
        "label": "Terminology penalty"})

    @property
    def active(self) -> bool:
        return any(v > 0 for v in (self.empty_penalty, self.non_arabic_penalty, self.repetition_penalty,
                                   self.copy_penalty, self.terminology_penalty))


@dataclass
class RolloutStats:
    """What the last rollout batches looked like (filled by the wrapper, drained by the monitor)."""

    scores: list[float] = field(default_factory=list)
    shaped: list[float] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    degenerate: list[bool] = field(default_factory=list)
    samples: list[tuple[str, str, float]] = field(default_factory=list)

    def drain(self) -> dict[str, float]:
        """Summary of the batches since the last call (then forget them)."""
        if not self.scores:
            return {}
        n = len(self.scores)
        mean = sum(self.scores) / n
        summary = {
            "reward_mean": mean,
            "reward_std": (sum((s - mean) ** 2 for s in self.scores) / n) ** 0.5,
            "reward_min": min(self.scores), "reward_max": max(self.scores),
            "shaped_reward_mean": sum(self.shaped) / n,
            "response_length": sum(self.lengths) / n,
            "degenerate_share": sum(self.degenerate) / n,
        }
        self.scores, self.shaped, self.lengths, self.degenerate = [], [], [], []
        return summary


def terminology_penalties(sources: list[str], texts: list[str], terms: TermIndex | PairedTermIndex | None,
                          weight: float, pairs: Sequence[str | None] | None = None) -> list[float]:
    """``weight`` × the share of each source's glossary terms its text misses (0 where no term applies); a
    :class:`~engine.glossary.files.PairedTermIndex` matches each source against its pair's terms (``pairs`` when
    known, else the language detected)."""
    if terms is None or weight <= 0 or not len(terms):
        return [0.0] * len(texts)
    return [0.0 if s.score is None else weight * (1.0 - s.score) for s in terms.scores(sources, texts, pairs)]


def penalties(sources: list[str], texts: list[str], config: ShapingConfig,
              thresholds: CheckThresholds = CheckThresholds(),
              terms: TermIndex | PairedTermIndex | None = None,
              pairs: Sequence[str | None] | None = None) -> tuple[list[float], list[bool]]:
    """The penalty of each text and whether it is degenerate (any check failed); ``terms``: the glossaries
    switched on for the run (for ``terminology_penalty``), ``pairs``: each source's language pair when known."""
    results = run_checks(sources, texts, thresholds)
    term_penalty = terminology_penalties(sources, texts, terms, config.terminology_penalty, pairs)
    out = []
    for r, t in zip(results, term_penalty, strict=True):
        p = 0.0
        p += config.empty_penalty if r.empty else 0.0
        p += config.non_arabic_penalty if (r.low_arabic and not r.empty) else 0.0
        p += config.repetition_penalty if r.repetition else 0.0
        p += config.copy_penalty if r.copy_of_source else 0.0
        out.append(p + t)
    return out, [not r.passes for r in results]


class PromptSources:
    """Each PPO prompt's source text and language pair, found from the prompt's token ids: TRL hands
    ``get_reward`` the encoded prompts (padded), not the rows they came from."""

    def __init__(self, prompts: Iterable[tuple[Sequence[int], str, str]], pad_token_id: int | None) -> None:
        """``prompts``: ``(input ids, source, pair)`` of each training prompt."""
        self.pad_token_id = pad_token_id
        self.by_ids = {self._key(ids): (source, pair) for ids, source, pair in prompts}

    def _key(self, ids: Sequence[int]) -> tuple[int, ...]:
        ids = list(ids)
        start, end = 0, len(ids)
        while start < end and ids[start] == self.pad_token_id:
            start += 1
        while end > start and ids[end - 1] == self.pad_token_id:
            end -= 1
        return tuple(ids[start:end])

    def lookup(self, queries: torch.Tensor, decoded: list[str]) -> tuple[list[str], list[str | None]]:
        """The sources and pairs of a batch of (padded) ``queries``; a query not among the prompts keeps its
        ``decoded`` text, its pair unknown."""
        found = [self.by_ids.get(self._key(row)) for row in queries.tolist()]
        return ([f[0] if f else text.strip() for f, text in zip(found, decoded, strict=True)],
                [f[1] if f else None for f in found])


def shaped_get_reward(original: Callable, reward_model: Any, tokenizer: Any, config: ShapingConfig,
                      stats: RolloutStats, terms: TermIndex | PairedTermIndex | None = None,
                      prompts: PromptSources | None = None, missing_eos_penalty: float = 0.0) -> Callable:
    """A drop-in ``get_reward`` that shapes the reward model's scores and records rollout statistics;
    ``prompts``: the run's prompts, to give the checks and the glossary each rollout's own source and pair.
    ``missing_eos_penalty``: TRL's, which it subtracts from the returned scores itself after this call — recorded in
    the shaped reward the monitor charts (the chart left it out: a run cut at the length limit looked rewarded)."""

    def get_reward(model, query_responses, pad_token_id, context_length):
        logits, scores, lengths = original(model, query_responses, pad_token_id, context_length)
        if model is not reward_model:
            return logits, scores, lengths
        queries = query_responses[:, :context_length]
        responses = query_responses[:, context_length:]
        sources = [s.strip() for s in tokenizer.batch_decode(queries, skip_special_tokens=True)]
        pairs = None
        if prompts is not None:
            sources, pairs = prompts.lookup(queries, sources)
        texts = decode_outputs(tokenizer, responses)  # as every candidate is decoded (its samples are shown)
        penalty, degenerate = penalties(sources, texts, config, terms=terms, pairs=pairs)
        shaped = scores - torch.tensor(penalty, dtype=scores.dtype, device=scores.device)
        stats.scores += scores.tolist()
        unended = ~(responses == tokenizer.eos_token_id).any(dim=1)
        stats.shaped += (shaped - missing_eos_penalty * unended.to(shaped.dtype)).tolist()
        stats.lengths += (responses != pad_token_id).sum(dim=1).tolist()
        stats.degenerate += degenerate
        stats.samples = list(zip(sources, texts, scores.tolist(), strict=True))[:4]
        return logits, shaped, lengths

    return get_reward
