"""A training job kind sent SIGTERM just after it registered its model (tests only; registered by the test under
``late_model``), as a Cancel clicked while a reward job saved and registered its model is."""

from __future__ import annotations

import os
import signal
import time

from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind
from tests.engine.jobs.late_cancel_kind import LateCancelConfig


def run(config: LateCancelConfig, ctx: JobContext) -> None:
    """Train (a unit at a time), register the model, then receive the stop signal and return."""
    for unit in range(config.units):
        ctx.raise_if_cancelled()
        ctx.progress(unit + 1, config.units)
    ctx.artifact("model", name="late-model", model_kind="policy", path=str(ctx.output_dir), stage="sft")
    os.kill(os.getpid(), signal.SIGTERM)
    deadline = time.monotonic() + 10
    while not ctx.should_stop() and time.monotonic() < deadline:
        time.sleep(0.01)


KIND = JobKind("late_model", "Late cancel of a trained model", "Cancelled after registering (tests only).",
               LateCancelConfig, run)
