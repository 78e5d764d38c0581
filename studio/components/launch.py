"""The "Launch" choice of training jobs: one process, or ``accelerate launch`` with a shipped config."""

from __future__ import annotations

import streamlit as st

from engine.jobs.launcher import MULTI_PROCESS_KINDS, available_accelerate_configs

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
        if config.distributed_type != "DEEPSPEED" and st.checkbox("Run on the CPU", value=config.use_cpu,
                                                                 key=f"{key}-cpu"):
            launch["cpu"] = True
        return launch
