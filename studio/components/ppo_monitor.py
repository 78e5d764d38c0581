"""The PPO run monitor's parts shared by the PPO and Human alignment pages: its charts, alarms and samples."""

from __future__ import annotations

import html
import json
from pathlib import Path

import streamlit as st

from engine.jobs.ppo import ALARMS_FILE, SAMPLES_FILE, alarm_settings
from engine.rl.alarms import check_alarms, series_from_rows
from studio.state import studio

PPO_CHARTS = [
    ("Reward (mean, min, max)", ["reward_mean", "reward_min", "reward_max", "shaped_reward_mean"]),
    ("KL to the reference (summed over a translation)", ["kl"]), ("KL per token", ["kl_per_token"]),
    ("Held-out chrF (not in the reward)", ["heldout_chrf"]),
    ("Entropy", ["entropy"]), ("Policy and value loss", ["policy_loss", "value_loss"]),
    ("Clip fraction", ["clip_fraction", "value_clip_fraction"]), ("Response length (tokens)", ["response_length"]),
    ("Degenerate outputs (share)", ["degenerate_share"]),
]


def ppo_health(run: dict) -> None:
    """Alarms and the latest sample translations of a PPO run (inside the live monitor)."""
    series = series_from_rows(studio().store.runs.metrics(run["id"]))
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
