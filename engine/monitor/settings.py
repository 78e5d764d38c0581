"""The monitor's settings: how served translations are sampled for review, scored, and watched for drift.

Stored in the studio's database (``monitor_settings``), edited on the Monitor page; the defaults below apply until a
lead saves other values.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from engine.jobs.config import setting


@dataclass
class MonitorSettings:
    """Settings of the translation log, the endpoint and the quality alerts."""

    review_rate: float = setting(
        0.05,
        "Share of served translations sampled into the review queue (0 = none, "
        "1 = all). The choice is a fixed hash of the log entry's number, so it is "
        "reproducible.",
        min=0.0,
        max=1.0,
    )
    review_k: int = setting(1, "Linguists who judge each sampled translation.", min=1, max=10)
    reward_model: str = setting(
        "",
        "Reward model that ranks the endpoint's candidates and scores what it serves (empty: the one the served "
        "model, or its nearest ancestor, was trained against; else the newest registered before its last "
        "promotion; none registered: the greedy translation, no reward).",
    )
    qe_model: str = setting(
        "", "COMET-QE / CometKiwi checkpoint or hub id that scores every logged translation (empty: no QE score)."
    )
    baseline_days: int = setting(
        7, "A model's baseline: its first this many days of logged translations and judgements.", min=1, max=365
    )
    window_days: int = setting(
        7, "The current window an alert compares with the baseline: the last this many days.", min=1, max=365
    )
    min_count: int = setting(
        20, "Fewest observations in the baseline and in the window before a measure can alert.", min=2
    )
    sigmas: float = setting(
        3.0,
        "An alert fires when the window's mean is worse than the baseline's by more than "
        "this many standard errors (a Shewhart lower control limit).",
        min=0.5,
        max=10.0,
    )


def load_settings(store) -> MonitorSettings:
    """The stored settings over the defaults (unknown stored keys are ignored)."""
    names = {f.name for f in dataclasses.fields(MonitorSettings)}
    return check_settings(MonitorSettings(**{k: v for k, v in store.translation_log.settings().items() if k in names}))


def check_settings(settings: MonitorSettings) -> MonitorSettings:
    """Check every field against its bounds; a ValueError names the field and the reason."""
    for f in dataclasses.fields(settings):
        value: Any = getattr(settings, f.name)
        low, high = f.metadata.get("min"), f.metadata.get("max")
        if low is not None and value < low:
            raise ValueError(f"{f.name} must be at least {low}, not {value}")
        if high is not None and value > high:
            raise ValueError(f"{f.name} must be at most {high}, not {value}")
    return settings


def save_settings(store, settings: MonitorSettings) -> None:
    """Check and store the settings; a reward model must be a registered one (an unknown name made every request to
    the endpoint fail), and a QE model one that can run (checked without loading it)."""
    name = settings.reward_model.strip()
    if name:
        row = store.models.get(name)
        if row is None or row["kind"] != "reward":
            raise ValueError(f"Reward model: no registered reward model named {name!r}")
    qe_model = settings.qe_model.strip()  # one that cannot run was saved, and every entry then had no QE score;
    # checked when it changes (one stored before the check must not block saving the other settings)
    if qe_model and qe_model != load_settings(store).qe_model.strip():
        from engine.metrics.comet import comet_availability

        available = comet_availability(qe_model, reference_free=True)
        if not available.ok:
            raise ValueError(f"QE model: {available.reason}")
    store.translation_log.save_settings(
        dataclasses.asdict(check_settings(dataclasses.replace(settings, reward_model=name))))


def edited_over(stored: MonitorSettings, shown: MonitorSettings, submitted: MonitorSettings) -> MonitorSettings:
    """The settings a form's save should store: the fields its user changed from what the form ``shown``, over the
    ``stored`` settings of now — a form opened before another lead saved wrote back every field it showed, undoing
    the other's change while it said "Saved."."""
    changed = {f.name: getattr(submitted, f.name) for f in dataclasses.fields(MonitorSettings)
               if getattr(submitted, f.name) != getattr(shown, f.name)}
    return dataclasses.replace(stored, **changed)
