"""Quality over time, per model version: aggregates of the translation log and the judgements, and drift alerts.

**Measures** (each observation belongs to a model version and a time):

``reward``              the reward model's score of a served translation (log entries that have one);
``qe``                  its COMET-QE score (when a QE model is configured);
``degenerate``          1 when the served output fails the output checks (empty, not Arabic, a copy of the source,
                        repetitive, an odd length — :mod:`engine.metrics.checks`, as Compare's degeneration flags);
``acceptance``          per linguist's newest judgement of a request: 1 when they accepted a candidate as it was
                        (ranked, picked a best, or "post-edited" it unchanged), 0 when they had to post-edit it or
                        found none acceptable;
``post_edit_distance``  per post-edit: TER of the edited candidate against the linguist's correction (HTER: the
                        share of words to change; 0 = nothing to change).

:func:`aggregate` gives each measure per model and per day or week (a week starts on Monday).

**Baseline and alert rule** (:func:`alerts`). A model's *baseline* of a measure is its own first
``baseline_days`` days of observations of that measure (from the first one): how it did when it was new, e.g.
right after its promotion (a measure that starts later — a QE model set after a while, the first judgements —
has its own). The *window* is the
last ``window_days`` days up to now, never overlapping the baseline. With at least ``min_count`` observations in
both, a measure alerts when the window's mean is worse than the baseline's by more than ``sigmas`` standard errors
of their difference: below ``μ − sigmas·σ·√(1/n + 1/m)`` for a measure where higher is better, above
``μ + sigmas·σ·√(1/n + 1/m)`` for the others, n the window's observations and m the baseline's — the baseline mean is
an estimate too (with σ/√n alone a steady model alerted 12–40 times as often as 3σ promises: 1.6–5 % of checks).
σ is the baseline's sample standard deviation;
for a share (0/1 measures) it is ``√(p(1 − p))`` with p smoothed as (k + 1)/(n + 2), so a baseline with no failure
still gives a finite limit.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from engine.monitor.settings import MonitorSettings

PERIODS = ("day", "week")


@dataclass(frozen=True)
class Measure:
    """A monitored measure: its name, label, direction and whether it is a share of 0/1 observations."""

    name: str
    label: str
    higher_is_better: bool
    share: bool


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure("reward", "Reward (mean)", True, False),
        Measure("qe", "QE score (mean)", True, False),
        Measure("degenerate", "Degenerate outputs (share)", False, True),
        Measure("acceptance", "Accepted as is (share of judgements)", True, True),
        Measure("post_edit_distance", "Post-edit distance (HTER, mean)", False, False),
    )
}


@dataclass(frozen=True)
class Observation:
    """One value of one measure for one model at one time."""

    model: str
    time: datetime
    measure: str
    value: float


@dataclass(frozen=True)
class Drift:
    """One measure of one model: its baseline and current window, the control limit, and whether it alerts.

    ``baseline``, ``current`` and ``limit`` are None when that part has no observation (or no limit can be set)."""

    model: str
    measure: str
    baseline: float | None
    current: float | None
    limit: float | None
    n_baseline: int
    n_current: int
    baseline_from: datetime
    baseline_to: datetime
    window_from: datetime
    min_count: int

    @property
    def comparable(self) -> bool:
        """Whether both the baseline and the window have enough observations to compare."""
        return self.n_baseline >= self.min_count and self.n_current >= self.min_count

    @property
    def alerting(self) -> bool:
        """Whether the window's mean is past the control limit (worse than the baseline)."""
        if not self.comparable or self.limit is None or self.current is None:
            return False
        return self.current < self.limit if MEASURES[self.measure].higher_is_better else self.current > self.limit

    @property
    def status(self) -> str:
        """``alert``, ``ok``, or why it cannot be compared."""
        if not self.comparable:
            return f"too few observations (fewer than {self.min_count} in the baseline or the window)"
        return "alert" if self.alerting else "ok"

    def message(self) -> str:
        """One sentence for the page."""
        m = MEASURES[self.measure]
        worse = "below" if m.higher_is_better else "above"
        fmt = (lambda v: f"{v:.1%}") if m.share else (lambda v: f"{v:.3f}")
        return (
            f"{self.model}: {m.label.lower()} is {fmt(self.current)} over {self.n_current} since "
            f"{self.window_from:%Y-%m-%d}, {worse} its control limit {fmt(self.limit)} (baseline {fmt(self.baseline)} "
            f"over {self.n_baseline}, {self.baseline_from:%Y-%m-%d} to {self.baseline_to:%Y-%m-%d})."
        )


def period_start(time: datetime, period: str) -> datetime:
    """The start of the day or of the (Monday-first) week holding ``time``."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}")
    day = datetime(time.year, time.month, time.day)
    return day if period == "day" else day - timedelta(days=day.weekday())


def post_edit_distance(candidate: str, correction: str) -> float:
    """HTER: TER of the edited candidate against the linguist's correction (edits per word of the correction)."""
    from sacrebleu.metrics import TER

    return TER().sentence_score(candidate, [correction]).score / 100.0


