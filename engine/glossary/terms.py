"""Which glossary entries apply to a source sentence, and whether a translation keeps them.

:class:`TermIndex` holds the entries of the glossaries switched on for a job (one language pair). For a source it
returns the :class:`AppliedTerm` s whose source term occurs in it (:mod:`.source_match`); for a translation it says
which of those are *kept* (one of the entry's Arabic renderings occurs, :mod:`.target_match`) and which are
*missed*. When two glossaries give the same source term, it applies once and any of their renderings keeps it.

The sentence score is ``kept / applicable``; with no applicable term it is undefined (``None`` here, NaN in the
metric registry): nothing could be broken, so it says nothing about the candidate. A corpus score is the share of
all applicable term occurrences kept (each source's terms counted once per translation; sentences without a term
do not count).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from engine.glossary.parsing import GlossaryEntry
from engine.glossary.source_match import Word, fold, term_key, term_matches, words
from engine.glossary.target_match import arabic_words, find_arabic


@dataclass(frozen=True)
class AppliedTerm:
    """A glossary term found in a source: the term, its renderings, notes, and where it is in the source."""

    source: str
    arabic: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    notes: tuple[str, ...] = ()
    glossaries: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermCheck:
    """One applied term in one translation: kept or not, and where its rendering is in the translation."""

    term: AppliedTerm
    kept: bool
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class TermScore:
    """How many of a source's applicable terms a translation kept (``score`` ``None``: no term applies)."""

    applicable: int
    kept: int
    checks: tuple[TermCheck, ...] = ()

    @property
    def score(self) -> float | None:
        return self.kept / self.applicable if self.applicable else None

    @property
    def missed(self) -> list[AppliedTerm]:
        return [c.term for c in self.checks if not c.kept]


@dataclass
class _Merged:
    source: str
    words: list[str]
    arabic: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    glossaries: list[str] = field(default_factory=list)
    first: str = ""
    """The folded first word: folded once, not once per term and sentence (a 20,000-term glossary took ~50 ms a
    sentence)."""
    letters: int = 0
    """The folded words' letters: among terms matching the same words, the longer is preferred."""


