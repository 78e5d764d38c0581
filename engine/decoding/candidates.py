"""Batched multi-candidate translation: many sources × many samples in each decoding call.

A :class:`SamplingStrategy` is one way of decoding (greedy, beam search, or sampling with a temperature,
top-k or top-p) and how many candidates it yields per source. Sources are encoded, sorted by length and
decoded in batches: the greedy and sampled strategies together by the studio's loop
(:mod:`engine.decoding.loop`, one prefill per source for all its candidates), beam search by ``generate()``.
Exact duplicates of one source are merged, keeping how many times each text was produced.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from engine.decoding.loop import (
    decode_rows,
    left_padded,
    loop_supported,
    new_token_room,
    reached_stop,
    stop_token_ids,
)
from engine.decoding.masks import fast_masks
from engine.models.prompting import decode_outputs, encode_prompt

MAX_BEAMS = 16
"""The widest beam a strategy may ask for (as Evaluate's ``num_beams``): beam:100000 was accepted."""
_SPEC = re.compile(r"^(greedy|beam|temperature|top_k|top_p)(?::([0-9.]+))?(?:x(\d+))?$")


@dataclass(frozen=True)
class SamplingStrategy:
    """One decoding strategy and how many candidates it gives per source."""

    kind: str
    value: float | None = None
    samples: int = 1

    @classmethod
    def parse(cls, spec: str) -> SamplingStrategy:
        """Read ``greedy``, ``beam:4``, ``temperature:0.7x2``, ``top_k:20``, ``top_p:0.9x3`` (``xN`` = N samples)."""
        match = _SPEC.match(spec.strip().lower())
        if not match:
            raise ValueError(f"not a sampling strategy: {spec!r} (e.g. greedy, beam:4, temperature:0.8x2, "
                             "top_k:20, top_p:0.9)")
        kind, value, samples = match.group(1), match.group(2), int(match.group(3) or 1)
        if samples < 1:
            raise ValueError(f"{spec!r} asks for no sample: write x1 or more, or leave the strategy out")
        if kind == "greedy":
            if value is not None:
                raise ValueError("greedy takes no value")
            if samples != 1:
                raise ValueError("greedy gives one candidate; use sampling for more")
            return cls("greedy", None, 1)
        if value is None:
            raise ValueError(f"{kind} needs a value, e.g. {kind}:{ {'beam': 4, 'temperature': 0.8}.get(kind, 20) }")
        number = float(value)
        if kind == "beam" and (number < 2 or number > MAX_BEAMS or not number.is_integer() or samples > number):
            raise ValueError(f"beam needs a whole number of beams from 2 to {MAX_BEAMS}, and no more samples than "
                             "beams")
        if kind == "temperature" and not 0 < number <= 5:
            raise ValueError("temperature must be in (0, 5]")
        if kind == "top_k" and (number < 1 or not number.is_integer()):
            raise ValueError("top_k must be a whole number ≥ 1")
        if kind == "top_p" and not 0 < number <= 1:
            raise ValueError("top_p must be in (0, 1]")
        return cls(kind, number, samples)

    @property
    def name(self) -> str:
        """The spec string this strategy is read from."""
        if self.kind == "greedy":
            return "greedy"
        value = int(self.value) if self.kind in ("beam", "top_k") else self.value
        return f"{self.kind}:{value}" + (f"x{self.samples}" if self.samples > 1 else "")

    @property
    def sampled(self) -> bool:
        return self.kind in ("temperature", "top_k", "top_p")

    def params(self) -> dict[str, Any]:
        """The decoding parameters recorded with each candidate."""
        if self.kind == "greedy":
            return {"do_sample": False}
        if self.kind == "beam":
            return {"do_sample": False, "num_beams": int(self.value)}
        params: dict[str, Any] = {"do_sample": True, "temperature": 1.0, "top_k": 0, "top_p": 1.0}
        params[self.kind] = int(self.value) if self.kind == "top_k" else float(self.value)
        return params


def decoding_kwargs(strategy: SamplingStrategy, finished_ids: tuple[int, ...] = ()) -> dict[str, Any]:
    """``generate()`` arguments for one strategy (the prompt rows already repeated once per sample).

    Sampled strategies decode with :class:`engine.decoding.sampler.FastSampler` as a logits processor in
    ``generate()``'s greedy mode — the same distribution as ``do_sample=True`` with transformers' warpers, without
    its full-vocabulary sort (top-p) and ``multinomial`` at every step; greedy and beam search are transformers'
    own. ``finished_ids`` (EOS and pad) let the sampler skip work on rows that have finished.
    """
    kwargs = strategy.params()
    if strategy.kind == "beam":
        kwargs["early_stopping"] = True
        kwargs["num_return_sequences"] = strategy.samples
    elif strategy.sampled:
        from transformers import LogitsProcessorList

        from engine.decoding.sampler import FastSampler

        sampler = FastSampler.from_params(kwargs, finished_ids)
        kwargs = {"do_sample": False, "logits_processor": LogitsProcessorList([sampler])}
    return kwargs


def parse_strategies(specs: Sequence[str]) -> list[SamplingStrategy]:
    """Parse a list of strategy specs; the list must not be empty."""
    # a form's list box may hand over numbers ("greedy, 1" reads as ["greedy", 1]): each is parsed as text
    strategies = [SamplingStrategy.parse(str(s)) for s in specs if str(s).strip()]
    if not strategies:
        raise ValueError("give at least one sampling strategy")
    names = [s.name for s in strategies if not s.sampled]
    if twice := next((name for name in names if names.count(name) > 1), None):
        # greedy ×3 counted as 3 candidates a source and gave one: every score run of it found no pair
        raise ValueError(f"{twice} is given twice: it decodes without sampling, so it gives the same candidate each "
                         "time — give it once, and sample for more candidates")
    return strategies


@dataclass
class Candidate:
    """A distinct candidate of one source: its text, the first strategy that produced it, and counts."""

    text: str
    strategy: str
    params: dict
    count: int = 1
    strategies: list[str] = field(default_factory=list)
    new_tokens: int = 0
    cut: bool = False
    """Decoding stopped at the token budget before an end token: the translation may be cut short."""


def merge_duplicates(texts: Sequence[tuple[str, SamplingStrategy, int, bool]]) -> list[Candidate]:
    """One :class:`Candidate` per distinct text of (text, strategy, new tokens, cut) samples, in first-seen order,
    with how many samples gave it and every strategy that did (cut when every one of them was)."""
    merged: dict[str, Candidate] = {}
    for text, strategy, n_tokens, cut in texts:
        if text in merged:
            cand = merged[text]
            cand.count += 1
            cand.cut = cand.cut and cut
            if strategy.name not in cand.strategies:
                cand.strategies.append(strategy.name)
        else:
            merged[text] = Candidate(text, strategy.name, strategy.params(), 1, [strategy.name], n_tokens, cut)
    return list(merged.values())


@torch.inference_mode()
def generate_candidates(
    model: Any, tokenizer: Any, sources: Sequence[str], pairs: Sequence[str], strategies: Sequence[SamplingStrategy],
    *, prompt_format: str = "tags", batch_size: int = 16, max_new_tokens: int = 64, seed: int = 0,
    on_batch: Callable[[int, int], None] | None = None, terms: Sequence[Sequence[tuple[str, str]]] | None = None,
    processes: int = 1,
) -> list[list[Candidate]]:
    """Candidates for every source, ``batch_size`` sources at a time.

    Greedy and sampled strategies are decoded together by the studio's loop (:mod:`engine.decoding.loop`: each
    prompt prefilled once for all its candidates, finished rows leave the batch) where the model allows it
    (:func:`~engine.decoding.loop.loop_supported`); beam search, and every strategy of a model the loop does not
    serve, run through ``generate()``, one call per strategy and batch (sources × samples rows).

    ``on_batch(done, new_tokens)`` is called after each call (for progress and throughput); ``done`` counts
    sources × strategies finished by it. ``terms``: per source, the glossary terms an ``instruction`` prompt lists
    (see :func:`engine.models.prompting.build_prompt`). Returns one list of distinct candidates per source, in
    the order of ``sources``, merged in the order of ``strategies``.

    ``processes`` > 1 (a CPU model; :func:`engine.decoding.processes.decoding_processes` says how many) decodes the
    loop's batches in that many single-thread processes (:func:`engine.decoding.processes.map_in_processes`): each
    batch is seeded by its position, so the candidates are those of one process on one thread.

    Speed (``bench/generate.py`` reports it as a share of the model's FLOP bound): attention masks are built by
    broadcasting (:func:`engine.decoding.masks.fast_masks`, identical masks without transformers' per-step ``vmap``)
    and decoding runs under ``torch.inference_mode``; larger ``batch_size`` amortises the per-step overhead.
    """
    if len(sources) != len(pairs):
        raise ValueError("sources and pairs differ in length")
    per_source = terms if terms is not None else [()] * len(sources)
    encoded = [encode_prompt(tokenizer, s, p, prompt_format, t) for s, p, t in zip(sources, pairs, per_source,
                                                                                     strict=True)]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    # per source, per strategy: (text, strategy, new tokens, cut) — merged in the order of the strategies
    produced: list[list[list[tuple[str, SamplingStrategy, int, bool]]]] = [[[] for _ in strategies] for _ in sources]
    looped = [i for i, s in enumerate(strategies) if s.kind != "beam"] if loop_supported(model) else []
    stops = stop_token_ids(model, tokenizer)
    was_training = model.training
    model.eval()
    try:
        if looped:
            _decode_in_loop(model, tokenizer, encoded, order, strategies, looped, produced, batch_size=batch_size,
                            max_new_tokens=max_new_tokens, seed=seed, on_batch=on_batch,
                            processes=processes)
        for s_index, strategy in enumerate(strategies):
            if s_index in looped:
                continue
            for start in range(0, len(order), batch_size):
                idx = order[start:start + batch_size]
                # padded on the left whatever the tokenizer's padding_side: GPT-2's and Qwen2's pad on the right,
                # and generate() then continued every shorter prompt after its pad tokens
                input_ids, attention_mask = left_padded([encoded[i] for i in idx], tokenizer.pad_token_id,
                                                        model.device)  # the model may sit on a GPU
                width = input_ids.shape[1]
                torch.manual_seed(seed * 1_000_003 + s_index * 7919 + start)
                kwargs = decoding_kwargs(strategy, (tokenizer.eos_token_id, tokenizer.pad_token_id))
                if strategy.sampled and strategy.samples > 1:  # FastSampler decodes in greedy mode: expand here
                    input_ids = input_ids.repeat_interleave(strategy.samples, dim=0)
                    attention_mask = attention_mask.repeat_interleave(strategy.samples, dim=0)
                with fast_masks():
                    out = model.generate(
                        input_ids=input_ids, attention_mask=attention_mask,
                        max_new_tokens=new_token_room(model, tokenizer, width, max_new_tokens),
                        pad_token_id=tokenizer.pad_token_id, eos_token_id=stops, **kwargs,
                    )
                new = out[:, width:]
                lengths = (new != tokenizer.pad_token_id).sum(dim=1).tolist()
                texts = decode_outputs(tokenizer, new)
                for j, text in enumerate(texts):
                    produced[idx[j // strategy.samples]][s_index].append(
                        (text, strategy, int(lengths[j]), not reached_stop(new[j].tolist(), stops)))
                if on_batch is not None:
                    on_batch(len(idx), int(sum(lengths)))
    finally:
        model.train(was_training)
    return [merge_duplicates([t for part in per_strategy for t in part]) for per_strategy in produced]


def _decode_in_loop(
    model: Any, tokenizer: Any, encoded: Sequence[list[int]], order: Sequence[int],
    strategies: Sequence[SamplingStrategy], looped: Sequence[int],
    produced: list[list[list[tuple[str, SamplingStrategy, int, bool]]]], *, batch_size: int, max_new_tokens: int,
    seed: int, on_batch: Callable[[int, int], None] | None, processes: int = 1,
) -> None:
    """The greedy and sampled strategies of :func:`generate_candidates` in one :func:`decode_rows` call per batch
    of sources: each source's prompt is prefilled once for all of its candidates; the batches in ``processes``
    processes (:func:`engine.decoding.processes.map_in_processes`)."""
    from contextlib import closing

    from engine.decoding.processes import map_in_processes
    from engine.decoding.sampler import FastSampler

    rules, rule_strategy = [], []
    for s_index in looped:
        strategy = strategies[s_index]
        rule = FastSampler.from_params(strategy.params()) if strategy.sampled else None
        rules += [rule] * strategy.samples  # one sampler per strategy: its samples are drawn in one call
        rule_strategy += [s_index] * strategy.samples
    starts = range(0, len(order), batch_size)
    stops = stop_token_ids(model, tokenizer)

    def decode_batch(b: int) -> list[list[list[int]]]:
        prompts = [encoded[i] for i in order[starts[b]:starts[b] + batch_size]]
        width = max(len(p) for p in prompts)
        torch.manual_seed(seed * 1_000_003 + starts[b])  # by position: the same rows in whichever process
        return decode_rows(model, prompts, rules, max_new_tokens=new_token_room(model, tokenizer, width,
                                                                                 max_new_tokens),
                           eos_token_id=stops, pad_token_id=tokenizer.pad_token_id)

    with closing(map_in_processes(decode_batch, len(starts), processes)) as batches:
        for b, rows in batches:
            idx = order[starts[b]:starts[b] + batch_size]
            tokens = 0
            for source, per_rule in zip(idx, rows, strict=True):
                texts = decode_outputs(tokenizer, per_rule)
                for ids, text, s_index in zip(per_rule, texts, rule_strategy, strict=True):
                    n_tokens = sum(1 for t in ids if t != tokenizer.pad_token_id)
                    produced[source][s_index].append((text, strategies[s_index], n_tokens,
                                                      not reached_stop(ids, stops)))
                    tokens += n_tokens
            if on_batch is not None:
                on_batch(len(idx) * len(looped), tokens)
