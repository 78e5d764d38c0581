"""Sentence-level chrF, BLEU and TER from sacrebleu, optionally spread over worker processes.

Scores are exactly sacrebleu's sentence scores: ``CHRF().sentence_score`` (= ``sentence_chrf``),
``BLEU(effective_order=True).sentence_score`` (= ``sentence_bleu``) and ``TER().sentence_score``
(= ``sentence_ter``), each against the one reference of the candidate.

Big batches (``settings.workers > 1`` and at least ``settings.parallel_min_items`` pairs) are cut into
contiguous chunks, one per worker: this process scores the first while a
``concurrent.futures.ProcessPoolExecutor`` scores the others; the order is kept.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import pairwise
from typing import TypeVar

from sacrebleu.metrics import BLEU, CHRF, TER

from .base import Metric, normalise_all

_SCORERS: dict[str, Callable[[], object]] = {
    "chrf": CHRF,
    "bleu": lambda: BLEU(effective_order=True),
    "ter": TER,
}
_CACHE: dict[str, object] = {}
T = TypeVar("T")
R = TypeVar("R")

ARABIC_NORMALISED = "Arabic normalised"
"""Marks the spec of a string metric computed on Arabic-normalised text (corpus-level scores follow it)."""


NORMALISATION_VERSION = 2
"""Bumped when :func:`~engine.metrics.base.normalise_arabic` changes, so that an evaluation scored the old way is
scored again (its spec differs) rather than compared with the new: 2 drops invisible format marks and folds
presentation forms."""


def string_metric_spec(normalised: bool) -> str:
    """How a chrF/BLEU/TER score was computed, as an evaluation records it: sacrebleu's version and the
    normalisation with its version (read back by :func:`spec_is_normalised`)."""
    import sacrebleu

    return f"sacrebleu {sacrebleu.__version__}" + (
        f", {ARABIC_NORMALISED} v{NORMALISATION_VERSION}" if normalised else "")


def spec_is_normalised(spec: str | None) -> bool:
    """Whether a recorded metric spec says the text was Arabic-normalised before scoring."""
    return ARABIC_NORMALISED in str(spec or "")


def _scorer(kind: str) -> object:
    """The sacrebleu metric object for ``kind``, built once per process (they keep no state per call)."""
    obj = _CACHE.get(kind)
    if obj is None:
        obj = _CACHE[kind] = _SCORERS[kind]()
    return obj


def sentence_scores(kind: str, hypotheses: Sequence[str], references: Sequence[str]) -> list[float]:
    """Sentence scores of ``kind`` ("chrf", "bleu" or "ter") for aligned hypothesis/reference pairs, here."""
    sentence_score = _scorer(kind).sentence_score
    return [sentence_score(h, [r]).score for h, r in zip(hypotheses, references, strict=True)]


def _chunk_job(args: tuple[str, list[str], list[str]]) -> list[float]:
    kind, hyps, refs = args
    return sentence_scores(kind, hyps, refs)


def _mp_context() -> multiprocessing.context.BaseContext:
    # fork is cheapest (nothing to re-import) but unsafe once the process runs other threads (the studio);
    # forkserver then starts clean workers that import only this module.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def resolve_workers(workers: int) -> int:
    """``workers``, with 0 or less meaning one per CPU core."""
    return workers if workers > 0 else (os.cpu_count() or 1)


def map_chunks(fn: Callable[[T], R], chunks: Sequence[T]) -> list[R]:
    """``[fn(c) for c in chunks]`` with ``chunks[1:]`` in worker processes while this one does ``chunks[0]``.

    ``fn`` must be a module-level function (it is pickled by reference). One chunk runs here, so
    ``len(chunks)`` chunks use ``len(chunks)`` cores and start one process fewer.
    """
    if len(chunks) <= 1:
        return [fn(c) for c in chunks]
    with ProcessPoolExecutor(max_workers=len(chunks) - 1, mp_context=_mp_context()) as pool:
        futures = [pool.submit(fn, c) for c in chunks[1:]]
        first = fn(chunks[0])
        return [first, *(f.result() for f in futures)]


def parallel_sentence_scores(
    kind: str,
    hypotheses: Sequence[str],
    references: Sequence[str],
    workers: int = 1,
    min_items: int = 2000,
) -> list[float]:
    """:func:`sentence_scores`, over ``workers`` processes when the batch has at least ``min_items`` pairs.

    ``workers <= 0`` means one per CPU core. The result is identical to the single-process one.
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses for {len(references)} references")
    workers = resolve_workers(workers)
    n = len(hypotheses)
    if workers == 1 or n < max(min_items, 2):
        return sentence_scores(kind, hypotheses, references)
    workers = min(workers, n)
    bounds = [n * i // workers for i in range(workers + 1)]
    chunks = [(kind, list(hypotheses[a:b]), list(references[a:b])) for a, b in pairwise(bounds)]
    return [s for part in map_chunks(_chunk_job, chunks) for s in part]


class _SacrebleuMetric(Metric):
    """A sacrebleu sentence metric against the candidate's reference (normalised if the settings say so)."""

    needs_reference = True
    kind = ""

    def _score(self, sources, candidates, references, groups) -> list[float]:
        if self.settings.arabic_normalise:
            candidates, references = normalise_all(candidates), normalise_all(references)
        return parallel_sentence_scores(self.kind, candidates, references, self.settings.workers,
                                        self.settings.parallel_min_items)


class ChrF(_SacrebleuMetric):
    """chrF (character 6-grams, beta 2), 0–100."""

    name = "chrf"
    label = "chrF"
    kind = "chrf"
    description = "Character n-gram F-score against the reference (sacrebleu, 0–100)."


class Bleu(_SacrebleuMetric):
    """Sentence BLEU with effective order (13a tokenisation, exp smoothing), 0–100."""

    name = "bleu"
    label = "BLEU"
    kind = "bleu"
    description = "Sentence BLEU against the reference (sacrebleu, effective order, 0–100)."


class Ter(_SacrebleuMetric):
    """Translation edit rate, 0 and up; lower is better."""

    name = "ter"
    label = "TER"
    kind = "ter"
    higher_is_better = False
    description = "Edits per reference word needed to turn the candidate into the reference (lower is better)."
