"""4 · PPO: optimise the policy against the reward model and watch its health while it trains."""

from __future__ import annotations

import html
import json
from pathlib import Path

import streamlit as st

from engine.jobs.ppo import ALARMS_FILE, SAMPLES_FILE, alarm_settings
from engine.jobs.registry import KIND_MODULES
from engine.registry import default_policy
from engine.rl.alarms import check_alarms, series_from_rows
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, run_monitor
from studio.components.launch import launch_choice
from studio.components.pickers import corpus_picker, model_picker, pair_set_picker
from studio.state import studio

PPO_CHARTS = [
    ("Reward (mean, min, max)", ["reward_mean", "reward_min", "reward_max", "shaped_reward_mean"]),
    ("KL to the reference (summed over a translation)", ["kl"]), ("KL per token", ["kl_per_token"]),
    ("Held-out chrF (not in the reward)", ["heldout_chrf"]),
    ("Entropy", ["entropy"]), ("Policy and value loss", ["policy_loss", "value_loss"]),
    ("Clip fraction", ["clip_fraction", "value_clip_fraction"]), ("Response length (tokens)", ["response_length"]),
    ("Degenerate outputs (share)", ["degenerate_share"]),
]
DEMO_PPO = {"learning_rate": 3e-5, "steps": 150, "kl_coef": 0.2, "eval_every": 25, "save_every": 50,
            "response_length": 32}

st.title("4 · PPO")
st.caption("Reinforcement learning against the reward model (TRL's PPO): a KL penalty keeps the policy near a "
           "frozen reference, a value head and GAE estimate advantages. Watch the reward, the KL and a held-out "
           "metric the reward does not see; the alarms below flag the classic failures as they happen.")
workspace_header(studio())
store = studio().store


def health(run: dict) -> None:
    """Alarms and the latest sample translations of a PPO run (inside the live monitor)."""
    series = series_from_rows(store.runs.metrics(run["id"]))
    config = json.loads(run["config"])
    alarms = check_alarms(series, alarm_settings(float(config.get("kl_target", 0.2)),
                                                 config.get("kl_measure", "per translation")))
    logged = Path(run["run_dir"]) / "outputs" / ALARMS_FILE
    fired = [json.loads(line) for line in logged.read_text().splitlines()] if logged.exists() else []
    if alarms:
        for alarm in alarms:
            st.error(f"**{alarm.kind.replace('_', ' ')}** (step {alarm.step}): {alarm.message}",
                     icon=":material/warning:")
    elif series:
        st.success("No alarm: KL within target, no reward hacking or degeneration detected.",
                   icon=":material/health_and_safety:")
    if fired:
        st.caption(f"{len(fired)} alarm(s) fired during the run: "
                   + ", ".join(sorted({f"{a['kind']} @ {a['step']}" for a in fired})))
    samples_file = Path(run["run_dir"]) / "outputs" / SAMPLES_FILE
    if samples_file.exists():
        samples = [json.loads(line) for line in samples_file.read_text(encoding="utf-8").splitlines()]
        steps = sorted({s["step"] for s in samples})
        step = st.select_slider("Sample translations at step", steps, value=steps[-1], key=f"ppo-samples-{run['id']}")
        rows = "".join(
            f"<tr><td dir='auto'>{html.escape(s['source'])}</td><td class='tarjama-ar' dir='rtl'>"
            f"{html.escape(s['translation']) or '<em>(empty)</em>'}</td><td class='tarjama-ar' dir='rtl'>"
            f"{html.escape(s['reference'])}</td><td>{s['reward']:.2f}</td></tr>"
            for s in samples if s["step"] == step)
        st.markdown("<table class='tarjama-table'><thead><tr><th>Source</th><th>Policy (greedy)</th>"
                    f"<th>Reference</th><th>Reward</th></tr></thead><tbody>{rows}</tbody></table>",
                    unsafe_allow_html=True)


ppo_tab, dpo_tab, grpo_tab = st.tabs(["PPO", "DPO (from pairs)", "GRPO / RLOO (reward functions)"])

with ppo_tab:
    if not store.models.list(kind="reward"):
        st.info("Train a reward model first (page 3).")
    else:
        preset = st.radio("Starting values", ["Project brief", "Small demo model"], horizontal=True,
                          key="ppo-preset", help="The brief's defaults (lr 1.41e-5, 1,000 steps, KL 0.1, clip 0.2, "
                                                 "batch 8, mini-batch 2) suit real models; the demo model needs "
                                                 "larger steps and fewer of them to show change in minutes.")
        rms = store.models.list(kind="reward")
        defaults = {"policy": default_policy(store), "reward_model": rms[0]["name"],
                    **(DEMO_PPO if preset == "Small demo model" else {})}
        launch = launch_choice("ppo", key="ppo")
        config = config_form("ppo", key=f"ppo-form-{preset}", defaults=defaults,
                             widgets={"policy": model_picker("policy"), "reward_model": model_picker("reward"),
                                      "corpus_ids": corpus_picker()}, submit_label="Start PPO")
        if config is not None:
            try:
                studio().supervisor.start("ppo", config, launch=launch)
            except (ValueError, LookupError) as exc:
                st.error(str(exc))
            else:
                st.rerun()
    latest = store.runs.list(kinds=("ppo",), limit=1)
    if latest:
        run_monitor(latest[0]["id"], key="ppo-run", charts=PPO_CHARTS, extra=health)


def alternative(kind: str, tab_key: str, widgets: dict) -> None:
    """The form and monitor of an alternative to PPO (its job kind may be absent in this build)."""
    if kind not in KIND_MODULES:
        st.info(f"The {kind.upper()} job is not available in this build.")
        return
    launch = launch_choice(kind, key=tab_key)
    config = config_form(kind, key=f"{tab_key}-form", defaults={"policy": default_policy(store)}, widgets=widgets,
                         submit_label=f"Start {kind.upper()}")
    if config is not None:
        try:
            studio().supervisor.start(kind, config, launch=launch)
        except (ValueError, LookupError) as exc:
            st.error(str(exc))
        else:
            st.rerun()
    latest = store.runs.list(kinds=(kind,), limit=1)
    if latest:
        run_monitor(latest[0]["id"], key=f"{tab_key}-run")


with dpo_tab:
    st.caption("Direct preference optimisation straight from the preference pairs: no reward model, no sampling.")
    alternative("dpo", "dpo", {"policy": model_picker("policy"), "pair_sets": pair_set_picker})

with grpo_tab:
    st.caption("Group-relative policy optimisation (or RLOO) with Python reward functions: the reward model's "
               "score and/or chrF against the reference.")
    alternative("grpo", "grpo", {"policy": model_picker("policy"), "reward_model": model_picker("reward"),
                                 "corpus_ids": corpus_picker()})
