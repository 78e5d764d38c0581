"""Checks that flag hallucination-like output: wrong script, copied source, loops, odd length, empty.

:func:`run_checks` returns one :class:`CheckResult` per candidate with the measured values, a flag per
check and a combined ``passes``. The thresholds live in :class:`CheckThresholds`. All checks are plain
string work (no model) and cost a few microseconds per candidate.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from engine.kept_names import without_kept_names

from .base import Metric, MetricSettings, normalise_arabic

ARABIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x08FF),  # Arabic Extended-B and -A
    (0xFB50, 0xFDFF),  # Presentation Forms-A
    (0xFE70, 0xFEFF),  # Presentation Forms-B
)


@dataclass(frozen=True)
class CheckThresholds:
    """When a candidate is flagged. A candidate passes when no check flags it."""

    min_arabic_share: float = field(
        default=0.5, metadata={"help": "Flag when fewer than this share of the letters are Arabic script."}
    )
    max_copy_similarity: float = field(
        default=0.8,
        metadata={"help": "Flag as a copy of the source from this normalised similarity (0–1) upwards."},
    )
    repetition_ngram: int = field(default=2, metadata={"help": "Word n-gram size for the repetition share."})
    max_repeated_ngram_share: float = field(
        default=0.3,
        metadata={"help": "Flag when more than this share of the word n-grams repeat an earlier one."},
    )
    token_repeat_k: int = field(default=3, metadata={"help": "Flag a word repeated k or more times in a row."})
    char_repeat_k: int = field(default=5, metadata={
        "help": "Flag a letter, or a unit of 2–4 characters mixing a letter and a mark, repeated k or more times in "
                "a row."})
    letter_cycle_k: int = field(default=8, metadata={
        "help": "Flag a unit of 2–4 letters repeated k or more times in a row inside a word (laughter and singing "
                "repeat a syllable fewer times)."})
    min_length_ratio: float = field(
        default=0.33, metadata={"help": "Flag when candidate/source length (non-space characters) is below this."}
    )
    max_length_ratio: float = field(
        default=3.0, metadata={"help": "Flag when candidate/source length (non-space characters) is above this."}
    )


@dataclass(frozen=True)
class CheckResult:
    """The measured values and flags of one candidate."""

    arabic_share: float
    copy_similarity: float
    repeated_ngram_share: float
    max_token_run: int
    max_char_run: int
    max_cycle_run: int
    length_ratio: float
    empty: bool
    low_arabic: bool
    copy_of_source: bool
    repetition: bool
    bad_length: bool

    @property
    def passes(self) -> bool:
        """True when no check flags the candidate."""
        return not self.flags

    @property
    def flags(self) -> list[str]:
        """The names of the checks that flag the candidate (empty when it passes)."""
        names = ("empty", "low_arabic", "copy_of_source", "repetition", "bad_length")
        return [n for n in names if getattr(self, n)]

    def to_dict(self) -> dict[str, object]:
        """Values, flags and ``passes`` as a flat dict (one row of a table)."""
        return {**asdict(self), "passes": self.passes}


def is_arabic_char(ch: str) -> bool:
    """Whether a character lies in one of the Arabic script blocks."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in ARABIC_RANGES)


