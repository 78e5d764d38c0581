"""Launching runs through ``accelerate launch``: the command per shipped config, the refusals, rank-aware
reporting, and the reward job for real on two CPU processes."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
import yaml

from engine.jobs import launcher
from engine.jobs.context import JobContext, process_rank, world_size
from engine.jobs.events import read_events
from engine.jobs.launcher import (
    CONFIGS_DIR,
    DEEPSPEED_MISSING,
    LaunchError,
    available_accelerate_configs,
    build_command,
    launch_env,
)
from tests.conftest import progressed, wait_for

RUN_DIR = Path("/tmp/workspace/runs/reward-x")
TAIL = ["-m", "engine", "run", str(RUN_DIR)]
ACCELERATE = [sys.executable, "-m", "accelerate.commands.launch", "--config_file"]


def _option(cmd: list[str], name: str) -> str | None:
    return cmd[cmd.index(name) + 1] if name in cmd else None


def test_shipped_configs_are_listed_with_a_description():
    configs = {c.name: c for c in available_accelerate_configs()}
    assert list(configs)[:5] == ["single", "ddp", "deepspeed_zero2", "deepspeed_zero3", "cpu_2proc"]
    for config in configs.values():
        # a whole sentence: the first comment line alone ended "…; needs CUDA and"
        assert config.description and "\n" not in config.description and config.description.endswith(".")
        assert config.path.parent == CONFIGS_DIR.resolve()
    assert configs["single"].num_processes == 1 and configs["cpu_2proc"].num_processes == 2
    assert configs["cpu_2proc"].use_cpu and configs["deepspeed_zero3"].deepspeed
    assert configs["deepspeed_zero3"].description.endswith("needs CUDA and `pip install deepspeed`.")
    assert configs["ddp"].num_processes == -1  # set per machine


def test_shipped_configs_are_valid_accelerate_configs():
    from accelerate.commands.config.config_args import load_config_from_file

    stages = {}
    for config in available_accelerate_configs():
        loaded = load_config_from_file(str(config.path))
        assert str(loaded.distributed_type).split(".")[-1] == config.distributed_type
        if config.deepspeed:
            stages[config.name] = loaded.deepspeed_config["zero_stage"]
    assert stages == {"deepspeed_zero2": 2, "deepspeed_zero3": 3}


@pytest.mark.parametrize("launch", [None, {}, {"accelerate_config": None}, {"accelerate_config": ""}])
def test_no_launch_is_the_plain_command(launch):
    assert build_command(RUN_DIR, launch, kind="reward") == [sys.executable, "-m", "engine", "run", str(RUN_DIR)]
    assert launch_env(launch) == {"CUDA_VISIBLE_DEVICES": "0"}


@pytest.mark.parametrize("launch", [None, {"accelerate_config": "single"}])
@pytest.mark.parametrize(("inherited", "visible"), [(None, "0"), ("2,3", "2"), ("GPU-ab12, GPU-cd34", "GPU-ab12"),
                                                    ("", "")])
def test_one_process_runs_see_one_gpu(monkeypatch, supervisor, launch, inherited, visible):
    """With several GPUs visible the Trainer of a plain or 'single' run wraps the model in nn.DataParallel (4 GPUs:
    a train batch of 32 for 8 per device); the run sees the first GPU it would inherit instead."""
    if inherited is None:
        monkeypatch.delenv("CUDA_VISIBLE_DEVICES", raising=False)
    else:
        monkeypatch.setenv("CUDA_VISIBLE_DEVICES", inherited)
    assert launch_env(launch, visible=inherited)["CUDA_VISIBLE_DEVICES"] == visible
    assert supervisor.job_env(launch, kind="reward")["CUDA_VISIBLE_DEVICES"] == visible


def test_several_gpu_processes_keep_every_gpu(monkeypatch, supervisor):
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "1,2,3,4")
    ddp = {"accelerate_config": "ddp", "num_processes": 4}
    assert "CUDA_VISIBLE_DEVICES" not in launch_env(ddp, visible="1,2,3,4")
    assert supervisor.job_env(ddp, kind="reward")["CUDA_VISIBLE_DEVICES"] == "1,2,3,4"
    assert launch_env({"accelerate_config": "single", "cpu": True}, visible="1")["CUDA_VISIBLE_DEVICES"] == ""


def test_single_process_command():
    cmd = build_command(RUN_DIR, {"accelerate_config": "single"}, kind="reward")
    assert cmd[:4] == ACCELERATE and cmd[4] == str(CONFIGS_DIR.resolve() / "single.yaml")
    assert cmd[-4:] == TAIL and _option(cmd, "--num_processes") == "1"
    assert "--cpu" not in cmd and "--main_process_port" not in cmd
    cpu = build_command(RUN_DIR, {"accelerate_config": "single", "cpu": True}, kind="reward")
    assert "--cpu" in cpu and cpu[-4:] == TAIL
    assert launch_env({"accelerate_config": "single", "cpu": True}) == {"CUDA_VISIBLE_DEVICES": ""}


def test_single_process_is_allowed_for_any_kind():
    assert build_command(RUN_DIR, {"accelerate_config": "single"}, kind="bootstrap")[-4:] == TAIL


def test_ddp_command_needs_and_takes_a_process_count():
    with pytest.raises(LaunchError, match="set launch num_processes"):
        build_command(RUN_DIR, {"accelerate_config": "ddp"}, kind="reward")
    cmd = build_command(RUN_DIR, {"accelerate_config": "ddp", "num_processes": 4}, kind="ppo")
    assert cmd[4] == str(CONFIGS_DIR.resolve() / "ddp.yaml") and cmd[-4:] == TAIL
    assert _option(cmd, "--num_processes") == "4" and "--cpu" not in cmd
    assert _option(cmd, "--main_process_ip") == "127.0.0.1" and 0 < int(_option(cmd, "--main_process_port")) < 65536
    env = launch_env({"accelerate_config": "ddp", "num_processes": 4})
    assert env["MASTER_ADDR"] == "127.0.0.1" and "CUDA_VISIBLE_DEVICES" not in env
    with pytest.raises(LaunchError, match="at least 2"):
        build_command(RUN_DIR, {"accelerate_config": "ddp", "num_processes": 1}, kind="reward")


def test_cpu_two_process_command_hides_the_gpus_instead_of_passing_cpu():
    cmd = build_command(RUN_DIR, {"accelerate_config": "cpu_2proc"}, kind="reward")
    assert cmd[4] == str(CONFIGS_DIR.resolve() / "cpu_2proc.yaml") and cmd[-4:] == TAIL
    # accelerate's --cpu selects its single-process launcher: it would start one process, not two
    assert "--cpu" not in cmd and _option(cmd, "--num_processes") == "2"
    env = launch_env({"accelerate_config": "cpu_2proc"})
    assert env["CUDA_VISIBLE_DEVICES"] == "" and env["MASTER_ADDR"] == "127.0.0.1"
    ddp_cpu = build_command(RUN_DIR, {"accelerate_config": "ddp", "num_processes": 3, "cpu": True}, kind="dpo")
    assert "--cpu" not in ddp_cpu and launch_env({"accelerate_config": "ddp", "num_processes": 3, "cpu": True})[
        "CUDA_VISIBLE_DEVICES"] == ""


@pytest.mark.parametrize("name", ["deepspeed_zero2", "deepspeed_zero3"])
def test_deepspeed_commands(monkeypatch, name):
    monkeypatch.setattr(launcher, "deepspeed_installed", lambda: True)
    cmd = build_command(RUN_DIR, {"accelerate_config": name, "num_processes": 8}, kind="reward")
    assert cmd[4] == str(CONFIGS_DIR.resolve() / f"{name}.yaml") and cmd[-4:] == TAIL
    assert _option(cmd, "--num_processes") == "8"
    with pytest.raises(LaunchError, match="needs CUDA"):
        build_command(RUN_DIR, {"accelerate_config": name, "num_processes": 2, "cpu": True}, kind="reward")


@pytest.mark.parametrize("name", ["deepspeed_zero2", "deepspeed_zero3"])
def test_deepspeed_without_deepspeed_says_how_to_install_it(monkeypatch, name):
    monkeypatch.setattr(launcher, "deepspeed_installed", lambda: False)
    with pytest.raises(LaunchError) as err:
        build_command(RUN_DIR, {"accelerate_config": name, "num_processes": 2}, kind="reward")
    assert str(err.value) == DEEPSPEED_MISSING == "DeepSpeed is not installed: pip install deepspeed (needs CUDA)"


def test_deepspeed_is_really_missing_here():
    pytest.importorskip("torch")
    if launcher.deepspeed_installed():
        pytest.skip("deepspeed is installed on this machine")
    with pytest.raises(LaunchError, match="DeepSpeed is not installed"):
        build_command(RUN_DIR, {"accelerate_config": "deepspeed_zero3", "num_processes": 2}, kind="reward")


@pytest.mark.parametrize("kind", ["bootstrap", "generate", "score"])
def test_non_training_kinds_are_refused_several_processes(kind):
    with pytest.raises(LaunchError, match=f"the '{kind}' job runs in a single process"):
        build_command(RUN_DIR, {"accelerate_config": "cpu_2proc"}, kind=kind)


@pytest.mark.parametrize(("launch", "message"), [
    ({"accelerate_config": "nope"}, "unknown accelerate config 'nope'"),
    ({"accelerate_config": "single", "gpus": 2}, "unknown launch setting"),
    ({"num_processes": 2}, "needs an accelerate_config"),
    ({"accelerate_config": "ddp", "num_processes": "two"}, "whole number"),
    ({"accelerate_config": "ddp", "num_processes": 2.5}, "num_processes: expected a whole number, got 2.5"),  # was 2
    ({"accelerate_config": "ddp", "num_processes": True}, "num_processes: expected a whole number"),
    ({"accelerate_config": "ddp", "num_processes": 2, "cpu": "maybe"}, "cpu: expected true or false"),
    ({"accelerate_config": "single", "cpu": 2}, "cpu: expected true or false"),
    ({"num_machines": 2, "main_process_ip": "10.0.0.5"}, "needs an accelerate_config"),  # was a plain run
    ("ddp", "must be a mapping"),
])
def test_bad_launch_settings_are_refused(launch, message):
    with pytest.raises(LaunchError, match=message):
        build_command(RUN_DIR, launch, kind="reward")


@pytest.mark.parametrize(("cpu", "on_cpu"), [("false", False), ("true", True), (0, False), (1, True), ("no", False)])
def test_launch_yes_no_and_counts_read_as_job_settings_read_them(cpu, on_cpu):
    # the launcher refused "false" and 1, which a job's own settings read as no and yes (bool("false") is true:
    # it once ran on the CPU); counts given as digits read as numbers there too
    cmd = build_command(RUN_DIR, {"accelerate_config": "single", "num_processes": "1", "cpu": cpu}, kind="reward")
    assert ("--cpu" in cmd) is on_cpu
    cmd = build_command(RUN_DIR, {"accelerate_config": "ddp", "num_processes": " 2 "}, kind="reward")
    assert cmd[cmd.index("--num_processes") + 1] == "2"


@pytest.mark.parametrize(("launch", "count", "cpu"), [
    ({"accelerate_config": "ddp", "num_processes": 4.0}, 4, False),
    ({"accelerate_config": "ddp", "num_processes": " 3 "}, 3, False),
    ({"accelerate_config": "ddp", "num_processes": 2, "cpu": False}, 2, False),
    ({"accelerate_config": "ddp", "num_processes": 2, "cpu": True}, 2, True),
    ({"accelerate_config": "single", "cpu": None}, 1, False),
])
def test_whole_numbers_and_yes_no_values_are_read_as_such(launch, count, cpu):
    plan = launcher.resolve_launch(launch, "reward")
    assert (plan.num_processes, plan.cpu) == (count, cpu)


def test_a_non_distributed_config_is_refused_several_processes(tmp_path):
    """accelerate's simple launcher (distributed_type NO) starts one process whatever num_processes says."""
    with pytest.raises(LaunchError, match="not distributed .* one process, not 2; choose 'ddp'"):
        build_command(RUN_DIR, {"accelerate_config": "single", "num_processes": 2}, kind="reward")
    own = tmp_path / "one.yaml"
    own.write_text("distributed_type: 'NO'\nnum_processes: 4\n")
    with pytest.raises(LaunchError, match="one process, not 4"):
        build_command(RUN_DIR, {"accelerate_config": str(own)}, kind="reward")


