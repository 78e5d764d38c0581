"""Scored candidates → preference pairs (prompt, chosen, rejected, margin).

Rules, whatever the strategy: the chosen candidate passed the output checks (a failing candidate can only
be rejected); a candidate that keeps fewer of the source's glossary terms (``terminology``, see
:mod:`engine.glossary`) is never chosen over one that keeps more, and the best candidate is sought first among
those that keep the most terms; the quality margin is at least ``min_margin`` and never zero (ties give no
pair); near-identical candidates give no pair (compared after Arabic normalisation when the scores were); each
(source, chosen, rejected) appears once; and the validation split is drawn per source — its language pair and text
(:func:`source_key`), not its corpus segment — so a source's pairs are all in train or all in validation, however
many segments or corpora hold it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sacrebleu.metrics import CHRF

STRATEGIES = ("best_vs_worst", "all_above_margin", "best_vs_each")
_CHRF = CHRF()


@dataclass(frozen=True)
class ScoredCandidate:
    """One candidate translation with its fused quality and whether it passed the output checks."""

    cand_id: int
    group: str
    source: str
    text: str
    quality: float
    passes_checks: bool = True
    strategy: str = ""
    scores: dict = field(default_factory=dict, compare=False, hash=False)
    terminology: float | None = None
    """Share of the source's glossary terms this candidate keeps (``None``: no glossary term applies)."""
    pair: str = ""
    """The language pair (``en-ar``): with the source, what the validation split is drawn on."""


def source_key(pair: str, source: str) -> str:
    """The key every pair of one source shares — its language pair and its text up to spacing — which splits never
    cross (two segments of one corpus, or two corpora, may hold the same source)."""
    digest = hashlib.sha1(f"{pair}\t{' '.join(source.split())}".encode()).hexdigest()[:16]
    return f"h:{digest}"


def _terms_kept(c: ScoredCandidate) -> float:
    """The candidate's terminology share, 1.0 when no term applies (nothing to break)."""
    t = c.terminology
    return 1.0 if t is None or t != t else float(t)


@dataclass(frozen=True)
class PairingConfig:
    """How pairs are drawn from each source's candidates."""

    strategy: str = field(default="best_vs_worst", metadata={
        "help": "best_vs_worst: one pair per source; best_vs_each: the best against every other candidate; "
                "all_above_margin: every ordered pair whose margin is large enough."})
    min_margin: float = field(default=0.1, metadata={
        "help": "Smallest quality gap (fused score, 0–1) for a pair to be kept."})
    near_identical_chrf: float = field(default=95.0, metadata={
        "help": "Two candidates whose chrF against each other is at least this are near-identical: no pair."})
    valid_fraction: float = field(default=0.1, metadata={
        "help": "Share of sources whose pairs go to the validation split (drawn per source, seeded)."})
    seed: int = field(default=0, metadata={"help": "Seed of the per-source validation draw."})
    arabic_normalise: bool = field(default=False, metadata={
        "help": "Compare candidates after Arabic normalisation (tashkeel, tatweel …) for near-identity, as the "
                "string metrics scored them."})

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise ValueError(f"pairing strategy must be one of {', '.join(STRATEGIES)}, not {self.strategy!r}")
        if not 0 <= self.valid_fraction < 1:
            raise ValueError("valid_fraction must be in [0, 1)")
        if self.min_margin < 0:
            raise ValueError("min_margin cannot be negative")


@dataclass(frozen=True)
class PreferencePair:
    """A (chosen, rejected) pair for one source, in the format TRL's trainers read (plus provenance)."""

    group: str
    source: str
    chosen: str
    rejected: str
    margin: float
    chosen_id: int
    rejected_id: int
    chosen_quality: float
    rejected_quality: float
    split: str
    strategy: str
    chosen_scores: dict = field(default_factory=dict, compare=False, hash=False)
    rejected_scores: dict = field(default_factory=dict, compare=False, hash=False)


def source_split(key: str, valid_fraction: float, seed: int = 0) -> str:
    """``"valid"`` for a seeded, stable share of sources, else ``"train"`` (the same for every pair of a source):
    ``key`` is its :func:`source_key`. Synthetic and human pairs draw on it alike, so a source scored in Phase 2
    and judged by the linguists falls on the same side of both (two hashes dropped more replayed pairs)."""
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return "valid" if int.from_bytes(digest[:8], "big") / 2**64 < valid_fraction else "train"


def near_identical(a: str, b: str, threshold: float, arabic_normalise: bool = False) -> bool:
    """True when two translations are the same up to spacing, or their chrF reaches ``threshold`` — after Arabic
    normalisation with ``arabic_normalise`` (``شكرا`` and ``شُكْرًا`` were a pair: a model metric saw them differ)."""
    if arabic_normalise:
        from engine.metrics.base import normalise_all

        a, b = normalise_all([a, b])
    if " ".join(a.split()) == " ".join(b.split()):
        return True
    return _CHRF.sentence_score(a, [b]).score >= threshold


def _ordered_candidates(group: Sequence[ScoredCandidate]) -> list[ScoredCandidate]:
    return sorted(group, key=lambda c: (-c.quality, c.cand_id))


def _proposals(group: Sequence[ScoredCandidate], strategy: str) -> Iterable[tuple[ScoredCandidate, ScoredCandidate]]:
    ranked = _ordered_candidates(group)
    # among those that pass the checks, the ones keeping the most glossary terms come first
    eligible = sorted((c for c in ranked if c.passes_checks), key=lambda c: (-_terms_kept(c), -c.quality, c.cand_id))
    if not eligible:
        return
    best = eligible[0]
    if strategy == "best_vs_worst":
        yield best, ranked[-1]
    elif strategy == "best_vs_each":
        for other in ranked:
            if other.cand_id != best.cand_id:
                yield best, other
    else:
        for chosen in eligible:
            for other in ranked:
                if other.quality < chosen.quality:
                    yield chosen, other


def build_pairs(candidates: Iterable[ScoredCandidate], config: PairingConfig) -> list[PreferencePair]:
    """Preference pairs from scored candidates, following ``config`` and the module's rules."""
    groups: dict[str, list[ScoredCandidate]] = defaultdict(list)
    for cand in candidates:
        groups[cand.group].append(cand)
    pairs: list[PreferencePair] = []
    for group_id in sorted(groups):
        group = groups[group_id]
        split = source_split(source_key(group[0].pair, group[0].source), config.valid_fraction, config.seed)
        seen: set[tuple[str, str]] = set()
        for chosen, rejected in _proposals(group, config.strategy):
            margin = chosen.quality - rejected.quality
            if margin <= 0 or margin < config.min_margin or chosen.cand_id == rejected.cand_id:
                continue
            if _terms_kept(chosen) < _terms_kept(rejected):  # never prefer a candidate that breaks a term
                continue
            if (chosen.text, rejected.text) in seen:
                continue
            if near_identical(chosen.text, rejected.text, config.near_identical_chrf, config.arabic_normalise):
                continue
            seen.add((chosen.text, rejected.text))
            pairs.append(PreferencePair(
                group=group_id, source=chosen.source, chosen=chosen.text, rejected=rejected.text, margin=margin,
                chosen_id=chosen.cand_id, rejected_id=rejected.cand_id, chosen_quality=chosen.quality,
                rejected_quality=rejected.quality, split=split, strategy=config.strategy,
                chosen_scores=dict(chosen.scores), rejected_scores=dict(rejected.scores),
            ))
    return pairs
