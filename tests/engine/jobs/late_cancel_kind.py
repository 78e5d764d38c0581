"""A job kind that resumes from its outputs and is sent SIGTERM just after its last unit of work is written
(tests only; registered by the test under ``late_cancel``), as a Cancel clicked a moment too late is."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass

from engine.jobs.config import setting
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind


@dataclass
class LateCancelConfig:
    units: int = setting(3, "Units of work, each written to outputs/.")


def run(config: LateCancelConfig, ctx: JobContext) -> None:
    """Write every unit, then receive the stop signal and return (every unit is done)."""
    for unit in range(config.units):
        ctx.raise_if_cancelled()
        (ctx.output_dir / f"unit-{unit}.txt").write_text("done", encoding="utf-8")
        ctx.progress(unit + 1, config.units)
    os.kill(os.getpid(), signal.SIGTERM)
    deadline = time.monotonic() + 10
    while not ctx.should_stop() and time.monotonic() < deadline:
        time.sleep(0.01)


KIND = JobKind("late_cancel", "Late cancel", "Cancelled after its last unit (tests only).", LateCancelConfig, run,
               resumes_from_outputs=True)
