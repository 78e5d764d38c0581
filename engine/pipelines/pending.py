"""What work still to come names a corpus or a glossary: queued or running jobs, running pipelines' steps not
started yet, and the retraining schedule.

A job exports what it reads into its run folder when it is created, but a running pipeline creates its later steps'
runs only when it reaches them, and the retraining schedule builds a Phase 3 pipeline on every retrain: deleting a
corpus or a glossary they name failed them later ("no sources in that split", "no glossary named …"), far from the
click that caused it. :func:`pending_users` lists them in words, for the delete to be refused with their names.
"""

from __future__ import annotations

import json
from typing import Any


def _names(config: Any, field: str, value: Any) -> bool:
    values = config.get(field) if isinstance(config, dict) else None
    if not isinstance(values, list):
        return False
    if isinstance(value, int):
        try:
            return value in {int(v) for v in values}
        except (TypeError, ValueError):
            return False
    return value in values


def pending_users(store: Any, field: str, value: Any, *, active_runs: bool = True) -> list[str]:
    """The queued or running runs (with ``active_runs``) and the running pipelines' pending steps whose config
    lists ``value`` in ``field`` (``corpus_ids``, ``glossaries``), and the retraining schedule when its next retrain
    would, in words."""
    users = []
    if active_runs:
        users = [f"run {run['id']} ({run['kind']}, {run['status']})" for run in store.runs.active()
                 if _names(json.loads(run["config"] or "{}"), field, value)]
    for pipeline in store.pipelines.list(statuses=("running",)):
        steps = [s["name"] for s in pipeline["steps"] if s["status"] == "pending" and _names(s["config"], field, value)]
        if steps:
            users.append(f"pipeline {pipeline['id']} ({pipeline['name']}: step {', '.join(steps)})")
    if any(_names(step["config"], field, value) for step in _next_retrain(store)):
        users.append(f"the retraining schedule (its next retrain's {field}; change its Phase 3 settings on the "
                     "Models page)")
    return users


def _next_retrain(store: Any) -> list[dict]:
    """The steps the schedule's next retrain would run (none when it is off or cannot be built now)."""
    from engine.models.registry import production
    from engine.promotion.schedule import retrain_schedule, retrain_steps

    schedule, _ = retrain_schedule(store)
    base = production(store)
    if not schedule.enabled or base is None:
        return []
    try:
        return retrain_steps(store, schedule, base)
    except (ValueError, LookupError):  # a retrain that cannot be built fails for that reason, said elsewhere
        return []
