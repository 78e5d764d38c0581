"""``python -m engine jobs …`` and ``serve`` given what they cannot do: one line and an exit code, never a traceback."""

from __future__ import annotations

import pytest

from engine.__main__ import STORAGE_EXIT, TIMEOUT_EXIT, USAGE_EXIT, main


@pytest.mark.parametrize(("argv", "said"), [
    (["jobs", "cancel", "nosuch"], "no run 'nosuch'"),
    (["jobs", "resume", "nosuch"], "no run 'nosuch'"),
    (["jobs", "logs", "../../../etc"], "not a run id: '../../../etc'"),
    (["jobs", "show", "nosuch"], "no run nosuch"),  # these two had no "error: " (the README's form)
    (["jobs", "logs", "nosuch"], "no log for nosuch"),
])
def test_an_unknown_or_unsafe_run_is_one_line_and_exit_2(workspace, capsys, argv, said):
    # each ended in a KeyError or ValueError traceback (exit 1)
    assert main(argv) == USAGE_EXIT
    err = capsys.readouterr().err
    assert err.startswith("error: ") and said in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["jobs", "list", "--limit", "-1"], ["jobs", "list", "--limit", "0"],
                                  ["jobs", "logs", "x", "--tail", "0"],
                                  ["jobs", "resume", "x", "--wait", "--timeout", "nan"],
                                  ["jobs", "resume", "x", "--timeout", "-5"],
                                  ["serve", "--port", "70000"], ["serve", "--port", "-1"]])
def test_out_of_range_options_are_refused_by_the_parser(argv, capsys):
    # --limit -1 was a DuckDB error, --limit 0 said "no runs yet", --tail 0 printed everything, a NaN or negative
    # timeout exited 3 (the storage failure's code), --port 70000 an OverflowError
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2 and "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["jobs", "list", "--limit", "abc"], ["jobs", "resume", "x", "--timeout", "soon"],
                                  ["serve", "--port", "http"]])
def test_an_option_that_is_no_number_says_what_it_needs(argv, capsys):
    # "invalid _count value: 'abc'": the name of a function of ours
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "must be a" in err and "_count" not in err and "_seconds" not in err


def test_a_wait_that_times_out_has_its_own_exit_code(workspace, monkeypatch, capsys):
    from engine.jobs.supervisor import Supervisor

    monkeypatch.setattr(Supervisor, "resume", lambda self, run_id: 123)
    monkeypatch.setattr(Supervisor, "wait", lambda self, run_id, timeout_s: (_ for _ in ()).throw(
        TimeoutError(f"run {run_id} still queued after {timeout_s}s")))
    assert main(["jobs", "resume", "r1", "--wait", "--timeout", "1"]) == TIMEOUT_EXIT != STORAGE_EXIT
    assert "still queued after 1.0s" in capsys.readouterr().err


def test_ctrl_c_is_one_line_and_exit_130(workspace):
    # a KeyboardInterrupt traceback, every command
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    # Ctrl-C as in a terminal: a test worker may ignore SIGINT, and a child inherits that (no KeyboardInterrupt then)
    child = ("import signal, sys, time\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
             "from engine.jobs.supervisor import Supervisor\n"
             "Supervisor.resume = lambda self, run_id: 123\n"
             "Supervisor.wait = lambda self, run_id, timeout_s: (print('waiting', flush=True), time.sleep(600))\n"
             "from engine.__main__ import main\nsys.exit(main(['jobs', 'resume', 'r1', '--wait']))\n")
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(root), "TARJAMA_HOME": str(workspace.root)})
    try:
        line = ""
        while line != "waiting":  # after "resumed r1 …"
            read = proc.stdout.readline()
            assert read, "the command ended before it waited"
            line = read.strip()
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130 and err.strip() == "error: interrupted", err


@pytest.mark.parametrize(("status", "code"), [("succeeded", 0), ("failed", 1), ("cancelled", 1)])
def test_a_resume_waited_for_exits_with_how_the_run_ended(workspace, monkeypatch, capsys, status, code):
    # it exited 0 when the resumed run failed (retrain-due --start --wait exits 1 then)
    from engine.jobs.supervisor import Supervisor

    monkeypatch.setattr(Supervisor, "resume", lambda self, run_id: 123)
    monkeypatch.setattr(Supervisor, "wait", lambda self, run_id, timeout_s: status)
    assert main(["jobs", "resume", "r1", "--wait"]) == code
    assert capsys.readouterr().out.splitlines()[-1] == status


def test_demo_check_checks_the_domain_it_is_given(capsys):
    # 'demo check DOMAIN' always checked the written files instead ("0 problem(s)" for any name, even 'bogus')
    with pytest.raises(SystemExit) as stopped:
        main(["demo", "check", "bogus"])
    assert stopped.value.code == 2 and "no domain 'bogus': one of daily_life" in capsys.readouterr().err
    assert main(["demo", "check", "daily_life", "--show", "0"]) == 0
    assert capsys.readouterr().out.startswith("daily_life: ")