def test_a_config_file_of_ones_own(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text("# four GPUs\ndistributed_type: MULTI_GPU\nnum_processes: 4\n")
    cmd = build_command(RUN_DIR, {"accelerate_config": str(own)}, kind="reward")
    assert cmd[4] == str(own.resolve()) and _option(cmd, "--num_processes") == "4"


def test_create_refuses_before_writing_anything(supervisor, store, tiny_policy, pair_set):
    from engine.jobs.reward import RewardJobConfig

    with pytest.raises(LaunchError, match="unknown accelerate config"):
        supervisor.create("reward", RewardJobConfig(base_model="tiny-sft", pair_sets=[pair_set]),
                          launch={"accelerate_config": "nope"})
    assert store.runs.list() == [] and not any(supervisor.workspace.runs_dir.iterdir())


def test_create_writes_launch_into_config_yaml(supervisor, store, tiny_policy, pair_set):
    from engine.jobs.reward import RewardJobConfig

    config = RewardJobConfig(base_model="tiny-sft", pair_sets=[pair_set])
    run_id = supervisor.create("reward", config, launch={"accelerate_config": "cpu_2proc"})
    spec = yaml.safe_load((supervisor.workspace.run_dir(run_id) / "config.yaml").read_text())
    assert spec["kind"] == "reward" and spec["launch"] == {"accelerate_config": "cpu_2proc"}
    plain = supervisor.create("reward", config)  # the existing signature: no launch key at all
    assert "launch" not in yaml.safe_load((supervisor.workspace.run_dir(plain) / "config.yaml").read_text())


def test_rank_comes_from_the_environment(monkeypatch):
    for name in ("RANK", "LOCAL_RANK", "WORLD_SIZE"):
        monkeypatch.delenv(name, raising=False)
    assert process_rank() == 0 and world_size() == 1
    monkeypatch.setenv("LOCAL_RANK", "1")
    assert process_rank() == 1
    monkeypatch.setenv("RANK", "3")
    monkeypatch.setenv("WORLD_SIZE", "4")
    assert process_rank() == 3 and world_size() == 4


def test_other_ranks_write_no_events_but_still_stop(tmp_path, capsys):
    ctx = JobContext(tmp_path, heartbeat_s=0.01, rank=1)
    ctx.start()
    try:
        ctx.status("running")
        ctx.progress(1, 10)
        ctx.metric(1, loss=0.5)
        ctx.artifact("model", name="x")
        ctx.log("hello")
        assert not ctx.is_main_process and not ctx.should_stop()
        ctx._on_signal(15, None)  # what SIGTERM does
        assert ctx.should_stop()
    finally:
        ctx.close()
    assert not (tmp_path / "events.jsonl").exists()
    assert "[rank 1] [info] hello" in capsys.readouterr().out
    main = JobContext(tmp_path, heartbeat_s=60, rank=0)
    main.start()
    main.status("running")
    main.close()
    assert [e["type"] for e in read_events(tmp_path, 0, -1).events] == ["heartbeat", "status"]


@pytest.mark.slow
def test_reward_job_on_two_cpu_processes(supervisor, store, tiny_policy, pair_set):
    from engine.jobs.reward import RewardJobConfig

    config = RewardJobConfig(base_model="tiny-sft", pair_sets=[pair_set], epochs=1, batch_size=4, learning_rate=3e-3,
                          eval_every=5, save_every=50, model_name="rm-2proc")
    run_id = supervisor.create("reward", config, launch={"accelerate_config": "cpu_2proc"})
    # the fixture declares a run dead after 3 s without a heartbeat; accelerate's launcher imports torch and
    # starts the workers before rank 0 beats for the first time (several seconds on 2 cores)
    supervisor.stale_after_s = 30
    supervisor.launch(run_id)
    run_dir = supervisor.workspace.run_dir(run_id)
    status = supervisor.wait(run_id, timeout_s=180)
    stdout = (run_dir / "stdout.log").read_text(encoding="utf-8", errors="replace")
    assert status == "succeeded", stdout[-4000:]

    # both processes ran the job: rank 0 reported it, rank 1 printed its own line to stdout.log
    assert "[info] process rank 0 of 2" in stdout and "[rank 1] [info] process rank 1 of 2" in stdout
    events = read_events(run_dir, 0, -1).events
    logs = [e["message"] for e in events if e["type"] == "log"]
    assert any(m.startswith("process rank 0 of 2") for m in logs)
    assert not any("rank 1" in m for m in logs), "rank 1 wrote events"
    # one final status, written once; the heartbeat and status all came from one process (rank 0)
    statuses = [e["status"] for e in events if e["type"] == "status"]
    assert statuses == ["running", "succeeded"]
    assert len({e["pid"] for e in events if e["type"] == "status" and "pid" in e}) == 1
    # the trainer saw a world of two: each optimiser step took batch_size pairs on each of the two processes
    model = store.models.get("rm-2proc")
    assert model["kind"] == "reward" and model["run_id"] == run_id
    train_pairs = model["metadata"]["train_pairs"]
    assert model["metadata"]["steps"] == math.ceil(train_pairs / (4 * 2)) < math.ceil(train_pairs / 4)
    progress = [e for e in events if e["type"] == "progress"]
    assert progress[-1]["total"] == model["metadata"]["steps"]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))


