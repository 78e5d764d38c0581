"""Score (source, candidate) batches with a reward-model version: for the translate page and monitors."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch

from engine.models.loaded import LoadedModels
from engine.models.prompting import prompt_format_of
from engine.reward.encoding import source_ids


@torch.no_grad()
def score_sequences(model: Any, sequences: Sequence[Sequence[int]], pad_token_id: int, batch_size: int = 16
                    ) -> list[float]:
    """Rewards of encoded sequences, batched by length with right padding (the reward sits at the last real
    token, where the sequence classifier and TRL's PPO both read it)."""
    out: list[float] = [0.0] * len(sequences)
    order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        width = max(len(sequences[i]) for i in idx)
        ids = torch.full((len(idx), width), pad_token_id, dtype=torch.long)
        mask = torch.zeros((len(idx), width), dtype=torch.long)
        for row, i in enumerate(idx):
            ids[row, : len(sequences[i])] = torch.tensor(list(sequences[i]), dtype=torch.long)
            mask[row, : len(sequences[i])] = 1
        device = next(model.parameters()).device
        logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits.squeeze(-1).float()
        for row, i in enumerate(idx):
            out[i] = float(logits[row])
    return out


class RewardScorer:
    """A loaded reward model with its tokenizer and prompt format."""

    def __init__(self, path: str | Path, *, batch_size: int = 16, max_length: int = 256,
                 trust_remote_code: bool = False, precision: Any = None) -> None:
        """``precision``: a :class:`engine.jobs.precision.Precision` (dtype and device of the weights); ``None``
        keeps float32 on the CPU."""
        from engine.jobs.precision import place
        from engine.models.loading import load_tokenizer
        from engine.reward.model import load_reward_model

        self.path = Path(path)
        self.tokenizer = load_tokenizer(self.path, trust_remote_code=trust_remote_code)
        self.model = load_reward_model(self.path, trust_remote_code=trust_remote_code,
                                       dtype=precision.torch_dtype if precision is not None else None)
        if precision is not None:
            place(self.model, precision)
        self.prompt_format = prompt_format_of(self.path)
        self.batch_size = batch_size
        self.max_length = max_length

    def score_ids(self, sequences: Sequence[Sequence[int]]) -> list[float]:
        """Rewards of already encoded sequences (read at the last token, as in PPO)."""
        return score_sequences(self.model, sequences, self.tokenizer.pad_token_id, self.batch_size)

    def score(self, sources: Sequence[str], candidates: Sequence[str], pairs: Sequence[str] | str) -> list[float]:
        """The reward of each candidate as a translation of its source (``pairs``: one or per row)."""
        if isinstance(pairs, str):
            pairs = [pairs] * len(sources)
        encoded = [source_ids(self.tokenizer, s, p, c, self.prompt_format, self.max_length)
                   for s, c, p in zip(sources, candidates, pairs, strict=True)]
        return self.score_ids(encoded)

    def score_each(self, sources: Sequence[str], candidates: Sequence[str], pairs: Sequence[str] | str) -> list[float]:
        """:meth:`score` (one model scores each candidate on its own; an ensemble's differs,
        :meth:`EnsembleScorer.score_each <engine.reward.ensemble.EnsembleScorer.score_each>`)."""
        return self.score(sources, candidates, pairs)


_SCORERS = LoadedModels(4)


def cached_scorer(path: str) -> RewardScorer:
    """A scorer per model folder, loaded once per process (pages score repeatedly) and again when the folder's
    weights change (:class:`~engine.models.loaded.LoadedModels`), on the GPU when there is one (precision
    ``auto``)."""
    from engine.jobs.precision import resolve_precision

    path = str(path)
    return _SCORERS.get(path, path, lambda: RewardScorer(path, precision=resolve_precision("auto")))

