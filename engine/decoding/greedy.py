"""Greedy translation of many sources: batched, left-padded, similar lengths together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from engine.decoding.loop import decode_rows, left_padded, loop_supported, new_token_room, stop_token_ids
from engine.decoding.masks import fast_masks
from engine.models.prompting import decode_outputs, encode_prompt


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
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    out: list[str] = [""] * len(encoded)
    fast = loop_supported(model)  # one prefill per batch, finished rows leave it (engine.decoding.loop)
    stops = stop_token_ids(model, tokenizer)
    was_training = model.training
    model.eval()
    try:
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            prompts = [encoded[i] for i in idx]
            width = max(len(p) for p in prompts)
            budget = new_token_room(model, tokenizer, width,
                                    max_new_tokens if max_new_tokens is not None else int(1.5 * width) + 16)
            if fast:
                rows = decode_rows(model, prompts, [None], max_new_tokens=budget,
                                   eos_token_id=stops, pad_token_id=tokenizer.pad_token_id)
                texts = decode_outputs(tokenizer, [r[0] for r in rows])
            else:
                input_ids, attention_mask = left_padded(prompts, tokenizer.pad_token_id, model.device)
                with fast_masks():  # identical masks, built without transformers' per-step vmap
                    generated = model.generate(
                        input_ids=input_ids,
                        attention_mask=attention_mask,
                        do_sample=False,
                        max_new_tokens=budget,
                        pad_token_id=tokenizer.pad_token_id,
                        eos_token_id=stops,
                    )
                texts = decode_outputs(tokenizer, generated[:, width:])
            for i, text in zip(idx, texts, strict=True):
                out[i] = text
    finally:
        model.train(was_training)
    return out
