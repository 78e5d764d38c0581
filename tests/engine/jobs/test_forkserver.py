"""Warm job starts: the fork server forks real jobs as ``python -m engine run`` would start them, reports their
exits, and the supervisor falls back to a cold start whenever the server cannot give the job the same process."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import psutil
import pytest
import yaml

from engine.jobs import forkserver
from engine.jobs.bootstrap import BootstrapConfig
from engine.jobs.events import read_events
from engine.jobs.forkserver import WarmProcess, import_env, shared_server
from engine.jobs.supervisor import Supervisor
from tests.engine.jobs.conftest import tiny as tiny_bootstrap


def tiny(corpus_id, **overrides) -> BootstrapConfig:
    """The job tests' tiny bootstrap run, shortened: 6 steps."""
    values = {"max_steps": 6, "batch_size": 4, "eval_every": 3, "checkpoint_every": 3, "eval_pairs": 2,
              "warmup_steps": 1}
    return tiny_bootstrap(corpus_id, **{**values, **overrides})


def ready_server(supervisor: Supervisor) -> forkserver.ForkServer:
    supervisor.prewarm()
    server = shared_server(supervisor.job_env())
    assert server is not None and server.wait_ready(), "the fork server did not finish its imports"
    return server


def parent_pid(pid: int) -> int:
    return psutil.Process(pid).ppid()


@pytest.fixture(autouse=True)
def _needs_safe_fork():
    if not forkserver.fork_is_safe():
        pytest.skip("warm starts are off on this machine (not Linux, or a GPU device node)")


def test_only_per_run_variables_may_differ_from_the_server():
    env = {"HF_HOME": "/h", "OMP_NUM_THREADS": "1", "TARJAMA_HOME": "/w", "TARJAMA_HEARTBEAT_S": "5",
           "PYTHONUNBUFFERED": "1", "PYTEST_CURRENT_TEST": "x", "PWD": "/"}
    assert import_env(env) == {"HF_HOME": "/h", "OMP_NUM_THREADS": "1"}
    # set by Streamlit's bootstrap after the studio's start-up thread began the server's imports: the server made at
    # start-up was replaced at the first launch, which then waited for a new one's imports
    assert import_env({**env, "MAPBOX_API_KEY": ""}) == import_env(env)


@pytest.mark.slow
def test_a_warm_job_is_forked_in_its_own_session_and_runs_to_the_end(supervisor, store, corpus_id):
    server = ready_server(supervisor)
    run_id = supervisor.start("bootstrap", tiny(corpus_id))
    proc = supervisor._procs[run_id]
    assert isinstance(proc, WarmProcess)
    assert os.getsid(proc.pid) == proc.pid  # its own session and process group: cancel's killpg reaches only it
    assert parent_pid(proc.pid) == server._proc.pid
    assert supervisor.wait(run_id, timeout_s=240) == "succeeded", store.runs.logs(run_id)
    assert proc.wait(timeout=10) == 0  # the server reaped it and reported its exit code
    run_dir = supervisor.workspace.run_dir(run_id)
    assert "[info]" in (run_dir / "stdout.log").read_text(encoding="utf-8")  # its stdout is the run's log
    assert store.models.get("tiny-sft")["run_id"] == run_id


@pytest.mark.slow
def test_a_cancelled_warm_job_checkpoints_and_a_killed_one_is_declared_dead(supervisor, store, corpus_id):
    ready_server(supervisor)
    run_id = supervisor.start("bootstrap", tiny(corpus_id, max_steps=100000, checkpoint_every=100000))
    assert isinstance(supervisor._procs[run_id], WarmProcess)
    from tests.conftest import progressed, wait_for

    wait_for(progressed(supervisor, run_id, 2), what="training progress")
    assert supervisor.cancel_and_wait(run_id, timeout_s=60) == "cancelled"
    assert (supervisor.workspace.run_dir(run_id) / "checkpoints" / "latest.json").exists()

    supervisor.resume(run_id)
    pid = supervisor._procs[run_id].pid
    wait_for(progressed(supervisor, run_id, 1), what="the resumed run's progress")
    os.killpg(pid, signal.SIGKILL)
    assert supervisor.wait(run_id, timeout_s=60) == "failed"
    assert any("job process died" in r["message"] for r in store.runs.logs(run_id))


