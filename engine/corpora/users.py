"""What still reads a corpus, so that deleting it is refused with their names instead of breaking them later.

A queued or running job exports its corpora's segments when it starts (or, for a resumed one, again), a running
pipeline's later steps name corpora their jobs have not read yet, and the retraining schedule's Phase 3 reads the
RL prompts' corpora on every retrain: deleting a corpus under any of them made the job fail ("no sources in that
split") minutes or days later, far from the click that caused it.
"""

from __future__ import annotations

import json
from typing import Any


class CorpusInUse(ValueError):
    """A corpus that cannot be deleted now; the message names what reads it."""


def _names(config: Any, corpus_id: int) -> bool:
    ids = config.get("corpus_ids") if isinstance(config, dict) else None
    try:
        return corpus_id in {int(i) for i in ids or []}
    except (TypeError, ValueError):
        return False


def _schedule_corpora(store: Any) -> list[int]:
    """The corpora the retraining schedule's next retrain would read (none when it is off)."""
    from engine.jobs.config import config_from_dict
    from engine.models.registry import production
    from engine.pipelines.templates import Phase3Config, phase3_defaults
    from engine.promotion.schedule import retrain_schedule

    schedule, _ = retrain_schedule(store)
    if not schedule.enabled:
        return []
    try:  # read as the retrain reads it (a schedule stored before its values were stored coerced held "3,4")
        chosen = config_from_dict(Phase3Config, schedule.phase3).corpus_ids
    except ValueError:  # a schedule this version cannot read: its retrain fails for that reason anyway
        chosen = []
    if chosen:
        return [int(i) for i in chosen]
    base = production(store)
    if base is None:
        return []
    try:
        return [int(i) for i in phase3_defaults(store, base)["corpus_ids"]]
    except (ValueError, LookupError):  # no reward model or the like: the retrain fails for that reason anyway
        return []


def corpus_users(store: Any, corpus_id: int) -> list[str]:
    """What reads corpus ``corpus_id`` from now on, in words: queued or running jobs, running pipelines' steps
    not started yet, and the retraining schedule. Empty when it can be deleted."""
    users = [f"run {run['id']} ({run['kind']}, {run['status']})" for run in store.runs.active()
             if _names(json.loads(run["config"] or "{}"), corpus_id)]
    for pipeline in store.pipelines.list(statuses=("running",)):
        steps = [s["name"] for s in pipeline["steps"] if s["status"] == "pending" and _names(s["config"], corpus_id)]
        if steps:
            users.append(f"pipeline {pipeline['id']} ({pipeline['name']}: step {', '.join(steps)})")
    if corpus_id in _schedule_corpora(store):
        users.append("the retraining schedule (its RL prompts; change its Phase 3 corpora on the Models page)")
    return users


def delete_corpus(store: Any, corpus_id: int) -> None:
    """Delete a corpus and its segments, or raise :class:`CorpusInUse` naming what still reads it."""
    users = corpus_users(store, corpus_id)
    if users:
        raise CorpusInUse(f"it is still read by {'; '.join(users)}: wait for them to finish or cancel them first")
    store.corpora.delete(corpus_id)
