"""Launches, watches, cancels and resumes job processes for the studio (or the CLI).

A run is a folder ``runs/<id>/`` with ``config.yaml``, ``events.jsonl``, ``stdout.log``, ``pid``,
``checkpoints/``, ``inputs/`` and ``outputs/``. The process is started with
``python -m engine run RUN_DIR`` in a new session (its own process group, no shell) — or, when the run's
``config.yaml`` carries a ``launch:`` mapping, through ``accelerate launch`` (see :mod:`engine.jobs.launcher`),
whose worker processes share that group. Cancel sends
SIGTERM to the group and, if the job has not ended after ``kill_after_s``, SIGKILL. A run whose process is gone is
declared dead at once; one whose process is there but whose heartbeat is older than ``stale_after_s`` (hung) is
killed and declared dead — counting only silence the supervisor watched: when two of its own polls are more than
``stale_after_s`` apart (a suspended laptop, a paused virtual machine), its watch starts afresh, since the job was
most likely paused with it. A shorter pause of the whole machine can still leave a healthy job's last heartbeat older
than ``stale_after_s`` at the first poll after it, so a job found silent while this supervisor watched is killed only
if it is still silent at a poll ``3 × heartbeat_s`` later (by this process's monotonic clock): a paused job beats
again at once when the machine resumes. A new supervisor's first poll (a studio started again, the CLI) judges by the
heartbeat's age alone. A run this supervisor is still launching (a warm launch may wait for the fork server's
imports) is not judged, and one recorded without a process yet is judged only once it has been silent for
``stale_after_s``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import signal
import subprocess
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from engine.jobs.config import ConfigError, config_to_dict, setting_words
from engine.jobs.events import FINAL_STATUSES, EventWriter, unread_line
from engine.jobs.forkserver import ForkServer, WarmProcess, fork_is_safe, shared_server
from engine.jobs.ingest import ingest_run
from engine.jobs.kinds import checked_config, job_kind, run_title
from engine.jobs.launcher import build_command, launch_env, resolve_launch
from engine.jobs.process import CONFIG_FILE, HEARTBEAT_ENV, PID_FILE, read_run_config, runs_in, signal_group
from engine.models.loading import keep_hub_offline
from engine.models.registry import new_model_name_problem
from engine.store import Store
from engine.store.clock import utc_now
from engine.store.runs import settings_of
from engine.workspace import Workspace

_LOG = logging.getLogger(__name__)

STDOUT_FILE = "stdout.log"


def new_run_id(kind: str) -> str:
    """A readable, unique, path-safe run id: ``<kind>-<UTC time>-<random>``."""
    return f"{kind}-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-{secrets.token_hex(2)}"


_EXCEPTION_LINE = re.compile(r"^(?:[\w.]+\.)?\w*(?:Error|Exception|Interrupt|Exit)\b.*")


LAUNCH_MARK = "--- launched by the studio at "
"""How the line ``stdout.log`` gets before each launch of its run begins (a resume appends to the same file)."""


def _mark_launch(run_dir: Path, when: datetime) -> None:
    """Write the launch's line into the run's ``stdout.log`` (what is said after it is this attempt's)."""
    try:
        with (run_dir / STDOUT_FILE).open("a", encoding="utf-8") as out:
            out.write(f"{LAUNCH_MARK}{when:%Y-%m-%d %H:%M:%S} UTC ---\n")
    except OSError:  # a full disk: the launch itself says so
        pass


def last_exception_line(run_dir: Path, tail_bytes: int = 16_384) -> str | None:
    """The last line of the run's ``stdout.log`` that names a Python exception (``OSError: [Errno 27] File too
    large``) since its latest launch, or ``None``: a job that could not write its event log could not report why it
    failed either. A resumed run killed by ``SIGKILL`` was blamed on the attempt before's error."""
    try:
        with (run_dir / STDOUT_FILE).open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - tail_bytes))
            lines = fh.read().decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    marks = [i for i, line in enumerate(lines) if line.startswith(LAUNCH_MARK)]
    found = [line.strip() for line in lines[marks[-1] + 1 if marks else 0:] if _EXCEPTION_LINE.match(line.strip())]
    return found[-1][:300] if found else None


