"""The PPO run monitor's parts shared by the PPO and Human alignment pages: its charts, alarms and samples."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from engine.jobs.ppo import ALARMS_FILE, SAMPLES_FILE, alarm_settings, read_jsonl
from engine.markup import html_text
from engine.rl.alarms import check_alarms, series_from_rows
from studio.components.arabic import arabic_cell, arabic_text_cell
from studio.state import services

PPO_CHARTS = [
    ("Reward (mean, min, max)", ["reward_mean", "reward_min", "reward_max", "shaped_reward_mean"]),
    ("KL to the reference (sum per translation)", ["kl"]), ("KL per token", ["kl_per_token"]),
    ("Held-out chrF (not in the reward)", ["heldout_chrf"]),
    ("Entropy", ["entropy"]), ("Policy and value loss", ["policy_loss", "value_loss"]),
    ("Clip fraction", ["clip_fraction", "value_clip_fraction"]), ("Response length (tokens)", ["response_length"]),
    ("Degenerate outputs (share)", ["degenerate_share"]), ("Throughput (episodes per second)", ["episodes_per_s"]),
]


GRPO_CHARTS = [
    ("Reward (total and each function's mean)", ["reward", "rewards_*_mean"]),
    ("KL per token", ["kl_per_token", "kl"]), ("Entropy", ["entropy"]),
    ("Reward spread within a group (std)", ["reward_std", "rewards_*_std"]),
    ("Groups whose samples all scored alike (share: no signal)", ["frac_reward_zero_std"]),
    ("Translation length (tokens)", ["completions_mean_length", "completions_min_length", "completions_max_length"]),
    ("Cut at the length limit (share)", ["completions_clipped_ratio"]),
    ("Loss and gradient norm", ["loss", "grad_norm"]), ("Learning rate", ["lr"]),
]
"""A GRPO / RLOO run's charts, most watched first (``kl``: a run made before TRL's per-token KL got its own name);
its other metrics follow, one chart each."""

DPO_CHARTS = [
    ("Loss", ["loss", "eval_loss"]),
    ("Preference accuracy (chosen above rejected)", ["rewards_accuracies", "eval_rewards_accuracies"]),
    ("Reward margin (chosen − rejected)", ["rewards_margins", "eval_rewards_margins"]),
    ("Log-probability of the chosen and the rejected", ["logps_chosen", "logps_rejected", "eval_logps_chosen",
                                                         "eval_logps_rejected"]),
    ("NLL of the chosen (CPO, ORPO)", ["nll_loss", "eval_nll_loss"]), ("Learning rate", ["lr"]),
]
"""A DPO-family run's charts, most watched first; its other metrics follow, one chart each."""


def kind_monitor(kind: str) -> dict:
    """The charts and extra panel a run of ``kind`` is shown with on every page: the PPO monitor for PPO runs, the
    GRPO and DPO runs' charts grouped with their other metrics after them; ``{}`` for the generic monitor, one chart
    per metric."""
    if kind == "ppo":
        return {"charts": PPO_CHARTS, "extra": ppo_health}
    grouped = {"grpo": GRPO_CHARTS, "dpo": DPO_CHARTS}.get(kind)
    return {"charts": grouped, "others": True} if grouped else {}


def fired_alarms(run_dir: str | Path) -> list[dict]:
    """The alarms a PPO run wrote while it trained, in step order (then kind)."""
    fired = read_jsonl(Path(run_dir) / "outputs" / ALARMS_FILE)
    return sorted(fired, key=lambda a: (int(a["step"]), str(a["kind"])))


ALARM_TAIL = 50
"""The alarms look at the last few points of the step-wise streams (``reward_window`` and such): read the last
this many of each, and the held-out chrF whole (its best so far counts), instead of every step of a long run."""


def _alarms(run: dict) -> None:
    config = json.loads(run["config"])
    settings = alarm_settings(float(config.get("kl_target", 0.2)), config.get("kl_measure", "per translation"))
    store = services().store
    stepwise = tuple(dict.fromkeys(("kl", settings.kl_key, "reward_mean", "degenerate_share")))
    series = series_from_rows(store.runs.metrics(run["id"], stepwise, last=max(ALARM_TAIL, settings.reward_window))
                              + store.runs.metrics(run["id"], ("heldout_chrf",)))
    alarms = check_alarms(series, settings)
    fired = fired_alarms(run["run_dir"])
    for alarm in alarms:
        st.error(f"**{alarm.kind.replace('_', ' ')}** (step {alarm.step}): {alarm.message}",
                 icon=":material/warning:")
    history = ", ".join(f"{a['kind'].replace('_', ' ')} @ {a['step']}" for a in fired)
    if fired and not alarms:
        st.warning(f"No alarm holds at the latest step, but {len(fired)} alarm(s) fired during the run: {history}. "
                   "Check the charts around those steps.", icon=":material/history:")
    elif fired:
        st.caption(f"{len(fired)} alarm(s) fired during the run: {history}")
    elif series and not alarms:
        st.success("No alarm: KL within target, no reward hacking or degeneration detected.",
                   icon=":material/health_and_safety:")


def _samples(run: dict) -> None:
    # split at newlines only: a translation holding U+2028 (written raw by runs before json_line) broke the monitor
    samples = read_jsonl(Path(run["run_dir"]) / "outputs" / SAMPLES_FILE)
    if not samples:
        return
    steps = sorted({int(s["step"]) for s in samples})
    if not steps:
        return
    key, newest_key = f"ppo-samples-{run['id']}", f"ppo-samples-newest-{run['id']}"
    # follow the newest step unless the user moved the slider to an earlier one (a widget keeps its first value)
    if st.session_state.get(key) in (None, st.session_state.get(newest_key)) or st.session_state.get(key) not in steps:
        st.session_state[key] = steps[-1]
    st.session_state[newest_key] = steps[-1]
    if len(steps) > 1:
        step = st.select_slider("Sample translations at step", steps, key=key)
    else:
        step = steps[0]
        st.caption(f"Sample translations at step {step}")
    rows = "".join(
        f"<tr><td dir='auto'>{html_text(s['source'])}</td>"
        f"{arabic_text_cell(s['translation'])}{arabic_cell(html_text(s['reference']))}"
        f"<td>{s['reward']:.2f}</td></tr>"
        for s in samples if int(s["step"]) == step)
    st.markdown("<table class='tarjama-table'><thead><tr><th>Source</th><th>Policy (greedy)</th>"
                f"<th>Reference</th><th>Reward</th></tr></thead><tbody>{rows}</tbody></table>",
                unsafe_allow_html=True)


def ppo_health(run: dict) -> None:
    """Alarms and the latest sample translations of a PPO run (inside the live monitor)."""
    _alarms(run)
    _samples(run)