def log_observations(entries: Iterable[dict]) -> list[Observation]:
    """Reward, QE and degenerate observations of translation-log entries (rewards per model and reward model)."""
    out = []
    for e in entries:
        if e.get("reward") is not None:
            # rewards of two reward models are two scales: each (model, reward model) is its own series, so a new
            # reward model (each retrain registers one) neither raises nor hides an alert on its own
            series = f"{e['model']} · scored by {e['rm']}" if e.get("rm") else e["model"]
            out.append(Observation(series, e["created_at"], "reward", float(e["reward"])))
        if e.get("qe") is not None:  # two QE models' scores are two scales too (CometKiwi ~0.8, COMET-QE-DA ~0.1):
            # a changed QE model read as a drop of the model's quality
            series = f"{e['model']} · QE by {e['qe_model']}" if e.get("qe_model") else e["model"]
            out.append(Observation(series, e["created_at"], "qe", float(e["qe"])))
        out.append(Observation(e["model"], e["created_at"], "degenerate", 1.0 if e["degenerate"] else 0.0))
    return out


def judgement_observations(judgements: Iterable[dict], candidates: dict[str, list[dict]]) -> list[Observation]:
    """Acceptance and post-edit distance observations of judgements (``candidates``: by request id, as
    :meth:`engine.store.feedback.FeedbackRepository.candidates_of` gives them)."""
    from engine.feedback.export import latest_per_linguist

    out = []
    # a linguist's newest judgement of a request, as pairs read them: a revision imported from Argilla counted
    # beside the answer it replaced
    for j in latest_per_linguist(list(judgements), time="created_at", number="id"):
        accepted = j["kind"] in ("ranking", "best")
        if j["kind"] == "post_edit" and j.get("correction"):
            texts = {c["position"]: c["text"] for c in candidates.get(j["request_id"], [])}
            edited = texts.get(min(j["shown"])) if j["shown"] else None
            if edited is not None:
                value = post_edit_distance(edited, j["correction"])
                out.append(Observation(j["model"], j["created_at"], "post_edit_distance", value))
                # a post-edit that changed nothing (an import allows one) accepted the candidate as it was
                accepted = " ".join(edited.split()) == " ".join(j["correction"].split())
        out.append(Observation(j["model"], j["created_at"], "acceptance", 1.0 if accepted else 0.0))
    return out


def store_observations(store, models: Sequence[str] | None = None) -> list[Observation]:
    """Every observation of the store's translation log and judgements (of ``models``, else all)."""
    models = list(models) if models else None
    entries = store.translation_log.scores(models=models)
    judgements = store.feedback.judgements(models=models)
    candidates = store.feedback.candidates_of(sorted({j["request_id"] for j in judgements if j["kind"] == "post_edit"}))
    return log_observations(entries) + judgement_observations(judgements, candidates)


def aggregate(observations: Iterable[Observation], period: str = "day") -> list[dict]:
    """Per model, measure and period: ``n`` and ``value`` (the mean; for a share the share of 1s), sorted by
    model, measure and period."""
    groups: dict[tuple[str, str, datetime], list[float]] = defaultdict(list)
    for o in observations:
        groups[(o.model, o.measure, period_start(o.time, period))].append(o.value)
    return [
        {"model": model, "measure": measure, "period": start, "n": len(values), "value": sum(values) / len(values)}
        for (model, measure, start), values in sorted(groups.items())
    ]


def _sigma(values: Sequence[float], share: bool) -> float:
    n = len(values)
    if share:
        p = (sum(values) + 1) / (n + 2)
        return math.sqrt(p * (1 - p))
    mean = sum(values) / n
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else 0.0


def drift(observations: Iterable[Observation], settings: MonitorSettings, now: datetime) -> list[Drift]:
    """Every measure of every model with its baseline, window and control limit (see the module docstring for the
    rule), by model then measure order; measures a model has no observation of are left out."""
    by_model: dict[str, list[Observation]] = defaultdict(list)
    for o in observations:
        by_model[o.model].append(o)
    found = []
    for model, rows in sorted(by_model.items()):
        for measure in MEASURES.values():
            observed = [o for o in rows if o.measure == measure.name]
            if not observed:
                continue
            # from this measure's own first observation: QE configured on day 10, or judgements that began after
            # the baseline of the log's first day, had an empty baseline for good — they could never alert
            start = min(o.time for o in observed)
            baseline_to = start + timedelta(days=settings.baseline_days)
            window_from = max(now - timedelta(days=settings.window_days), baseline_to)
            base = [o.value for o in observed if o.time < baseline_to]
            current = [o.value for o in observed if window_from <= o.time <= now]
            if not base and not current:
                continue
            mu = sum(base) / len(base) if base else None
            mean = sum(current) / len(current) if current else None
            limit = None
            if mu is not None and current:
                margin = settings.sigmas * _sigma(base, measure.share) * math.sqrt(1 / len(current) + 1 / len(base))
                limit = mu - margin if measure.higher_is_better else mu + margin
            found.append(
                Drift(
                    model,
                    measure.name,
                    mu,
                    mean,
                    limit,
                    len(base),
                    len(current),
                    start,
                    baseline_to,
                    window_from,
                    settings.min_count,
                )
            )
    return found


def alerts(observations: Iterable[Observation], settings: MonitorSettings, now: datetime) -> list[Drift]:
    """The measures of each model whose window is worse than its baseline's control limit."""
    return [d for d in drift(observations, settings, now) if d.alerting]
