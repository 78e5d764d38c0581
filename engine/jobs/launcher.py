"""How a run's process is started: plainly, or through ``accelerate launch`` with a shipped accelerate config.

A run's ``config.yaml`` may carry a top-level ``launch:`` mapping next to ``kind`` and ``config``::

    launch: {accelerate_config: ddp, num_processes: 4, cpu: false}

Without it (or with an empty one) the supervisor starts ``python -m engine run RUN_DIR``. With it, the command
is ``python -m accelerate.commands.launch --config_file configs/accelerate/NAME.yaml [...] -m engine run
RUN_DIR``: accelerate starts one ``python -m engine run RUN_DIR`` per process, each with ``RANK``,
``LOCAL_RANK`` and ``WORLD_SIZE`` set; only rank 0 reports (see :class:`engine.jobs.context.JobContext`).

Keys of ``launch``:

- ``accelerate_config`` — a shipped config name (see :func:`available_accelerate_configs`) or the path of
  an accelerate YAML config of your own;
- ``num_processes`` — overrides the config's process count (required by configs that leave it at -1:
  ``ddp``, ``deepspeed_zero2``, ``deepspeed_zero3``);
- ``cpu`` — run on the CPU even where there is a GPU (the GPUs are hidden from the job's processes);
- ``num_machines``, ``main_process_ip``, ``main_process_port``, ``machine_rank`` — a run on several machines
  (``ddp`` or a DeepSpeed config; ``num_processes`` then counts the processes of all machines together). The
  studio starts machine 0 on this machine (``machine_rank`` can only be 0, the default); it writes one accelerate
  config per machine into the run's folder (``accelerate/node-K.yaml``) and the command to run on each other
  machine (``accelerate/nodes.txt``), which must see the run's folder at the same path (a shared filesystem).
  ``main_process_ip`` is this machine's address on the network the machines share; only rank 0 (on machine 0)
  writes the run's events.

Several processes are allowed only for the job kinds that train with a Hugging Face / TRL ``Trainer``
(:data:`MULTI_PROCESS_KINDS`). The processes of one run rendezvous on 127.0.0.1 on a free port picked here.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
import shlex
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from engine.jobs.config import ConfigError, as_boolean, as_whole
from engine.paths import user_path

CONFIGS_DIR = Path(__file__).resolve().parents[2] / "configs" / "accelerate"
MULTI_PROCESS_KINDS = frozenset({"reward", "reward_finetune", "ppo", "dpo", "grpo"})
LAUNCH_KEYS = ("accelerate_config", "num_processes", "cpu", "num_machines", "machine_rank", "main_process_ip",
               "main_process_port")
DEFAULT_PORT = 29500
NODES_DIR = "accelerate"
DEEPSPEED_MISSING = "DeepSpeed is not installed: pip install deepspeed (needs CUDA)"
ACCELERATE_LAUNCH = (sys.executable, "-m", "accelerate.commands.launch")
LOOPBACK = "127.0.0.1"

# The order the studio lists them in; every *.yaml in CONFIGS_DIR is shipped, these come first.
_ORDER = ("single", "ddp", "deepspeed_zero2", "deepspeed_zero3", "cpu_2proc")


class LaunchError(ValueError):
    """A ``launch:`` setting that cannot be honoured (unknown config, wrong job kind, DeepSpeed missing)."""


@dataclass(frozen=True)
class AccelerateConfig:
    """A shipped (or user-supplied) accelerate config file, as the studio lists it."""

    name: str
    path: Path
    description: str
    distributed_type: str
    num_processes: int  # -1: set per machine (launch ``num_processes``)
    use_cpu: bool
    zero_stage: int = 0
    """The DeepSpeed ZeRO stage its ``deepspeed_config`` names (0: none, or not DeepSpeed)."""

    @property
    def deepspeed(self) -> bool:
        """Whether the config trains with DeepSpeed."""
        return self.distributed_type == "DEEPSPEED"


@dataclass(frozen=True)
class LaunchPlan:
    """A resolved ``launch:`` mapping: which config, how many processes, on the CPU or not."""

    config: AccelerateConfig
    num_processes: int
    cpu: bool
    num_machines: int = 1
    machine_rank: int = 0
    main_process_ip: str = LOOPBACK
    main_process_port: int = 0

    @property
    def multi_process(self) -> bool:
        return self.num_processes > 1

    @property
    def multi_node(self) -> bool:
        return self.num_machines > 1


def _description(text: str) -> str:
    """The first sentence of a config file's first comment block (its one-line description): the first line alone
    was cut mid-sentence where the comment wraps ("…; needs CUDA and")."""
    block: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            block.append(line.lstrip("#").strip())
        elif block:
            break
    joined = " ".join(part for part in block if part)
    end = joined.find(". ")
    return joined[: end + 1] if end >= 0 else joined


def read_accelerate_config(path: Path, name: str | None = None) -> AccelerateConfig:
    """Read an accelerate YAML config: its description, distributed type, process count and CPU flag."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise LaunchError(f"{path} is not an accelerate config (a YAML mapping)")
    return AccelerateConfig(
        name=name or path.stem, path=path.resolve(), description=_description(text),
        distributed_type=str(data.get("distributed_type", "NO")).upper(),
        num_processes=int(data.get("num_processes", 1)), use_cpu=bool(data.get("use_cpu", False)),
        zero_stage=_zero_stage(data, path.parent),
    )


