"""Alarms for the failures RLHF users fear most, evaluated on a run's metric streams.

* ``kl_above_target`` — the KL to the reference exceeds the target (the policy drifts away);
* ``negative_kl`` — the KL estimate is clearly negative (a sign of a broken setup or numerical trouble);
* ``reward_up_metric_down`` — the reward rises while a held-out metric that is not part of the reward falls
  (reward hacking);
* ``degenerate_rising`` — a rising share of degenerate outputs (empty, repeated, non-Arabic, copies of the
  source).

The same function serves the job (which writes the alarms to its run and may stop early) and the page
(which shows them for any run from its stored metrics).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Series = Sequence[tuple[int, float]]


@dataclass(frozen=True)
class AlarmSettings:
    """Thresholds of the alarms."""

    kl_target: float = field(default=0.2, metadata={"help": "Alarm when the KL to the reference exceeds this."})
    kl_key: str = field(default="kl", metadata={
        "help": "The KL stream the target applies to: ``kl`` (summed over a translation's tokens, as TRL logs it) "
                "or ``kl_per_token``."})
    negative_kl: float = field(default=-0.05, metadata={
        "help": "Alarm when the KL estimate, averaged over the last three steps, falls below this."})
    metric_drop: float = field(default=1.0, metadata={
        "help": "Alarm when the held-out chrF falls this many points below its best while the reward rises."})
    reward_window: int = field(default=5, metadata={"help": "Steps over which the reward trend is judged."})
    degenerate_share: float = field(default=0.3, metadata={
        "help": "Alarm when at least this share of outputs is degenerate and the share is rising."})
    degenerate_rise: float = field(default=0.1, metadata={
        "help": "How much the degenerate share must have risen over the window."})
    degenerate_high: float = field(default=0.5, metadata={
        "help": "Alarm when at least this share of outputs is degenerate, risen or not (a run degenerate from its "
                "start, or that stays so, raised nothing, and the page said no degeneration was detected)."})


@dataclass(frozen=True)
class Alarm:
    """One alarm: its kind, the step it fired at, and a sentence for the page and the log."""

    kind: str
    step: int
    message: str


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _rising(series: Series, window: int) -> bool:
    """The mean of the last half of the window exceeds the mean of the first half."""
    tail = [v for _, v in series[-window:]]
    if len(tail) < 2:
        return False
    half = len(tail) // 2
    return _mean(tail[half:]) > _mean(tail[:half])


def check_alarms(metrics: Mapping[str, Series], settings: AlarmSettings = AlarmSettings()) -> list[Alarm]:
    """The alarms that hold at the end of the streams (``{key: [(step, value), ...]}``, in step order).

    Keys read: ``kl`` (and ``settings.kl_key``), ``reward_mean``, ``heldout_chrf``, ``degenerate_share``.
    """
    alarms = []
    kl = metrics.get("kl") or []
    watched = metrics.get(settings.kl_key) or []
    if watched:
        step, value = watched[-1]
        per = " per token" if settings.kl_key == "kl_per_token" else ""
        if value > settings.kl_target:
            alarms.append(Alarm("kl_above_target", step, f"KL to the reference is {value:.3f}{per}, above the target "
                                                         f"{settings.kl_target:g}: the policy is drifting away."))
    if kl:
        step = kl[-1][0]
        recent = _mean([v for _, v in kl[-3:]])
        if recent < settings.negative_kl:
            alarms.append(Alarm("negative_kl", step, f"KL estimate is negative ({recent:.3f} over the last steps): "
                                                     "check the reference model, sampling temperature and padding."))
    reward, chrf = metrics.get("reward_mean") or [], metrics.get("heldout_chrf") or []
    if len(chrf) >= 2 and _rising(reward, settings.reward_window):
        best = max(v for _, v in chrf[:-1])
        step, last = chrf[-1]
        if best - last >= settings.metric_drop:
            alarms.append(Alarm("reward_up_metric_down", step,
                                f"Reward is rising while held-out chrF fell from {best:.1f} to {last:.1f}: "
                                "the policy may be exploiting the reward model."))
    degenerate = metrics.get("degenerate_share") or []
    if len(degenerate) >= 2:
        window = [v for _, v in degenerate[-settings.reward_window:]]
        step, last = degenerate[-1]
        if last >= settings.degenerate_share and last - min(window) >= settings.degenerate_rise:
            alarms.append(Alarm("degenerate_rising", step,
                                f"{last:.0%} of outputs are degenerate (empty, repeated, non-Arabic or copies of the "
                                f"source), up from {min(window):.0%}."))
    if degenerate and not any(a.kind == "degenerate_rising" for a in alarms):
        step, last = degenerate[-1]
        if last >= settings.degenerate_high:
            alarms.append(Alarm("degenerate_high", step,
                                f"{last:.0%} of outputs are degenerate (empty, repeated, non-Arabic or copies of the "
                                "source): the rewards are scoring broken translations."))
    return alarms


def series_from_rows(rows: Sequence[Mapping]) -> dict[str, list[tuple[int, float]]]:
    """Metric rows from the store (``step``, ``key``, ``value``) as streams by key, in step order."""
    out: dict[str, list[tuple[int, float]]] = {}
    for row in sorted(rows, key=lambda r: r["step"]):
        if row["value"] is not None:
            out.setdefault(row["key"], []).append((int(row["step"]), float(row["value"])))
    return out
