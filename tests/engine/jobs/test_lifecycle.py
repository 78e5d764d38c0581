"""The life of a real job process: progress, cancel, failure, kill -9, resume, reattach, CLI.

Each test launches a run through the supervisor (the bootstrap job on a tiny model), exactly as the studio does:
forked by the fork server, or ``python -m engine run RUN_DIR`` where a run starts cold.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.jobs.config import ConfigError
from engine.jobs.events import read_events
from engine.jobs.supervisor import Supervisor
from engine.store import Store
from tests.conftest import progressed, wait_for
from tests.engine.jobs.conftest import tiny


@pytest.mark.slow
def test_progress_events_arrive_and_the_run_succeeds(supervisor, store, corpus_id):
    run_id = supervisor.start("bootstrap", tiny(corpus_id))
    assert supervisor.wait(run_id, timeout_s=240) == "succeeded", store.runs.logs(run_id)
    run = store.runs.get(run_id)
    steps = [e for e in read_events(supervisor.workspace.run_dir(run_id), 0, -1).events
             if e["type"] == "progress" and e["unit"] == "steps"]
    assert steps[-1]["done"] == steps[-1]["total"] == 20
    assert all(e["eta_s"] is None or e["eta_s"] >= 0 for e in steps)
    assert run["heartbeat_at"] is not None and run["finished_at"] >= run["started_at"]
    assert {"loss", "lr", "valid_loss"} <= set(store.runs.metric_keys(run_id))
    assert store.models.get("tiny-sft")["run_id"] == run_id
    # the job records its own process (for `python -m engine run` of the same folder to refuse)
    assert int((supervisor.workspace.run_dir(run_id) / "job.pid").read_text()) == run["pid"]


@pytest.mark.slow
def test_cancel_checkpoints_and_resume_continues_from_it(supervisor, store, corpus_id):
    run_id = supervisor.start("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30, checkpoint_every=100000))
    wait_for(progressed(supervisor, run_id, 3), what="training progress")
    assert supervisor.cancel_and_wait(run_id, timeout_s=60) == "cancelled"
    run_dir = supervisor.workspace.run_dir(run_id)
    latest = json.loads((run_dir / "checkpoints" / "latest.json").read_text())
    assert (run_dir / "checkpoints" / latest["path"] / "model.safetensors").exists(), "cancel must checkpoint"
    stopped_at = latest["step"]
    assert stopped_at >= 3
    assert any("cancel requested" in row["message"] for row in store.runs.logs(run_id))

    # resume with the same folder: the job must start from the checkpoint, not from step 0
    supervisor.resume(run_id)
    wait_for(lambda: any("resumed from step" in r["message"] for r in _poll_logs(supervisor, run_id)),
             what="the resume log line")
    resumed = [r["message"] for r in store.runs.logs(run_id) if "resumed from step" in r["message"]][0]
    step = int(resumed.split("resumed from step")[1].split()[0].strip(".,"))
    assert step == stopped_at
    # the resumed process reports steps after the checkpoint's, never from 0 again
    wait_for(progressed(supervisor, run_id, step + 1), what="progress after the resume")
    resume_seq = [e["seq"] for e in read_events(run_dir, 0, -1).events if e["type"] == "status"][-1]
    after = [e["done"] for e in read_events(run_dir, 0, -1).events if e["type"] == "progress" and e["seq"] > resume_seq]
    assert after and min(after) >= step
    assert supervisor.cancel_and_wait(run_id, timeout_s=60) == "cancelled"

    # its checkpoint deleted by hand: the resume starts over and says so (it said nothing but "resume continues from
    # the last checkpoint")
    name = json.loads((run_dir / "checkpoints" / "latest.json").read_text())["path"]
    shutil.rmtree(run_dir / "checkpoints" / name)
    supervisor.resume(run_id)
    wait_for(lambda: any(f"cancelled at ({name}) is no longer in" in r["message"] and r["level"] == "warning"
                         for r in _poll_logs(supervisor, run_id)), what="the lost-checkpoint warning")
    assert any("the run starts over from the beginning" in r["message"] for r in store.runs.logs(run_id, tail=1000))
    supervisor.cancel_and_wait(run_id, timeout_s=60)


def _poll_logs(supervisor, run_id):
    supervisor.poll()
    return supervisor.store.runs.logs(run_id, tail=1000)


@pytest.mark.slow
def test_an_exception_fails_the_run_with_the_traceback_in_the_log(supervisor, store, corpus_id):
    run_id = supervisor.create("bootstrap", tiny(corpus_id))
    (supervisor.workspace.run_dir(run_id) / "inputs" / "train.parquet").write_bytes(b"not parquet")
    supervisor.launch(run_id)
    assert supervisor.wait(run_id, timeout_s=120) == "failed"
    run = store.runs.get(run_id)
    assert run["error"]
    log = "\n".join(r["message"] for r in store.runs.logs(run_id))
    assert "Traceback (most recent call last)" in log
    stdout = (supervisor.workspace.run_dir(run_id) / "stdout.log").read_text()
    assert "Traceback" in stdout


@pytest.mark.slow
def test_kill_9_is_detected_by_the_missing_heartbeat(supervisor, store, corpus_id):
    run_id = supervisor.start("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30))
    wait_for(progressed(supervisor, run_id, 1), what="training progress")
    pid = store.runs.get(run_id)["pid"]
    os.killpg(pid, signal.SIGKILL)
    wait_for(lambda: supervisor.poll() is not None and store.runs.get(run_id)["status"] == "failed", timeout=30,
             what="dead job detection")
    assert "no heartbeat" in store.runs.get(run_id)["error"]


@pytest.mark.slow
def test_a_hung_job_is_killed_and_declared_dead(supervisor, store, corpus_id):
    run_id = supervisor.start("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30))
    wait_for(progressed(supervisor, run_id, 1), what="training progress")
    pid = store.runs.get(run_id)["pid"]
    os.killpg(pid, signal.SIGSTOP)  # alive, but silent: hung
    wait_for(lambda: supervisor.poll() is not None and store.runs.get(run_id)["status"] == "failed", timeout=30,
             what="hung job detection")
    assert "no heartbeat" in store.runs.get(run_id)["error"]
    assert store.runs.get(run_id)["error"].startswith("job hung (no heartbeat for")  # not "died": it was killed
    wait_for(lambda: not _exists(pid), timeout=30, what="the hung process killed")


@pytest.mark.slow
def test_a_pause_of_the_whole_machine_is_not_taken_for_a_hung_job(supervisor, store, corpus_id):
    """A suspended laptop or a paused virtual machine stops the job and the supervisor alike: when the supervisor
    polls again after more than ``stale_after_s``, the job's old heartbeat is not held against it."""
    run_id = supervisor.start("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30))
    wait_for(progressed(supervisor, run_id, 1), what="training progress")
    pid = store.runs.get(run_id)["pid"]
    os.killpg(pid, signal.SIGSTOP)  # the job paused, and nothing polls: the supervisor is paused too
    time.sleep(supervisor.stale_after_s + 1.5)
    supervisor.poll()  # the supervisor wakes first; the job's last heartbeat is older than stale_after_s
    assert store.runs.get(run_id)["status"] == "running"
    os.killpg(pid, signal.SIGCONT)
    before = store.runs.get(run_id)["progress_done"]
    wait_for(lambda: supervisor.poll() is not None and store.runs.get(run_id)["progress_done"] > before,
             what="progress after the pause")
    assert store.runs.get(run_id)["status"] == "running"
    assert supervisor.cancel_and_wait(run_id, timeout_s=60) == "cancelled"


@pytest.mark.slow
def test_a_pause_shorter_than_the_limit_is_not_taken_for_a_hung_job(store, workspace, corpus_id):
    """A pause of the whole machine a little shorter than ``stale_after_s`` (a virtual-machine snapshot): the first
    poll after it finds the job's last sign older than the limit, though the gap between polls was not — a healthy
    job was killed as hung in a fresh-clone test run that way. It must still be silent ``3 × heartbeat_s`` later."""
    sup = Supervisor(store, workspace, stale_after_s=6, heartbeat_s=1.0)
    run_id = sup.start("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30))
    wait_for(progressed(sup, run_id, 1), what="training progress")
    pid = store.runs.get(run_id)["pid"]
    os.killpg(pid, signal.SIGSTOP)  # the job pauses a moment before the supervisor does
    time.sleep(0.5)
    sup.poll()
    polled = time.monotonic()
    time.sleep(sup.stale_after_s - 0.3)  # the machine paused: no poll, for less than stale_after_s
    assert time.monotonic() - polled < sup.stale_after_s
    sup.poll()  # the job's last sign is now more than stale_after_s old
    assert store.runs.get(run_id)["status"] == "running"
    os.killpg(pid, signal.SIGCONT)  # the machine resumes: the job beats again
    before = store.runs.get(run_id)["progress_done"]
    wait_for(lambda: sup.poll() is not None and store.runs.get(run_id)["progress_done"] > before,
             what="progress after the pause")
    assert store.runs.get(run_id)["status"] == "running"
    assert sup.cancel_and_wait(run_id, timeout_s=60) == "cancelled"


@pytest.mark.slow
def test_a_new_supervisor_judges_a_silent_job_by_its_heartbeat_at_once(supervisor, store, workspace, corpus_id):
    """The pause rule is for gaps between one supervisor's own polls: a studio started again (or the CLI) finding a
    job that stopped beating long ago declares it dead on its first poll."""
    run_id = supervisor.start("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30))
    wait_for(progressed(supervisor, run_id, 1), what="training progress")
    pid = store.runs.get(run_id)["pid"]
    os.killpg(pid, signal.SIGSTOP)
    time.sleep(supervisor.stale_after_s + 1.5)
    fresh = Supervisor(store, workspace, stale_after_s=supervisor.stale_after_s, heartbeat_s=0.2)
    fresh.poll()
    assert store.runs.get(run_id)["status"] == "failed" and "no heartbeat" in store.runs.get(run_id)["error"]
    wait_for(lambda: not _exists(pid) or _zombie(pid), timeout=30, what="the hung process killed")
    supervisor._reap(run_id)


def _zombie(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
def test_a_restarted_studio_reattaches_to_a_running_job_and_heartbeats_decide(store, workspace, corpus_id):
    first = Supervisor(store, workspace, stale_after_s=3, heartbeat_s=0.2)
    run_id = first.start("bootstrap", tiny(corpus_id, max_steps=100000, max_minutes=30))
    wait_for(progressed(first, run_id, 1), what="training progress")
    # a new studio process: no Popen objects, only the store and the run folder
    second = Supervisor(store, workspace, stale_after_s=3, heartbeat_s=0.2)
    assert run_id in second.reattach()
    before = store.runs.get(run_id)["progress_done"]
    wait_for(lambda: second.poll() is not None and store.runs.get(run_id)["progress_done"] > before,
             what="progress seen by the new supervisor")
    assert second.cancel_and_wait(run_id, timeout_s=60) == "cancelled"
    first._reap(run_id)


@pytest.mark.slow
def test_cli_lists_shows_and_tails_a_run(store, workspace, corpus_id):
    sup = Supervisor(store, workspace, heartbeat_s=0.2)
    run_id = sup.start("bootstrap", tiny(corpus_id, max_steps=6))
    assert sup.wait(run_id, timeout_s=240) == "succeeded"
    store.close()  # the CLI needs the database file to itself
    env = {**os.environ, "TARJAMA_HOME": str(workspace.root)}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "engine", "jobs", *args], capture_output=True, text=True,
                              env=env, timeout=120)

    listed = cli("list")
    assert listed.returncode == 0 and run_id in listed.stdout and "succeeded" in listed.stdout
    shown = cli("show", run_id)
    assert '"status": "succeeded"' in shown.stdout and '"kind": "bootstrap"' in shown.stdout
    logs = cli("logs", run_id, "--tail", "5")
    assert logs.returncode == 0 and logs.stdout.strip()
    resume = cli("resume", run_id)
    assert resume.returncode != 0 and "only failed or cancelled runs can be resumed" in resume.stderr
    cancel = cli("cancel", run_id)  # it printed "succeeded", exit 0: a script took it for a cancel
    assert cancel.returncode == 2 and f"run {run_id} has already ended (succeeded): nothing to cancel" in cancel.stderr


def test_a_run_that_cannot_start_leaves_no_run_and_never_replaces_a_model(supervisor, store, corpus_id):
    runs = supervisor.workspace.root / "runs"
    before = set(runs.iterdir()) if runs.exists() else set()
    store.models.register("tiny-sft", "policy", "/models/tiny-sft", stage="production")
    with pytest.raises(ConfigError, match="Model name: a policy model named 'tiny-sft' is already registered"):
        supervisor.create("bootstrap", tiny(corpus_id))  # tiny()'s model_name is tiny-sft
    with pytest.raises(ConfigError, match="Model name: Give a name of letters"):
        supervisor.create("bootstrap", tiny(corpus_id, model_name="../../x"))
    with pytest.raises(ValueError, match="choose at least one corpus"):  # the kind's prepare refuses it: its
        supervisor.create("bootstrap", tiny(corpus_id, corpus_ids=[], model_name="tiny-sft-2"))  # folder goes
    assert (set(runs.iterdir()) if runs.exists() else set()) == before and store.runs.list() == []
    assert store.models.get("tiny-sft")["stage"] == "production"


def test_a_cancel_of_a_run_that_has_just_ended_is_no_cancel(supervisor, store, workspace):
    # the page still showed it running (its last events not read yet) and "Cancel requested" was recorded on a
    # run that had succeeded
    from engine.jobs.events import EventWriter
    from tests.conftest import new_run

    events = EventWriter(new_run(store, workspace, "evaluate-done", "evaluate"))
    events.emit("status", status="running")
    events.emit("status", status="succeeded")
    events.close()
    assert store.runs.get("evaluate-done")["status"] == "queued"  # what the page knew
    assert supervisor.cancel("evaluate-done") is False
    run = store.runs.get("evaluate-done")
    assert run["status"] == "succeeded" and run["cancel_requested_at"] is None


def _set(store, sql: str) -> None:
    with store.db.transaction() as cur:
        cur.execute(sql)


def _stale_running(store, run_id: str, pid: int) -> None:
    """The row a crash or a reboot leaves: running, with a pid and a heartbeat from minutes ago."""
    store.runs.set_launched(run_id, pid)
    with store.db.transaction() as cur:
        cur.execute("UPDATE runs SET status = 'running', heartbeat_at = now() - INTERVAL 5 MINUTE, "
                    "launched_at = now() - INTERVAL 6 MINUTE WHERE id = ?", [run_id])


def test_a_backlog_written_while_no_studio_watched_is_read_before_the_job_is_judged(supervisor, store, workspace):
    # a job that wrote more than a read's 8 MiB while the studio was closed: the restarted studio (or `jobs list`)
    # read the first 8 MiB, judged the last heartbeat in them, and SIGKILLed the healthy job as hung
    from engine.jobs.events import EventWriter
    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1")
    job = subprocess.Popen(["sleep", "600"], cwd=run_dir, start_new_session=True)  # works in the run's folder
    try:
        _stale_running(store, "r1", job.pid)
        writer = EventWriter(run_dir)
        for i in range(4500):  # ~9 MiB of the job's own log lines, then its newest beat
            writer.emit("log", level="info", message=f"line {i} " + "x" * 2000)
        writer.emit("heartbeat")
        writer.close()
        fresh = Supervisor(store, workspace, stale_after_s=3, heartbeat_s=0.2)
        for _ in range(3):
            fresh.poll()
        run = store.runs.get("r1")
        assert run["status"] == "running" and job.poll() is None, run["error"]
        assert len(store.runs.logs("r1", tail=10_000)) == 4500
    finally:
        job.kill()
        job.wait()


def test_an_event_line_longer_than_a_read_is_skipped_and_the_rest_read(supervisor, store, workspace):
    # no read of 8 MiB found the end of a 9-MiB line: nothing after it was ever ingested, the job was killed as
    # hung, the run stayed "running" for good and every poll appended another "failed" status line
    from engine.jobs.events import EventWriter, read_events
    from engine.jobs.ingest import ingest_run
    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1")
    writer = EventWriter(run_dir)
    writer.emit("log", level="info", message="before")
    writer.emit("log", level="error", message="B" * (9 << 20))
    writer.emit("log", level="info", message="after")
    writer.close()
    batch = read_events(run_dir, 0)
    assert [e["message"] for e in batch.events] == ["before"] and batch.bad_lines == 0
    skipped = read_events(run_dir, batch.next_offset)
    assert skipped.events == [] and skipped.bad_lines == 1 and skipped.next_offset > batch.next_offset + (9 << 20)
    for _ in range(3):
        ingest_run(store, "r1")
    assert [r["message"] for r in store.runs.logs("r1")] == ["before", "after"]
    with (run_dir / "events.jsonl").open("ab") as fh:  # a long line still being written: waited for, not skipped
        fh.write(b'{"seq": 9, "type": "log", "message": "' + b"C" * (9 << 20))
    offset = store.runs.get("r1")["events_offset"]
    assert read_events(run_dir, offset).next_offset == offset


def test_a_run_whose_folder_cannot_be_written_does_not_stop_the_others_being_watched(supervisor, store, workspace,
                                                                                      monkeypatch):
    # a full disk under one run's folder: ending it on the job's behalf raised on every poll, and the runs after
    # it in the loop were not watched (their progress froze, their cancels went unrecorded)
    from engine.jobs import supervisor as supervisor_module
    from engine.jobs.events import EventWriter
    from tests.conftest import new_run

    for run_id in ("r1", "r2"):
        new_run(store, workspace, run_id)
        _stale_running(store, run_id, 2**22 + 1)  # no such process: both died
    real = supervisor_module.EventWriter

    def full_disk(run_dir):
        if run_dir.name == "r1":
            raise OSError(28, "No space left on device")
        return real(run_dir)

    monkeypatch.setattr(supervisor_module, "EventWriter", full_disk)
    supervisor.poll()
    r1, r2 = store.runs.get("r1"), store.runs.get("r2")
    assert r1["status"] == "failed" and "its event log could not be written: [Errno 28]" in r1["error"]
    assert r2["status"] == "failed" and "no heartbeat" in r2["error"]
    assert EventWriter  # (the real writer wrote r2's status)
    # a folder whose event log cannot even be read: its dead run is ended in the store, and the next run watched
    real_ingest = supervisor_module.ingest_run

    def unreadable(store_, run_id):
        if run_id == "r3":
            raise PermissionError(13, "Permission denied")
        return real_ingest(store_, run_id)

    monkeypatch.setattr(supervisor_module, "ingest_run", unreadable)
    for run_id in ("r3", "r4"):
        new_run(store, workspace, run_id)
        _stale_running(store, run_id, 2**22 + 1)
    assert sorted(supervisor.poll()) == ["r3", "r4"]
    r3, r4 = store.runs.get("r3"), store.runs.get("r4")
    assert r3["status"] == "failed" and "could not be read: [Errno 13]" in r3["error"]
    assert r4["status"] == "failed" and "no heartbeat" in r4["error"]


def test_a_recorded_pid_that_now_belongs_to_another_program_is_never_signalled(supervisor, store, workspace):
    # after a crash or a reboot the pid is reused: the supervisor took the program for the hung job and SIGKILLed
    # its process group
    from tests.conftest import new_run

    new_run(store, workspace, "r1")
    other = subprocess.Popen(["sleep", "600"], start_new_session=True)
    try:
        _stale_running(store, "r1", other.pid)
        supervisor.poll()
        run = store.runs.get("r1")
        assert run["status"] == "failed" and "no heartbeat" in run["error"]
        assert other.poll() is None  # alive: it was never the job
        assert not supervisor.cancel("r1")
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


def test_two_resumes_at_once_start_one_process(supervisor, store, workspace, monkeypatch):
    # the second resume checked the status while the first waited for the fork server: two processes wrote one run
    import threading

    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1")
    (run_dir / "config.yaml").write_text("kind: bootstrap\nrun_id: r1\nconfig: {}\n", encoding="utf-8")
    _set(store, "UPDATE runs SET status = 'failed' WHERE id = 'r1'")
    launched = []
    first_inside = threading.Event()

    def slow_launch(run_id):  # a warm launch waiting seconds for the fork server's imports
        first_inside.set()
        time.sleep(1.0)
        launched.append(run_id)
        store.runs.set_launched(run_id, os.getpid())
        return os.getpid()

    monkeypatch.setattr(supervisor, "launch", slow_launch)
    results = []

    def resume():
        try:
            results.append(supervisor.resume("r1"))
        except ValueError as exc:
            results.append(str(exc))

    first = threading.Thread(target=resume)
    first.start()
    assert first_inside.wait(10)
    resume()
    first.join()
    assert launched == ["r1"]
    assert sorted(map(str, results)) == sorted([str(os.getpid()), "run r1 is being started already"])
    _set(store, "UPDATE runs SET status = 'failed', pid = NULL WHERE id = 'r1'")


def test_a_run_whose_folder_was_deleted_is_failed_and_every_command_still_works(store, workspace):
    # its event log could not be opened on any poll: every page and every jobs command failed for good
    import shutil

    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1")
    _stale_running(store, "r1", 2**22 + 12345)  # no such process
    shutil.rmtree(run_dir)
    store.close()  # the command line holds the store itself, as when the studio is not running
    listed = subprocess.run([sys.executable, "-m", "engine", "jobs", "list"], capture_output=True, text=True,
                            env={**os.environ, "TARJAMA_HOME": str(workspace.root)}, timeout=120)
    assert listed.returncode == 0 and "r1" in listed.stdout, listed.stderr
    reopened = Store(workspace.db_path)
    try:
        run = reopened.runs.get("r1")
    finally:
        reopened.close()
    assert run["status"] == "failed" and "run folder" in run["error"] and "is missing" in run["error"]


def test_resuming_a_run_with_a_damaged_or_missing_config_says_so_in_one_line(store, workspace):
    from engine.jobs.process import read_run_config
    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1")
    _set(store, "UPDATE runs SET status = 'failed' WHERE id = 'r1'")
    (run_dir / "config.yaml").write_text('kind: generate\nrun_id: "gen', encoding="utf-8")
    with pytest.raises(ValueError, match="is damaged: not valid YAML"):
        read_run_config(run_dir)
    store.close()
    env = {**os.environ, "TARJAMA_HOME": str(workspace.root)}
    resumed = subprocess.run([sys.executable, "-m", "engine", "jobs", "resume", "r1"], capture_output=True, text=True,
                             env=env, timeout=120)
    assert resumed.returncode == 2 and "Traceback" not in resumed.stderr
    assert resumed.stderr.startswith("error: ") and "not valid YAML" in resumed.stderr
    (run_dir / "config.yaml").unlink()
    with pytest.raises(ValueError, match="is missing: the run folder was deleted or moved"):
        read_run_config(run_dir)


@pytest.mark.parametrize(("text", "message"), [
    # no settings: the job ran on every default (a demo-size training over a tiny run's checkpoint)
    ("kind: bootstrap\nrun_id: r1\n", "has no settings under config:"),
    ("kind: bootstrap\nconfig: null\n", "has no settings under config:"),
    ("kind: bootstrap\nconfi:\n  size: tiny\n", "unknown key(s) confi"),
    # settings that are no mapping, a kind that is no name: TypeError tracebacks
    ("kind: bootstrap\nconfig: 5\n", "has no settings under config:"),
    ("kind: bootstrap\nconfig: [1, 2]\n", "has no settings under config:"),
    ("kind: [1]\nconfig: {size: tiny}\n", "kind must be a job kind's name"),
])
def test_a_config_without_settings_is_refused_in_one_line(store, workspace, text, message):
    from engine.jobs.process import read_run_config
    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1")
    (run_dir / "config.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        read_run_config(run_dir)
    store.close()
    ran = subprocess.run([sys.executable, "-m", "engine", "run", str(run_dir)], capture_output=True, text=True,
                         env={**os.environ, "TARJAMA_HOME": str(workspace.root)}, timeout=120)
    assert ran.returncode != 0 and "Traceback" not in ran.stderr + ran.stdout and message in ran.stderr + ran.stdout


def test_a_job_that_died_without_a_word_is_failed_with_the_last_exception_it_printed(supervisor, store, workspace):
    # a job that could not write its event log (a full disk) could not say why: the run said only "no heartbeat"
    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1")
    (run_dir / "stdout.log").write_text(
        "[info] loading\nTraceback (most recent call last):\n  File \"x.py\", line 1, in emit\n"
        "OSError: [Errno 27] File too large\n", encoding="utf-8")
    _stale_running(store, "r1", 2**22 + 12345)  # no such process
    new_run(store, workspace, "r2")  # created, never launched (a pipeline driver killed in between)
    _set(store, "UPDATE runs SET created_at = now() - INTERVAL 5 MINUTE WHERE id = 'r2'")
    supervisor.poll()
    first, second = store.runs.get("r1"), store.runs.get("r2")
    assert first["status"] == "failed"
    assert first["error"].endswith("the last error in its output: OSError: [Errno 27] File too large")
    assert second["status"] == "failed" and "never started" in second["error"]


def test_a_second_cancel_keeps_the_first_ones_time(supervisor, store, workspace):
    # each cancel restarted the countdown to SIGKILL: a job that ignored SIGTERM, cancelled every 20 s, ran for good
    from tests.conftest import new_run

    new_run(store, workspace, "r1")
    assert supervisor.cancel("r1") is True
    first = store.runs.get("r1")["cancel_requested_at"]
    time.sleep(0.01)
    assert supervisor.cancel("r1") is True and store.runs.get("r1")["cancel_requested_at"] == first


def test_the_last_exception_of_a_run_is_of_its_latest_launch():
    # a resume appends to stdout.log: a resumed run killed by SIGKILL was blamed on the attempt before's full disk
    import tempfile
    from pathlib import Path

    from engine.jobs.supervisor import LAUNCH_MARK, last_exception_line

    run_dir = Path(tempfile.mkdtemp())
    first = f"{LAUNCH_MARK}2026-12-05 10:00:00 UTC ---\nOSError: [Errno 28] No space left on device\n"
    (run_dir / "stdout.log").write_text(first, encoding="utf-8")
    assert last_exception_line(run_dir) == "OSError: [Errno 28] No space left on device"
    (run_dir / "stdout.log").write_text(first + f"{LAUNCH_MARK}2026-12-05 11:00:00 UTC ---\n[info] step 150\n",
                                        encoding="utf-8")
    assert last_exception_line(run_dir) is None


def test_a_config_cut_short_is_not_resumed_on_defaults(supervisor, store, workspace, corpus_id):
    # the first half of a config.yaml still parses: the resume ran with defaults for the rest — a run of
    # register_stage "candidate" registered its model at stage "sft" — while the page showed the settings it had
    import yaml

    run_id = supervisor.create("bootstrap", tiny(corpus_id, register_stage="candidate"))
    _set(store, f"UPDATE runs SET status = 'failed' WHERE id = '{run_id}'")
    path = workspace.run_dir(run_id) / "config.yaml"
    spec = yaml.safe_load(path.read_text("utf-8"))
    spec["config"] = dict(list(spec["config"].items())[: len(spec["config"]) // 2])
    path.write_text(yaml.safe_dump(spec), "utf-8")
    with pytest.raises(ValueError, match="lacks .*register_stage.*which the run was created with"):
        supervisor.resume(run_id)
    assert store.runs.get(run_id)["status"] == "failed" and run_id not in supervisor._procs


def test_a_config_edited_by_hand_is_recorded_and_said_when_the_run_resumes(supervisor, store, workspace, corpus_id):
    # the run ran with the edit while the Runs page and `jobs show` kept the values it was created with
    import yaml

    from engine.store.runs import settings_of

    run_id = supervisor.create("bootstrap", tiny(corpus_id, max_steps=450))
    _set(store, f"UPDATE runs SET status = 'failed' WHERE id = '{run_id}'")
    path = workspace.run_dir(run_id) / "config.yaml"
    spec = yaml.safe_load(path.read_text("utf-8"))
    spec["config"]["max_steps"] = 6
    path.write_text(yaml.safe_dump(spec), "utf-8")
    supervisor.resume(run_id)
    assert settings_of(store.runs.get(run_id))["max_steps"] == 6
    assert supervisor.wait(run_id, timeout_s=240) == "succeeded", store.runs.logs(run_id)
    assert any("settings edited in config.yaml since the run was created, resumed with them: max_steps 450 → 6"
               in r["message"] for r in store.runs.logs(run_id, tail=500))


def test_a_failed_run_whose_process_still_runs_is_not_resumed_beside_it(supervisor, store):
    # a run failed at an output it wrote goes on in its process (evaluate loads system after system): a resume
    # through the fork server started a second process writing the same folder
    import subprocess
    import sys

    from tests.conftest import new_run

    run_dir = new_run(store, supervisor.workspace, "r-old", kind="generate")
    old = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], cwd=run_dir)
    try:
        with store.db.transaction() as cur:
            store.runs.mark_final(cur, "r-old", "failed", "its candidates output could not be loaded")
            cur.execute("UPDATE runs SET pid = ? WHERE id = 'r-old'", [old.pid])
        with pytest.raises(ValueError, match=rf"last process \({old.pid}\) is still running"):
            supervisor.resume("r-old")
    finally:
        old.kill()
        old.wait()


def test_a_cancel_the_run_outlives_says_how_it_ended(store, workspace):
    # the run ended "succeeded" while the cancel was on its way: `jobs cancel` printed it, exit 0, as if cancelled
    from tests.conftest import new_run

    run_dir = new_run(store, workspace, "r1", kind="evaluate")
    job_code = (
        "import os, signal, sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})\n"
        "from engine.jobs.events import EventWriter\n"
        "w = EventWriter(os.getcwd())\n"
        "w.emit('status', status='running')\n"
        "def done(*a):\n"
        "    time.sleep(0.5)\n"
        "    w.emit('status', status='succeeded'); w.close(); os._exit(0)\n"
        "signal.signal(signal.SIGTERM, done)\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    w.emit('heartbeat'); time.sleep(0.2)\n"
    )
    job = subprocess.Popen([sys.executable, "-c", job_code], cwd=run_dir, start_new_session=True,
                           stdout=subprocess.PIPE, text=True)
    try:
        assert job.stdout.readline().strip() == "ready"
        store.runs.set_launched("r1", job.pid)
        store.close()
        env = {**os.environ, "TARJAMA_HOME": str(workspace.root)}
        done = subprocess.run([sys.executable, "-m", "engine", "jobs", "cancel", "r1"], capture_output=True, text=True,
                              env=env, timeout=120)
        assert done.returncode == 2 and "run r1 ended succeeded before the cancel took effect" in done.stderr
    finally:
        job.kill()
        job.wait()
