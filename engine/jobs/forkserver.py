"""Warm job starts: a process that has imported torch, transformers and TRL once forks each new job.

A job process started cold spends its first seconds importing (10.7 s of a 15-s reward-model run on a tiny
model, on a 2-core machine, before its first log line). The fork server imports the heavy libraries once, in a
process of its own that has run no tensor operation and started no thread, and then, for each plain
(single-process) launch, forks a child that does what ``python -m engine run RUN_DIR`` does: a new session (its own
process group, so cancel's ``killpg`` reaches it), ``stdout.log`` as its stdout and stderr, the run folder as its
working directory, the launch's environment, and :func:`engine.jobs.process.run_job`. The server reaps its
children and reports their exit codes, so :class:`WarmProcess` answers the supervisor like a ``Popen``.

A launch that finds no server ready for its environment waits for one — the server's imports are what a cold start
would spend; a server that died, or was started with another environment in a variable libraries may read at import
(anything outside :data:`PER_RUN_ENV`), is replaced. A launch starts cold (the supervisor's ``Popen``) on a machine
with a GPU or not on Linux (:func:`fork_is_safe`), for a multi-process launch (``accelerate launch``), and when the
server does not get ready or fails. Protocol: JSON lines over the server's stdin and a private copy of
its stdout.
"""

from __future__ import annotations

import contextlib
import glob
import importlib
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import IO

PRELOAD = (
    "torch", "numpy", "pyarrow", "pyarrow.parquet", "yaml",
    "transformers", "transformers.modeling_utils", "transformers.trainer", "transformers.generation",
    "transformers.models.auto.modeling_auto", "transformers.models.auto.tokenization_auto",
    "transformers.models.gemma2.modeling_gemma2", "tokenizers", "safetensors.torch",
    "accelerate", "peft", "datasets", "trl", "trl.trainer.base_config", "trl.trainer.base_trainer", "sacrebleu",
    "engine.jobs.process", "engine.jobs.kinds", "engine.store",
)
"""Modules the server imports before it forks anything (one missing is skipped: the job imports what it needs)."""

PER_RUN_ENV_PREFIXES = ("TARJAMA_", "PYTEST_")
PER_RUN_ENV = frozenset({"PYTHONUNBUFFERED", "PWD", "OLDPWD", "_", "COLUMNS", "LINES", "MAPBOX_API_KEY"})
"""Environment variables that may differ between the server and a job it forks: the studio's own settings (read at
run time, never at import), pytest's per-test bookkeeping, the shell's, and the map token Streamlit's bootstrap sets
after the studio's start-up thread has begun the server's imports (the server was replaced at the first launch, which
started cold). Any other difference needs a server started with the job's environment."""

READY_TIMEOUT_S = 120.0
"""How long a launch waits for a starting server to finish its imports (~9 s on a quiet 2-core machine) before it
gives up on it and starts the job cold."""
REAP_EVERY_S = 0.1


def fork_is_safe() -> bool:
    """Whether a job may be forked from a process that imported torch: on Linux (macOS's system libraries are not
    fork-safe), with no GPU device node (``/dev/nvidia*``, ROCm's ``/dev/kfd``) — a library that asks whether CUDA is
    available at import initialises the driver, which a forked child can then no longer use. GPU machines start
    every job cold."""
    if not sys.platform.startswith("linux"):
        return False
    return not glob.glob("/dev/nvidia[0-9]*") and not os.path.exists("/dev/kfd")


def import_env(env: dict[str, str]) -> dict[str, str]:
    """The part of ``env`` that libraries may read at import time: all of it but :data:`PER_RUN_ENV`."""
    return {k: v for k, v in env.items()
            if k not in PER_RUN_ENV and not k.startswith(PER_RUN_ENV_PREFIXES)}


