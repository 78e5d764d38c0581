"""A studio started as its own process (``python -m studio`` on a free port over a workspace), for the browser
tests and the benchmarks that drive the real app."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STACK_DUMP_MARK = b"most recent call first"
"""A line of every thread's stack that :mod:`faulthandler` writes."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningStudio:
    """``python -m studio`` (the entry point ``make run`` uses) over the workspace ``home``, started and healthy.

    ``env`` adds to the process's environment; the log goes to ``log_path`` (default ``home/studio.log``);
    ``root`` is the checkout it runs from (default this one; a benchmark may start another commit's). Raises
    RuntimeError, naming the log, when the server does not answer its health check within ``wait_s``.
    """

    def __init__(self, home: Path, *, env: dict[str, str] | None = None, log_path: Path | None = None,
                 wait_s: float = 300.0, root: Path = ROOT) -> None:
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        python_path = os.pathsep.join(p for p in (str(root), os.environ.get("PYTHONPATH", "")) if p)
        full_env = {**os.environ, "TARJAMA_HOME": str(self.home), "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1",
                    "PYTHONPATH": python_path, **(env or {})}
        self.log_path = Path(log_path) if log_path else self.home / "studio.log"
        self.log = self.log_path.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "studio", "--port", str(self.port)], cwd=root,
                                     env=full_env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=5) as resp:
                    if resp.read().decode().strip() == "ok":
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the studio did not start; see {self.log_path}")

    def dump_stacks(self, wait_s: float = 30.0) -> bool:
        """Have the server write every thread's stack to its log (``SIGUSR1``, see :func:`studio.server.main`):
        what a test calls before stopping a studio that seems hung. True once the dump is in the log."""
        if self.proc.poll() is not None:
            return False
        before = self.log_path.read_bytes().count(STACK_DUMP_MARK)
        self.proc.send_signal(signal.SIGUSR1)
        deadline = time.monotonic() + wait_s
        seen = before
        while time.monotonic() < deadline:  # the server's own signal handler writes it, on its own time
            count = self.log_path.read_bytes().count(STACK_DUMP_MARK)
            if seen > before and count == seen:  # one thread's stack after another: done once no more come
                return True
            seen = count
            time.sleep(0.2)
        return seen > before

    def stop(self) -> None:
        """Terminate the server (kill it after 15 s) and close its log."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
