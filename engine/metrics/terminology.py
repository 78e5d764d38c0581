"""The ``terminology`` metric: the share of a source's glossary terms that a translation renders as the glossary says.

The glossary entries come from a file (:attr:`MetricSettings.glossary_file`, written by the studio into a run's
inputs with :func:`engine.glossary.write_entries`; jobs never read the store). A sentence's score is
``kept / applicable`` (0–1, higher is better); when no term of the glossary occurs in the source the score is NaN —
undefined, and neutral: every candidate of that source gets the same NaN, which fusion turns into the same value
for all of them (:func:`engine.preferences.fusion.normalise`), so it moves no within-source comparison. A corpus
figure is the share of all applicable term occurrences kept (:func:`engine.glossary.corpus_share`), not a mean of
sentence scores. Each source is matched against the entries of its own language pair: the ``pairs`` the caller
gives (the score job does), else the language detected (:class:`~engine.glossary.files.PairedTermIndex`).
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

from .base import READY, Availability, Metric

UNDEFINED = math.nan
"""The score of a sentence with no applicable term."""


@functools.lru_cache(maxsize=8)
def _index(path: str, mtime: float):
    from engine.glossary.files import index_from_file

    return index_from_file(path)


def term_index_of(path: str):
    """The :class:`~engine.glossary.TermIndex` of a glossary file (cached per file version)."""
    file = Path(path)
    if not file.is_file():
        raise FileNotFoundError(f"terminology: the glossary file {path} does not exist")
    return _index(str(file), file.stat().st_mtime)


class Terminology(Metric):
    """Share of applicable glossary terms kept (NaN when none applies)."""

    name = "terminology"
    label = "Terminology"
    description = (
        "Share of the source's glossary terms rendered as the glossary says (case-, accent- and "
        "inflection-tolerant in the source, Arabic-normalised with clitics in the translation); "
        "undefined when no term applies."
    )

    def availability(self, settings=None) -> Availability:
        settings = settings or self.settings
        if not settings.glossary_file:
            return Availability(False, "no glossary is switched on for this run")
        return READY

    reads_pairs = True

    def _score(self, sources, candidates, references, groups):
        index = term_index_of(self.settings.glossary_file)
        return [UNDEFINED if s.score is None else s.score for s in index.scores(sources, candidates)]

    def _score_in_pairs(self, sources, candidates, pairs):
        """Each source against its own pair's terms (the score job knows them; without, the language is detected)."""
        index = term_index_of(self.settings.glossary_file)
        return [UNDEFINED if s.score is None else s.score for s in index.scores(sources, candidates, pairs)]
