"""A comparison of evaluated systems on one test set: scores with intervals, pairwise tests, sentences.

:func:`build_comparison` reads evaluations from the store (outputs and per-sentence scores, written by the
``evaluate`` job) and computes, for every metric all the chosen systems have:

* per system, the mean sentence score with a bootstrap interval; for BLEU, chrF and TER also the corpus
  score with its interval (:mod:`engine.compare.significance`);
* per pair of systems, the difference B − A with its interval, the p-value of the chosen paired test, the
  Holm-adjusted p-value over all pairs of that metric, and which system is better when the difference is
  significant (TER and the hallucination rates are lower-is-better);
* per sentence, every system's output and scores (for the side-by-side viewer and the disagreement filter).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from engine.compare.significance import (
    CORPUS_METRICS,
    METHODS,
    CorpusStatistics,
    corpus_interval,
    corpus_paired_test,
    holm,
    mean_interval,
    paired_test,
)
from engine.metrics.sacrebleu_metrics import spec_is_normalised

METRIC_ORDER = ("chrf", "bleu", "ter", "bertscore", "comet", "comet_qe", "rm", "hallucination", "flag_empty",
                "flag_low_arabic", "flag_copy_of_source", "flag_repetition", "flag_bad_length")
EXTRA_LABELS = {"rm": "Reward (RM)", "hallucination": "Failed checks (rate)"}


@dataclass(frozen=True)
class CompareSettings:
    """How systems are compared (written into reports with the results)."""

    method: str = "bootstrap"
    n_resamples: int = 1000
    confidence: float = 0.95
    seed: int = 0
    corpus_level: bool = True

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}")
        if not 0.5 <= self.confidence < 1:
            raise ValueError("confidence must be in [0.5, 1)")
        if self.n_resamples < 10:
            raise ValueError("use at least 10 resamples")

    @property
    def alpha(self) -> float:
        """The significance level matching the confidence level."""
        return round(1.0 - self.confidence, 10)


def metric_label(name: str) -> str:
    """A display name for a metric key."""
    if name in EXTRA_LABELS:
        return EXTRA_LABELS[name]
    if name.startswith("flag_"):
        return "Flag: " + name.removeprefix("flag_").replace("_", " ")
    try:
        from engine.metrics import metric_class

        return metric_class(name).label
    except KeyError:
        return name


def higher_is_better(name: str) -> bool:
    """Whether a larger value of the metric is better (TER, the check rates: no)."""
    if name == "rm":
        return True
    if name == "hallucination" or name.startswith("flag_"):
        return False
    try:
        from engine.metrics import metric_class

        return metric_class(name).higher_is_better
    except KeyError:
        return True


@dataclass
class System:
    """One evaluated system: an evaluation key, with its model, decoding and the run that produced it."""

    key: str
    label: str
    model: str
    decoding_label: str
    run_id: str | None
    settings: dict = field(default_factory=dict)
    metric_specs: dict = field(default_factory=dict)


@dataclass
class Comparison:
    """Everything the compare page shows and a report exports."""

    testset: dict
    systems: list[System]
    settings: CompareSettings
    metrics: list[str]
    summary: list[dict]
    pairs: list[dict]
    sentences: list[dict]
    incomplete: dict[str, list[str]]
    mismatched: dict[str, dict[str, str]] = field(default_factory=dict)
    """Metrics left out because the systems' scores were computed differently: ``{metric: {system label: spec}}``
    (e.g. chrF with and without Arabic normalisation, COMET from two checkpoints, two reward models)."""

    def label(self, key: str) -> str:
        return next(s.label for s in self.systems if s.key == key)

    def summary_row(self, key: str, metric: str, level: str = "sentence") -> dict | None:
        """The summary row of one system and metric (``level``: sentence mean or corpus)."""
        return next((r for r in self.summary if r["key"] == key and r["metric"] == metric and r["level"] == level),
                    None)

    def settings_dict(self) -> dict:
        """The comparison's settings, for reports."""
        return asdict(self.settings)