# --- the server ---------------------------------------------------------------------------------------------
def serve(requests: int, replies: IO[str]) -> None:
    """The server's loop: fork a job for each request line read from the file descriptor ``requests``, report each
    child's exit; ends when ``requests`` closes (the supervisor's process is gone; the jobs, in their own sessions,
    go on) and its last child has been reaped."""
    selector = selectors.DefaultSelector()
    selector.register(requests, selectors.EVENT_READ)
    children: set[int] = set()
    pending = b""

    def reply(message: dict) -> None:
        with contextlib.suppress(OSError, ValueError):  # the supervisor may be gone; its jobs are not
            replies.write(json.dumps(message) + "\n")
            replies.flush()

    open_ = True
    while open_ or children:
        if open_ and selector.select(timeout=REAP_EVERY_S):
            chunk = os.read(requests, 65536)
            if not chunk:
                open_ = False
                selector.unregister(requests)
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                try:
                    pid = fork_job(json.loads(line), close_in_child=(requests, replies.fileno(), selector))
                except Exception as exc:  # noqa: BLE001 — one bad request must not end the server
                    reply({"error": f"{type(exc).__name__}: {exc}"})
                else:
                    children.add(pid)
                    reply({"started": pid})
        elif not open_:
            time.sleep(REAP_EVERY_S)
        for pid in list(children):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                children.discard(pid)
                reply({"exited": pid, "code": os.waitstatus_to_exitcode(status)})


def fork_job(request: dict, close_in_child: tuple[int, int, selectors.BaseSelector]) -> int:
    """Fork a child that runs the job of ``request["run_dir"]`` as ``python -m engine run`` would; returns its
    pid. The child never returns."""
    run_dir, log, env = Path(request["run_dir"]), request["log"], dict(request["env"])
    if threading.active_count() != 1:
        raise RuntimeError("the fork server has started a thread; a fork now could deadlock the job")
    in_session, said_so = os.pipe()
    pid = os.fork()
    if pid:
        os.close(said_so)
        try:  # the pid is reported once the child leads its own session: a cancel's killpg right after must reach it
            os.read(in_session, 1)  # end of file: the child closed its end after setsid (or ended)
        finally:
            os.close(in_session)
        return pid
    code = 1
    try:
        os.close(in_session)
        try:
            os.setsid()
        finally:
            os.close(said_so)
        requests, replies, selector = close_in_child
        selector.close()
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(null, 0)  # in place of the requests pipe
        os.dup2(out, 1)
        os.dup2(out, 2)
        for fd in {null, out, replies, requests} - {0, 1, 2}:
            with contextlib.suppress(OSError):
                os.close(fd)
        sys.stdout = open(1, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115 — for the process
        sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        os.chdir(run_dir)
        os.environ.clear()
        os.environ.update(env)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        reseed_numpy()
        from engine.jobs.process import run_job

        code = run_job(run_dir)
    except BaseException:  # noqa: BLE001 — whatever happens, the child must end here, never return to the loop
        with contextlib.suppress(Exception):
            traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def reseed_numpy() -> None:
    """Give the child its own NumPy global random state (Python's ``random`` reseeds itself after a fork; NumPy's
    would repeat the server's in every job)."""
    import numpy as np

    np.random.seed(int.from_bytes(os.urandom(4), "little"))


def preload(modules: tuple[str, ...] = PRELOAD) -> list[str]:
    """Import ``modules`` (skipping any that fail); returns the ones imported."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as run_job sets it before a cold job imports torch
    loaded = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 — a missing optional library: the job imports what it needs
            continue
        loaded.append(name)
    return loaded


def main() -> int:
    """``python -m engine.jobs.forkserver``: import, say ready, then serve until stdin closes."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")  # the protocol's own copy: prints cannot corrupt it
    os.dup2(2, 1)  # anything a library prints goes to stderr
    loaded = preload()
    try:
        replies.write(json.dumps({"ready": os.getpid(), "modules": len(loaded), "threads": threading.active_count()})
                      + "\n")
        replies.flush()
        serve(sys.stdin.fileno(), replies)
    except BrokenPipeError:  # the studio went away before (or while) it was served: nothing left to serve
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), replies.fileno())  # no second error when Python flushes
        return 0
    return 0


# --- the supervisor's side ------------------------------------------------------------------------------------
class WarmProcess:
    """A job forked by the server, with the part of ``subprocess.Popen``'s interface the supervisor uses."""

    def __init__(self, pid: int, server: ForkServer) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._server = server

    def poll(self) -> int | None:
        """The exit code once the job has ended, else ``None``."""
        if self.returncode is None:
            self.returncode = self._server.exit_code(self.pid)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Block until the job ends (``subprocess.TimeoutExpired`` after ``timeout`` seconds)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"job {self.pid}", timeout)
            time.sleep(0.05)
        return self.returncode


