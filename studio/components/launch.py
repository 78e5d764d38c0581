"""The "Launch" choice of training jobs: one process, or ``accelerate launch`` with a shipped config."""

from __future__ import annotations

import streamlit as st

from engine.jobs.launcher import DEFAULT_PORT, MULTI_PROCESS_KINDS, NODES_DIR, available_accelerate_configs

PLAIN = "one process (plain)"


def launch_choice(kind: str, key: str) -> dict | None:
    """A launch selector for training job kinds; returns the run's ``launch`` mapping, or None for a plain run."""
    if kind not in MULTI_PROCESS_KINDS:
        return None
    configs = {c.name: c for c in available_accelerate_configs()}
    with st.expander("Launch (processes, GPUs, DeepSpeed)"):
        name = st.selectbox("Launch with", [PLAIN, *configs], key=f"{key}-launch",
                            format_func=lambda n: n if n == PLAIN else f"{n} — {configs[n].description}")
        if name == PLAIN:
            return None
        config = configs[name]
        launch: dict = {"accelerate_config": name}
        if config.num_processes == -1:
            launch["num_processes"] = int(st.number_input("Processes (one per GPU)", 2, 64, 2, key=f"{key}-procs"))
            machines = int(st.number_input("Machines", 1, 64, 1, key=f"{key}-machines",
                                           help="Several machines with the same number of GPUs each, which see "
                                                "the workspace at the same path (a shared filesystem)."))
            if machines > 1:
                launch["num_processes"] *= machines  # accelerate counts the processes of all machines
                launch["num_machines"] = machines
                launch["main_process_ip"] = st.text_input(
                    "Address of this machine (machine 0)", key=f"{key}-ip",
                    help="Its address on the network the machines share; the others connect to it.").strip()
                launch["main_process_port"] = int(st.number_input("Port", 1024, 65535, DEFAULT_PORT,
                                                                  key=f"{key}-port"))
                launch["machine_rank"] = 0
                st.caption(f"The studio starts machine 0 here. The run's folder then holds {NODES_DIR}/nodes.txt: "
                           "the command to run on each other machine (machines 1 to "
                           f"{machines - 1}), each with its own {NODES_DIR}/node-K.yaml.")
        if config.distributed_type != "DEEPSPEED" and st.checkbox("Run on the CPU", value=config.use_cpu,
                                                                 key=f"{key}-cpu"):
            launch["cpu"] = True
        return launch
