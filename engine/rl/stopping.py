"""Where an RL rollout ends: at the model's end of turn, for a chat model prompted through its chat template.

TRL's PPO and GRPO/RLOO trainers stop a rollout at their tokenizer's EOS and mask the completion after its first
EOS. A chat model ends its turn with another token that its generation config names — Gemma's ``<end_of_turn>``
(the tokenizer's EOS is ``<eos>``) — so its rollouts ran on past the turn into text of the model's own, which the
reward then scored. The trainers are given a copy of the tokenizer whose EOS is that end-of-turn token; the saved
model keeps the tokenizer it came with.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any


def turn_end_ids(model_path: str | Path, tokenizer: Any) -> list[int]:
    """The end tokens the model's ``generation_config.json`` names besides the tokenizer's EOS (none: no file)."""
    from transformers import GenerationConfig

    try:
        generation = GenerationConfig.from_pretrained(str(model_path))
    except OSError:
        return []
    ids = generation.eos_token_id
    ids = ids if isinstance(ids, (list, tuple)) else [ids]
    return [int(i) for i in ids if i is not None and int(i) != tokenizer.eos_token_id]


def rollout_tokenizer(tokenizer: Any, model_path: str | Path, prompt_format: str,
                      log: Callable[[str], None] | None = None) -> Any:
    """The tokenizer to give TRL's trainer: ``tokenizer`` itself, or for an ``instruction``-format model whose
    generation config names an end of turn, a copy whose EOS is that token (the first one named)."""
    if prompt_format != "instruction":
        return tokenizer
    ends = turn_end_ids(model_path, tokenizer)
    if not ends:
        return tokenizer
    token = tokenizer.convert_ids_to_tokens(ends[0])
    rollout = copy.deepcopy(tokenizer)
    rollout.eos_token = token
    if log is not None:
        log(f"rollouts end at {token!r}, the model's end of turn (its generation config), not at the tokenizer's "
            f"{tokenizer.eos_token!r}")
    return rollout