def system_labels(evaluations: Sequence[dict], *, with_decoding: bool = False) -> list[str]:
    """A distinct label per evaluation: its model, with its decoding when ``with_decoding`` or when the evaluations'
    decodings differ, and the end of its key when two would still read alike (two seeds of one best-of-n: the
    pickers, which match options by label, took the two for one). The label itself keeps no seed: the promotion gate
    and the scorecard match evaluations by it, and a cached evaluation keeps the label it was stored with."""
    decodings = {e["decoding_label"] for e in evaluations}
    labels = [f"{e['model']} · {e['decoding_label']}" if with_decoding or len(decodings) > 1 else e["model"]
              for e in evaluations]
    if len(set(labels)) < len(labels):
        labels = [f"{label} ({e['key'][-6:]})" for label, e in zip(labels, evaluations, strict=True)]
    return labels


def ordered_metrics(names: set[str]) -> list[str]:
    """Metric keys in display order (known ones first, then the rest alphabetically)."""
    return [m for m in METRIC_ORDER if m in names] + sorted(names - set(METRIC_ORDER))


def _string_metric_text(texts: Sequence[str], normalise: bool) -> list[str]:
    if not normalise:
        return list(texts)
    from engine.metrics import normalise_arabic

    return [normalise_arabic(t) for t in texts]


def build_comparison(store, keys: Sequence[str], settings: CompareSettings | None = None) -> Comparison:
    """Compare the evaluations ``keys`` (all on one test set); see the module docstring."""
    settings = settings or CompareSettings()
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise ValueError("choose at least one evaluated system")
    evaluations = []
    for key in keys:
        row = store.evaluations.get(key)
        if row is None:
            raise KeyError(f"no evaluation {key!r}")
        evaluations.append(row)
    testsets = {e["testset_id"] for e in evaluations}
    if len(testsets) != 1:
        raise ValueError("systems can only be compared on the same test set")
    testset = store.evaluations.get_testset(testsets.pop())
    segments = store.evaluations.segments(testset["id"])
    idxs = [s["idx"] for s in segments]
    outputs = store.evaluations.outputs(keys)
    scores = store.evaluations.scores(keys)
    systems = [System(e["key"], label, e["model"], e["decoding_label"], e["run_id"], e["settings"], e["metrics"])
               for e, label in zip(evaluations, system_labels(evaluations), strict=True)]

    all_metrics = set().union(*(scores[k].keys() for k in keys))
    shared = {m for m in all_metrics if all(m in scores[k] for k in keys)}
    incomplete = {k: sorted(all_metrics - set(scores[k])) for k in keys if all_metrics - set(scores[k])}
    # a metric scored two ways is two quantities: identical outputs scored with and without Arabic normalisation
    # differed by 53 chrF, "significantly"
    mismatched = {m: {s.label: str(s.metric_specs[m]) for s in systems if s.metric_specs.get(m)}
                  for m in sorted(shared)
                  if len({str(s.metric_specs[m]) for s in systems if s.metric_specs.get(m)}) > 1}
    shared -= set(mismatched)
    metrics = ordered_metrics(shared)
    arrays = {k: {m: np.array([scores[k][m].get(i, np.nan) for i in idxs], dtype=np.float64) for m in metrics}
              for k in keys}
    summary: list[dict] = []
    pairs: list[dict] = []
    conf, n_res, seed = settings.confidence, settings.n_resamples, settings.seed
    for metric in metrics:
        ok = np.all([~np.isnan(arrays[k][metric]) for k in keys], axis=0)
        for system in systems:
            values = arrays[system.key][metric][ok]
            ci = mean_interval(values, n_resamples=n_res, confidence=conf, seed=seed) if len(values) else None
            summary.append({"key": system.key, "system": system.label, "metric": metric, "level": "sentence",
                            "value": ci.value if ci else None, "low": ci.low if ci else None,
                            "high": ci.high if ci else None, "n": int(ok.sum())})
        rows = []
        for a, b in itertools.combinations(systems, 2):
            if not ok.any():
                continue
            result = paired_test(arrays[a.key][metric][ok], arrays[b.key][metric][ok], method=settings.method,
                                 n_resamples=n_res, confidence=conf, seed=seed)
            rows.append({"key_a": a.key, "key_b": b.key, "system_a": a.label, "system_b": b.label, "metric": metric,
                         "level": "sentence", "mean_a": result.mean_a, "mean_b": result.mean_b,
                         "delta": result.delta.value, "low": result.delta.low, "high": result.delta.high,
                         "p": result.p_value, "n": result.n})
        pairs += _finish_pairs(rows, metric, settings)

    if settings.corpus_level:
        refs = [s["reference"] or "" for s in segments]
        if all(r.strip() for r in refs):
            for metric in CORPUS_METRICS:
                if metric not in shared:
                    continue
                stats = {}
                for system in systems:
                    # as the sentence scores were computed (the spec names the normalisation)
                    normalise = spec_is_normalised(system.metric_specs.get(metric))
                    hyps = _string_metric_text([outputs[system.key].get(i, "") for i in idxs], normalise)
                    stats[system.key] = CorpusStatistics(metric, hyps, _string_metric_text(refs, normalise))
                    ci = corpus_interval(stats[system.key], n_resamples=n_res, confidence=conf, seed=seed)
                    summary.append({"key": system.key, "system": system.label, "metric": metric, "level": "corpus",
                                    "value": ci.value, "low": ci.low, "high": ci.high, "n": len(idxs)})
                rows = []
                for a, b in itertools.combinations(systems, 2):
                    result = corpus_paired_test(stats[a.key], stats[b.key], method=settings.method,
                                                n_resamples=n_res, confidence=conf, seed=seed)
                    rows.append({"key_a": a.key, "key_b": b.key, "system_a": a.label, "system_b": b.label,
                                 "metric": metric, "level": "corpus", "mean_a": result.mean_a,
                                 "mean_b": result.mean_b, "delta": result.delta.value, "low": result.delta.low,
                                 "high": result.delta.high, "p": result.p_value, "n": result.n})
                pairs += _finish_pairs(rows, metric, settings)

    sentences = []
    for n, seg in enumerate(segments):
        i = seg["idx"]
        sentences.append({"idx": i, "source": seg["source"], "reference": seg["reference"] or "", "pair": seg["pair"],
                          "outputs": {k: outputs[k].get(i, "") for k in keys},
                          "scores": {k: {m: float(arrays[k][m][n]) for m in metrics if not np.isnan(arrays[k][m][n])}
                                     for k in keys}})
    return Comparison(testset, systems, settings, metrics, summary, pairs, sentences, incomplete, mismatched)


