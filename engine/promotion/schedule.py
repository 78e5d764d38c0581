"""The retraining schedule: every N new judgements or every D days, Phase 3 from the production model.

A lead sets :class:`RetrainSchedule`. :func:`retrain_due` is the check — a pure function of the store and the
time it is given (tests pass a fake clock) — that the studio evaluates when the Models page loads and that
``python -m engine retrain-due`` runs for a cron. :func:`start_retrain` builds the Phase 3 pipeline
(:mod:`engine.pipelines.templates`: feedback → human pairs → reward-model fine-tune → RL) from the production
model, with its RL step registering the result at stage ``candidate`` under a new name whose parent is the
production model: each retrain adds a stage to the lineage, and the promotion gate decides whether it replaces
production.

"New judgements" are the linguists' judgements stored since the newest retrain started (since the schedule was
set, before the first). Days are counted from the same moment. No retrain is due while one is still running,
or when there is no production model to start from.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from engine.jobs.config import config_from_dict, config_to_dict, setting
from engine.models.registry import production
from engine.pipelines.templates import Phase3Config, phase3_steps, sft_in_production
from engine.store.clock import utc_now

SCHEDULE_KEY = "retrain_schedule"
SINCE_KEY = "retrain_schedule_since"
"""When the schedule was switched on (its ``updated_at``): the count of judgements and days starts there before the
first retrain — not at the schedule's last edit, which pushed a monthly retrain back a month on every save."""
MIN_EVERY_DAYS = 1 / 24
"""The shortest period: an hour (1e-9 days made a retrain due on every check)."""


class RetrainError(ValueError):
    """A retrain that cannot start (the message says why)."""


@dataclass
class RetrainSchedule:
    """When the studio retrains the production model with the linguists' new feedback (set by a lead)."""

    every_judgements: int = setting(
        0,
        "Retrain once this many new judgements have come in since the last retrain (0: not by count).",
        min=0,
        max=10_000_000,
        label="Every N judgements",
    )
    every_days: float = setting(
        0.0,
        "Retrain when this many days have passed since the last retrain (0: not by "
        "time; 30 for the brief's monthly retraining).",
        min=0.0,
        max=3650.0,
        label="Every D days",
    )
    phase3: dict = setting(
        {},
        "Phase 3 settings of each retrain (name=value, …), e.g. rl_method=grpo, ppo_steps=40; the "
        "policy is always the production model.",
        advanced=True,
        label="Phase 3 settings",
    )

    @property
    def enabled(self) -> bool:
        """Whether either trigger is set."""
        return self.every_judgements > 0 or self.every_days > 0


@dataclass(frozen=True)
class RetrainDue:
    """The answer of :func:`retrain_due`: whether a retrain is due, and why (or why not)."""

    due: bool
    reason: str
    new_judgements: int
    since: datetime | None
    days_since: float | None
    base_model: str | None


def retrain_schedule(store) -> tuple[RetrainSchedule, datetime | None]:
    """The lead's schedule (off until set) and when it was switched on (:data:`SINCE_KEY`; for a schedule saved
    before that was kept, when it was last saved)."""
    stored = store.promotion.setting(SCHEDULE_KEY)
    if not stored:
        return RetrainSchedule(), None
    since = store.promotion.setting(SINCE_KEY)
    return (config_from_dict(RetrainSchedule, stored["value"]),
            since["updated_at"] if since else stored["updated_at"])


def set_retrain_schedule(
    store, schedule: RetrainSchedule, *, by: str | None = None, now: datetime | None = None
) -> None:
    """Store the schedule (bounds and Phase 3 settings checked first)."""
    checked = config_from_dict(RetrainSchedule, config_to_dict(schedule))
    reserved = {"policy", "model_name"} & set(checked.phase3)
    if reserved:
        raise RetrainError(
            f"{', '.join(sorted(reserved))} cannot be set: a retrain starts from the production "
            "model and names its candidate itself"
        )
    phase3 = config_from_dict(Phase3Config, checked.phase3)  # an unknown or out-of-bounds setting is refused now
    # stored as read ("3,4" is the corpora [3, 4]): what reads the stored dict gets the values the retrain will
    checked.phase3 = {name: getattr(phase3, name) for name in checked.phase3}
    if 0 < checked.every_days < MIN_EVERY_DAYS:
        raise RetrainError(f"every_days {checked.every_days:g} is shorter than an hour ({MIN_EVERY_DAYS:.3f} days)")
    base = production(store)
    if checked.enabled and base is not None:  # a retrain that cannot be built from today's production model: said
        try:  # now, not on every load of the Models page once it is due
            retrain_steps(store, checked, base)
        except ValueError as exc:
            raise RetrainError(f"a retrain from {base} could not be built with these settings: {exc}") from exc
    before, counting_since = retrain_schedule(store)
    store.promotion.set_setting(SCHEDULE_KEY, config_to_dict(checked), by=by, now=now)
    if checked.enabled and not before.enabled:  # switched on: the count starts now (an edit keeps it going)
        store.promotion.set_setting(SINCE_KEY, {}, by=by, now=now)
    elif checked.enabled and store.promotion.setting(SINCE_KEY) is None:  # on since before the key was kept
        store.promotion.set_setting(SINCE_KEY, {}, by=by, now=counting_since)


