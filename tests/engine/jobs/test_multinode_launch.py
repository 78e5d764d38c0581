"""Runs on several machines: the accelerate config written per machine, read back by accelerate's own launcher, the
commands for the other machines, and the refusals."""

from __future__ import annotations

import shlex

import pytest
import yaml
from accelerate.commands.launch import _validate_launch_command, launch_command_parser
from accelerate.utils.launch import prepare_multi_gpu_env

from engine.jobs import launcher
from engine.jobs.launcher import LaunchError, build_command, launch_env

TWO_MACHINES = {
    "accelerate_config": "ddp",
    "num_processes": 8,
    "num_machines": 2,
    "main_process_ip": "10.0.0.5",
    "main_process_port": 29511,
}


def _torchrun_args(config_file, run_dir):
    """What accelerate's launcher makes of a machine's config file: the arguments it hands torchrun."""
    args = launch_command_parser().parse_args(["--config_file", str(config_file), "-m", "engine", "run", str(run_dir)])
    args, _, _ = _validate_launch_command(args)
    prepare_multi_gpu_env(args)
    return args


def test_each_machine_gets_its_config_and_accelerate_reads_it(tmp_path):
    run_dir = tmp_path / "runs" / "ppo-x"
    cmd = build_command(run_dir, TWO_MACHINES, kind="ppo")
    node0, node1 = run_dir / "accelerate" / "node-0.yaml", run_dir / "accelerate" / "node-1.yaml"
    assert cmd[cmd.index("--config_file") + 1] == str(node0) and cmd[-4:] == ["-m", "engine", "run", str(run_dir)]
    for rank, path in enumerate((node0, node1)):
        written = yaml.safe_load(path.read_text())
        assert written["distributed_type"] == "MULTI_GPU" and written["num_processes"] == 8
        assert written["num_machines"] == 2 and written["machine_rank"] == rank
        assert written["main_process_ip"] == "10.0.0.5" and written["main_process_port"] == 29511
        args = _torchrun_args(path, run_dir)
        assert (args.nnodes, args.node_rank, args.nproc_per_node) == ("2", rank, "4")
        assert args.rdzv_endpoint == "10.0.0.5:29511" and args.rdzv_backend == "static"


def test_the_other_machines_are_told_what_to_run(tmp_path):
    run_dir = tmp_path / "runs" / "dpo-x"
    build_command(run_dir, {**TWO_MACHINES, "accelerate_config": "ddp", "num_machines": 4}, kind="dpo")
    text = (run_dir / "accelerate" / "nodes.txt").read_text()
    commands = [line for line in text.splitlines() if not line.startswith("#")]
    assert [line.rsplit("# machine ", 1)[1] for line in commands] == ["1", "2", "3"]
    assert "shared filesystem" in text and "2 processes each" in text
    first = shlex.split(commands[0].split("&&", 1)[1].split("#")[0])
    assert first[-6:] == [
        "--config_file",
        str(run_dir / "accelerate" / "node-1.yaml"),
        "-m",
        "engine",
        "run",
        str(run_dir),
    ]


def test_deepspeed_across_machines(tmp_path, monkeypatch):
    monkeypatch.setattr(launcher, "deepspeed_installed", lambda: True)
    run_dir = tmp_path / "run"
    build_command(run_dir, {**TWO_MACHINES, "accelerate_config": "deepspeed_zero3"}, kind="reward")
    written = yaml.safe_load((run_dir / "accelerate" / "node-1.yaml").read_text())
    assert written["distributed_type"] == "DEEPSPEED" and written["deepspeed_config"]["zero_stage"] == 3
    assert written["deepspeed_config"]["deepspeed_multinode_launcher"] == "standard"
    assert written["machine_rank"] == 1 and written["num_machines"] == 2


def test_several_machines_do_not_rendezvous_on_the_loopback():
    env = launch_env(TWO_MACHINES, kind="ppo")
    assert "MASTER_ADDR" not in env and "GLOO_SOCKET_IFNAME" not in env


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"main_process_ip": None}, "need main_process_ip"),
        ({"main_process_ip": "127.0.0.1"}, "not an address the other machines can reach"),
        ({"main_process_ip": "localhost"}, "not an address the other machines can reach"),
        ({"main_process_ip": "0.0.0.0"}, "not an address the other machines can reach"),  # was accepted
        ({"main_process_ip": "::"}, "not an address the other machines can reach"),
        ({"num_machines": 2.5}, "num_machines: expected a whole number"),
        ({"main_process_ip": "10.0.0.5; rm -rf /"}, "not an address"),
        ({"num_processes": 7}, "multiple of num_machines"),
        ({"machine_rank": 2}, "machine_rank must be 0"),
        ({"machine_rank": 1}, "machine_rank must be 0, got 1: the studio starts machine 0 on this machine"),
        ({"num_machines": 0}, "num_machines must be at least 1"),
        ({"num_machines": "two"}, "whole number"),
        ({"main_process_port": 80}, "between 1024 and 65535"),
        ({"accelerate_config": "cpu_2proc", "num_processes": 2}, "need GPUs"),
        ({"cpu": True}, "on the CPU"),
    ],
)
def test_impossible_machine_settings_are_refused(change, message):
    with pytest.raises(LaunchError, match=message):
        build_command("/tmp/never-written", {**TWO_MACHINES, **change}, kind="ppo")


def test_one_machine_is_the_usual_launch(tmp_path):
    cmd = build_command(
        tmp_path / "run", {"accelerate_config": "ddp", "num_processes": 2, "num_machines": 1}, kind="reward"
    )
    assert "--main_process_ip" in cmd and not (tmp_path / "run" / "accelerate").exists()


@pytest.mark.slow
def test_dpo_on_two_cpu_processes_in_bf16_saves_once(supervisor, store, tiny_policy, pair_set):
    """Several processes: the precision reaches every rank, and rank 0 alone saves and registers the policy."""
    from engine.jobs.dpo import DpoJobConfig
    from engine.jobs.events import read_events

    config = DpoJobConfig(
        policy=tiny_policy,
        pair_sets=[pair_set],
        learning_rate=1e-3,
        batch_size=4,
        epochs=1,
        max_pairs=16,
        eval_every=100,
        save_every=100,
        max_length=128,
        precision="bf16",
        model_name="dpo-2proc",
    )
    run_id = supervisor.create("dpo", config, launch={"accelerate_config": "cpu_2proc"})
    supervisor.stale_after_s = 30  # accelerate's launcher starts the workers before rank 0's first heartbeat
    supervisor.launch(run_id)
    run_dir = supervisor.workspace.run_dir(run_id)
    status = supervisor.wait(run_id, timeout_s=240)
    stdout = (run_dir / "stdout.log").read_text(encoding="utf-8", errors="replace")
    assert status == "succeeded", stdout[-4000:]
    assert "[rank 1] [info] precision bf16 on cpu" in stdout and "[info] precision bf16 on cpu" in stdout
    assert "[rank 1] [info] training done; rank 0 saves the policy" in stdout
    events = read_events(run_dir, 0, -1).events
    assert [e["name"] for e in events if e["type"] == "artifact"] == ["dpo-2proc"]
    model = store.models.get("dpo-2proc")
    assert model["run_id"] == run_id and model["metadata"]["steps"] == 2  # 16 pairs, 4 per process, 2 processes