def _live_processes_in_group(pgid: int) -> list[str]:
    """``ps`` lines of the processes of a process group that are not zombies."""
    import subprocess

    ps = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(pgid)], capture_output=True, text=True)
    return [line.strip() for line in ps.stdout.splitlines() if line.split() and not line.split()[1].startswith("Z")]


@pytest.mark.slow
def test_cancel_reaches_both_processes_and_resume_relaunches_them(supervisor, store, tiny_policy, pair_set):
    import time

    from engine.jobs.reward import RewardJobConfig

    config = RewardJobConfig(base_model="tiny-sft", pair_sets=[pair_set], epochs=200, batch_size=4, eval_every=1000,
                          save_every=1000)
    supervisor.stale_after_s = 30
    run_id = supervisor.start("reward", config, launch={"accelerate_config": "cpu_2proc"})
    wait_for(progressed(supervisor, run_id, 3), what="training progress")
    pgid = store.runs.get(run_id)["pid"]
    assert supervisor.cancel_and_wait(run_id, timeout_s=60) == "cancelled"
    run_dir = supervisor.workspace.run_dir(run_id)
    events = read_events(run_dir, 0, -1).events
    assert [e["status"] for e in events if e["type"] == "status"] == ["running", "cancelled"]
    checkpoints = sorted((run_dir / "checkpoints").glob("checkpoint-*"))
    assert checkpoints, "cancel saves a checkpoint"
    step = int(checkpoints[-1].name.split("-")[1])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the launcher and both workers are gone (a not yet reaped zombie aside)
        if not _live_processes_in_group(pgid):
            break
        time.sleep(0.2)
    else:
        raise AssertionError(f"processes of the run are still alive after cancel: {_live_processes_in_group(pgid)}")

    supervisor.resume(run_id)  # through accelerate launch again (config.yaml keeps launch:)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        supervisor.poll()
        if (store.runs.get(run_id)["progress_done"] or 0) > step:
            break
        time.sleep(0.2)
    logs = [r["message"] for r in store.runs.logs(run_id, tail=500)]
    assert f"resuming from checkpoint-{step}" in logs and store.runs.get(run_id)["progress_done"] > step
    assert sum(m.startswith("process rank 0 of 2") for m in logs) == 2
    assert supervisor.cancel_and_wait(run_id, timeout_s=60) == "cancelled"


