"""Greedy translation of many sources: batched, left-padded, similar lengths together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from engine.decoding.masks import fast_masks
from engine.models.prompting import encode_prompt


def _left_pad(sequences: Sequence[list[int]], pad_token_id: int) -> dict[str, torch.Tensor]:
    width = max(len(s) for s in sequences)
    ids = [[pad_token_id] * (width - len(s)) + list(s) for s in sequences]
    mask = [[0] * (width - len(s)) + [1] * len(s) for s in sequences]
    return {
        "input_ids": torch.tensor(ids, dtype=torch.long),
        "attention_mask": torch.tensor(mask, dtype=torch.long),
    }


@torch.no_grad()
def greedy_translate(
    model: Any,
    tokenizer: Any,
    sources: Sequence[str],
    pairs: Sequence[str] | str,
    prompt_format: str = "tags",
    batch_size: int = 32,
    max_new_tokens: int | None = None,
) -> list[str]:
    """Greedy translations of ``sources`` (batched, left padding, similar lengths batched together)."""
    if isinstance(pairs, str):
        pairs = [pairs] * len(sources)
    encoded = [encode_prompt(tokenizer, s, p, prompt_format) for s, p in zip(sources, pairs, strict=True)]
    limit = getattr(model.config, "max_position_embeddings", None) or tokenizer.model_max_length
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    out: list[str] = [""] * len(encoded)
    was_training = model.training
    model.eval()
    try:
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            batch = {
                k: v.to(model.device)
                for k, v in _left_pad([encoded[i] for i in idx], tokenizer.pad_token_id).items()
            }
            width = batch["input_ids"].shape[1]
            room = max(1, int(limit) - width)
            budget = max_new_tokens if max_new_tokens is not None else int(1.5 * width) + 16
            with fast_masks():  # identical masks, built without transformers' per-step vmap
                generated = model.generate(
                    input_ids=batch["input_ids"],
                    attention_mask=batch["attention_mask"],
                    do_sample=False,
                    max_new_tokens=min(budget, room),
                    pad_token_id=tokenizer.pad_token_id,
                    eos_token_id=tokenizer.eos_token_id,
                )
            texts = tokenizer.batch_decode(generated[:, width:], skip_special_tokens=True)
            for i, text in zip(idx, texts, strict=True):
                out[i] = text.strip()
    finally:
        model.train(was_training)
    return out