def test_run_of_a_folder_that_is_no_run_folder_is_one_line(tmp_path, capsys):
    # a missing folder ended in FileNotFoundError (events.jsonl) with nothing recorded anywhere
    assert main(["run", str(tmp_path / "nowhere")]) == 2
    assert "is not a run folder (no config.yaml)" in capsys.readouterr().err


def test_run_of_a_config_edited_out_of_what_the_job_takes_is_one_line(tmp_path, capsys):
    # a config.yaml edited by hand ran into TRL's ZeroDivisionError (mini-batch 3 of a batch of 2), a traceback
    import json

    import yaml

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "config.yaml").write_text(yaml.safe_dump({"kind": "ppo", "config": {
        "policy": "p", "reward_model": "rm", "batch_size": 2, "mini_batch_size": 3}}), encoding="utf-8")
    assert main(["run", str(run_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "must be a multiple of the mini-batch" in err and "Traceback" not in err
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines()]
    assert events[-1]["type"] == "status" and events[-1]["status"] == "failed"


def test_run_of_a_run_another_process_is_running_is_refused(tmp_path, capsys, monkeypatch):
    # `python -m engine run` beside a resumed run: two processes wrote one folder, doubling events and chunks
    import os
    import subprocess
    import sys

    import yaml

    from engine.jobs.process import JOB_PID_FILE, PID_FILE, running_elsewhere

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "config.yaml").write_text(yaml.safe_dump({"kind": "ppo", "config": {}}), encoding="utf-8")
    assert running_elsewhere(run_dir) is None  # no pid recorded
    job = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], cwd=run_dir)
    elsewhere = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], cwd=tmp_path)
    try:
        (run_dir / PID_FILE).write_text(str(job.pid))
        assert running_elsewhere(run_dir) == job.pid
        assert main(["run", str(run_dir)]) == 2
        err = capsys.readouterr().err
        assert f"is already running (process {job.pid})" in err and "jobs cancel run" in err
        assert not (run_dir / "events.jsonl").exists()  # nothing written
        (run_dir / PID_FILE).write_text(str(elsewhere.pid))  # a recycled pid: a process working elsewhere
        assert running_elsewhere(run_dir) is None
        # a job started by hand records itself: the studio's pid file alone missed it
        (run_dir / JOB_PID_FILE).write_text(str(job.pid))
        assert running_elsewhere(run_dir) == job.pid
        (run_dir / JOB_PID_FILE).unlink()
        monkeypatch.chdir(run_dir)  # as a job works in its run folder
        (run_dir / PID_FILE).write_text(str(os.getpid()))  # the job itself (the pid written before it looked)
        assert running_elsewhere(run_dir) is None
        (run_dir / PID_FILE).write_text(str(os.getppid()))  # or the launcher it runs under (accelerate launch)
        assert running_elsewhere(run_dir) is None
    finally:
        job.kill()
        elsewhere.kill()
        job.wait()
        elsewhere.wait()


def test_run_of_a_folder_a_job_started_by_hand_runs_is_refused(tmp_path, capsys):
    # `python -m engine run /abs/run` started from another folder: its process did not work in the run folder, so a
    # second `run` of it did not see it — both wrote one events.jsonl
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2]
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "config.yaml").write_text(yaml.safe_dump({"kind": "metrics_loop", "config": {}}), encoding="utf-8")
    child = ("import sys\nfrom engine.jobs import kinds\n"
             "kinds.KIND_MODULES['metrics_loop'] = 'tests.engine.jobs.metrics_loop_kind'\n"
             "from engine.__main__ import main\nsys.exit(main(['run', sys.argv[1]]))\n")
    job = subprocess.Popen([sys.executable, "-c", child, str(run_dir)], cwd=tmp_path, start_new_session=True,
                           env={**os.environ, "PYTHONPATH": str(root)})
    try:
        deadline = time.monotonic() + 120
        while not (run_dir / "job.pid").exists() and job.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (run_dir / "job.pid").exists(), "the job did not start"
        assert main(["run", str(run_dir)]) == 2
        assert f"is already running (process {job.pid})" in capsys.readouterr().err
    finally:
        os.killpg(job.pid, signal.SIGKILL)
        job.wait()


def test_a_home_folder_of_no_user_is_one_line(monkeypatch, capsys, tmp_path):
    # pathlib's RuntimeError ("Could not determine home directory.") was a traceback, exit 1
    monkeypatch.setenv("TARJAMA_HOME", "~nosuchuser-tarjama/ws")
    assert main(["jobs", "list"]) == USAGE_EXIT
    assert "'~nosuchuser-tarjama' names no user's home folder on this machine" in capsys.readouterr().err
    monkeypatch.setenv("TARJAMA_HOME", str(tmp_path / "ws"))
    with pytest.raises(SystemExit) as caught:
        main(["export", "pairs", "--out", "~nosuchuser-tarjama/x"])
    assert caught.value.code == USAGE_EXIT
    assert "argument --out: '~nosuchuser-tarjama/x': '~nosuchuser-tarjama' names no user" in capsys.readouterr().err
