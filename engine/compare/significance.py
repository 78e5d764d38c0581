"""Paired significance between translation systems scored on the same sentences.

Two families of tests, both paired (sentence ``i`` of system A against sentence ``i`` of system B):

* **Sentence-level scores** of any metric (chrF, COMET, reward, a check's 0/1 flag …): the system score is the
  mean of its sentence scores. :func:`paired_bootstrap` resamples sentences with replacement (the same draws
  for both systems) and gives percentile confidence intervals for each mean and for the difference, and a
  two-sided p-value from the null-centred bootstrap distribution of the difference (Koehn 2004; sacrebleu's
  ``PairedTest`` centres the *absolute* differences and counts only values strictly above the observed one, which
  gives a smaller p — see below). :func:`approximate_randomisation` swaps the two systems' scores per sentence at
  random and counts how often the absolute difference is at least the observed one (Riezler & Maxwell 2005).
* **Corpus-level BLEU, chrF and TER** are not means of sentence scores: :class:`CorpusStatistics` keeps
  sacrebleu's per-sentence sufficient statistics (the machinery of ``sacrebleu.significance``) and
  :func:`corpus_paired_test` resamples or swaps *them*, recomputing the corpus score each time. sacrebleu's
  ``PairedTest`` is not called directly because its p-value counts only trials strictly above the observed
  difference, so identical systems come out "significant" (p = 1/(n+1)); the tests here count ties.

Everything is seeded: the same inputs and settings give the same intervals and p-values. p-values carry
the add-one correction, so they are never exactly 0: with ``n`` resamples the smallest is ``1 / (n + 1)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

METHODS = ("bootstrap", "randomisation")
"""Sentence-level paired tests: paired bootstrap resampling, approximate randomisation."""
CHUNK = 256
"""Resamples drawn per block (bounds memory to ``CHUNK × sentences`` indices)."""


@dataclass(frozen=True)
class Interval:
    """A point estimate with a confidence interval."""

    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


@dataclass(frozen=True)
class PairedResult:
    """System B against system A on one metric: the means, their difference (B − A) with CIs, and p."""

    mean_a: float
    mean_b: float
    delta: Interval
    p_value: float
    method: str
    n: int

    def significant(self, alpha: float = 0.05) -> bool:
        """Whether the difference is significant at level ``alpha``."""
        return self.p_value < alpha


def _as_array(values: Sequence[float] | np.ndarray) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError("scores must be a flat sequence, one per sentence")
    return array


def _pair(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, b = _as_array(a), _as_array(b)
    if len(a) != len(b):
        raise ValueError(f"paired tests need scores for the same sentences: {len(a)} vs {len(b)}")
    if len(a) == 0:
        raise ValueError("no sentences to compare")
    if np.isnan(a).any() or np.isnan(b).any():
        raise ValueError("scores contain NaN")
    return a, b


def bootstrap_means(values: np.ndarray, n_resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_resamples`` resamples (sentences drawn with replacement) of ``values``.

    ``values`` may be 2-D (systems × sentences): the same draws serve every row (paired), and the result is
    systems × resamples.
    """
    values = np.atleast_2d(np.asarray(values, dtype=np.float64))
    n = values.shape[1]
    out = np.empty((values.shape[0], n_resamples))
    for start in range(0, n_resamples, CHUNK):
        size = min(CHUNK, n_resamples - start)
        idx = rng.integers(0, n, size=(size, n))
        out[:, start:start + size] = values[:, idx].mean(axis=2)
    return out


def _percentiles(samples: np.ndarray, confidence: float) -> tuple[float, float]:
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(samples, [tail, 100.0 - tail])
    return float(low), float(high)


def mean_interval(values: Sequence[float] | np.ndarray, *, n_resamples: int = 1000, confidence: float = 0.95,
                  seed: int = 0) -> Interval:
    """The mean of ``values`` with a percentile bootstrap confidence interval."""
    array = _as_array(values)
    if len(array) == 0:
        raise ValueError("no values")
    means = bootstrap_means(array, n_resamples, np.random.default_rng(seed))[0]
    return Interval(float(array.mean()), *_percentiles(means, confidence))


def smallest_p(n_differing: int) -> float:
    """The smallest two-sided p-value a paired test can honestly give on ``n_differing`` sentences where the two
    systems differ: under the null hypothesis each sentence's difference is as likely to go either way, so the most
    extreme of the 2^n sign patterns and its mirror image have probability 2^(1−n) together. The bootstrap knows no
    such floor — with 1 or 2 sentences, or one difference repeated, every resample is alike and its p came out as
    1/(resamples + 1), "significant" on a single sentence — so its p is raised to this."""
    return 1.0 if n_differing <= 1 else min(1.0, 2.0 ** (1 - n_differing))