def _zero_stage(data: dict, folder: Path) -> int:
    """The ZeRO stage of an accelerate config's mapping: its ``zero_stage``, else the ``zero_optimization.stage``
    of the DeepSpeed JSON its ``deepspeed_config_file`` names (relative to the config's ``folder``); 0 when it
    names none it can read."""
    deepspeed = data.get("deepspeed_config")
    if not isinstance(deepspeed, dict):
        return 0
    try:
        if "zero_stage" in deepspeed:
            return int(deepspeed["zero_stage"])
        if file := deepspeed.get("deepspeed_config_file"):
            settings = json.loads((folder / user_path(str(file))).read_text(encoding="utf-8"))
            return int(settings.get("zero_optimization", {}).get("stage", 0))
    except (TypeError, ValueError, AttributeError, OSError):
        return 0
    return 0


def launch_zero_stage(launch: dict | None) -> int:
    """The ZeRO stage a ``launch:`` mapping trains with, read from its accelerate config (a config of the user's
    named without "zero3" was taken for stage 0 by the memory estimate); 0 when it has none or cannot be read."""
    if not launch or not launch.get("accelerate_config"):
        return 0
    try:
        return _config_for(launch["accelerate_config"]).zero_stage
    except (ValueError, OSError, yaml.YAMLError):  # a LaunchError is a ValueError
        return 0


def available_accelerate_configs() -> list[AccelerateConfig]:
    """The accelerate configs shipped in ``configs/accelerate/``, each with a one-line description."""
    paths = {p.stem: p for p in CONFIGS_DIR.glob("*.yaml")}
    names = [n for n in _ORDER if n in paths] + sorted(set(paths) - set(_ORDER))
    return [read_accelerate_config(paths[n], n) for n in names]


def _config_for(value: Any) -> AccelerateConfig:
    """A shipped config by name, or an accelerate YAML file by path."""
    name = str(value).strip()
    shipped = CONFIGS_DIR / f"{name}.yaml"
    if "/" not in name and shipped.is_file():
        return read_accelerate_config(shipped, name)
    path = user_path(name)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return read_accelerate_config(path)
    known = ", ".join(c.name for c in available_accelerate_configs())
    raise LaunchError(f"unknown accelerate config {name!r}: choose one of {known}, or give the path of a YAML file")


def deepspeed_installed() -> bool:
    """Whether the ``deepspeed`` package can be imported here."""
    return importlib.util.find_spec("deepspeed") is not None


def resolve_launch(launch: dict | None, kind: str | None = None) -> LaunchPlan | None:
    """Check a ``launch:`` mapping and resolve it; ``None`` when the run starts plainly.

    Raises :class:`LaunchError` for unknown keys or configs, a missing process count, several processes
    for a job kind that does not train with a Trainer, and DeepSpeed configs without DeepSpeed (or on the CPU).
    """
    if not launch:
        return None
    if not isinstance(launch, dict):
        raise LaunchError(f"launch must be a mapping like {{'accelerate_config': 'ddp'}}, got {launch!r}")
    unknown = sorted(set(launch) - set(LAUNCH_KEYS))
    if unknown:
        raise LaunchError(f"unknown launch setting(s): {', '.join(unknown)}; known: {', '.join(LAUNCH_KEYS)}")
    if not launch.get("accelerate_config"):
        if _whole(launch, "num_processes", 1) != 1 or _whole(launch, "num_machines", 1) != 1 or _flag(launch, "cpu"):
            raise LaunchError("launch needs an accelerate_config (e.g. 'single', 'ddp', 'cpu_2proc')")
        return None
    config = _config_for(launch["accelerate_config"])
    cpu = _flag(launch, "cpu") or config.use_cpu
    count = _whole(launch, "num_processes", config.num_processes)
    if count == -1:
        raise LaunchError(f"the accelerate config {config.name!r} leaves the number of processes to the machine: "
                          "set launch num_processes (usually the number of GPUs to use)")
    if count < 1:
        raise LaunchError(f"num_processes must be at least 1, got {count}")
    if config.distributed_type == "NO" and count > 1:
        raise LaunchError(f"the accelerate config {config.name!r} is not distributed (distributed_type NO): accelerate "
                          f"would start one process, not {count}; choose 'ddp' or a DeepSpeed config for several "
                          "GPUs, 'cpu_2proc' for several CPU processes")
    if config.distributed_type == "MULTI_GPU" and count < 2:
        raise LaunchError(f"the accelerate config {config.name!r} is for several processes: num_processes must be "
                          "at least 2 (use 'single' for one)")
    if kind is not None and (count > 1 or config.deepspeed) and kind not in MULTI_PROCESS_KINDS:
        raise LaunchError(f"the {kind!r} job runs in a single process; only the training jobs "
                          f"({', '.join(sorted(MULTI_PROCESS_KINDS))}) can run on several processes or DeepSpeed")
    if config.deepspeed:
        if cpu:
            raise LaunchError(f"the accelerate config {config.name!r} uses DeepSpeed, which needs CUDA GPUs: "
                              "it cannot run with cpu")
        if not deepspeed_installed():
            raise LaunchError(DEEPSPEED_MISSING)
    return _with_machines(LaunchPlan(config=config, num_processes=count, cpu=cpu), launch)


