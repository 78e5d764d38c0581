""" "Will it fit?": the GPU memory estimate beside the reward-model, PPO, DPO and GRPO forms
(:mod:`engine.jobs.memory_plan`), with the ZeRO stage and GPU count taken from the launch choice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from engine.jobs.config import config_fields
from engine.jobs.kinds import job_kind
from engine.jobs.launcher import launch_zero_stage
from engine.jobs.memory_plan import (
    GEMMA2_SHAPES,
    ModelShape,
    PlanSettings,
    holds_reference,
    plan_memory,
    visible_gpus,
)
from engine.paths import user_path
from engine.rl.objectives import OBJECTIVES
from studio.state import services

PROMPT_TOKENS = 64
"""Prompt length assumed for PPO/GRPO (a source sentence in the prompt format)."""


def _shape(choice: str) -> ModelShape:
    if choice in GEMMA2_SHAPES:
        return GEMMA2_SHAPES[choice]
    path = services().store.models.get(choice)["path"]
    if user_path(path).is_absolute() and not user_path(path).is_dir():
        raise ValueError(f"the model folder {path} does not exist (moved or deleted?)")
    if not user_path(path).is_dir():  # a hub id: its config.json in the local Hugging Face cache
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache(str(path), "config.json")
        if isinstance(cached, str):
            path = str(Path(cached).parent)
    return ModelShape.from_folder(path, name=choice)


def _sizes(kind: str, v: dict[str, Any]) -> tuple[int, int, int]:
    """(sequences per GPU per step, sequence length, sequences generated at once) from the form's values.

    GRPO generates once per optimiser step for all its accumulation steps: TRL's ``steps_per_generation``
    defaults to ``gradient_accumulation_steps``, so each GPU generates ``per_device_train_batch_size ×
    gradient_accumulation`` sequences at once."""
    if kind == "grpo":
        per_step = v["batch_size"] * v["num_generations"]
        return per_step, PROMPT_TOKENS + v["max_completion_length"], per_step * int(v.get("gradient_accumulation") or 1)
    if kind == "ppo":
        return v["mini_batch_size"], PROMPT_TOKENS + v["response_length"], v["batch_size"]
    return 2 * v["batch_size"], v["max_length"], 0  # pairs: chosen and rejected


def _objective(values: dict[str, Any], key: str) -> str:
    """The DPO job's objective to plan for (the form's, to start with): CPO and ORPO hold no reference model."""
    names = tuple(OBJECTIVES)
    chosen = str(values.get("objective") or "dpo")
    return st.selectbox("Objective", names, index=names.index(chosen) if chosen in names else 0,
                        key=f"{key}-mem-objective", help="CPO and ORPO train without a reference model.")


def _launch_topology(launch: dict | None) -> tuple[int, int]:
    """(ZeRO stage, GPUs) of the launch choice."""
    if not launch:
        return 0, 1
    return launch_zero_stage(launch), int(launch.get("num_processes") or 1)  # of all machines together


def memory_estimate(
    kind: str,
    *,
    key: str,
    launch: dict | None = None,
    values: dict[str, Any] | None = None,
    trained_kind: str = "policy",
) -> None:
    """An expander that estimates the GPU memory per device of a ``kind`` run and compares it with the visible
    GPUs. ``values`` are the form's defaults (batch and lengths start from them); ``trained_kind`` is the kind of
    registered model the job trains (``reward`` for the reward-model job's starting point, else ``policy``)."""
    fields = {f.name: f.default for f in config_fields(job_kind(kind).config_cls)}
    values = {**fields, **(values or {})}
    with st.expander("GPU memory estimate (will it fit?)"):
        registered = [m["name"] for m in services().store.models.list(kind=trained_kind)]
        if trained_kind == "reward":
            registered += [m["name"] for m in services().store.models.list(kind="policy")]
        choices = [*registered, *GEMMA2_SHAPES]
        model = st.selectbox(
            "Model",
            choices,
            key=f"{key}-mem-model",
            help="A registered model (its config.json is read) or a published Gemma-2 shape.",
        )
        reward = None
        if kind in ("ppo", "grpo"):
            rms = [m["name"] for m in services().store.models.list(kind="reward")]
            options = (["none"] if kind == "grpo" else []) + [*rms, *GEMMA2_SHAPES]
            reward = st.selectbox("Reward model", options, key=f"{key}-mem-rm")
            reward = None if reward == "none" else reward
        batch, seq_len, generation = _sizes(kind, values)
        left, right = st.columns(2)
        with left:
            precision = st.selectbox(
                "Precision",
                ("bf16", "fp16", "fp32"),
                key=f"{key}-mem-precision",
                help="'auto' trains in bf16 on recent GPUs, fp16 on older ones.",
            )
            lora = st.checkbox("LoRA", value=bool(values.get("lora", False)), key=f"{key}-mem-lora")
            if kind == "dpo":
                values = {**values, "objective": _objective(values, key)}
            lora_r = int(st.number_input("LoRA rank", 1, 1024, int(values.get("lora_r", 16)), key=f"{key}-mem-r"))
        with right:
            batch = int(
                st.number_input(
                    "Sequences per GPU per step",
                    1,
                    4096,
                    batch,
                    key=f"{key}-mem-batch",
                    help="Pairs count twice (chosen and rejected); GRPO: sources × generations.",
                )
            )
            seq_len = int(st.number_input("Tokens per sequence", 8, 32768, seq_len, key=f"{key}-mem-seq"))
            checkpointing = st.checkbox(
                "Gradient checkpointing", value=bool(values.get("gradient_checkpointing")), key=f"{key}-mem-gc"
            )
        stage, gpus = _launch_topology(launch)
        try:
            policy_shape = _shape(model)
            reward_shape = _shape(reward) if reward else None
            plan = plan_memory(
                kind,
                policy_shape,
                PlanSettings(
                    precision=precision,
                    lora=lora,
                    lora_r=lora_r,
                    batch=batch,
                    seq_len=seq_len,
                    generation_batch=generation,
                    zero_stage=stage,
                    gpus=gpus,
                    gradient_checkpointing=checkpointing,
                    reference=holds_reference(kind, values),
                ),
                reward=reward_shape,
            )
        except (ValueError, KeyError, TypeError) as exc:
            st.warning(f"No estimate: {exc}")
            return
        visible = visible_gpus()
        machines = int((launch or {}).get("num_machines") or 1)  # the GPUs are shared by the launch's machines
        st.markdown(f"**{plan.summary([gib for _, gib in visible], machines=machines)}**")
        where = f"ZeRO-{stage}" if stage else ("DDP" if gpus > 1 else "one process")
        st.caption(
            f"{policy_shape.parameters / 1e9:.2f} B parameters · {where} on {gpus} GPU(s), from the launch "
            "choice above · an estimate (±20%): weights, gradients, optimizer, activations, KV cache."
        )
        st.dataframe(
            [{"part": name, "GiB per GPU": round(gib, 2)} for name, gib in plan.parts.items()],
            hide_index=True,
            width="stretch",
        )
