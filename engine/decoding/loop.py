"""The studio's own decoding loop: one prefill per prompt shared by all its rows, finished rows dropped.

Why: ``generate()`` with ``num_return_sequences`` (or prompts repeated once per sample) runs the prompt's prefill
once per candidate and, for a batch, keeps decoding every row until the longest one ends. The studio's candidate
generation asks for 3–8 candidates per source, and translations of one batch differ in length several times
over: measured on the demo model (128 sources × 6 candidates, ~12 prompt tokens, ~8 new tokens per candidate),
the prefill of the repeated prompts cost more arithmetic than the tokens generated, and most rows of a step
were finished rows being padded. Here a batch of prompts is prefilled once, its key/value cache is repeated for
the rows of every prompt (``Cache.batch_repeat_interleave``), each row picks its next token by its own rule
(greedy, or a :class:`~engine.decoding.sampler.FastSampler`), and rows that reached EOS leave the batch
(``Cache.batch_select_indices``) once enough of them have finished to pay for the copy. Where the fused step
serves the model, a batch whose few long prompts would pad many short ones is prefilled in runs of similar length
(:func:`prefill_runs`), their caches right-aligned into one batch.

The loop applies no logits processor of its own, so it serves only models whose generation config asks for none
(no repetition penalty, no forced or suppressed tokens, …) and whose ``forward`` takes a cache, position ids and
``logits_to_keep`` (the decoder-only models of transformers' current families: Gemma, Llama, Mistral, Qwen, …);
:func:`loop_supported` says so, and callers fall back to ``generate()`` otherwise. Greedy outputs are the same
ids as ``generate()``'s (``tests/engine/decoding/test_loop.py``).
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import Any

import torch

from engine.decoding.fused_step import fused_step_for, window_allows
from engine.decoding.masks import fast_masks
from engine.decoding.sampler import FastSampler
from engine.decoding.softcap import greedy_tokens, uncapped_head

COMPACT_SHARE = 0.125
"""Drop finished rows from the batch once at least this share of its rows has finished (or all of them)."""

_PROCESSOR_SETTINGS = (
    "repetition_penalty", "encoder_repetition_penalty", "no_repeat_ngram_size", "encoder_no_repeat_ngram_size",
    "bad_words_ids", "min_length", "min_new_tokens", "suppress_tokens", "begin_suppress_tokens",
    "forced_bos_token_id", "forced_eos_token_id", "sequence_bias", "exponential_decay_length_penalty",
    "renormalize_logits", "forced_decoder_ids", "guidance_scale", "watermarking_config",
)
"""Generation-config settings that make ``generate()`` add a logits processor (the loop would ignore them)."""

Rule = FastSampler | None
"""How a row picks its next token: ``None`` = greedy (argmax), a sampler = a draw from its distribution."""


def loop_supported(model: Any) -> bool:
    """True when :func:`decode_rows` gives what ``generate()`` would for ``model``: a decoder-only model whose
    ``forward`` takes ``past_key_values``, ``position_ids`` and ``logits_to_keep``, and whose generation config
    adds no logits processor."""
    config = getattr(model, "config", None)
    if config is None or getattr(config, "is_encoder_decoder", False):
        return False
    try:
        accepted = inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return False
    if not {"past_key_values", "position_ids", "logits_to_keep", "cache_position"} <= set(accepted):
        return False
    generation = getattr(model, "generation_config", None)
    if generation is None:
        return True
    from transformers import GenerationConfig

    neutral = GenerationConfig()
    return all(getattr(generation, name, None) == getattr(neutral, name, None) for name in _PROCESSOR_SETTINGS)


def stop_token_ids(model: Any, tokenizer: Any) -> list[int]:
    """The tokens a translation ends at: the tokenizer's EOS and every EOS the model's generation config names — a
    chat model's end of turn (Gemma's ``<end_of_turn>``, ChatML's ``<|im_end|>``) is there, not in the tokenizer, and
    decoding that stopped at the tokenizer's EOS alone ran on past the turn into text of the model's own."""
    ids = [tokenizer.eos_token_id]
    configured = getattr(getattr(model, "generation_config", None), "eos_token_id", None)
    ids += configured if isinstance(configured, (list, tuple)) else [configured]
    return list(dict.fromkeys(int(i) for i in ids if i is not None))


def reached_stop(ids: Sequence[int], stops: Sequence[int]) -> bool:
    """Whether a row of new token ids reached one of ``stops`` (:func:`stop_token_ids`); a row that reached none
    stopped at its token budget — ``max_new_tokens``, or what the context left — and its translation may be cut."""
    return any(int(t) in stops for t in ids)


def new_token_room(model: Any, tokenizer: Any, width: int, max_new_tokens: int) -> int:
    """New tokens a batch whose longest prompt has ``width`` tokens may decode: ``max_new_tokens``, or what the
    model's context leaves. A prompt that fills the context raises ValueError saying so (a position embedding
    past the context failed with an IndexError inside the model: GPT-2 reads 1,024 positions, the demo model 256)."""
    limit = int(getattr(model.config, "max_position_embeddings", 0) or tokenizer.model_max_length)
    if width >= limit:
        raise ValueError(f"the prompt is {width} tokens and this model reads at most {limit} (its context): "
                         "shorten the source")
    return max(1, min(max_new_tokens, limit - width))


def sampling_neutral(config: Any) -> Any:
    """A generation config with ``config``'s bos/eos/pad ids and nothing else: what a sampler that sets its own
    parameters (TRL's PPO) must see, since ``generate()`` merges a model's defaults into a config passed to it."""
    from transformers import GenerationConfig

    return GenerationConfig(**{key: getattr(config, key, None)
                               for key in ("bos_token_id", "eos_token_id", "pad_token_id")})


def left_padded(prompts: Sequence[Sequence[int]], pad_id: int,
                device: Any = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """``(input_ids, attention_mask)`` of token-id lists padded on the left to the longest, on ``device``."""
    width = max(len(p) for p in prompts)
    ids = torch.full((len(prompts), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(prompts), width), dtype=torch.long)
    for i, prompt in enumerate(prompts):
        if prompt:
            ids[i, width - len(prompt):] = torch.tensor(list(prompt), dtype=torch.long)
            mask[i, width - len(prompt):] = 1
    return ids.to(device), mask.to(device)


def _groups(rules: Sequence[Rule]) -> list[tuple[Rule, list[int]]]:
    """The distinct rules (by identity) and the rule indices that share each: one argmax or sampler call each."""
    groups: dict[int, tuple[Rule, list[int]]] = {}
    for index, rule in enumerate(rules):
        groups.setdefault(id(rule), (rule, []))[1].append(index)
    return list(groups.values())


def _layout(n_prompts: int, groups: Sequence[tuple[Rule, list[int]]], n_rules: int,
            device: Any) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The decoding batch's rows, ordered by group, then prompt, then rule: ``(prompt, output row, group)`` of each.

    Each group's rows are one slice of the batch (and stay one after finished rows leave, as the kept rows keep their
    order), so a rule reads its logits as a view instead of a gathered copy; with a single group this is prompt-major,
    ``repeat_interleave``'s order. Within a group the rows come in the order a gather by row index would give, so a
    sampler's draws fall on the same rows either way."""
    prompt, output, group = [], [], []
    for g, (_, indices) in enumerate(groups):
        for p in range(n_prompts):
            for index in indices:
                prompt.append(p)
                output.append(p * n_rules + index)
                group.append(g)
    return tuple(torch.tensor(x, dtype=torch.long, device=device) for x in (prompt, output, group))  # type: ignore


def _choose(logits: torch.Tensor, group: torch.Tensor, groups: Sequence[tuple[Rule, list[int]]],
            finished: torch.Tensor, cap: float | None) -> torch.Tensor:
    """The next token of every row, one call per group of rows sharing a rule (``group``: each row's, in
    :func:`_layout`'s order); ``finished`` rows (their token is thrown away) never take a sampler's slow path.
    ``cap``: the logits are a soft-capping model's before its cap."""
    if len(groups) == 1:
        rule = groups[0][0]
        return greedy_tokens(logits, cap) if rule is None else rule.sample(logits, skip=finished, cap=cap)
    tokens = torch.empty(logits.shape[0], dtype=torch.long, device=logits.device)
    start = 0
    for (rule, _), count in zip(groups, torch.bincount(group, minlength=len(groups)).tolist(), strict=True):
        if count:
            end = start + count
            part = logits[start:end]
            tokens[start:end] = (greedy_tokens(part, cap) if rule is None
                                 else rule.sample(part, skip=finished[start:end], cap=cap))
            start = end
    return tokens


PREFILL_CALL_TOKENS = 64
"""What one more prefill call costs, counted in padded prompt positions (:func:`prefill_runs`)."""


def prefill_runs(lengths: Sequence[int], call_tokens: int = PREFILL_CALL_TOKENS) -> list[list[int]]:
    """The prompts (indices into ``lengths``) in runs prefilled together, shortest first: the split of the
    length-sorted prompts that costs least, a run costing its prompts × its longest prompt (the padded positions
    the prefill computes) + ``call_tokens``. One run unless a few long prompts would pad many short ones.

    Why: a prefill computes every padded position of its batch, and the prefill is work the generated tokens do not
    count; measured on ``bench/generate.py``'s workload at 64 sources a batch, its last batch padded
    1,050 prompt tokens to 2,496 positions."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    # a run ends only where the length changes (or at the end): a least-cost split over those cut points
    cuts = [0] + [i for i in range(1, len(order) + 1) if i == len(order) or lengths[order[i]] != lengths[order[i - 1]]]
    best = {0: 0.0}
    previous: dict[int, int] = {}
    for end in cuts[1:]:
        width = lengths[order[end - 1]]
        best[end], previous[end] = min((best[begin] + (end - begin) * width + call_tokens, begin)
                                       for begin in cuts if begin < end)
    runs, end = [], len(order)
    while end:
        runs.append(order[previous[end]:end])
        end = previous[end]
    return runs[::-1]


def _prefill(next_logits: Any, config: Any, prompts: Sequence[Sequence[int]], pad_token_id: int,
             device: Any) -> tuple[torch.Tensor, Any, torch.Tensor, torch.Tensor]:
    """The prompts prefilled in one call, left-padded to the longest: ``(logits, cache, attention mask, next
    positions)``, the logits of each prompt's last position."""
    from transformers import DynamicCache

    ids, mask = left_padded(prompts, pad_token_id, device)
    positions = (mask.cumsum(dim=-1) - 1).clamp(min=0)
    cache = DynamicCache(config=config)
    logits = next_logits(input_ids=ids, attention_mask=mask, position_ids=positions, past_key_values=cache,
                         use_cache=True)
    return logits, cache, mask, positions[:, -1] + 1


def _prefill_in_runs(next_logits: Any, config: Any, prompts: Sequence[Sequence[int]], runs: list[list[int]],
                     pad_token_id: int, device: Any) -> tuple[torch.Tensor, Any, torch.Tensor, torch.Tensor]:
    """Each run of prompts prefilled at its own width (:func:`_prefill`): the same four as one prefill of them all,
    the cache (``.layers[i].keys`` / ``.values``, as :meth:`FusedStep.start` reads it) right-aligned to the longest
    prompt and zero where a prompt is padded."""
    from types import SimpleNamespace

    width = max(len(p) for p in prompts)
    logits = next_position = None
    mask = torch.zeros(len(prompts), width, dtype=torch.long, device=device)
    keys: list[torch.Tensor] = []
    values: list[torch.Tensor] = []
    for run in runs:
        out, cache, run_mask, run_position = _prefill(next_logits, config, [prompts[i] for i in run], pad_token_id,
                                                      device)
        index = torch.tensor(run, device=device)
        if logits is None:
            logits = out.new_empty(len(prompts), out.shape[1])
            next_position = run_position.new_empty(len(prompts))
            keys = [layer.keys.new_zeros(len(prompts), layer.keys.shape[1], width, layer.keys.shape[3])
                    for layer in cache.layers]
            values = [layer.values.new_zeros(len(prompts), layer.values.shape[1], width, layer.values.shape[3])
                      for layer in cache.layers]
        logits[index] = out
        next_position[index] = run_position
        mask[:, width - run_mask.shape[1]:].index_copy_(0, index, run_mask)
        for buffer, part in zip(keys + values, [layer.keys for layer in cache.layers]
                                + [layer.values for layer in cache.layers], strict=True):
            buffer[:, :, width - part.shape[2]:].index_copy_(0, index, part)
    layers = [SimpleNamespace(keys=k, values=v) for k, v in zip(keys, values, strict=True)]
    return logits, SimpleNamespace(layers=layers), mask, next_position


@torch.inference_mode()
def decode_rows(
    model: Any, prompts: Sequence[Sequence[int]], rules: Sequence[Rule], *, max_new_tokens: int,
    eos_token_id: int | Sequence[int], pad_token_id: int, compact_share: float = COMPACT_SHARE,
) -> list[list[list[int]]]:
    """Decode ``len(rules)`` rows per prompt: row ``j`` of every prompt follows ``rules[j]`` (rows given the same
    sampler object are sampled in one call).

    Returns, per prompt and rule, the new token ids (ending with EOS when the row reached it — any of
    ``eos_token_id`` when it is a list, see :func:`stop_token_ids`; at most ``max_new_tokens``). Sampled rows
    draw with ``torch.rand``: seed with ``torch.manual_seed`` for repeatable output. Use only where
    :func:`loop_supported` is true.
    """
    if not prompts:
        return []
    if not rules:
        raise ValueError("give at least one rule (None for greedy)")
    n_rules = len(rules)
    device = model.device
    width = max(len(p) for p in prompts)
    n_rows = len(prompts) * n_rules
    new = torch.full((n_rows, max(max_new_tokens, 1)), pad_token_id, dtype=torch.long, device=device)
    lengths = torch.zeros(n_rows, dtype=torch.long, device=device)
    stops = torch.tensor([eos_token_id] if isinstance(eos_token_id, int) else list(eos_token_id), device=device)
    split = uncapped_head(model)
    cap = split.cap if split is not None else None

    def next_logits(**inputs: Any) -> torch.Tensor:
        # a soft-capping model's logits before its cap (the rules apply it where it matters), else the model's own
        if split is not None:
            return split.logits(**inputs)
        return model(**inputs, logits_to_keep=1).logits[:, -1]

    # the steps after the prefill in plain tensor operations where that gives the model's own logits bit for bit
    head = split.head if split is not None else model.get_output_embeddings()
    fused = None
    if (split is not None or not getattr(model.config, "final_logit_softcapping", None)) and head is not None \
            and window_allows(model, width + max_new_tokens):
        fused = fused_step_for(model, head)

    with fast_masks():
        groups = _groups(rules)
        source, rows, group = _layout(len(prompts), groups, n_rules, device)  # rows: each batch row's output row
        runs = prefill_runs([len(p) for p in prompts]) if fused is not None else [list(range(len(prompts)))]
        if len(runs) == 1:
            logits, cache, mask, next_position = _prefill(next_logits, model.config, prompts, pad_token_id, device)
        else:  # prompts of very different lengths: each run prefilled at its own width, the caches right-aligned
            logits, cache, mask, next_position = _prefill_in_runs(next_logits, model.config, prompts, runs,
                                                                  pad_token_id, device)
        logits = logits[source]
        if fused is not None:
            fused.start(cache, mask, source, limit=width + max_new_tokens)
        else:
            cache.batch_select_indices(source)
        mask = mask[source]
        next_position = next_position[source]
        finished = torch.zeros(n_rows, dtype=torch.bool, device=device)
        length = width
        for step in range(max_new_tokens):
            tokens = _choose(logits, group, groups, finished, cap)
            tokens = torch.where(finished, torch.full_like(tokens, pad_token_id), tokens)
            live = rows[~finished]
            new[live, step] = tokens[~finished]
            lengths[live] += 1
            finished |= tokens == stops[0] if len(stops) == 1 else torch.isin(tokens, stops)
            if step == max_new_tokens - 1 or bool(finished.all()):
                break
            n_finished = int(finished.sum())
            if n_finished and n_finished >= compact_share * len(finished):
                keep = (~finished).nonzero().squeeze(1)
                if fused is not None:
                    fused.select(keep)
                else:
                    cache.batch_select_indices(keep)
                mask, tokens, next_position = mask[keep], tokens[keep], next_position[keep]
                rows, group, finished = rows[keep], group[keep], finished[keep]
            if fused is not None:
                logits = head(fused(tokens, next_position))
                next_position = next_position + 1
                continue
            mask = torch.cat([mask, mask.new_ones(mask.shape[0], 1)], dim=1)
            logits = next_logits(input_ids=tokens.unsqueeze(1), attention_mask=mask,
                                 position_ids=next_position.unsqueeze(1), past_key_values=cache, use_cache=True,
                                 cache_position=torch.tensor([length], device=device))
            length += 1
            next_position = next_position + 1
    kept = [row[:n] for row, n in zip(new.tolist(), lengths.tolist(), strict=True)]
    return [kept[p * n_rules:(p + 1) * n_rules] for p in range(len(prompts))]