def _finish_pairs(rows: list[dict], metric: str, settings: CompareSettings) -> list[dict]:
    """Add Holm-adjusted p-values and the verdict to one metric's pairwise rows: a difference counts when its
    Holm-adjusted p is below α (with several systems the raw p called a row "better" while its own Holm p, shown
    beside it, was above α; with two systems they are the same)."""
    adjusted = holm([r["p"] for r in rows])
    up = higher_is_better(metric)
    for row, p_holm in zip(rows, adjusted, strict=True):
        row["p_holm"] = p_holm
        significant = p_holm < settings.alpha and row["delta"] != 0
        row["significant"] = significant
        if not significant:
            row["better"] = "no significant difference"
        else:
            b_better = (row["delta"] > 0) == up
            row["better"] = row["system_b"] if b_better else row["system_a"]
    return rows


def disagreement(sentence: dict, metric: str) -> float:
    """How much the systems disagree on a sentence: the spread (max − min) of their scores on ``metric``,
    or, when a system lacks the score, 1 if their outputs differ at all, else 0."""
    values = [s.get(metric) for s in sentence["scores"].values()]
    if values and all(v is not None for v in values):
        return float(max(values) - min(values))
    return 0.0 if len(set(sentence["outputs"].values())) <= 1 else 1.0


def most_disagreed(comparison: Comparison, metric: str, *, top: int | None = None,
                   only_differing: bool = False) -> list[dict]:
    """Sentences sorted by :func:`disagreement` on ``metric`` (largest first), optionally the ``top`` ones and
    only those whose outputs are not all identical."""
    rows = [s for s in comparison.sentences if not only_differing or len(set(s["outputs"].values())) > 1]
    rows = sorted(rows, key=lambda s: (-disagreement(s, metric), s["idx"]))
    return rows[:top] if top else rows