def _refuse_lost_settings(run: dict, spec: dict, run_dir: Path) -> None:
    """Refuse to resume a run whose ``config.yaml`` lacks settings it was created with (a file cut short that still
    parses, or a setting deleted by hand): the job filled them with defaults — a run of ``register_stage:
    candidate`` registered its model as the loop's SFT model — while the Runs page showed the settings it was
    created with. A value changed by hand is the user's to make."""
    lost = sorted(set(settings_of(run)) - set(spec.get("config") or {}))
    if lost:
        raise ValueError(f"{run_dir / CONFIG_FILE} lacks {', '.join(lost)}, which the run was created with (cut "
                         "short, or deleted by hand): a resume would run on defaults for them — write them back "
                         "(the run's page lists the settings it was created with), or start a new run")


class Supervisor:
    """The studio's handle on job processes.

    It keeps the ``Popen`` objects of the processes it started (so finished children are reaped) and,
    after a restart, reattaches to running jobs through their pid files and heartbeats.
    """

    def __init__(self, store: Store, workspace: Workspace, *, kill_after_s: float = 30.0,
                 stale_after_s: float = 60.0, heartbeat_s: float = 5.0,
                 extra_env: dict[str, str] | None = None, warm_start: bool | None = None) -> None:
        self.store = store
        self.workspace = workspace.ensure()
        self.kill_after_s = kill_after_s
        self.stale_after_s = stale_after_s
        self.heartbeat_s = heartbeat_s
        self.extra_env = dict(extra_env or {})
        self.warm_start = fork_is_safe() if warm_start is None else warm_start and fork_is_safe()
        """Plain runs are forked by this process's fork server once it is ready (see :meth:`launch`); by default
        wherever that is safe (Linux without a GPU device)."""
        self._procs: dict[str, subprocess.Popen | WarmProcess] = {}
        self._unwatchable: set[str] = set()  # runs whose folder could not be read, said once
        self._launching: set[str] = set()
        """Runs whose process this supervisor is starting (a launch may wait for the fork server's imports):
        :meth:`poll` does not judge them."""
        self._lock = threading.RLock()  # the studio's watcher thread and its pages poll the same supervisor
        self._last_poll_at: datetime | None = None
        self._silent_since: dict[str, float] = {}
        """Runs found silent past ``stale_after_s`` while their process is there, with the monotonic time of that
        poll: killed as hung only if still silent ``3 × heartbeat_s`` later."""
        self._watching_since: datetime | None = None
        """Set when two polls were more than ``stale_after_s`` apart (this process was paused, so most likely the
        jobs were too): a job's silence before it is not held against it. ``None``: no such gap seen."""

    # --- starting ------------------------------------------------------------------------------
    def create(self, kind_name: str, config: Any, title: str = "", launch: dict | None = None) -> str:
        """Write a run folder for ``config`` (running the kind's ``prepare``) and record it queued.

        ``launch`` (e.g. ``{"accelerate_config": "ddp", "num_processes": 2}``) is written as the top-level
        ``launch:`` of ``config.yaml``; it is checked here, before anything is written.
        """
        kind = job_kind(kind_name)
        if not isinstance(config, kind.config_cls):
            raise TypeError(f"{kind_name} needs a {kind.config_cls.__name__}, got {type(config).__name__}")
        resolve_launch(launch, kind_name)
        # bounds and choices, then the kind's own checks, before any write
        config = checked_config(kind_name, config_to_dict(config))
        # a job that registers a model names it in model_name (empty: a name of its own, from the run id)
        name = getattr(config, "model_name", "")
        if name and (problem := new_model_name_problem(self.store, name)):
            raise ConfigError(f"{setting_words(type(config), 'model_name')}: {problem}")
        run_id = new_run_id(kind_name)
        run_dir = self.workspace.run_dir(run_id)
        run_dir.mkdir(parents=True)
        if kind.prepare is not None:
            try:
                kind.prepare(config, self.store, run_dir)
            except BaseException:  # nothing was recorded: leave no half-made run folder behind
                shutil.rmtree(run_dir, ignore_errors=True)
                raise
        values = config_to_dict(config)
        spec = {"kind": kind_name, "run_id": run_id, "config": values}
        if launch:
            spec["launch"] = dict(launch)
        # written beside and swapped in: a config cut short would run with defaults for what it lost
        tmp = run_dir / f".{CONFIG_FILE}.tmp"
        tmp.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
        os.replace(tmp, run_dir / CONFIG_FILE)
        self.store.runs.create(run_id, kind_name, title or run_title(kind, values), values, str(run_dir))
        return run_id

    def job_env(self, launch: dict | None = None, kind: str | None = None) -> dict[str, str]:
        """The environment a run's processes start with: this process's, the supervisor's extras, the heartbeat
        period, unbuffered output, offline hub unless ``TARJAMA_OFFLINE=0``, the project on ``PYTHONPATH``, and
        what a ``launch:`` needs (one GPU for a one-process run, the first of an inherited ``CUDA_VISIBLE_DEVICES``)."""
        env = {**os.environ, **self.extra_env}
        env.update({HEARTBEAT_ENV: str(self.heartbeat_s), "PYTHONUNBUFFERED": "1",
                    **launch_env(launch, kind=kind, visible=env.get("CUDA_VISIBLE_DEVICES"))})
        for name in ("RANK", "LOCAL_RANK", "WORLD_SIZE"):  # set per worker by accelerate; a stray one would mute rank 0
            env.pop(name, None)
        keep_hub_offline(env)
        project_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (project_root, env.get("PYTHONPATH", "")) if p)
        return env

    def prewarm(self) -> None:
        """Start this process's fork server (without waiting for it), so the first job starts warm too."""
        if self.warm_start:
            shared_server(self.job_env())

    def launch(self, run_id: str) -> int:
        """Start the run's process (plain, or ``accelerate launch`` per its ``launch:``); returns its pid (also its
        process group id). A plain run is forked by this process's fork server (:mod:`engine.jobs.forkserver`),
        else started cold."""
        run_dir = self.workspace.run_dir(run_id)
        spec = read_run_config(run_dir)
        command = build_command(run_dir, spec.get("launch"), kind=spec["kind"])
        env = self.job_env(spec.get("launch"), kind=spec["kind"])
        warm = self.warm_start and resolve_launch(spec.get("launch"), spec["kind"]) is None
        began = utc_now()
        with self._lock:
            self._launching.add(run_id)
        try:
            server = self._ready_server(env) if warm else None  # may wait for its imports: outside the lock
            with self._lock:
                _mark_launch(run_dir, began)
                proc = self._fork(server, run_dir, env) if server is not None else None
                if proc is None:
                    with (run_dir / STDOUT_FILE).open("ab") as out:
                        proc = subprocess.Popen(
                            command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, cwd=str(run_dir), env=env,
                        )
                (run_dir / PID_FILE).write_text(str(proc.pid))
                self._procs[run_id] = proc
                cancelled_at = self._run(run_id)["cancel_requested_at"]
                self.store.runs.set_launched(run_id, proc.pid)
                if cancelled_at is not None and cancelled_at >= began:
                    # cancelled while this launch waited for the fork server: there was no process to signal then,
                    # and the launch cleared the request — the run went on to succeed
                    self.store.runs.request_cancel(run_id)
                    signal_group(proc.pid, signal.SIGTERM)
        finally:
            with self._lock:
                self._launching.discard(run_id)
        return proc.pid

    @staticmethod
    def _ready_server(env: dict[str, str]) -> ForkServer | None:
        """This process's fork server for ``env`` once it has imported everything (a new one is started for another
        environment or in place of a dead one, and awaited: its imports are what a cold start would spend);
        ``None`` (start cold) if it does not get ready."""
        server = shared_server(env)
        return server if server.wait_ready() else None

    @staticmethod
    def _fork(server: ForkServer, run_dir: Path, env: dict[str, str]) -> WarmProcess | None:
        """The run forked by ``server``, or ``None`` (start it cold) if the server fails."""
        try:
            return server.start(run_dir, run_dir / STDOUT_FILE, env)
        except RuntimeError as exc:
            _LOG.warning("cold start for %s: %s", run_dir.name, exc)
            return None

    def start(self, kind_name: str, config: Any, title: str = "", launch: dict | None = None) -> str:
        """Create and launch a run; returns its id."""
        run_id = self.create(kind_name, config, title, launch=launch)
        self.launch(run_id)
        return run_id

    def resume(self, run_id: str) -> int:
        """Launch a failed or cancelled run again in the same folder; the job continues from its checkpoint.

        The check and the reservation are one step under the lock: two resumes at once (two tabs, or the Runs and
        Pipelines pages) started two processes writing the same run folder — a warm launch may wait seconds for
        the fork server before the run is marked queued."""
        self.poll()
        with self._lock:
            run = self._run(run_id)
            if run_id in self._launching:
                raise ValueError(f"run {run_id} is being started already")
            if run["status"] not in ("failed", "cancelled"):
                raise ValueError(f"run {run_id} is {run['status']}; only failed or cancelled runs can be resumed")
            if run["pid"] and self._alive(run_id, run["pid"]):  # a run failed at its output, its process not ended
                raise ValueError(f"run {run_id}'s last process ({run['pid']}) is still running: resume it once that "
                                 "has ended (two processes would write one run folder)")
            self._launching.add(run_id)
        try:
            kind = job_kind(run["kind"])
            run_dir = self.workspace.run_dir(run_id)
            spec = read_run_config(run_dir)
            _refuse_lost_settings(run, spec, run_dir)
            self._record_edited_settings(run, spec, run_dir)
            if kind.prepare_on_resume and kind.prepare is not None:  # its inputs taken again from the store now
                kind.prepare(checked_config(spec["kind"], spec.get("config") or {}), self.store, run_dir)
            return self.launch(run_id)
        finally:
            with self._lock:
                self._launching.discard(run_id)

    def _record_edited_settings(self, run: dict, spec: dict, run_dir: Path) -> None:
        """Record the settings of a ``config.yaml`` edited by hand since the run was created (a valid edit is the
        user's to make; the job runs with it) and say which changed in the run's log: the Runs page and ``jobs show``
        kept the old values ("Settings it runs with: 450" on a run of 40 steps, its progress "45 / 40")."""
        before = settings_of(run)
        now = config_to_dict(checked_config(spec["kind"], spec.get("config") or {}))
        changed = {k: (before.get(k), v) for k, v in now.items() if k in before and before[k] != v}
        if not changed:
            return
        self.store.runs.set_config(run["id"], now)
        words = ", ".join(f"{k} {old!r} → {new!r}" for k, (old, new) in changed.items())
        with contextlib.suppress(OSError):  # recorded in the store already; the log line is a courtesy
            writer = EventWriter(run_dir)
            try:
                writer.emit("log", level="warning", message=f"settings edited in {CONFIG_FILE} since the run was "
                                                              f"created, resumed with them: {words}")
            finally:
                writer.close()

    # --- stopping ------------------------------------------------------------------------------
    def cancel(self, run_id: str) -> bool:
        """Ask a run to stop (SIGTERM to its process group); :meth:`poll` escalates to SIGKILL later. False when it
        has already ended — its event log is read first: a page may still show it running, and a cancel of a run
        that succeeded a moment ago was 'requested' on it."""
        ingest_run(self.store, run_id)
        with self._lock:  # not between a launch's read of the request and its set_launched, which clears it
            return self._cancel(run_id)

    def _cancel(self, run_id: str) -> bool:
        run = self._run(run_id)
        if run["status"] in FINAL_STATUSES:
            return False
        if run["cancel_requested_at"] is None:  # a second cancel keeps the first's time: it restarted the countdown to
            self.store.runs.request_cancel(run_id)  # SIGKILL, so a job that ignored the signal was never killed
        self._signal(run, signal.SIGTERM)
        return True

    def cancel_and_wait(self, run_id: str, timeout_s: float | None = None, *, cancel: bool = True) -> str:
        """Cancel (unless ``cancel`` is False: the caller has) and block until the run has ended (for the CLI and
        tests); returns the final status."""
        if cancel:
            self.cancel(run_id)
        deadline = time.monotonic() + (timeout_s if timeout_s is not None else self.kill_after_s + 10)
        while time.monotonic() < deadline:
            self.poll()
            status = self._run(run_id)["status"]
            if status in FINAL_STATUSES:
                return status
            time.sleep(0.2)
        self.poll()
        return self._run(run_id)["status"]

    def _signal(self, run: dict, sig: signal.Signals) -> bool:
        pid = run.get("pid")
        return bool(pid) and self._alive(run["id"], pid) and signal_group(pid, sig)

    def _alive(self, run_id: str, pid: int) -> bool:
        """Whether the run's process is running. A process this supervisor started is asked directly; another one
        (after a restart) counts only if it is the run's job — working in the run's folder, as every job does —
        because after a crash or a reboot the recorded pid may belong to an unrelated program, whose process group
        the supervisor would then kill as a hung job."""
        proc = self._procs.get(run_id)
        if proc is not None and proc.pid == pid:
            return proc.poll() is None
        return runs_in(pid, self.workspace.run_dir(run_id))

    # --- watching ------------------------------------------------------------------------------
    def poll(self) -> list[str]:
        """Ingest new events of every active run, reap finished children, enforce cancel timeouts and
        detect dead runs. Returns the ids of runs that ended during this call."""
        with self._lock:
            return self._poll()

    def _poll(self) -> list[str]:
        polled_at = utc_now()
        first_poll = self._last_poll_at is None
        if self._last_poll_at is not None and polled_at - self._last_poll_at > timedelta(seconds=self.stale_after_s):
            self._watching_since = polled_at
        self._last_poll_at = polled_at
        self._reap_exited()
        ended = []
        for run in self.store.runs.active():
            try:
                self._watch(run, ended, first_poll)
            except OSError as exc:  # this run's folder cannot be read or written: the others are still watched
                if self._unreadable(run, exc):
                    ended.append(run["id"])
        return ended

    def _unreadable(self, run: dict, exc: OSError) -> bool:
        """A run whose folder could not be read or written this poll: ended in the store alone when its process is
        gone (it stayed ``running`` for good, its pipeline step with it); else said once, and tried again at the
        next poll. Returns whether it was ended."""
        run_id = run["id"]
        if not (run["pid"] and self._alive(run_id, run["pid"])):
            self._reap(run_id)
            self._final_in_store(run_id, "failed", f"job process died; its run folder could not be read: {exc}")
            return True
        if run_id not in self._unwatchable:
            self._unwatchable.add(run_id)
            _LOG.warning("run %s could not be watched (tried again at every poll): %s", run_id, exc)
        return False

    def _watch(self, run: dict, ended: list[str], first_poll: bool = False) -> None:
        """One poll of one active run: ingest it, and end it when its process is gone, hung or past its cancel."""
        run_id = run["id"]
        ingest_run(self.store, run_id)
        run = self._run(run_id)
        alive = bool(run["pid"]) and self._alive(run_id, run["pid"])
        if run["status"] in FINAL_STATUSES:
            self._reap(run_id)
            ended.append(run_id)
            return
        if run_id in self._launching:  # its process is being started here (perhaps waiting for the fork server)
            return
        now = utc_now()
        if run["cancel_requested_at"] and alive and now - run["cancel_requested_at"] > timedelta(
                seconds=self.kill_after_s):
            self._signal(run, signal.SIGKILL)
            self._finish(run_id, "cancelled", f"killed: no exit within {self.kill_after_s:.0f}s of cancel")
            ended.append(run_id)
            return
        if not alive:
            self._reap(run_id)
            ingest_run(self.store, run_id)  # the last lines it wrote before exiting
            run = self._run(run_id)
            if run["status"] in FINAL_STATUSES:
                ended.append(run_id)
                return
        last_sign = run["heartbeat_at"] or run["launched_at"] or run["created_at"]
        if not alive and run["cancel_requested_at"]:  # stopped by the cancel before it could say so itself
            self._finish(run_id, "cancelled", "cancelled (the job ended on the stop signal)")
            ended.append(run_id)
            return
        watched_silence = now - max(last_sign, self._watching_since or last_sign)
        stale = watched_silence > timedelta(seconds=self.stale_after_s)
        if not run["pid"] and not stale:  # recorded, not launched yet (a pipeline step between create and launch)
            return
        if alive and stale and unread_line(self.workspace.run_dir(run_id), run["events_offset"]):
            # events written while no studio watched, read a window a poll: its heartbeats are among them (a
            # restarted studio judged the last one read, and killed a healthy job as hung)
            return
        if alive and not stale:
            self._silent_since.pop(run_id, None)  # it beat again
            return
        if alive and not self._silence_confirmed(run_id, first_poll):
            return
        self._silent_since.pop(run_id, None)
        if alive:  # hung: silent for longer than allowed while the supervisor watched
            self._signal(run, signal.SIGKILL)
        silent = (now - last_sign).total_seconds()
        # a hung process the supervisor killed is not one that died: the message said "died" for both
        error = (f"job hung (no heartbeat for {silent:.0f}s) and was killed" if alive else
                 f"job process died (no heartbeat for {silent:.0f}s)")
        if not run["pid"]:
            error = "the run was never started (its process was not launched)"
        elif last := last_exception_line(self.workspace.run_dir(run_id)):
            error += f"; the last error in its output: {last}"  # e.g. a full disk while writing its events
        self._finish(run_id, "failed", error)
        ended.append(run_id)

    def _silence_confirmed(self, run_id: str, first_poll: bool) -> bool:
        """Whether a live run found silent past ``stale_after_s`` is hung: at a new supervisor's first poll, yes (its
        heartbeat's age is all there is); else only once it was already found silent at a poll ``3 × heartbeat_s``
        ago or more — a pause of the whole machine shorter than ``stale_after_s`` (a virtual-machine snapshot) made a
        healthy job's heartbeat look that old at the first poll after it."""
        if first_poll:
            return True
        found = self._silent_since.setdefault(run_id, time.monotonic())
        return time.monotonic() - found >= 3 * self.heartbeat_s

    def _finish(self, run_id: str, status: str, error: str) -> None:
        """Write a final status on the job's behalf (it can no longer) and ingest it. A run whose folder is gone
        (deleted by hand) gets its status in the store alone: writing its event log failed on every poll, which
        broke every page and every ``jobs`` command."""
        run_dir = self.workspace.run_dir(run_id)
        self._reap(run_id)
        if not run_dir.is_dir():
            self._final_in_store(run_id, status, f"{error}; its run folder {run_dir} is missing")
            return
        try:
            writer = EventWriter(run_dir)
            try:
                writer.emit("log", level="error", message=error)
                writer.emit("status", status=status, error=error)
            finally:
                writer.close()
        except OSError as exc:  # a full disk or a folder it may not write: said in the store alone, as above (it
            # failed on every poll, and every run after it in the loop went unwatched)
            self._final_in_store(run_id, status, f"{error}; its event log could not be written: {exc}")
            return
        ingest_run(self.store, run_id)

    def _final_in_store(self, run_id: str, status: str, error: str) -> None:
        """A final status written in the store alone, for a run whose folder cannot take its event."""
        with self.store.db.transaction() as cur:
            self.store.runs.mark_final(cur, run_id, status, error)

    def _reap(self, run_id: str) -> None:
        self._silent_since.pop(run_id, None)
        proc = self._procs.pop(run_id, None)
        if proc is not None:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._procs[run_id] = proc

    def _reap_exited(self) -> None:
        """Collect every child that has exited, including ones whose run ended earlier (no zombies)."""
        for run_id, proc in list(self._procs.items()):
            if proc.poll() is not None:
                del self._procs[run_id]

    def reattach(self) -> list[str]:
        """After a studio restart: pick up every run the store thinks is active (ingest what it wrote
        meanwhile, declare dead the ones without a heartbeat). Returns the ids still running."""
        self.poll()
        return [r["id"] for r in self.store.runs.active()]

    def wait(self, run_id: str, timeout_s: float = 600, poll_s: float = 0.2) -> str:
        """Block until a run ends (tests, CLI, pipelines); returns its final status."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self.poll()
            status = self._run(run_id)["status"]
            if status in FINAL_STATUSES:
                return status
            time.sleep(poll_s)
        raise TimeoutError(f"run {run_id} still {self._run(run_id)['status']} after {timeout_s}s")

    def _run(self, run_id: str) -> dict:
        run = self.store.runs.get(run_id)
        if run is None:
            raise KeyError(f"no run {run_id!r}")
        return run