class ForkServer:
    """The client of one fork server process, started with a given environment."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env_key = import_env(env)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "engine.jobs.forkserver"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env=env, start_new_session=True, text=True, encoding="utf-8", cwd=str(Path(__file__).parents[2]),
        )
        self._lock = threading.Lock()  # one request in flight at a time
        self._cond = threading.Condition()
        self._ready = False
        self._dead = False
        self._started: list[dict] = []
        self._exits: dict[int, int] = {}
        self._reader = threading.Thread(target=self._read, name="tarjama-forkserver", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self._proc.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            with self._cond:
                if "ready" in message:
                    self._ready = True
                elif "exited" in message:
                    self._exits[message["exited"]] = message["code"]
                else:
                    self._started.append(message)
                self._cond.notify_all()
        with self._cond:
            self._dead = True
            self._cond.notify_all()
        self._proc.wait()

    @property
    def alive(self) -> bool:
        """Whether the server is (still) there to fork jobs."""
        return not self._dead and self._proc.poll() is None

    @property
    def ready(self) -> bool:
        """Whether the server has finished its imports and can fork a job now."""
        with self._cond:
            return self._ready and not self._dead

    def wait_ready(self, timeout_s: float | None = None) -> bool:
        """Block until the server has finished its imports; ``False`` if it died, or took longer (it is stopped
        then, and :func:`shared_server` starts another). ``timeout_s`` defaults to :data:`READY_TIMEOUT_S`."""
        with self._cond:
            self._cond.wait_for(lambda: self._ready or self._dead,
                                timeout=READY_TIMEOUT_S if timeout_s is None else timeout_s)
            ready = self._ready and not self._dead
        if not ready:
            self._proc.kill()
        return ready

    def start(self, run_dir: Path, log: Path, env: dict[str, str], timeout_s: float = 30.0) -> WarmProcess:
        """Fork a job for ``run_dir`` (its output appended to ``log``, its environment ``env``); raises
        ``RuntimeError`` if the server is not ready (see :meth:`wait_ready`) or cannot."""
        if not self.ready:
            raise RuntimeError("the fork server is not ready")
        with self._lock:
            with self._cond:
                self._started.clear()
            try:
                self._proc.stdin.write(json.dumps({"run_dir": str(run_dir), "log": str(log), "env": env}) + "\n")
                self._proc.stdin.flush()
            except (OSError, ValueError) as exc:
                raise RuntimeError(f"the fork server is gone: {exc}") from exc
            with self._cond:
                if not self._cond.wait_for(lambda: self._started or self._dead, timeout=timeout_s) or self._dead:
                    raise RuntimeError("the fork server did not answer")
                answer = self._started.pop(0)
        if "started" not in answer:
            raise RuntimeError(f"the fork server could not start the job: {answer.get('error')}")
        return WarmProcess(answer["started"], self)

    def exit_code(self, pid: int) -> int | None:
        """The job's exit code if the server reported it; if the server is gone, whether the process is (a job
        outliving its server is nobody's child to reap: ``-1`` once it has gone)."""
        with self._cond:
            if pid in self._exits:
                return self._exits.pop(pid)
            if not self._dead:
                return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return -1
        except PermissionError:
            return None
        return None

    def close(self, wait: bool = True) -> None:
        """Stop the server: it ends once its running jobs have (they go on in their own sessions; it reaps them)."""
        with contextlib.suppress(OSError, ValueError):
            self._proc.stdin.close()
        if wait:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=5)


_server: ForkServer | None = None
_server_lock = threading.Lock()


def shared_server(env: dict[str, str]) -> ForkServer:
    """This process's fork server for ``env``, started (not awaited: see :meth:`ForkServer.wait_ready`) on first
    use. A dead server, or one started with another import-time environment (a library of this process set a
    variable since, a launch with other settings), is told to end and replaced."""
    global _server
    with _server_lock:
        if _server is not None and (not _server.alive or _server.env_key != import_env(env)):
            _server.close(wait=False)
            _server = None
        if _server is None:
            _server = ForkServer(env)
        return _server


def _forget_server_in_child() -> None:
    """A forked process (a job) has no business with its parent's server: it starts its own if it needs one."""
    global _server
    _server = None


os.register_at_fork(after_in_child=_forget_server_in_child)

if __name__ == "__main__":
    sys.exit(main())
