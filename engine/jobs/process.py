"""Runs one job in this process: ``python -m engine run RUN_DIR``.

Reads ``RUN_DIR/config.yaml`` (``kind`` + ``config``), writes status events around the job's own
events, and turns the outcome into ``succeeded``, ``cancelled`` (SIGTERM honoured; the status names the
checkpoint a resume starts from) or ``failed`` (with the traceback in the log and in ``stdout.log``).

Under ``accelerate launch`` each process of the run runs this; only rank 0 writes events and the final status
(the other ranks' contexts write none, see :class:`JobContext`), and it logs ``process rank 0 of N``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import traceback
from pathlib import Path
from typing import Any

import yaml

from engine.jobs.context import JobCancelled, JobContext, process_rank, world_size
from engine.jobs.events import EVENTS_FILE
from engine.jobs.kinds import checked_config, job_kind

CONFIG_FILE = "config.yaml"
HEARTBEAT_ENV = "TARJAMA_HEARTBEAT_S"


TOP_LEVEL_KEYS = frozenset({"kind", "run_id", "config", "launch"})
"""What a run's ``config.yaml`` holds (the supervisor writes it): its job kind, run id, settings, and launch."""


def read_run_config(run_dir: Path) -> dict:
    """The ``config.yaml`` of a run: ``{"kind": ..., "config": {...}}``. A missing, unreadable or damaged file is a
    ``ValueError`` that says which (the pages and the command line show it in one line)."""
    path = Path(run_dir) / CONFIG_FILE
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        raise ValueError(f"{path} is missing: the run folder was deleted or moved") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path} cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path} is damaged: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or "kind" not in data:
        raise ValueError(f"{run_dir}/{CONFIG_FILE} has no job kind")
    if not isinstance(data["kind"], str):
        raise ValueError(f"{path}: kind must be a job kind's name, not {data['kind']!r}")
    # a missing, null or misspelt `config:` ran the job on every default (a demo-size training on a tiny run's
    # checkpoint); one that is no mapping raised a TypeError. `config: {}` says "every default" and is taken
    unknown = sorted(set(map(str, data)) - TOP_LEVEL_KEYS)
    if unknown:
        raise ValueError(f"{path} has unknown key(s) {', '.join(unknown)} "
                         f"(it takes {', '.join(sorted(TOP_LEVEL_KEYS))})")
    if not isinstance(data.get("config"), dict):
        raise ValueError(f"{path} has no settings under config: (a mapping of setting: value)")
    return data


def accept_indexed_cpu_location() -> None:
    """Let ``torch.load(map_location="cpu:N")`` work (it knows only ``"cpu"``).

    Under a multi-process CPU launch accelerate gives each worker the device ``cpu:0``, and the Trainer
    resumes optimizer states with ``torch.load(..., map_location=args.device)``, which then fails with "don't
    know how to restore data location ... (tagged with cpu:0)". A deserializer for ``cpu:N`` (storages load
    on the CPU already) fixes it through torch's public ``register_package``.
    """
    import torch.serialization

    def deserialize(storage: Any, location: str) -> Any:
        return storage if location.startswith("cpu:") else None

    torch.serialization.register_package(11, lambda _storage: None, deserialize)


PID_FILE = "pid"
"""The run folder's record of the process the studio launched for it (the launcher's, under a multi-process
launch)."""


def runs_in(pid: int, run_dir: Path) -> bool:
    """Whether process ``pid`` is alive and works in ``run_dir`` (a job's working folder is its run folder: the cold
    start's ``cwd``, the fork server's ``chdir``, ``accelerate launch``'s workers)."""
    import psutil

    try:
        return Path(psutil.Process(pid).cwd()).resolve() == run_dir.resolve()
    except (psutil.Error, OSError):  # gone, a zombie, another user's process, or its folder deleted
        return False


def signal_group(pid: int, sig: signal.Signals) -> bool:
    """Send ``sig`` to the process group ``pid`` leads (a job is launched in a group of its own: the launcher and its
    workers); False if there is none to signal (gone, or another user's). Callers check first that ``pid`` is still
    the run's process (:func:`runs_in`): a recorded pid can belong to another program after a reboot."""
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        return False
    return True


JOB_PID_FILE = "job.pid"
"""The run folder's record of the process running its job (written by the job itself, however it was started)."""


def running_elsewhere(run_dir: Path) -> int | None:
    """The pid of another live process running ``run_dir``'s job (not this one, nor the launcher this one runs
    under), or None: two processes writing one run folder doubled its events and its output chunks. Both records
    are read: the studio's (the process it launched) and the job's own (a job started by hand has no other). Under
    a multi-process launch only rank 0 asks (the ranks are one job)."""
    import psutil

    if process_rank() != 0:
        return None
    mine = {os.getpid(), *(p.pid for p in psutil.Process().parents())}
    for name in (PID_FILE, JOB_PID_FILE):
        try:
            pid = int((Path(run_dir) / name).read_text().strip())
        except (OSError, ValueError):
            continue
        if pid not in mine and runs_in(pid, Path(run_dir)):
            return pid
    return None