def _sign_flip_p(diff: np.ndarray, n_trials: int, rng: np.random.Generator) -> float:
    """Approximate randomisation's two-sided p of the mean of ``diff``: each trial flips the sign of every
    sentence's difference (swaps the two systems' scores) with probability ½, and counts when the absolute mean
    reaches the observed one; never below :func:`smallest_p` of the sentences that differ."""
    observed = abs(float(diff.mean()))
    hits = 0
    for start in range(0, n_trials, CHUNK):
        size = min(CHUNK, n_trials - start)
        signs = rng.integers(0, 2, size=(size, len(diff))) * 2 - 1
        stats = np.abs((signs * diff).mean(axis=1))
        hits += int(np.sum(stats >= observed - 1e-12 * max(1.0, observed)))
    return max((hits + 1) / (n_trials + 1), smallest_p(int(np.count_nonzero(diff))))


BOOTSTRAP_GUARD_SEED = 7919
"""Added to a bootstrap test's seed for the randomisation test that bounds its p (a draw of its own)."""


def paired_bootstrap(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray, *, n_resamples: int = 1000,
                     confidence: float = 0.95, seed: int = 0) -> PairedResult:
    """Paired bootstrap resampling of the mean difference B − A.

    The p-value is two-sided: the share of resampled differences, centred on their mean (the null
    hypothesis of no difference), whose absolute value reaches the observed absolute difference — and never below
    the p of approximate randomisation on the same sentences (:func:`_sign_flip_p`, ``n_resamples`` trials of a draw
    of its own), nor :func:`smallest_p` of the sentences that differ. The null-centred bootstrap is too quick to
    call a difference on few sentences — with no true difference it said p < 0.05 in 13 % of tests on 6 sentences,
    8 % on 15–20 — while randomisation is exact under the null that the two systems are exchangeable; on a test
    set of hundreds of sentences the two agree. Identical systems give a difference of 0 and p = 1.
    """
    a, b = _pair(a, b)
    diff = b - a
    observed = float(diff.mean())
    samples = bootstrap_means(diff, n_resamples, np.random.default_rng(seed))[0]
    centred = np.abs(samples - samples.mean())
    tol = 1e-12 * max(1.0, abs(observed))
    p = (int(np.sum(centred >= abs(observed) - tol)) + 1) / (n_resamples + 1)
    p = max(p, _sign_flip_p(diff, n_resamples, np.random.default_rng(seed + BOOTSTRAP_GUARD_SEED)))
    return PairedResult(float(a.mean()), float(b.mean()), Interval(observed, *_percentiles(samples, confidence)),
                        min(1.0, p), "bootstrap", len(a))


def approximate_randomisation(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray, *,
                              n_trials: int = 1000, confidence: float = 0.95, seed: int = 0) -> PairedResult:
    """Approximate randomisation test of the mean difference B − A (two-sided).

    Each trial swaps the two systems' scores of every sentence with probability ½; the p-value is the share
    of trials whose absolute mean difference reaches the observed one, and never below :func:`smallest_p` of the
    sentences that differ (with five, a draw of 1,000 trials gave p 0.049: "significant" where no test on five
    sentences can be). The interval of the difference is a paired bootstrap interval (randomisation tests give no
    interval themselves).
    """
    a, b = _pair(a, b)
    diff = b - a
    rng = np.random.default_rng(seed)
    p = _sign_flip_p(diff, n_trials, rng)
    samples = bootstrap_means(diff, n_trials, rng)[0]
    return PairedResult(float(a.mean()), float(b.mean()),
                        Interval(float(diff.mean()), *_percentiles(samples, confidence)), min(1.0, p),
                        "randomisation", len(a))


def paired_test(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray, *, method: str = "bootstrap",
                n_resamples: int = 1000, confidence: float = 0.95, seed: int = 0) -> PairedResult:
    """:func:`paired_bootstrap` or :func:`approximate_randomisation`, by ``method``."""
    if method == "bootstrap":
        return paired_bootstrap(a, b, n_resamples=n_resamples, confidence=confidence, seed=seed)
    if method == "randomisation":
        return approximate_randomisation(a, b, n_trials=n_resamples, confidence=confidence, seed=seed)
    raise ValueError(f"unknown method {method!r}; one of {', '.join(METHODS)}")


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm–Bonferroni adjusted p-values (same order as given), for many pairs tested at once."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


# --- corpus-level BLEU / chrF / TER over sacrebleu's sufficient statistics --------------------------------

CORPUS_METRICS = ("bleu", "chrf", "ter")
"""Metrics with a corpus-level score in sacrebleu (not a mean of sentence scores)."""


def _sacrebleu_metric(name: str):
    from sacrebleu.metrics import BLEU, CHRF, TER

    try:
        return {"bleu": BLEU, "chrf": CHRF, "ter": TER}[name]()
    except KeyError:
        raise ValueError(f"no corpus-level {name!r}; one of {', '.join(CORPUS_METRICS)}") from None