def _whole(launch: dict, key: str, default: int) -> int:
    """``launch[key]`` as a whole number, read as a job's settings read one (:func:`~engine.jobs.config.as_whole`;
    ``default`` when unset)."""
    value = launch.get(key)
    if value is None or value == "":
        return default
    try:
        return as_whole(key, value)
    except ConfigError as exc:
        raise LaunchError(str(exc)) from None


def _flag(launch: dict, key: str) -> bool:
    """``launch[key]`` as a yes/no, read as a job's settings read one (:func:`~engine.jobs.config.as_boolean`;
    unset: no)."""
    value = launch.get(key)
    if value is None:
        return False
    try:
        return as_boolean(key, value)
    except ConfigError as exc:
        raise LaunchError(str(exc)) from None


def _with_machines(plan: LaunchPlan, launch: dict) -> LaunchPlan:
    """``plan`` with the machine settings of ``launch`` checked: ``machine_rank`` 0 (the studio's machine), and for
    several machines a multi-GPU or DeepSpeed config, a reachable (non-loopback) main address, a port, and a
    process count that they share evenly."""
    machines = _whole(launch, "num_machines", 1)
    rank = _whole(launch, "machine_rank", 0)
    if machines < 1:
        raise LaunchError(f"num_machines must be at least 1, got {machines}")
    if rank != 0:
        raise LaunchError(f"machine_rank must be 0, got {rank}: the studio starts machine 0 on this machine (the one "
                          "at main_process_ip); the other machines start with the commands it writes into the run's "
                          "accelerate/nodes.txt")
    if machines == 1:
        return plan
    if plan.cpu or plan.config.distributed_type not in ("MULTI_GPU", "DEEPSPEED"):
        raise LaunchError(f"several machines need GPUs and the 'ddp' or a DeepSpeed config, not {plan.config.name!r}"
                          + (" on the CPU" if plan.cpu else ""))
    ip = str(launch.get("main_process_ip") or "").strip()
    if not ip:
        raise LaunchError("several machines need main_process_ip: the address of machine 0 (this one) that the "
                          "other machines can reach")
    unreachable = ("localhost", "::1", "0.0.0.0", "::")  # loopback, or "every address": not one to connect to
    if ip in unreachable or ip.startswith("127.") or not re.fullmatch(r"[A-Za-z0-9.:\-]+", ip):
        raise LaunchError(f"main_process_ip {ip!r} is not an address the other machines can reach: give this "
                          "machine's address on the network they share")
    port = _whole(launch, "main_process_port", DEFAULT_PORT)
    if not 1024 <= port <= 65535:
        raise LaunchError(f"main_process_port must be between 1024 and 65535, got {port}")
    if plan.num_processes % machines:
        raise LaunchError(f"num_processes ({plan.num_processes}, all machines together) must be a multiple of "
                          f"num_machines ({machines}): the same number of GPUs on every machine")
    return dataclasses.replace(plan, num_machines=machines, machine_rank=rank, main_process_ip=ip,
                               main_process_port=port)


def node_config(plan: LaunchPlan, machine_rank: int) -> dict[str, Any]:
    """The accelerate config of machine ``machine_rank`` of a multi-machine plan: the chosen config with the
    process count of all machines, the machine count, this machine's rank and machine 0's address."""
    data = yaml.safe_load(plan.config.path.read_text(encoding="utf-8")) or {}
    data.update(num_processes=plan.num_processes, num_machines=plan.num_machines, machine_rank=machine_rank,
                main_process_ip=plan.main_process_ip, main_process_port=plan.main_process_port,
                rdzv_backend="static", same_network=True)
    return data