def test_a_failing_job_reports_its_exit_code_and_reason(tmp_path, supervisor):
    server = ready_server(supervisor)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "config.yaml").write_text(yaml.safe_dump({"kind": "no-such-kind", "config": {}}), encoding="utf-8")
    proc = server.start(run_dir, run_dir / "stdout.log", supervisor.job_env())
    assert proc.wait(timeout=60) == 2  # a config that cannot be run: one line, no traceback
    log = (run_dir / "stdout.log").read_text(encoding="utf-8")
    assert "error: " in log and "no-such-kind" in log and "Traceback" not in log


def test_another_environment_gets_a_server_of_its_own_and_a_dead_server_is_replaced(store, workspace, corpus_id,
                                                                                    tmp_path):
    first = Supervisor(store, workspace, heartbeat_s=0.2)
    server = ready_server(first)
    hf_home = str(tmp_path / "hf")
    other = Supervisor(store, workspace, heartbeat_s=0.2, extra_env={"HF_HOME": hf_home})
    run_id = other.start("bootstrap", tiny(corpus_id, max_steps=1))
    proc = other._procs[run_id]
    replacement = shared_server(other.job_env())
    # HF_HOME is read at import: the launch waited for a server started with it, and the old one was told to end
    assert replacement is not server and replacement.env_key["HF_HOME"] == hf_home
    assert isinstance(proc, WarmProcess) and parent_pid(proc.pid) == replacement._proc.pid
    assert server._proc.wait(timeout=30) == 0
    assert other.wait(run_id, timeout_s=120) == "succeeded"

    replacement._proc.kill()  # a dead server is replaced at the next launch
    replacement._proc.wait()
    again = first.start("bootstrap", tiny(corpus_id, max_steps=1, model_name="tiny-sft-2"))
    new = shared_server(first.job_env())
    assert new is not replacement and "HF_HOME" not in new.env_key
    assert parent_pid(first._procs[again].pid) == new._proc.pid
    assert first.wait(again, timeout_s=120) == "succeeded"


def test_a_server_that_does_not_get_ready_in_time_is_stopped_and_the_run_starts_cold(store, workspace, corpus_id,
                                                                                     tmp_path, monkeypatch):
    sup = Supervisor(store, workspace, heartbeat_s=0.2, extra_env={"HF_HOME": str(tmp_path / "slow")})
    monkeypatch.setattr(forkserver, "READY_TIMEOUT_S", 0.01)  # a new server (another HF_HOME) is still importing
    run_id = sup.start("bootstrap", tiny(corpus_id, max_steps=1))
    assert isinstance(sup._procs[run_id], subprocess.Popen)
    stopped = forkserver._server
    assert stopped._proc.wait(timeout=30) != 0  # killed: the next launch starts another
    assert sup.wait(run_id, timeout_s=120) == "succeeded"


def test_no_warm_start_where_a_fork_is_unsafe_or_when_asked(store, workspace, monkeypatch):
    assert Supervisor(store, workspace).warm_start
    monkeypatch.setattr(forkserver.glob, "glob", lambda pattern: ["/dev/nvidia0"] if "nvidia" in pattern else [])
    assert not forkserver.fork_is_safe()
    assert not Supervisor(store, workspace).warm_start
    assert not Supervisor(store, workspace, warm_start=True).warm_start


def test_cold_start_only_when_asked(store, workspace, corpus_id):
    sup = Supervisor(store, workspace, heartbeat_s=0.2, warm_start=False)
    run_id = sup.start("bootstrap", tiny(corpus_id, max_steps=1))
    assert isinstance(sup._procs[run_id], subprocess.Popen)
    sup.cancel_and_wait(run_id, timeout_s=30)