def arabic_share(text: str) -> float:
    """Share of the letters (Unicode category L*) that are Arabic script; 0.0 when there are no letters."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if not ch.isascii() and is_arabic_char(ch):
                arabic += 1
    return arabic / letters if letters else 0.0


def _copy_key(text: str) -> str:
    text = normalise_arabic(unicodedata.normalize("NFKC", text)).casefold()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


def copy_similarity(source: str, candidate: str) -> float:
    """Similarity (0–1, difflib ratio) of source and candidate after case, punctuation and Arabic folding."""
    a, b = _copy_key(source), _copy_key(candidate)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() > 0 else 0.0


def repeated_ngram_share(tokens: Sequence[str], n: int) -> float:
    """Share of the word n-grams that repeat an n-gram seen earlier in the same text (0 when none)."""
    total = len(tokens) - n + 1
    if total <= 1:
        return 0.0
    ngrams = [tuple(tokens[i:i + n]) for i in range(total)]
    return (total - len(set(ngrams))) / total


def longest_run(items: Sequence[object]) -> int:
    """Length of the longest run of equal consecutive items (0 for an empty sequence)."""
    best = run = 0
    prev: object = object()
    for item in items:
        run = run + 1 if item == prev else 1
        prev = item
        best = max(best, run)
    return best


TATWEEL = "\u0640"
"""The kashida that stretches a written word (بســـــم): Python counts it a letter, but a run of it is no loop."""


def _longest_letter_run(text: str) -> int:
    best = run = 0
    prev = ""
    for ch in text:
        if ch == TATWEEL:
            continue  # stretching, not a repeated letter
        if ch.isalpha() and ch == prev:
            run += 1
        else:
            run = 1 if ch.isalpha() else 0
        prev = ch
        best = max(best, run)
    return best


_CYCLE = re.compile(r"(\S{2,4}?)\1+")
"""A unit of two to four visible characters and its repeats: "ة؟ة؟ة؟ة؟ة؟", which neither the word checks (one
word) nor the letter run (no letter twice in a row) saw — an endpoint answer of it was "not degenerate"."""


def _longest_cycle_runs(text: str) -> tuple[int, int]:
    """How many times in a row the most repeated 2–4-character unit occurs: (of a letter and a mark — a letter with
    punctuation, a digit or a symbol —, of letters alone); 0: none repeats. Digits alone are numbers
    (10,000,000,000), and letters alone are held to a higher count: laughter (هاهاهاهاها) and singing (لالالالالا)
    are words people write, a syllable glued on eight times (كتابكتابكتاب…) is a loop."""
    mixed = letters = 0
    for match in _CYCLE.finditer(text):
        unit = match.group(1)
        if not any(ch.isalpha() for ch in unit):
            continue
        count = len(match.group(0)) // len(unit)
        if all(ch.isalpha() or _is_mark(ch) for ch in unit):
            letters = max(letters, count)
        else:
            mixed = max(mixed, count)
    return mixed, letters


def _is_mark(ch: str) -> bool:
    """A combining mark (a haraka, shadda) or the tatweel: part of a written word, not punctuation."""
    return unicodedata.category(ch).startswith("M") or ch == TATWEEL


def _visible_length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def check_one(source: str, candidate: str, thresholds: CheckThresholds | None = None) -> CheckResult:
    """All checks for one candidate of ``source``.

    A source without letters — a year, a price, a row of dots — is translated as written: its candidate is not
    flagged for having no Arabic letters or for copying it, and one of symbols alone is empty only when blank
    (``2024`` → ``2024`` was non-Arabic and a copy, ``...`` → ``...`` empty)."""
    t = thresholds or CheckThresholds()
    source_letters = any(ch.isalpha() for ch in source)
    if any(ch.isalnum() for ch in source):
        empty = not any(ch.isalnum() for ch in candidate)
    else:
        empty = not candidate.strip()
    share = arabic_share(candidate)
    # no letters in the candidate: non-Arabic only where the source had some to translate
    non_arabic = share < t.min_arabic_share if any(ch.isalpha() for ch in candidate) else source_letters
    if non_arabic and share > 0:  # names kept as written from the source ("أحب New York") are not untranslated
        rest = without_kept_names(candidate, source)
        non_arabic = rest == candidate or arabic_share(rest) < t.min_arabic_share
    similarity = copy_similarity(source, candidate)
    tokens = normalise_arabic(candidate).split()
    ngram_share = repeated_ngram_share(tokens, t.repetition_ngram)
    token_run = longest_run(tokens)
    char_run = _longest_letter_run(candidate)
    mixed_cycles, letter_cycles = _longest_cycle_runs(candidate)
    src_len, cand_len = _visible_length(source), _visible_length(candidate)
    ratio = cand_len / src_len if src_len else (math.inf if cand_len else 1.0)
    return CheckResult(
        arabic_share=share,
        copy_similarity=similarity,
        repeated_ngram_share=ngram_share,
        max_token_run=token_run,
        max_char_run=char_run,
        max_cycle_run=max(mixed_cycles, letter_cycles),
        length_ratio=ratio,
        empty=empty,
        low_arabic=not empty and non_arabic,
        copy_of_source=not empty and source_letters and similarity >= t.max_copy_similarity,
        repetition=(ngram_share > t.max_repeated_ngram_share or token_run >= t.token_repeat_k
                    or char_run >= t.char_repeat_k or mixed_cycles >= t.char_repeat_k
                    or letter_cycles >= t.letter_cycle_k),
        bad_length=not empty and not (t.min_length_ratio <= ratio <= t.max_length_ratio),
    )


def run_checks(
    sources: Sequence[str], candidates: Sequence[str], thresholds: CheckThresholds | None = None
) -> list[CheckResult]:
    """One :class:`CheckResult` per candidate; ``sources[i]`` is the source of ``candidates[i]``."""
    if len(sources) != len(candidates):
        raise ValueError(f"{len(sources)} sources for {len(candidates)} candidates")
    t = thresholds or CheckThresholds()
    return [check_one(s, c, t) for s, c in zip(sources, candidates, strict=True)]


class HallucinationChecks(Metric):
    """1.0 when a candidate passes every check, 0.0 when any flags it (a gate for fusion)."""

    name = "checks"
    label = "Sanity checks"
    needs_reference = False
    needs_model = False
    description = (
        "1 when the output passes every check (Arabic script, not a copy of the source, no loops, plausible "
        "length, not empty), else 0."
    )

    def __init__(self, settings: MetricSettings | None = None, thresholds: CheckThresholds | None = None) -> None:
        super().__init__(settings)
        self.thresholds = thresholds or CheckThresholds()

    def _score(self, sources, candidates, references, groups) -> list[float]:
        return [1.0 if r.passes else 0.0 for r in run_checks(sources, candidates, self.thresholds)]
