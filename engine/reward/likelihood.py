"""The bar a reward model must clear: how often the policy's own likelihood already prefers the chosen translation.

A reward model trained on a policy's backbone starts from a model that scores translations already — its
language-model head. If the summed log-probability of the chosen translation under the policy beats the
rejected one's in 72 % of the validation pairs (measured on the demo's synthetic pairs), a reward model at 60 %
has learned less than the policy knew, and ranking candidates by it is worse than ranking them by likelihood. The
reward job measures this baseline on its validation pairs, with the same prompt and response ids the reward model
reads (:mod:`engine.reward.encoding`), and the Reward model page shows it beside the model's accuracy.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

import torch

from engine.models.packed_head import PackedHead, token_log_probs
from engine.reward.encoding import pair_ids, prompt_ids


@torch.inference_mode()
def response_log_likelihoods(model: Any, tokenizer: Any, prompts: Sequence[str], responses: Sequence[str],
                             prompt_format: str, *, batch_size: int = 32, max_length: int | None = None
                             ) -> list[float]:
    """Sum of ``log p(response + EOS | prompt)`` under a causal LM, per (formatted prompt, response) pair.

    The ids are the reward model's (:func:`engine.reward.encoding.pair_ids`: ``max_length`` truncates from the
    response side, EOS kept).
    """
    if len(prompts) != len(responses):
        raise ValueError("prompts and responses differ in length")
    items = []
    for prompt, response in zip(prompts, responses, strict=True):
        ids = pair_ids(tokenizer, prompt, response, prompt_format, max_length)  # the reward model's own ids
        items.append((ids, len(prompt_ids(tokenizer, prompt, prompt_format))))
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    was_training = model.training
    model.eval()
    out: list[float] = []
    try:
        for start in range(0, len(items), batch_size):
            part = items[start:start + batch_size]
            width = max(len(ids) for ids, _ in part)
            ids = torch.full((len(part), width), pad, dtype=torch.long)
            mask = torch.zeros((len(part), width), dtype=torch.long)
            scored = torch.zeros((len(part), width), dtype=torch.bool)  # positions whose token is a response token
            for row, (seq, n_prompt) in enumerate(part):
                ids[row, :len(seq)] = torch.tensor(seq, dtype=torch.long)
                mask[row, :len(seq)] = 1
                scored[row, n_prompt:len(seq)] = True
            ids, mask, scored = ids.to(model.device), mask.to(model.device), scored.to(model.device)
            out += _summed_log_probs(model, ids, mask, scored).tolist()
    finally:
        model.train(was_training)
    return out


def _summed_log_probs(model: Any, ids: torch.Tensor, mask: torch.Tensor, scored: torch.Tensor) -> torch.Tensor:
    """Per row, the summed log-probability of its ``scored`` tokens, each predicted from the ones before it — with
    the vocabulary-wide logits only at the positions that predict them (:class:`PackedHead`: a batch of 32 pairs of
    a 150,000-word model no longer writes out rows × positions × vocabulary floats twice)."""
    keep = torch.zeros_like(scored)
    keep[:, :-1] = scored[:, 1:]  # position t's logits predict token t + 1
    head = model.get_output_embeddings()
    packed = PackedHead(head, keep) if head is not None else None
    with packed or nullcontext():
        logits = model(input_ids=ids, attention_mask=mask).logits
    logits = (packed.read(logits) if packed is not None else logits[keep]).float()
    targets = ids[:, 1:][scored[:, 1:]]  # row by row, position by position: the order of keep's positions
    token_lp = token_log_probs(logits, targets)
    return token_lp.new_zeros(ids.shape[0]).index_add_(0, torch.nonzero(keep, as_tuple=True)[0], token_lp)


def likelihood_accuracy(model: Any, tokenizer: Any, pairs: Sequence[dict], prompt_format: str, *,
                        max_length: int | None = None) -> float | None:
    """The share of ``pairs`` (``prompt``, ``chosen``, ``rejected``) whose chosen response the model finds more
    likely (summed log-probability; ties count as misses); ``None`` for no pairs."""
    if not pairs:
        return None
    prompts = [p["prompt"] for p in pairs]
    chosen = response_log_likelihoods(model, tokenizer, prompts, [p["chosen"] for p in pairs], prompt_format,
                                      max_length=max_length)
    rejected = response_log_likelihoods(model, tokenizer, prompts, [p["rejected"] for p in pairs], prompt_format,
                                        max_length=max_length)
    return sum(c > r for c, r in zip(chosen, rejected, strict=True)) / len(pairs)