def retrain_steps(store, schedule: RetrainSchedule, base: str, model_name: str = "") -> list[dict]:
    """The Phase 3 steps a retrain of ``base`` runs with the schedule's settings (raises ValueError when they
    cannot be built): checked when the schedule is saved, run when a retrain starts, read when a corpus or a
    glossary it names is to be deleted."""
    named = {"model_name": model_name} if model_name else {}
    return phase3_steps(config_from_dict(Phase3Config, {**schedule.phase3, "policy": base, **named}), store)


def retrain_due(store, now: datetime | None = None) -> RetrainDue:
    """Whether the schedule wants a retrain at ``now`` (naive UTC; default: the clock), and why."""
    now = now or utc_now()
    schedule, set_at = retrain_schedule(store)
    base = production(store)
    retrains = store.promotion.retrains()
    since = retrains[0]["started_at"] if retrains else set_at
    new = store.promotion.judgements_since(since)
    days = (now - since).total_seconds() / 86400 if since else None

    def answer(due: bool, reason: str) -> RetrainDue:
        return RetrainDue(due, reason, new, since, days, base)

    if not schedule.enabled:
        return answer(False, "no retraining schedule is set")
    if base is None:
        return answer(False, "there is no production model to retrain")
    if sft := sft_in_production(store, store.models.get(base)):
        return answer(False, sft)
    if busy := retrain_running(store):
        return answer(False, busy)
    if schedule.every_judgements and new >= schedule.every_judgements:
        return answer(True, f"{new} new judgements (the schedule retrains every {schedule.every_judgements})")
    if schedule.every_days and days is not None and days >= schedule.every_days:
        return answer(
            True,
            f"{days:.1f} days since {'the last retrain' if retrains else 'the schedule was set'} "
            f"(the schedule retrains every {schedule.every_days:g} days)",
        )
    parts = []
    if schedule.every_judgements:
        parts.append(f"{new} of {schedule.every_judgements} new judgements")
    if schedule.every_days and days is not None:
        parts.append(f"{days:.1f} of {schedule.every_days:g} days")
    return answer(False, "not yet: " + ", ".join(parts))


_STARTING = threading.RLock()
"""Held from the check to the retrain recorded: three Models pages loaded at once each found the retrain due and
started one (three pipelines for one candidate name)."""


def retrain_running(store) -> str | None:
    """Why no retrain may start now, or ``None``: a retrain still running, or a Phase 3 started by hand (it trains
    on the same judgements: a retrain beside it doubled the load for a rival candidate)."""
    retrains = store.promotion.retrains()
    if retrains and retrains[0]["pipeline_status"] == "running":
        return f"retrain {retrains[0]['id']} is still running"
    manual = [p for p in store.pipelines.list(statuses=("running",)) if p.get("template") == "phase3"]
    if manual:
        return f"a Phase 3 pipeline is running ({manual[0]['name']}): the next retrain waits for it"
    return None


def start_retrain(store, runner, *, reason: str = "started by hand", now: datetime | None = None) -> int:
    """Start Phase 3 from the production model as a pipeline whose result is a ``candidate``; returns the
    retrain's id. Raises :class:`RetrainError` (nothing started) when it cannot be built, or while a retrain or a
    Phase 3 runs (*Start a retrain now* clicked twice started two from the same judgements)."""
    with _STARTING:
        if busy := retrain_running(store):
            raise RetrainError(busy)
        return _start_retrain(store, runner, reason=reason, now=now or utc_now())


def _start_retrain(store, runner, *, reason: str, now: datetime) -> int:
    base = production(store)
    if base is None:
        raise RetrainError("there is no production model to retrain")
    if sft := sft_in_production(store, store.models.get(base)):
        raise RetrainError(sft)
    schedule, _ = retrain_schedule(store)
    number = len(store.promotion.retrains()) + 1
    name = f"retrain-{number}-{now:%Y%m%d-%H%M}"
    try:
        steps = retrain_steps(store, schedule, base, name)
    except ValueError as exc:
        raise RetrainError(f"cannot build the retrain from {base}: {exc}") from exc
    steps[-1]["config"]["register_stage"] = "candidate"
    pipeline_id = runner.start(f"Retrain {number} from {base}", "phase3", steps)
    return store.promotion.add_retrain(
        pipeline_id=pipeline_id,
        base_model=base,
        model_name=name,
        reason=reason,
        judgements=store.promotion.judgements_since(None),
        now=now,
    )


def retrain_if_due(store, runner, now: datetime | None = None) -> tuple[RetrainDue, int | None]:
    """Evaluate the schedule and start a retrain when it is due; returns the check and the retrain id (or None).
    One at a time in this process: a second caller finds the first one's retrain running."""
    with _STARTING:
        check = retrain_due(store, now)
        if not check.due:
            return check, None
        return check, _start_retrain(store, runner, reason=check.reason, now=now or utc_now())
