"""How a (prompt, response) pair becomes the token ids a reward model reads.

The same ids as in PPO, where the reward model scores the policy's prompt ids followed by the response ids:
the prompt as the policy encodes it (BOS once), the response without special tokens, then EOS.
"""

from __future__ import annotations

from typing import Any

from engine.models.prompting import build_prompt, prompt_adds_special_tokens


def prompt_ids(tokenizer: Any, prompt_text: str, prompt_format: str) -> list[int]:
    """Token ids of an already formatted prompt."""
    return list(tokenizer(prompt_text, add_special_tokens=prompt_adds_special_tokens(prompt_format, tokenizer))
                ["input_ids"])


def response_ids(tokenizer: Any, response: str) -> list[int]:
    """Token ids of a response, closed by EOS."""
    ids = list(tokenizer(response, add_special_tokens=False)["input_ids"])
    return [*ids, tokenizer.eos_token_id]


def pair_ids(tokenizer: Any, prompt_text: str, response: str, prompt_format: str, max_length: int | None = None
             ) -> list[int]:
    """Prompt ids + response ids + EOS, truncated from the response side to ``max_length`` (EOS kept)."""
    ids = prompt_ids(tokenizer, prompt_text, prompt_format) + response_ids(tokenizer, response)
    if max_length is not None and len(ids) > max_length:
        ids = ids[: max_length - 1] + [tokenizer.eos_token_id]
    return ids


def source_ids(tokenizer: Any, source: str, pair: str, candidate: str, prompt_format: str,
               max_length: int | None = None) -> list[int]:
    """Token ids for scoring ``candidate`` as a translation of ``source``."""
    prompt = build_prompt(source, pair, prompt_format, tokenizer)
    return pair_ids(tokenizer, prompt, candidate, prompt_format, max_length)