def test_the_zero_stage_is_read_from_the_config_not_its_name(tmp_path):
    # a config of the user's named without "zero3" was planned as ZeRO-0 by the memory estimate
    from engine.jobs.launcher import CONFIGS_DIR, launch_zero_stage

    mine = tmp_path / "big-run.yaml"
    mine.write_text((CONFIGS_DIR / "deepspeed_zero3.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert launch_zero_stage({"accelerate_config": str(mine)}) == 3
    assert launch_zero_stage({"accelerate_config": "deepspeed_zero2"}) == 2
    assert launch_zero_stage({"accelerate_config": "ddp"}) == 0
    assert launch_zero_stage(None) == launch_zero_stage({"accelerate_config": str(tmp_path / "gone.yaml")}) == 0
    # a config that points at a DeepSpeed JSON (a common user set-up) was planned as ZeRO-0
    (tmp_path / "ds.json").write_text('{"zero_optimization": {"stage": 3}}', encoding="utf-8")
    pointing = tmp_path / "with-file.yaml"
    pointing.write_text("distributed_type: DEEPSPEED\ndeepspeed_config:\n  deepspeed_config_file: ds.json\n"
                        "num_processes: 2\n", encoding="utf-8")
    assert launch_zero_stage({"accelerate_config": str(pointing)}) == 3
