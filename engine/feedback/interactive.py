"""Interactive translation for the translate page: sample 5–8 candidates of one source, rank them by reward.

Runs in the studio process (about a second on the demo model), so loaded models are cached per folder here
(:func:`load_policy`; the reward model through :func:`engine.reward.scoring.cached_scorer`) — no Streamlit
import. Generation and scoring of one model are serialised by a lock: Streamlit serves each browser session
from its own thread, and two sessions sampling on 2 cores at once would only slow each other down (and mix up
the seeded random streams).

**One ``generate()`` call for every candidate.** The sampling strategies differ per candidate (greedy,
temperature 0.7, temperature 1.0, top-k, top-p), which ``generate()`` cannot mix in one call — so
:class:`PerRowSampling`, a logits processor, applies each row's own temperature, top-k and top-p (and keeps only
the argmax for a greedy row) while ``generate()`` samples with neutral settings. The prompt is expanded to one
row per candidate and decoded in a single batched call, then every candidate is scored in one reward-model
pass. ``mode="per_strategy"`` uses :func:`engine.decoding.candidates.generate_candidates` (one call per strategy) and
``mode="sequential"`` one ``generate()`` and one scoring call per candidate (the benchmark's baseline). Beam
search cannot share a sampling call: with a beam strategy, ``batched`` falls back to ``per_strategy``.

**Threads.** A small model decodes a batch of 8 with small matrix products that gain nothing from torch's
intra-op threads, while two threads on a 2-core machine that a training job also uses stall each other badly
(measured in ``bench/translate.py``: ~7× slower under load). Models under :data:`SMALL_MODEL_PARAMETERS` therefore
sample and score on one thread (``$TARJAMA_INTERACTIVE_THREADS`` overrides; larger models keep torch's default).
The setting is process-wide, so it is applied only inside the model lock and restored afterwards.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from engine.characters import MAX_SOURCE_CHARS, unsafe_character
from engine.decoding.candidates import SamplingStrategy, merge_duplicates, parse_strategies
from engine.decoding.loop import new_token_room, reached_stop, stop_token_ids
from engine.decoding.per_row import PerRowSampling
from engine.feedback.language import detect_language
from engine.models.loaded import LoadedModels

DEFAULT_STRATEGIES: tuple[str, ...] = ("greedy", "temperature:0.7x2", "temperature:1.0x2", "top_k:20", "top_p:0.9x2")
"""Eight candidates: greedy, two at T=0.7, two at T=1.0, one top-k 20, two nucleus 0.9."""
MIN_SAMPLES, MAX_SAMPLES = 5, 8
MODES: tuple[str, ...] = ("batched", "per_strategy", "sequential")
SMALL_MODEL_PARAMETERS = 100_000_000
"""Below this many parameters interactive sampling and scoring use one torch thread (see the module docstring)."""
THREADS_ENV = "TARJAMA_INTERACTIVE_THREADS"


@dataclass
class RankedCandidate:
    """A distinct candidate with its reward (``None`` without a reward model) and how it was sampled."""

    text: str
    rm_score: float | None
    strategy: str
    strategies: list[str] = field(default_factory=list)
    n_samples: int = 1
    rm_spread: float | None = None
    """With an ensemble of reward models: the members' standard deviation (their disagreement), else ``None``."""
    cut: bool = False
    """Decoding stopped at the token budget before an end token: the translation may be cut short."""


@dataclass
class Translation:
    """The outcome of :func:`translate_and_rank`: candidates best reward first, and where the time went."""

    source: str
    pair: str
    model: str
    rm: str | None
    strategies: list[str]
    settings: dict[str, Any]
    candidates: list[RankedCandidate]
    generate_s: float
    score_s: float
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def seconds(self) -> float:
        return self.generate_s + self.score_s


@dataclass
class LoadedPolicy:
    """A policy model loaded once per process, with its tokenizer and a lock for its use."""

    model: Any
    tokenizer: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    parameters: int = 0


