"""A job kind for the cancel stress test: it writes metrics (and now and then progress and a log line) as fast as it
can, so a SIGTERM nearly always lands while the main thread is inside the event writer; on a stop request it saves a
checkpoint and raises :class:`JobCancelled`, as every real kind does.

It runs through the real runner (``engine.jobs.process.run_job``); the test registers it under ``metrics_loop``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from engine.jobs.config import setting
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind


@dataclass
class MetricsLoopConfig:
    max_steps: int = setting(10_000_000, "Steps before the loop ends by itself.")


def save_checkpoint(ctx: JobContext, step: int) -> None:
    """A checkpoint folder with the step, and ``latest.json`` naming it (as the bootstrap job does)."""
    folder = ctx.checkpoint_dir / f"step-{step}"
    folder.mkdir(exist_ok=True)
    (folder / "state.json").write_text(json.dumps({"step": step}))
    (ctx.checkpoint_dir / "latest.json").write_text(json.dumps({"step": step, "path": folder.name}))


def run(config: MetricsLoopConfig, ctx: JobContext) -> None:
    """Write metrics in a tight loop until stopped."""
    step = 0
    while step < config.max_steps:
        if ctx.should_stop():
            save_checkpoint(ctx, step)
            ctx.raise_if_cancelled()
        step += 1
        ctx.metric(step, loss=1.0 / step, lr=1e-3)
        if step % 7 == 0:
            ctx.progress(step, config.max_steps)
        if step % 13 == 0:
            ctx.log(f"step {step}")


KIND = JobKind("metrics_loop", "Metrics loop", "Writes metrics until cancelled (tests only).", MetricsLoopConfig, run)