STATUS_TAIL_BYTES = 1 << 16
"""How much of the end of a run's event log :func:`cancelled_at` reads for its last status (a resume follows the
cancel with a few lines at most)."""


_CHECKPOINT_NAME = re.compile(r"(?:step|checkpoint)-\d+")
"""A checkpoint folder's name: ``step-*`` (the bootstrap and PPO jobs), ``checkpoint-*`` (transformers' trainers);
a checkpoints folder holds others (the bootstrap job's ``tokenizer``)."""


def cancelled_at(run_dir: Path) -> str | None:
    """The checkpoint the run's last status named, when that status was "cancelled" (the cancel saves one and says
    which); None for any other last status, or an unreadable log."""
    try:
        with (Path(run_dir) / EVENTS_FILE).open("rb") as fh:
            fh.seek(max(0, fh.seek(0, os.SEEK_END) - STATUS_TAIL_BYTES))
            tail = fh.read()
    except OSError:
        return None
    for line in reversed(tail.splitlines()):
        try:
            event = json.loads(line)
        except ValueError:  # the first line of the tail, cut; a torn last line
            continue
        if isinstance(event, dict) and event.get("type") == "status":
            name = event.get("checkpoint") if event.get("status") == "cancelled" else None
            return name if isinstance(name, str) else None
    return None


def _say_lost_checkpoint(ctx: JobContext) -> None:
    """Warn, as a resume begins, when the checkpoint the run was cancelled at is gone from its folder (deleted by
    hand, a cleanup): the run started over from step 0 with nothing said but the cancel's earlier promise."""
    name = cancelled_at(ctx.run_dir)
    if name is None or (ctx.checkpoint_dir / name).is_dir():
        return
    left = [p for p in ctx.checkpoint_dir.iterdir() if p.is_dir() and _CHECKPOINT_NAME.fullmatch(p.name)]
    then = (f"it resumes from the newest checkpoint left ({max(left, key=lambda p: p.stat().st_mtime).name}) if that "
            "one is complete" if left else "the run starts over from the beginning")
    ctx.log(f"the checkpoint this run was cancelled at ({name}) is no longer in {ctx.checkpoint_dir}: {then}",
            level="warning")


def run_job(run_dir: Path) -> int:
    """Run the job of ``run_dir`` to its end; returns the process exit code (0 unless it failed)."""
    # OpenMP threads that sleep instead of spinning while they wait: on a small shared CPU (the studio and other
    # jobs beside this one) spinning threads slowed training steps several-fold. Effective because no job has
    # imported torch yet at this point.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    run_dir = Path(run_dir).resolve()
    rank, size = process_rank(), world_size()
    ctx = JobContext(run_dir, heartbeat_s=float(os.environ.get(HEARTBEAT_ENV, "5")), rank=rank)
    ctx.start()
    kind = None
    try:
        spec = read_run_config(run_dir)
        kind = job_kind(spec["kind"])
        config = checked_config(spec["kind"], spec.get("config") or {})
    except (ValueError, KeyError) as exc:  # a config.yaml edited by hand: one line, not a traceback
        message = f"{run_dir / CONFIG_FILE} cannot be run: {str(exc).strip(chr(34))}"
        ctx.status("failed", error=message)  # the run's error; printed once below (a log line printed it twice)
        ctx.close()
        print(f"error: {message}", file=sys.stderr)
        return 2
    if rank == 0:  # for `python -m engine run` of the same folder to see this one (see running_elsewhere)
        with contextlib.suppress(OSError):
            (run_dir / JOB_PID_FILE).write_text(str(os.getpid()))
    if rank == 0 and not kind.resumes_from_outputs:
        with contextlib.suppress(OSError):  # a warning only: a folder it cannot list is the job's to find
            _say_lost_checkpoint(ctx)
    try:
        ctx.status("running", pid=os.getpid())
        if size > 1:
            ctx.log(f"process rank {rank} of {size} (pid {os.getpid()})")
            accept_indexed_cpu_location()
        kind.run(config, ctx)
        if ctx.model_registered and ctx.should_stop():  # its model is trained, saved and registered: complete
            ctx.log("the cancel came after the model was saved and registered: the run is complete")
        elif not kind.resumes_from_outputs:  # a trainer stopped by the cancel returns as if done: it is cancelled
            ctx.raise_if_cancelled()
        # (a job that resumes from its outputs checks between units and raises itself: when it returns, every unit
        # is done and written — a cancel that arrived after the last one made a complete run "cancelled")
    except JobCancelled:
        checkpoint = ctx.latest_checkpoint()
        if kind is not None and kind.resumes_from_outputs:
            ctx.log("cancelled: the work finished so far stays in outputs/, and a resume skips it")
        elif checkpoint is None:
            ctx.log("cancelled before any checkpoint was saved: a resume starts from the beginning", level="warning")
        ctx.status("cancelled", checkpoint=checkpoint)
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