def check_strategies(specs: Sequence[str]) -> list[SamplingStrategy]:
    """Parse sampling strategies and check they give between 5 and 8 candidates."""
    strategies = parse_strategies(list(specs))
    n = sum(s.samples for s in strategies)
    if not MIN_SAMPLES <= n <= MAX_SAMPLES:
        raise ValueError(f"the strategies give {n} candidate{'' if n == 1 else 's'}; "
                         f"choose between {MIN_SAMPLES} and {MAX_SAMPLES}")
    return strategies


_LOAD_LOCK = threading.Lock()
_POLICIES = LoadedModels(2)


def _load(path: str, trust_remote_code: bool) -> LoadedPolicy:
    from engine.jobs.precision import inference_model, resolve_precision
    from engine.models.loading import load_tokenizer

    model = inference_model(path, resolve_precision("auto"), trust_remote_code=trust_remote_code)  # GPU if any
    return LoadedPolicy(model, load_tokenizer(path, trust_remote_code=trust_remote_code),
                        parameters=sum(p.numel() for p in model.parameters()))


def load_policy(path: str, trust_remote_code: bool = False) -> LoadedPolicy:
    """The policy model in folder ``path`` (or hub id), loaded once per process (two kept at most) and again when
    the folder's weights change (:class:`~engine.models.loaded.LoadedModels`: a replaced folder's old weights went
    on translating, under the model's name, and a deleted one's too)."""
    path, trust = str(path), bool(trust_remote_code)
    with _LOAD_LOCK:
        return _POLICIES.get((path, trust), path, lambda: _load(path, trust))


_SCORER_LOCKS: dict[str, threading.Lock] = {}


def interactive_threads(parameters: int) -> int | None:
    """Torch threads for interactive use of a model this size: ``$TARJAMA_INTERACTIVE_THREADS``, else 1 below
    :data:`SMALL_MODEL_PARAMETERS`, else ``None`` (torch's default)."""
    value = os.environ.get(THREADS_ENV, "").strip()
    if value:
        return max(1, int(value))
    return 1 if parameters < SMALL_MODEL_PARAMETERS else None


@contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Run the block with ``n`` torch intra-op threads (``None``: unchanged), then restore the previous count."""
    if n is None:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _scorer(path: str) -> tuple[Any, threading.Lock]:
    from engine.reward.scoring import cached_scorer

    with _LOAD_LOCK:
        return cached_scorer(str(path)), _SCORER_LOCKS.setdefault(str(path), threading.Lock())


def _expand(strategies: Sequence[SamplingStrategy]) -> list[SamplingStrategy]:
    return [s for s in strategies for _ in range(s.samples)]


def _merge(produced: Sequence[tuple[str, SamplingStrategy, bool]]) -> list[RankedCandidate]:
    """(text, strategy, cut) samples as distinct candidates."""
    return [RankedCandidate(c.text, None, c.strategy, c.strategies, c.count, cut=c.cut)
            for c in merge_duplicates([(text, strategy, 0, cut) for text, strategy, cut in produced])]


def sample_batched(policy: LoadedPolicy, source: str, pair: str, strategies: Sequence[SamplingStrategy], *,
                   prompt_format: str, max_new_tokens: int, seed: int,
                   terms: Sequence[tuple[str, str]] = ()) -> list[RankedCandidate]:
    """Every candidate of one source in one ``generate()`` call (one row per candidate, see :class:`PerRowSampling`)."""
    import torch
    from transformers import LogitsProcessorList

    from engine.decoding.masks import fast_masks
    from engine.models.prompting import decode_outputs, encode_prompt

    model, tokenizer = policy.model, policy.tokenizer
    rows = _expand(strategies)
    ids = torch.tensor([encode_prompt(tokenizer, source, pair, prompt_format, terms)], device=model.device)
    width = ids.shape[1]
    stops = stop_token_ids(model, tokenizer)
    torch.manual_seed(seed)
    with torch.no_grad(), fast_masks():
        out = model.generate(
            input_ids=ids, attention_mask=torch.ones_like(ids), num_return_sequences=len(rows), do_sample=True,
            temperature=1.0, top_k=0, top_p=1.0, logits_processor=LogitsProcessorList([PerRowSampling(rows)]),
            max_new_tokens=new_token_room(model, tokenizer, width, max_new_tokens),
            pad_token_id=tokenizer.pad_token_id, eos_token_id=stops)
    texts = decode_outputs(tokenizer, out[:, width:])
    return _merge([(t, s, not reached_stop(ids, stops))
                   for t, s, ids in zip(texts, rows, out[:, width:].tolist(), strict=True)])


def sample_sequential(policy: LoadedPolicy, source: str, pair: str, strategies: Sequence[SamplingStrategy], *,
                      prompt_format: str, max_new_tokens: int, seed: int,
                      terms: Sequence[tuple[str, str]] = ()) -> list[RankedCandidate]:
    """One ``generate()`` call per candidate, batch 1, each with its strategy's own decoding parameters."""
    import torch

    from engine.models.prompting import decode_outputs, encode_prompt

    model, tokenizer = policy.model, policy.tokenizer
    ids = torch.tensor([encode_prompt(tokenizer, source, pair, prompt_format, terms)], device=model.device)
    width = ids.shape[1]
    stops = stop_token_ids(model, tokenizer)
    produced = []
    with torch.no_grad():
        for i, strategy in enumerate(_expand(strategies)):
            kwargs = strategy.params()
            if strategy.kind == "beam":
                kwargs["early_stopping"] = True
            torch.manual_seed(seed * 1_000_003 + i)
            out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids),
                                 max_new_tokens=new_token_room(model, tokenizer, width, max_new_tokens),
                                 pad_token_id=tokenizer.pad_token_id, eos_token_id=stops, **kwargs)
            produced.append((decode_outputs(tokenizer, out[:1, width:])[0], strategy,
                             not reached_stop(out[0, width:].tolist(), stops)))
    return _merge(produced)


def sample_per_strategy(policy: LoadedPolicy, source: str, pair: str, strategies: Sequence[SamplingStrategy], *,
                        prompt_format: str, max_new_tokens: int, seed: int,
                        terms: Sequence[tuple[str, str]] = ()) -> list[RankedCandidate]:
    """One ``generate()`` call per strategy (:func:`engine.decoding.candidates.generate_candidates`)."""
    from engine.decoding.candidates import generate_candidates

    cands = generate_candidates(policy.model, policy.tokenizer, [source], [pair], strategies,
                                prompt_format=prompt_format, batch_size=1, max_new_tokens=max_new_tokens, seed=seed,
                                terms=[list(terms)])[0]
    return [RankedCandidate(c.text, None, c.strategy, list(c.strategies), c.count, cut=c.cut) for c in cands]


SAMPLERS = {"batched": sample_batched, "per_strategy": sample_per_strategy, "sequential": sample_sequential}


def new_seed() -> int:
    """A fresh sampling seed for one request (recorded with it, so the request can be sampled again exactly)."""
    import secrets

    return secrets.randbelow(2**31 - 1)


def _ensemble_scores(paths: Sequence[str], sources: list[str], texts: list[str], pair: str, combination: str,
                     k: float, threads: int | None, sequential: bool) -> list[Any]:
    """Every member's scores of the candidates (each member under its own lock), combined per candidate (each
    member centred on the source first: :func:`~engine.reward.ensemble.combine_within_sources`)."""
    from engine.reward.ensemble import check_member_heads, combine_members

    check_member_heads([_scorer(path)[0].model.config for path in paths])
    per_member = []
    for path in paths:
        scorer, lock = _scorer(path)
        with lock, torch_threads(threads):
            if sequential:
                per_member.append([scorer.score([s], [t], pair)[0] for s, t in zip(sources, texts, strict=True)])
            else:
                per_member.append(scorer.score(sources, texts, pair))
    return combine_members(per_member, sources, pair, combination, k)