class TermIndex:
    """The entries of several glossaries, merged by source term, ready to match sentences."""

    def __init__(self, entries: Iterable[tuple[str, GlossaryEntry]] = ()) -> None:
        """``entries``: ``(glossary name, entry)`` pairs (entries of one language pair)."""
        merged: dict[str, _Merged] = {}
        for glossary, entry in entries:
            key = term_key(entry.source)
            if not key:
                continue
            item = merged.setdefault(key, _Merged(entry.source, [w.text for w in words(entry.source)]))
            item.arabic += [a for a in entry.arabic if a not in item.arabic]
            if entry.note and entry.note not in item.notes:
                item.notes.append(entry.note)
            if glossary not in item.glossaries:
                item.glossaries.append(glossary)
        for item in merged.values():
            item.first = fold(item.words[0])
            item.letters = sum(len(fold(w)) for w in item.words)
        # longest terms first, so that "remote control" is preferred to "control" where both match
        self._terms = sorted(merged.values(), key=lambda m: (-len(m.words), m.source))

    def __len__(self) -> int:
        return len(self._terms)

    def _matches(self, sentence: list[Word]) -> list[tuple[int, ...]]:
        """Every match of every term in the sentence, ``(-words, cost, -letters, term number, start, end)``, so
        sorted that the preferred comes first: more words ("remote control" over "control"), then the form
        closest to the text (:func:`~engine.glossary.source_match.word_cost`: "planes" is "plane", not "plan";
        "cares" is "cares", not "care" or "car"), then the longer term, then the spelling (the terms are sorted
        by it)."""
        prefixes = {fold(w.text)[:3] for w in sentence}
        matches = []
        for number, term in enumerate(self._terms):
            if term.first[:3] not in prefixes and len(term.first) >= 3:
                continue
            for start, end, cost in term_matches(term.words, sentence):
                matches.append((-len(term.words), cost, -term.letters, number, start, end))
        return sorted(matches)

    def applicable(self, source: str) -> list[AppliedTerm]:
        """The terms found in ``source``, in order of their first occurrence (overlaps: each span goes to the
        preferred term of :meth:`_matches`)."""
        taken: list[tuple[int, int]] = []
        spans: dict[int, list[tuple[int, int]]] = {}
        for *_, number, start, end in self._matches(words(source)):
            if not any(start < e and b < end for b, e in taken):
                taken.append((start, end))
                spans.setdefault(number, []).append((start, end))
        found = [self._applied(self._terms[n], sorted(s)) for n, s in spans.items()]
        return sorted(found, key=lambda t: t.spans[0][0])

    @staticmethod
    def _applied(term: _Merged, spans: list[tuple[int, int]]) -> AppliedTerm:
        """The :class:`AppliedTerm` of a merged term found at ``spans``."""
        return AppliedTerm(term.source, tuple(term.arabic), tuple(spans), tuple(term.notes), tuple(term.glossaries))

    def check(self, translation: str, terms: Sequence[AppliedTerm]) -> TermScore:
        """Which of a source's applicable ``terms`` the ``translation`` keeps: each kept term needs a rendering of
        its own — one Arabic word is not credited to two terms (``bus`` and ``coach``, both حافلة: "الحافلة." keeps
        one of them, not both; see :func:`assign_spans`). A kept term's spans are those no other kept term took."""
        text_words = arabic_words(translation)
        found = [
            sorted({s for alt in term.arabic for s in find_arabic(alt, translation, text_words)}) for term in terms
        ]
        chosen = assign_spans(found)
        checks = []
        for n, (term, spans) in enumerate(zip(terms, found, strict=True)):
            taken = [c for m, c in enumerate(chosen) if m != n and c is not None]
            own = tuple(s for s in spans if not any(_overlap(s, t) for t in taken)) if chosen[n] else ()
            checks.append(TermCheck(term, chosen[n] is not None, own))
        return TermScore(len(terms), sum(c.kept for c in checks), tuple(checks))

    def score(self, source: str, translation: str) -> TermScore:
        """:meth:`check` of ``translation`` against the terms applicable to ``source``."""
        return self.check(translation, self.applicable(source))

    def scores(self, sources: Sequence[str], translations: Sequence[str],
               pairs: Sequence[str | None] | None = None) -> list[TermScore]:
        """One :class:`TermScore` per (source, translation); each distinct source is matched once. ``pairs`` is
        read by :class:`~engine.glossary.files.PairedTermIndex` only: these entries are one pair's already."""
        cache: dict[str, list[AppliedTerm]] = {}
        out = []
        for source, translation in zip(sources, translations, strict=True):
            if source not in cache:
                cache[source] = self.applicable(source)
            out.append(self.check(translation, cache[source]))
        return out


def corpus_share(scores: Iterable[TermScore]) -> tuple[float | None, int, int]:
    """``(kept / applicable, kept, applicable)`` over many translations (``None`` when no term applied)."""
    kept = applicable = 0
    for s in scores:
        kept += s.kept
        applicable += s.applicable
    return (kept / applicable if applicable else None), kept, applicable


ASSIGN_STEPS = 20_000
"""The most search steps :func:`assign_spans` takes before it settles for the best assignment found so far (terms
sharing a rendering are few in a sentence; this only bounds a pathological one)."""


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def assign_spans(candidates: Sequence[Sequence[tuple[int, int]]]) -> list[tuple[int, int] | None]:
    """One span per term from its ``candidates`` (``None``: none left for it), no two chosen spans overlapping, as
    many terms given one as possible. A term whose spans no other term's overlap takes its first; the others are
    searched exhaustively, fewest candidates first."""
    chosen: list[tuple[int, int] | None] = [None] * len(candidates)
    contested = []
    for n, spans in enumerate(candidates):
        if not spans:
            continue
        if any(_overlap(s, t) for m, other in enumerate(candidates) if m != n for s in spans for t in other):
            contested.append(n)
        else:
            chosen[n] = spans[0]
    contested.sort(key=lambda n: len(candidates[n]))
    best: list[tuple[int, int] | None] = [None] * len(contested)
    best_kept = -1
    current: list[tuple[int, int] | None] = []
    steps = 0

    def search(i: int, kept: int) -> None:
        nonlocal best, best_kept, steps
        steps += 1
        if kept + len(contested) - i <= best_kept or steps > ASSIGN_STEPS:
            return
        if i == len(contested):
            best, best_kept = list(current), kept
            return
        for span in candidates[contested[i]]:
            if not any(c is not None and _overlap(span, c) for c in current):
                current.append(span)
                search(i + 1, kept + 1)
                current.pop()
        current.append(None)
        search(i + 1, kept)
        current.pop()

    search(0, 0)
    for n, span in zip(contested, best, strict=True):
        chosen[n] = span
    return chosen
