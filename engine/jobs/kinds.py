"""Job kinds by name. A kind is a module exposing ``KIND = JobKind(...)``; it is imported on demand
so listing kinds does not import torch."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.jobs.context import JobContext

# name -> module defining KIND. Later issues add their kinds here.
KIND_MODULES: dict[str, str] = {
    "bootstrap": "engine.jobs.bootstrap",
    "generate": "engine.jobs.generate",
    "score": "engine.jobs.score",
    "reward": "engine.jobs.reward",
    "feedback_pairs": "engine.jobs.feedback_pairs",
    "reward_finetune": "engine.jobs.reward_finetune",
    "dpo": "engine.jobs.dpo",
    "grpo": "engine.jobs.grpo",
    "ppo": "engine.jobs.ppo",
    "evaluate": "engine.jobs.evaluate",
    "translate_batch": "engine.jobs.translate_batch",
    "queue_order": "engine.jobs.queue_order",
}


@dataclass(frozen=True)
class JobKind:
    """A job kind: its config dataclass, the function that runs it, and an optional ``prepare``.

    ``prepare(config, store, run_dir)`` runs in the studio process before launch and exports from
    the store whatever the job reads (jobs never open DuckDB). ``run(config, ctx)`` runs in the job's
    own process.
    """

    name: str
    title: str
    description: str
    config_cls: type
    run: Callable[[Any, JobContext], None]
    prepare: Callable[[Any, Any, Path], None] | None = None
    check: Callable[[Any], None] | None = None
    """The config's own checks, without the store or files (values that fit their bounds but not each other, or
    not this machine): run at every door a config comes in by — a job started, a pipeline's steps built, a
    retraining schedule saved, ``python -m engine run`` of a run folder — so that what the job would refuse is
    refused there, not after the steps before it ran for hours. Raises ValueError saying what to change."""
    resumes_from_outputs: bool = False
    """The job writes its finished work to ``outputs/`` as it goes (chunks of sources, systems evaluated) and a
    resumed run skips it: it needs no checkpoint to continue where it stopped."""
    prepare_on_resume: bool = False
    """``prepare`` runs again when the run is resumed: its inputs are a snapshot of the store that has a newer state
    by then (a failed ``feedback_pairs`` step resumed after more judgements came in read the old ones, and failed
    the same way for ever)."""


SUBJECT_FIELDS = ("policy", "model", "base_model", "models")
"""The config fields that name the model a run works on, in the order a title looks for them."""


def run_title(kind: JobKind, values: dict) -> str:
    """A run's title when none is given: the kind's, and the model it trains, samples or evaluates (``PPO ·
    demo-sft``) — every PPO run on the Runs page was "PPO", told apart by its id alone. A field left empty (the
    newest SFT model) names nothing."""
    for name in SUBJECT_FIELDS:
        subject = values.get(name)
        if isinstance(subject, list | tuple):
            subject = ", ".join(map(str, subject[:3])) + (f" and {len(subject) - 3} more" if len(subject) > 3 else "")
        if subject:
            return f"{kind.title} · {subject}"
    return kind.title


def job_kind(name: str) -> JobKind:
    """The job kind registered under ``name``."""
    try:
        module_name = KIND_MODULES[name]
    except KeyError:
        raise KeyError(f"unknown job kind {name!r}; known: {', '.join(sorted(KIND_MODULES))}") from None
    kind = importlib.import_module(module_name).KIND
    if kind.name != name:
        raise RuntimeError(f"{module_name} registers {kind.name!r}, expected {name!r}")
    return kind


def checked_config(name: str, values: dict[str, Any]) -> Any:
    """``values`` as job kind ``name``'s config: types and bounds (:func:`~engine.jobs.config.config_from_dict`),
    then the kind's own :attr:`JobKind.check`."""
    from engine.jobs.config import config_from_dict

    kind = job_kind(name)
    config = config_from_dict(kind.config_cls, values)
    if kind.check is not None:
        kind.check(config)
    return config
