"""Cancel at a random moment never hangs a job: SIGTERM while the job writes events as fast as it can.

The job (:mod:`tests.engine.jobs.metrics_loop_kind`) runs through the real runner in its own process group, as the
supervisor launches it, with a heartbeat every few milliseconds so the heartbeat thread contends for the event writer
too. Each process gets SIGTERM at a random moment after its first metric and must end ``cancelled`` within 10 s, with
a checkpoint, a readable event log and the cancel noted in its log.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from engine.jobs.events import read_events

ROOT = Path(__file__).resolve().parents[3]
CANCELS = 60
PARALLEL = 4
EXIT_WITHIN_S = 10.0
CHILD = (
    "import sys\n"
    "from engine.jobs import kinds\n"
    "kinds.KIND_MODULES['metrics_loop'] = 'tests.engine.jobs.metrics_loop_kind'\n"
    "from engine.jobs.process import run_job\n"
    "sys.exit(run_job(sys.argv[1]))\n"
)


def _first_metric_written(run_dir: Path, proc: subprocess.Popen, timeout: float = 60.0) -> bool:
    """Wait (on the file, not on a guess) until the job has written its first metric; False if it exited first."""
    path = run_dir / "events.jsonl"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if path.exists() and b'"type": "metric"' in path.read_bytes()[:65536]:
            return True
        time.sleep(0.005)
    raise AssertionError(f"{run_dir.name}: no metric within {timeout:.0f}s")


def _cancel_once(base: Path, index: int, seed: int) -> dict:
    """Start one job, SIGTERM its group at a random moment, and report how it ended."""
    rng = random.Random(seed)
    run_dir = base / f"run-{index:03d}"
    run_dir.mkdir()
    (run_dir / "config.yaml").write_text(yaml.safe_dump({"kind": "metrics_loop", "run_id": run_dir.name,
                                                          "config": {}}))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TARJAMA_HEARTBEAT_S": "0.002", "PYTHONUNBUFFERED": "1"}
    with (run_dir / "stdout.log").open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(run_dir)], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    result = {"index": index, "run_dir": run_dir, "hung": False, "seconds": None, "problems": []}
    try:
        if not _first_metric_written(run_dir, proc):
            result["problems"].append(f"exited before the cancel (rc {proc.returncode})")
            return result
        time.sleep(rng.uniform(0.0, 0.05))  # the random moment: somewhere in the metric loop
        sent = time.monotonic()
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            rc = proc.wait(timeout=EXIT_WITHIN_S)
        except subprocess.TimeoutExpired:
            result["hung"] = True
            return result
        result["seconds"] = time.monotonic() - sent
        if rc != 0:
            result["problems"].append(f"exit code {rc}")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    batch = read_events(run_dir, 0, max_bytes=-1)
    if batch.bad_lines:
        result["problems"].append(f"{batch.bad_lines} unreadable event lines")
    statuses = [e for e in batch.events if e["type"] == "status"]
    final = statuses[-1] if statuses else {}
    if final.get("status") != "cancelled":
        result["problems"].append(f"final status {final.get('status')!r}")
    latest = run_dir / "checkpoints" / "latest.json"
    if not latest.exists():
        result["problems"].append("no checkpoint")
    elif final.get("checkpoint") != json.loads(latest.read_text())["path"]:
        result["problems"].append(f"cancelled status names checkpoint {final.get('checkpoint')!r}")
    if not any(e["type"] == "log" and "cancel requested" in e["message"] for e in batch.events):
        result["problems"].append("no 'cancel requested' log line")
    return result


def test_random_moment_cancels_all_end_cancelled_with_a_checkpoint(tmp_path):
    seed = int(os.environ.get("TARJAMA_STRESS_SEED", time.time_ns() % 1_000_000))
    started = time.monotonic()
    with ThreadPoolExecutor(PARALLEL) as pool:
        results = list(pool.map(lambda i: _cancel_once(tmp_path, i, seed * 1000 + i), range(CANCELS)))
    wall = time.monotonic() - started
    hung = [r["run_dir"].name for r in results if r["hung"]]
    wrong = {r["run_dir"].name: r["problems"] for r in results if r["problems"]}
    slowest = max((r["seconds"] for r in results if r["seconds"] is not None), default=0.0)
    summary = (f"seed {seed}: {CANCELS} cancels tried, {len(hung)} hung, {len(wrong)} ended wrongly; "
               f"slowest exit {slowest:.2f}s; wall {wall:.1f}s")
    print(summary)
    assert not hung and not wrong, f"{summary}\nhung: {hung}\nwrong: {wrong}"


def test_the_heartbeat_thread_announces_a_cancel_while_the_job_is_busy(tmp_path):
    """The handler writes nothing; the heartbeat thread logs the request even before the job checks for it."""
    from engine.jobs.context import JobContext

    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    ctx = JobContext(tmp_path, heartbeat_s=60.0)
    try:
        ctx.start()
        os.kill(os.getpid(), signal.SIGTERM)
        deadline = time.monotonic() + 30
        logged: list[dict] = []
        while not logged and time.monotonic() < deadline:
            logged = [e for e in read_events(tmp_path, 0, -1).events if e["type"] == "log"]
            time.sleep(0.01)
        assert logged and "cancel requested (signal SIGTERM)" in logged[0]["message"]
        assert ctx.should_stop()  # the job's own check sees the flag and does not log a second time
        assert len([e for e in read_events(tmp_path, 0, -1).events if e["type"] == "log"]) == 1
    finally:
        ctx.close()
        signal.signal(signal.SIGTERM, before[0])
        signal.signal(signal.SIGINT, before[1])


def _run_test_kind(tmp_path, kind: str) -> tuple[Path, list[dict]]:
    """Run the test-only job kind ``kind`` (``tests/engine/jobs/<kind>_kind.py``) to its end in a child process, as
    ``python -m engine run`` does; its run folder and events."""
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "config.yaml").write_text(yaml.safe_dump({"kind": kind, "run_id": "run", "config": {}}))
    child = CHILD.replace("'metrics_loop'] = 'tests.engine.jobs.metrics_loop_kind'",
                          f"'{kind}'] = 'tests.engine.jobs.{kind}_kind'")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    done = subprocess.run([sys.executable, "-c", child, str(run_dir)], cwd=ROOT, env=env, capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return run_dir, read_events(run_dir, 0, -1).events


def test_a_cancel_after_the_last_unit_of_work_leaves_the_run_succeeded(tmp_path):
    # the generate run had written every chunk and its candidates when the SIGTERM came: it ended "cancelled",
    # and the Preferences page offers only succeeded generate runs
    run_dir, events = _run_test_kind(tmp_path, "late_cancel")
    statuses = [e["status"] for e in events if e["type"] == "status"]
    assert statuses[-1] == "succeeded" and len(list((run_dir / "outputs").glob("unit-*.txt"))) == 3


def test_a_cancel_after_a_training_job_registered_its_model_leaves_the_run_succeeded(tmp_path):
    # a reward job's cancel that came while it saved and registered its model: the model was registered and the
    # run (and its pipeline step) said "cancelled"
    _, events = _run_test_kind(tmp_path, "late_model")
    assert [e["status"] for e in events if e["type"] == "status"][-1] == "succeeded"
    assert any("after the model was saved and registered" in e.get("message", "") for e in events)
