"""What a running job sees: its folder, and calls to report progress, metrics, logs and outputs.

Under ``accelerate launch`` every process of a run runs the job; only the main process (rank 0) reports. The
other ranks get a context whose reporting writes no events (their log lines still reach ``stdout.log``, marked
with the rank) but whose cancel handling works the same.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

from engine.jobs.events import EventWriter


def process_rank() -> int:
    """This process's rank in a multi-process launch (``RANK``, else ``LOCAL_RANK``); 0 when launched alone."""
    for name in ("RANK", "LOCAL_RANK"):
        value = os.environ.get(name, "").strip()
        if value:
            return int(value)
    return 0


def world_size() -> int:
    """How many processes run this job (``WORLD_SIZE``; 1 when launched alone)."""
    return int(os.environ.get("WORLD_SIZE", "").strip() or 1)


class NullEventWriter:
    """The event writer of a non-main rank: it writes nothing."""

    def emit(self, type_: str, **payload: Any) -> int:
        return 0

    def close(self) -> None:
        pass


class JobCancelled(Exception):
    """Raised inside a job (by :meth:`JobContext.raise_if_cancelled`) once a cancel was requested."""


STOP_POLL_S = 0.05
"""How often the heartbeat thread looks for a stop request between two beats."""


class JobContext:
    """The handle a job kind's ``run`` function gets.

    It writes ``events.jsonl`` through one :class:`EventWriter`, sends a heartbeat from a thread, and
    turns SIGTERM into a polite request: the job checks :meth:`should_stop` between steps, saves a
    checkpoint and calls :meth:`raise_if_cancelled` (or raises :class:`JobCancelled` itself).

    The signal handler does nothing but store a flag. It runs in the main thread between two bytecodes, possibly
    while that thread holds the event writer's (non-reentrant) lock or is inside a ``print``: writing an event
    there deadlocked jobs. The heartbeat thread (or, on ranks without one, the first :meth:`should_stop` that sees
    the flag) writes the "cancel requested" log line instead.

    ``rank`` is the process's rank in a multi-process launch: a context with ``rank != 0`` writes no events
    (no status, progress, metrics, artifacts or heartbeat), so only the main process reports.
    """

    def __init__(self, run_dir: Path, *, heartbeat_s: float = 5.0, rank: int = 0) -> None:
        self.run_dir = Path(run_dir)
        self.rank = rank
        self.events: EventWriter | NullEventWriter = EventWriter(self.run_dir) if rank == 0 else NullEventWriter()
        # Written by the signal handler: plain attribute stores, which take no lock (a threading.Event's set() does).
        self._stop_requested = False
        self.model_registered = False  # this run announced its model: a training job's, once trained and saved
        self._stop_signal: int | None = None
        self._stop_announced = False
        self._announce_lock = threading.Lock()  # never taken by the signal handler
        self._heartbeat_s = heartbeat_s
        self._heartbeat_thread: threading.Thread | None = None
        self._closed = threading.Event()
        self._progress_started: tuple[float, float] | None = None

    @property
    def checkpoint_dir(self) -> Path:
        """Where the job keeps checkpoints; it survives cancel, crash and resume."""
        path = self.run_dir / "checkpoints"
        path.mkdir(exist_ok=True)
        return path

    @property
    def output_dir(self) -> Path:
        """Where the job writes its outputs."""
        path = self.run_dir / "outputs"
        path.mkdir(exist_ok=True)
        return path

    @property
    def inputs_dir(self) -> Path:
        """Inputs the studio exported for the job before it launched (the job never opens DuckDB)."""
        return self.run_dir / "inputs"

    @property
    def is_main_process(self) -> bool:
        """Whether this process reports for the run (rank 0); other ranks must not write shared outputs."""
        return self.rank == 0

    # --- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        """Install the SIGTERM handler and start the heartbeat (called by the runner; rank 0 only beats)."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self._on_signal)
            signal.signal(signal.SIGINT, self._on_signal)
        if not self.is_main_process:
            return
        self.events.emit("heartbeat")
        self._heartbeat_thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)
        self._heartbeat_thread.start()

    def close(self) -> None:
        """Stop the heartbeat and close the event log (called by the runner after the final status)."""
        self._closed.set()
        if self._heartbeat_thread is not None:
            self._heartbeat_thread.join(timeout=2)
        self.events.close()

    def _beat(self) -> None:
        """The heartbeat thread: a beat every ``heartbeat_s``, and the stop announcement soon after a signal."""
        next_beat = time.monotonic() + self._heartbeat_s
        while not self._closed.wait(max(0.0, min(STOP_POLL_S, next_beat - time.monotonic()))):
            if self._stop_requested:
                self._announce_stop()
            if time.monotonic() >= next_beat:
                self.events.emit("heartbeat")
                next_beat = time.monotonic() + self._heartbeat_s

    def _on_signal(self, signum: int, _frame: Any) -> None:
        # Only attribute stores: no lock, no I/O, no print (see the class docstring).
        if self._stop_signal is None:
            self._stop_signal = signum
        self._stop_requested = True

    def _announce_stop(self) -> None:
        """Log the stop request once (from the heartbeat thread or the job's own thread, never from the handler)."""
        with self._announce_lock:
            if self._stop_announced:
                return
            self._stop_announced = True
        signum = self._stop_signal
        cause = f"signal {signal.Signals(signum).name}" if signum is not None else "requested"
        self.log(f"cancel requested ({cause}); stopping at the next step", level="warning")

    def request_stop(self) -> None:
        """Ask the job to stop at its next check (what SIGTERM does)."""
        self._stop_requested = True

    def should_stop(self) -> bool:
        """True once a cancel was requested: save a checkpoint and stop."""
        if self._stop_requested:
            self._announce_stop()
            return True
        return False

    def raise_if_cancelled(self) -> None:
        """Raise :class:`JobCancelled` if a cancel was requested."""
        if self.should_stop():
            raise JobCancelled()

    def latest_checkpoint(self) -> str | None:
        """The name of the newest entry of :attr:`checkpoint_dir` (``latest.json``'s ``path`` when a job keeps one),
        or None when the job has saved none."""
        from engine.jobs.checkpoints import LATEST_FILE, pointed_name

        folder = self.run_dir / "checkpoints"
        if (name := pointed_name(folder)) is not None:
            return name
        entries = [p for p in folder.iterdir() if p.name != LATEST_FILE] if folder.is_dir() else []
        return max(entries, key=lambda p: p.stat().st_mtime).name if entries else None

    # --- reporting -----------------------------------------------------------------------------
    def status(self, status: str, **extra: Any) -> None:
        self.events.emit("status", status=status, **extra)

    def log(self, message: str, level: str = "info") -> None:
        """A line for the run's log tail in the studio (also printed to ``stdout.log``; other ranks print only)."""
        prefix = "" if self.is_main_process else f"[rank {self.rank}] "
        print(f"{prefix}[{level}] {message}", flush=True)
        self.events.emit("log", level=level, message=str(message))

    def progress(self, done: float, total: float | None, unit: str = "steps", message: str = "",
                 **rates: float) -> None:
        """Report progress; the ETA is computed from the rate since the first report of this process."""
        now = time.time()
        if self._progress_started is None or done < self._progress_started[1]:
            self._progress_started = (now, done)
        t0, d0 = self._progress_started
        eta = None
        if total and done > d0 and now > t0:
            eta = (total - done) / ((done - d0) / (now - t0))
        self.events.emit("progress", done=done, total=total, unit=unit, eta_s=eta, message=message,
                         **rates)

    def metric(self, step: int, **values: float) -> None:
        """Metrics of one step (one row per key in the store)."""
        clean = {k: (float(v) if v is not None else None) for k, v in values.items()}
        self.events.emit("metric", step=int(step), values=clean)

    def artifact(self, kind: str, **details: Any) -> None:
        """Announce an output the studio should register (a model, a data file)."""
        self.events.emit("artifact", kind=kind, **details)
        if kind == "model":
            self.model_registered = True