def check_source(source: str, where: str = "the source", *, lines: bool = True) -> str:
    """A typed, pasted or sent source as it is translated and logged: spaces collapsed (a text of several lines
    only stripped, unless ``lines`` is off: the endpoint takes one line per text), at most
    :data:`MAX_SOURCE_CHARS` characters, none that the studio's other doors refuse (a logged source goes to review
    queues and Argilla exports, whose import checks it again). ``where`` names it in the messages (the endpoint's
    "text 2"), and a text in Arabic script is refused. Raises ValueError. The Translate page and the endpoint both
    check with it."""
    source = str(source)
    source = " ".join(source.split()) if not lines or "\n" not in source else source.strip()
    if not source:
        raise ValueError(f"{where} is empty: type or paste a sentence")
    if len(source) > MAX_SOURCE_CHARS:
        raise ValueError(f"{where} is longer than {MAX_SOURCE_CHARS} characters ({len(source)}); translate it in "
                         "parts")
    unsafe = unsafe_character(source, line_breaks=lines)
    if unsafe:
        raise ValueError(f"{where} contains {unsafe}")
    # whatever language was chosen for it: with English chosen by hand an Arabic text was translated as English,
    # and its garbage candidates were there to be judged into the feedback
    if detect_language(source).language == "ar":
        raise ValueError(f"{where} is in Arabic script: sources must be English or French")
    return source


def translate_and_rank(*, source: str, pair: str, model_name: str, model_path: str, prompt_format: str,
                       rm_name: str | None = None, rm_path: str | None = None,
                       strategies: Sequence[str] = DEFAULT_STRATEGIES, max_new_tokens: int = 64,
                       seed: int | None = None, trust_remote_code: bool = False, mode: str = "batched",
                       extra_rm_paths: Sequence[str] = (), ensemble: str = "mean", ensemble_k: float = 1.0,
                       terms: Sequence[tuple[str, str]] = ()) -> Translation:
    """Sample 5–8 candidates of ``source`` and rank the distinct ones by the reward model (best first).

    ``terms``: ``(source term, Arabic term)`` glossary pairs placed in an ``instruction`` prompt (ignored by ``tags``
    models; recorded in ``settings["glossary_terms"]`` when used).

    With ``extra_rm_paths`` the reward models ``rm_path`` + those form an ensemble: each candidate's score is their
    combination (``ensemble``: mean, min or mean-k*std with ``ensemble_k``) and ``rm_spread`` their standard
    deviation. Without a reward model the candidates keep the order they were sampled in and have no score.
    ``seed=None`` (the default) draws a seed for this request: with one fixed seed every source got the same random
    stream, and a weak model then put the same words on top for different sources. The seed used is in ``settings``.
    """
    seed = new_seed() if seed is None else int(seed)
    source = check_source(source)
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    parsed = check_strategies(strategies)
    if mode == "batched" and any(s.kind == "beam" for s in parsed):
        mode = "per_strategy"
    prompt_terms = [tuple(t) for t in terms] if prompt_format == "instruction" else []
    policy = load_policy(model_path, trust_remote_code)
    threads = interactive_threads(policy.parameters)
    t0 = time.perf_counter()
    with policy.lock, torch_threads(threads):
        candidates = SAMPLERS[mode](policy, source, pair, parsed, prompt_format=prompt_format,
                                    max_new_tokens=max_new_tokens, seed=seed, terms=prompt_terms)
    t1 = time.perf_counter()
    if rm_path and extra_rm_paths:
        scored = _ensemble_scores([rm_path, *extra_rm_paths], [source] * len(candidates),
                                  [c.text for c in candidates], pair, ensemble, ensemble_k, threads,
                                  mode == "sequential")
        for cand, ens in zip(candidates, scored, strict=True):
            cand.rm_score, cand.rm_spread = ens.score, ens.spread
        candidates.sort(key=lambda c: -c.rm_score)
    elif rm_path:
        scorer, lock = _scorer(rm_path)
        with lock, torch_threads(threads):
            if mode == "sequential":
                scores = [scorer.score([source], [c.text], pair)[0] for c in candidates]
            else:
                scores = scorer.score([source] * len(candidates), [c.text for c in candidates], pair)
        for cand, score in zip(candidates, scores, strict=True):
            cand.rm_score = float(score)
        candidates.sort(key=lambda c: -c.rm_score)
    t2 = time.perf_counter()
    return Translation(source=source, pair=pair, model=model_name, rm=rm_name if rm_path else None,
                       strategies=[s.name for s in parsed],
                       settings={"max_new_tokens": max_new_tokens, "seed": seed, "mode": mode, "threads": threads,
                                 **({"glossary_terms": [list(t) for t in prompt_terms]} if prompt_terms else {})},
                       candidates=candidates, generate_s=t1 - t0, score_s=t2 - t1)


