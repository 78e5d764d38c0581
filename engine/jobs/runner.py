"""Runs one job in this process: ``python -m engine run RUN_DIR``.

Reads ``RUN_DIR/config.yaml`` (``kind`` + ``config``), writes status events around the job's own
events, and turns the outcome into ``succeeded``, ``cancelled`` (SIGTERM honoured) or ``failed``
(with the traceback in the log and in ``stdout.log``).
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

import yaml

from engine.jobs.config import config_from_dict
from engine.jobs.context import JobCancelled, JobContext
from engine.jobs.registry import job_kind

CONFIG_FILE = "config.yaml"
HEARTBEAT_ENV = "TARJAMA_HEARTBEAT_S"


def read_run_config(run_dir: Path) -> dict:
    """The ``config.yaml`` of a run: ``{"kind": ..., "config": {...}}``."""
    with (Path(run_dir) / CONFIG_FILE).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or "kind" not in data:
        raise ValueError(f"{run_dir}/{CONFIG_FILE} has no job kind")
    return data


def run_job(run_dir: Path) -> int:
    """Run the job of ``run_dir`` to its end; returns the process exit code (0 unless it failed)."""
    run_dir = Path(run_dir).resolve()
    ctx = JobContext(run_dir, heartbeat_s=float(os.environ.get(HEARTBEAT_ENV, "5")))
    ctx.start()
    try:
        spec = read_run_config(run_dir)
        kind = job_kind(spec["kind"])
        config = config_from_dict(kind.config_cls, spec.get("config") or {})
        ctx.status("running", pid=os.getpid())
        kind.run(config, ctx)
        ctx.raise_if_cancelled()
    except JobCancelled:
        ctx.status("cancelled")
        return 0
    except BaseException as exc:  # noqa: BLE001 - every failure must reach the run's status
        ctx.log(traceback.format_exc(), level="error")
        ctx.status("failed", error=f"{type(exc).__name__}: {exc}")
        return 1
    else:
        ctx.status("succeeded")
        return 0
    finally:
        ctx.close()