def test_a_forked_child_gets_its_own_numpy_random_state():
    import numpy as np

    np.random.seed(0)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: what a warm job does before it runs
        forkserver.reseed_numpy()
        os.write(write, str(np.random.randint(2**31)).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = int(os.read(read, 64))
    os.close(read)
    assert child != np.random.randint(2**31)  # the parent's next draw: the child would repeat it without a reseed


def _imports_held(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Make a launch wait for the fork server's imports until the second event is set (the first: it waits now)."""
    importing, finish_imports = threading.Event(), threading.Event()
    wait_ready = forkserver.ForkServer.wait_ready

    def slow_wait_ready(server, timeout_s=None):
        importing.set()
        finish_imports.wait(30)
        return wait_ready(server, timeout_s)

    monkeypatch.setattr(forkserver.ForkServer, "wait_ready", slow_wait_ready)
    return importing, finish_imports


def test_a_run_whose_launch_waits_for_the_server_is_not_declared_dead_meanwhile(store, workspace, corpus_id,
                                                                              monkeypatch):
    # found in a full-suite run: a page's poll while its launch waited for the fork server's imports saw a queued
    # run with no process and failed it ("no heartbeat for 2s"); the job then ran to the end after that status
    # the suite's usual staleness: CI saw a job's first heartbeat come >1 s after its launch on a loaded machine
    sup = Supervisor(store, workspace, heartbeat_s=0.2, stale_after_s=3.0)
    importing, finish_imports = _imports_held(monkeypatch)
    run_id = sup.create("bootstrap", tiny(corpus_id, max_steps=1))
    launch = threading.Thread(target=sup.launch, args=(run_id,))
    launch.start()
    assert importing.wait(30)
    for _ in range(35):  # 3.5 s of polls, past stale_after_s
        assert sup.poll() == []
        time.sleep(0.1)
    assert store.runs.get(run_id)["status"] == "queued"
    finish_imports.set()
    launch.join(60)
    assert isinstance(sup._procs[run_id], WarmProcess)
    assert sup.wait(run_id, timeout_s=120) == "succeeded"
    assert [e["status"] for e in read_events(workspace.run_dir(run_id), 0, max_bytes=-1).events
            if e["type"] == "status"] == ["running", "succeeded"]


def test_a_cancel_while_the_launch_waits_for_the_server_stops_the_run(store, workspace, corpus_id, monkeypatch):
    # the cancel found no process to signal, the launch then cleared the request and forked the job, which ran to
    # "succeeded"
    sup = Supervisor(store, workspace, heartbeat_s=0.2, stale_after_s=6.0)
    importing, finish_imports = _imports_held(monkeypatch)
    run_id = sup.create("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30))
    launch = threading.Thread(target=sup.launch, args=(run_id,))
    launch.start()
    assert importing.wait(30)
    assert sup.cancel(run_id) is True
    finish_imports.set()
    launch.join(60)
    deadline = time.monotonic() + 90
    while store.runs.get(run_id)["status"] not in ("cancelled", "failed", "succeeded") and time.monotonic() < deadline:
        sup.poll()
        time.sleep(0.2)
    assert store.runs.get(run_id)["status"] == "cancelled"


def test_a_run_recorded_but_never_launched_is_failed_once_stale(store, workspace, corpus_id):
    sup = Supervisor(store, workspace, heartbeat_s=0.2, stale_after_s=0.5)
    run_id = sup.create("bootstrap", tiny(corpus_id, max_steps=1))
    assert sup.poll() == []  # between create and launch (a pipeline's step): not judged yet
    ended, deadline = [], time.monotonic() + 10
    while not ended and time.monotonic() < deadline:  # polls closer than stale_after_s: the watch is not restarted
        time.sleep(0.1)
        ended = sup.poll()
    assert ended == [run_id] and store.runs.get(run_id)["status"] == "failed"


def test_a_server_whose_studio_went_away_before_it_was_ready_exits_without_a_traceback():
    # every short-lived studio (and AppTest) printed BrokenPipeError from the server's "ready" line
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "engine.jobs.forkserver"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(Path(__file__).parents[3]))
    proc.stdout.close()  # the studio's end of the replies, gone
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0 and b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()