def record(store, translation: Translation, *, linguist: str | None, detected: str | None = None,
           queue_id: int | None = None, item_id: int | None = None) -> str:
    """Store a translation and its ranked candidates; returns the request id."""
    request = {"id": translation.id, "linguist": linguist, "source": translation.source, "pair": translation.pair,
               "detected": detected, "model": translation.model, "rm": translation.rm,
               "strategies": translation.strategies, "settings": translation.settings,
               "generate_s": translation.generate_s, "score_s": translation.score_s, "queue_id": queue_id,
               "item_id": item_id}
    candidates = [{"text": c.text, "rm_score": c.rm_score, "rm_spread": c.rm_spread, "strategy": c.strategy,
                   "strategies": c.strategies, "n_samples": c.n_samples, "cut": c.cut} for c in translation.candidates]
    return store.feedback.add_request(request, candidates)


def translate_with_registry(store, *, source: str, pair: str, model: str, rm: str | None,
                            strategies: Sequence[str] = DEFAULT_STRATEGIES, max_new_tokens: int = 64,
                            seed: int | None = None, mode: str = "batched", extra_rms: Sequence[str] = (),
                            ensemble: str = "mean", ensemble_k: float = 1.0,
                            terms: Sequence[tuple[str, str]] = ()) -> Translation:
    """:func:`translate_and_rank` with registered model names (resolved through :mod:`engine.models.refs`);
    ``extra_rms`` are further reward models ranking as an ensemble with ``rm``."""
    from engine.models.refs import resolve_model
    from engine.reward.ensemble import check_combination, ensemble_label, member_names

    ref = resolve_model(store, model)
    if ref.kind != "policy":
        raise ValueError(f"{model} is a {ref.kind} model; choose a policy model")
    check_combination(ensemble, ensemble_k)
    names = member_names(rm, extra_rms)
    paths = []
    for name in names:
        rm_ref = resolve_model(store, name)
        if rm_ref.kind != "reward":
            raise ValueError(f"{name} is a {rm_ref.kind} model; choose a reward model")
        paths.append(rm_ref.path)
    return translate_and_rank(source=source, pair=pair, model_name=ref.name, model_path=ref.path,
                              prompt_format=ref.prompt_format,
                              rm_name=ensemble_label(names, ensemble, ensemble_k) if names else None,
                              rm_path=paths[0] if paths else None, extra_rm_paths=paths[1:], ensemble=ensemble,
                              ensemble_k=ensemble_k, strategies=strategies, max_new_tokens=max_new_tokens, seed=seed,
                              trust_remote_code=ref.trust_remote_code, mode=mode, terms=terms)