class CorpusStatistics:
    """One system's sentence-level sufficient statistics for a sacrebleu metric.

    This is the machinery behind sacrebleu's own paired tests (``sacrebleu.significance``): a corpus score
    is computed from the *sum* of the sentences' statistics, so a resample only sums other rows. sacrebleu's
    p-values count only trials *strictly* above the observed difference, which makes two identical systems
    "significantly different" (p = 1/(n+1)); the tests here count ties, as a two-sided test must.
    """

    def __init__(self, metric: str, hypotheses: Sequence[str], references: Sequence[str]) -> None:
        if len(hypotheses) != len(references):
            raise ValueError(f"{len(hypotheses)} hypotheses for {len(references)} references")
        self.name = metric
        self.metric = _sacrebleu_metric(metric)
        self.stats = np.asarray(self.metric._extract_corpus_statistics(list(hypotheses), [list(references)]),
                                dtype=np.float64)

    def score(self, summed: np.ndarray | None = None) -> float:
        """The corpus score of summed statistics (default: the whole corpus)."""
        summed = self.stats.sum(axis=0) if summed is None else summed
        return float(self.metric._compute_score_from_stats(summed).score)

    def scores(self, summed_rows: np.ndarray) -> np.ndarray:
        """Corpus scores of many summed statistics (one row each)."""
        return np.array([self.score(row) for row in summed_rows])

    def resampled(self, idx: np.ndarray) -> np.ndarray:
        """Corpus scores of resamples given as a (resamples × sentences) index matrix."""
        return self.scores(self.stats[idx].sum(axis=1))


def corpus_interval(stats: CorpusStatistics, *, n_resamples: int = 1000, confidence: float = 0.95,
                    seed: int = 0) -> Interval:
    """The corpus score with a percentile bootstrap interval."""
    rng = np.random.default_rng(seed)
    n = len(stats.stats)
    samples = np.concatenate([stats.resampled(rng.integers(0, n, size=(min(CHUNK, n_resamples - s), n)))
                              for s in range(0, n_resamples, CHUNK)])
    return Interval(stats.score(), *_percentiles(samples, confidence))


def corpus_paired_test(a: CorpusStatistics, b: CorpusStatistics, *, method: str = "bootstrap",
                       n_resamples: int = 1000, confidence: float = 0.95, seed: int = 0) -> PairedResult:
    """Paired test of the corpus-score difference B − A (bootstrap or approximate randomisation).

    The interval of the difference always comes from paired bootstrap resamples; the p-value from the
    chosen method, counting ties (identical systems: p = 1).
    """
    if a.name != b.name or a.stats.shape != b.stats.shape:
        raise ValueError("paired corpus tests need the same metric on the same sentences")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; one of {', '.join(METHODS)}")
    rng = np.random.default_rng(seed)
    n = len(a.stats)
    score_a, score_b = a.score(), b.score()
    observed = score_b - score_a
    diffs = []
    for start in range(0, n_resamples, CHUNK):
        idx = rng.integers(0, n, size=(min(CHUNK, n_resamples - start), n))
        diffs.append(b.resampled(idx) - a.resampled(idx))
    boot = np.concatenate(diffs)
    tol = 1e-9 * max(1.0, abs(observed))
    # approximate randomisation: the chosen test, or (bootstrap) the floor of its p, as for sentence scores — the
    # null-centred bootstrap of corpus chrF said p < 0.05 in 12 % of tests with no true difference on 8 sentences,
    # 6 % on 100. A trial's swapped sums are A's (B's) total plus (minus) the swapped rows' B − A: one matrix product
    hits = 0
    ar_rng = rng if method == "randomisation" else np.random.default_rng(seed + BOOTSTRAP_GUARD_SEED)
    total_a, total_b, moved = a.stats.sum(axis=0), b.stats.sum(axis=0), b.stats - a.stats
    for start in range(0, n_resamples, CHUNK):
        swap = ar_rng.integers(0, 2, size=(min(CHUNK, n_resamples - start), n)).astype(np.float64)
        shift = swap @ moved
        trial = np.abs(a.scores(total_b - shift) - a.scores(total_a + shift))
        hits += int(np.sum(trial >= abs(observed) - tol))
    p = max((hits + 1) / (n_resamples + 1), smallest_p(int(np.any(a.stats != b.stats, axis=1).sum())))
    if method == "bootstrap":
        p = max(p, (int(np.sum(np.abs(boot - boot.mean()) >= abs(observed) - tol)) + 1) / (n_resamples + 1))
    return PairedResult(score_a, score_b, Interval(observed, *_percentiles(boot, confidence)), min(1.0, p), method, n)


def p_text(p: float, alpha: float = 0.05) -> str:
    """A p-value with three decimals, or more where three would round it across ``alpha`` (0.04995 was shown as
    "0.050" beside the verdict "better")."""
    for digits in range(3, 16):
        text = f"{p:.{digits}f}"
        if (float(text) < alpha) == (p < alpha):
            return text
    return f"<{alpha:g}" if p < alpha else f"{p:.3f}"
