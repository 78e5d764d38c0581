"""The metric contract: settings, availability and the :class:`Metric` base class.

Every metric scores a batch: ``score(sources, candidates, references=None, groups=None)`` returns one
float per candidate. Metrics are constructed with a :class:`MetricSettings` (models, batch sizes,
workers, normalisation) and report whether they can run with :meth:`Metric.availability`.

Nothing here imports torch or a model library: importing the registry stays cheap, and worker
processes of the string metrics start fast.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import ClassVar

from pyarabic import araby


@dataclass(frozen=True)
class Availability:
    """Whether a metric can run with the given settings, and why (not)."""

    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok


READY = Availability(True, "ready")


@dataclass(frozen=True)
class MetricSettings:
    """What the metrics need to run: models, batch sizes, parallelism and normalisation."""

    bertscore_model: str = field(
        default="",
        metadata={"help": "BERTScore encoder: a local model folder (config.json + tokenizer) or a hub id."},
    )
    bertscore_num_layers: int | None = field(
        default=None,
        metadata={"help": "Which encoder layer BERTScore reads; empty = the model's last layer."},
    )
    bertscore_batch_size: int = field(default=32, metadata={"help": "Sentences per BERTScore forward pass."})
    comet_model: str = field(
        default="",
        metadata={
            "help": "Reference-based COMET: a checkpoint file, a folder holding checkpoints/model.ckpt, "
            "or a hub id such as Unbabel/wmt22-comet-da (downloaded when online)."
        },
    )
    comet_qe_model: str = field(
        default="",
        metadata={
            "help": "Reference-free COMET-QE / CometKiwi: a checkpoint file, a folder holding "
            "checkpoints/model.ckpt, or a hub id (downloaded when online)."
        },
    )
    comet_batch_size: int = field(default=16, metadata={"help": "Segments per COMET forward pass."})
    arabic_normalise: bool = field(
        default=False,
        metadata={
            "help": "Before string metrics (chrF, BLEU, TER, MBR), strip tashkeel and tatweel and unify "
            "alef (أ إ آ ٱ → ا) and ya (ى → ي) in candidates and references."
        },
    )
    glossary_file: str = field(
        default="",
        metadata={"help": "Glossary entries for the terminology metric: a JSON-lines file written by the studio "
                          "(engine.glossary.write_entries); empty = no terminology metric."},
    )
    workers: int = field(
        default=1,
        metadata={"help": "Processes for the string metrics on big batches (1 = in this process)."},
    )
    parallel_min_items: int = field(
        default=2000,
        metadata={"help": "Batches smaller than this stay in one process even when workers > 1."},
    )


def hub_offline() -> bool:
    """Whether the Hugging Face hub is switched off ($HF_HUB_OFFLINE), read now rather than at import."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().upper() in {"1", "ON", "YES", "TRUE"}


def settings_help() -> dict[str, str]:
    """The help text of each :class:`MetricSettings` field, by field name (for the UI)."""
    return {f.name: f.metadata.get("help", "") for f in fields(MetricSettings)}


# --- Arabic normalisation (pyarabic's character tables, applied with one str.translate) -------------