def node_command(run_dir: Path | str, machine_rank: int) -> list[str]:
    """The command that starts machine ``machine_rank``'s processes of a multi-machine run."""
    config = Path(run_dir) / NODES_DIR / f"node-{machine_rank}.yaml"
    return [*ACCELERATE_LAUNCH, "--config_file", str(config), "-m", "engine", "run", str(run_dir)]


def write_node_configs(run_dir: Path | str, plan: LaunchPlan) -> list[Path]:
    """Write ``accelerate/node-K.yaml`` for every machine and ``accelerate/nodes.txt`` (what to run on each other
    machine) into the run's folder; returns the config paths by machine rank."""
    folder = Path(run_dir) / NODES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for rank in range(plan.num_machines):
        path = folder / f"node-{rank}.yaml"
        header = (f"# machine {rank} of {plan.num_machines} ({plan.config.name}); written by the studio for this "
                  "run\n")
        path.write_text(header + yaml.safe_dump(node_config(plan, rank), sort_keys=False), encoding="utf-8")
        paths.append(path)
    project = Path(__file__).resolve().parents[2]
    lines = [f"# {plan.num_machines} machines, {plan.num_processes // plan.num_machines} processes each; machine 0 "
             f"({plan.main_process_ip}:{plan.main_process_port}) is started by the studio. This run's folder must "
             "be at the same path on every machine (a shared filesystem), and the project at the path below.",
             "# On each other machine run:"]
    for rank in range(1, plan.num_machines):
        command = " ".join(shlex.quote(part) for part in node_command(run_dir, rank))
        lines.append(f"cd {shlex.quote(str(project))} && HF_HUB_OFFLINE=1 PYTHONPATH=. {command}  # machine {rank}")
    (folder / "nodes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port free on ``host`` (bound on the loopback address only, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def build_command(run_dir: Path | str, launch: dict | None, kind: str | None = None) -> list[str]:
    """The command that starts the run in ``run_dir``: plain, or through ``accelerate launch``.

    ``kind`` (the run's job kind) is checked against :data:`MULTI_PROCESS_KINDS` when given.
    """
    plain = [sys.executable, "-m", "engine", "run", str(run_dir)]
    plan = resolve_launch(launch, kind)
    if plan is None:
        return plain
    if plan.multi_node:  # everything in the machine's own config file, which the other machines' commands use too
        paths = write_node_configs(run_dir, plan)
        return node_command(run_dir, plan.machine_rank) if paths else plain
    cmd = [*ACCELERATE_LAUNCH, "--config_file", str(plan.config.path)]
    if plan.cpu and not plan.multi_process:
        # accelerate honours --cpu in its single-process launcher only; with it, a multi-process config
        # would fall back to that launcher and start one process. Several CPU processes get hidden GPUs instead.
        cmd.append("--cpu")
    cmd += ["--num_processes", str(plan.num_processes)]
    if plan.multi_process:
        cmd += ["--main_process_ip", LOOPBACK, "--main_process_port", str(free_port())]
    return [*cmd, "-m", "engine", "run", str(run_dir)]


def first_gpu(visible: str | None) -> str:
    """The ``CUDA_VISIBLE_DEVICES`` of a one-process run: the first GPU of ``visible`` (the value the run would
    inherit; empty, hiding every GPU, stays empty), GPU 0 when unset."""
    if visible is None:
        return "0"
    return visible.split(",")[0].strip()


def launch_env(launch: dict | None, kind: str | None = None, visible: str | None = None) -> dict[str, str]:
    """Environment variables the launched processes need on top of the supervisor's; ``visible`` is the
    ``CUDA_VISIBLE_DEVICES`` they would inherit (``None``: unset).

    A one-process run on a GPU (plain or ``single``) sees one GPU (:func:`first_gpu`): the Trainer wraps the
    model in ``nn.DataParallel`` over every GPU it sees, multiplying the batch. Runs on several processes
    rendezvous on the loopback address (gloo bound to ``lo``); runs on the CPU see no GPU, so every process (and
    the job's ``torch.cuda.is_available()``) agrees on the device.
    """
    plan = resolve_launch(launch, kind)
    if plan is None or not (plan.multi_process or plan.cpu):
        return {"CUDA_VISIBLE_DEVICES": first_gpu(visible)}
    env: dict[str, str] = {}
    if plan.multi_process and not plan.multi_node:
        env["MASTER_ADDR"] = LOOPBACK
        if Path("/sys/class/net/lo").exists():
            env["GLOO_SOCKET_IFNAME"] = "lo"
    if plan.cpu:
        env["CUDA_VISIBLE_DEVICES"] = ""
    return env