_ALEF_VARIANTS = (araby.ALEF_MADDA, araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_WASLA)
# Tashkeel (harakat, tanwin, shadda, sukun) and the dagger alef; the combining madda/hamzas are
# composed into their letters by NFC first, so they are never stripped on their own.
_DIACRITICS = tuple(c for c in araby.DIACRITICS if c not in "\u0653\u0654\u0655")
_FORMAT_MARKS = tuple(chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf")
"""Invisible format characters (LRM, RLM, ALM, zero-width (non-)joiners and spaces, the BOM, the soft hyphen): a
reference copied from the web often carries an RLM, and one ZWJ inside a word took a sentence's chrF from 100 to 83."""
ARABIC_TABLE: dict[int, str | None] = {
    ord(araby.TATWEEL): None,
    ord(araby.ALEF_MAKSURA): araby.YEH,
    **{ord(c): araby.ALEF for c in _ALEF_VARIANTS},
    **{ord(c): None for c in _DIACRITICS},
    **{ord(c): None for c in _FORMAT_MARKS},
}
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
"""Arabic presentation forms (ﻻ, ﷲ, the isolated and final shapes), which NFC keeps and NFKC folds to the letters."""


def normalise_arabic(text: str) -> str:
    """Strip tashkeel, tatweel and invisible format marks, fold presentation forms to their letters (ﻻ → لا), unify
    alef variants to ا and alef maqsura to ي (NFC first)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(ARABIC_TABLE)


def normalise_all(texts: Sequence[str]) -> list[str]:
    """:func:`normalise_arabic` over a batch."""
    return [normalise_arabic(t) for t in texts]


# --- the metric base class ----------------------------------------------------------------------------


class Metric:
    """A batched metric. Subclasses set the class attributes and implement :meth:`_score`.

    ``score`` validates the batch (equal lengths; references present when needed) and returns one float
    per candidate; an empty batch returns ``[]`` without loading anything.
    """

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    needs_reference: ClassVar[bool] = False
    needs_model: ClassVar[bool] = False
    higher_is_better: ClassVar[bool] = True
    description: ClassVar[str] = ""

    def __init__(self, settings: MetricSettings | None = None) -> None:
        self.settings = settings or MetricSettings()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"

    def availability(self, settings: MetricSettings | None = None) -> Availability:
        """Whether the metric can run with ``settings`` (default: its own), with a reason for the UI."""
        return READY

    def score(
        self,
        sources: Sequence[str],
        candidates: Sequence[str],
        references: Sequence[str] | None = None,
        groups: Sequence[object] | None = None,
        *,
        pairs: Sequence[str] | None = None,
        counts: Sequence[int] | None = None,
    ) -> list[float]:
        """One score per candidate. ``sources[i]``/``references[i]``/``groups[i]`` belong to ``candidates[i]``;
        ``pairs[i]`` is its language pair, read by a metric that depends on it (:meth:`_score_in_pairs`);
        ``counts[i]`` how many samples gave the (distinct) candidate, read by a metric that scores a candidate
        against its group's samples (:meth:`_score_counted`)."""
        n = len(candidates)
        if len(sources) != n:
            raise ValueError(f"{self.name}: {len(sources)} sources for {n} candidates")
        if references is not None and len(references) != n:
            raise ValueError(f"{self.name}: {len(references)} references for {n} candidates")
        if groups is not None and len(groups) != n:
            raise ValueError(f"{self.name}: {len(groups)} group ids for {n} candidates")
        if pairs is not None and len(pairs) != n:
            raise ValueError(f"{self.name}: {len(pairs)} language pairs for {n} candidates")
        if counts is not None and len(counts) != n:
            raise ValueError(f"{self.name}: {len(counts)} sample counts for {n} candidates")
        if self.needs_reference and references is None:
            raise ValueError(f"{self.name} needs references")
        if n == 0:
            return []
        if pairs is not None and self.reads_pairs:
            scores = self._score_in_pairs(list(sources), list(candidates), list(pairs))
        elif counts is not None and self.reads_counts:
            scores = self._score_counted(list(sources), list(candidates), None if groups is None else list(groups),
                                         [max(1, int(c)) for c in counts])
        else:
            scores = self._score(list(sources), list(candidates), None if references is None else list(references),
                                 None if groups is None else list(groups))
        if len(scores) != n:  # a broken implementation must not silently misalign rows
            raise RuntimeError(f"{self.name}: returned {len(scores)} scores for {n} candidates")
        return scores

    def _score(
        self,
        sources: list[str],
        candidates: list[str],
        references: list[str] | None,
        groups: list[object] | None,
    ) -> list[float]:
        raise NotImplementedError

    reads_counts = False
    """Whether a candidate's score depends on how many samples gave each candidate of its group (given:
    :meth:`_score_counted`)."""

    def _score_counted(self, sources: list[str], candidates: list[str], groups: list[object] | None,
                       counts: list[int]) -> list[float]:
        raise NotImplementedError

    reads_pairs = False
    """Whether the metric depends on each source's language pair (given: :meth:`_score_in_pairs`)."""

    def _score_in_pairs(self, sources: list[str], candidates: list[str], pairs: list[str]) -> list[float]:
        raise NotImplementedError
