"""3 · Reward model: train a reward model on preference pairs and see where it is right and wrong."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from engine.jobs.config import FieldSpec
from engine.markup import html_text
from engine.models.refs import cold_start_base
from engine.reward.analysis import (
    accuracy,
    accuracy_verdict,
    calibration,
    expected_calibration_error,
    load_valid_rewards,
    validation_sets,
    with_validation_accuracy,
    wrong_pairs,
)
from engine.wording import metric_text
from studio.components.arabic import arabic_cell
from studio.components.follow import follow_newest
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, run_monitor, start_run
from studio.components.launch import launch_choice
from studio.components.memory_estimate import memory_estimate
from studio.components.pickers import pair_set_picker
from studio.components.presets import preset_choice
from studio.state import services

CHARTS = [("Loss", ["loss", "eval_loss"]), ("Accuracy", ["accuracy", "eval_accuracy", "valid_accuracy"]),
          ("Reward margin", ["margin", "eval_margin"]), ("Trainable parameters", ["trainable_params"])]

st.title("3 · Reward model")
st.caption("The studio's judge: a backbone with a reward head trained on (chosen, rejected) pairs with a "
           "Bradley–Terry loss. PPO optimises against it and the translate page ranks candidates with it.")
workspace_header(services())
store = services().store


def _accuracy_text(metadata: dict) -> str:
    """A reward model's validation accuracy for the versions table, naming the set when a fine-tune's (human or
    synthetic held-out pairs: it showed "None")."""
    meta = with_validation_accuracy(metadata)
    value = metric_text(meta.get("valid_accuracy"))
    return f"{value} ({meta['valid_set']})" if meta.get("valid_set") and value != "—" else value


def base_picker(spec: FieldSpec, value, key: str):
    models = [m for m in store.models.list() if m["kind"] in ("policy", "reward-base", "reward")
              and (m["stage"] != "archived" or m["name"] == value)]  # archived models are retired
    names = [m["name"] for m in models]
    if not names:
        st.warning("No model registered yet.")
        return ""
    kinds = {m["name"]: m["kind"] for m in models}
    index = names.index(value) if value in names else 0
    return st.selectbox(spec.label, names, index=index, format_func=lambda n: f"{n} ({kinds[n]})", help=spec.help,
                        key=key)


train_tab, inspect_tab, versions_tab = st.tabs(["Train", "Inspect a reward model", "Versions side by side"])

with train_tab:
    if not store.preferences.pair_sets():
        st.info("No preference pairs yet: make synthetic pairs on the Synthetic preferences page first.")
    else:
        preset, values = preset_choice("reward", key="rm-preset")
        launch = launch_choice("reward", key="rm")
        memory_estimate("reward", key="rm", launch=launch, values=values, trained_kind="reward")
        config = config_form("reward", key=f"rm-train-{preset}",
                             defaults={"base_model": cold_start_base(store), **values},
                             widgets={"base_model": base_picker, "pair_sets": pair_set_picker},
                             submit_label="Train reward model")
        if config is not None:
            start_run("reward", config, launch=launch)
    latest = store.runs.list(kinds=("reward",), limit=1)
    if latest:
        run_monitor(latest[0]["id"], key="rm-run", charts=CHARTS)

reward_models = store.models.list(kind="reward")

with inspect_tab:
    if not reward_models:
        st.info("No reward model yet.")
    else:
        names = [m["name"] for m in reward_models]
        follow_newest("rm-inspect", names)  # a model registered while the page was open: it stayed on the older one
        name = st.selectbox("Reward model", names, key="rm-inspect")
        model = store.models.get(name)
        sets = validation_sets(model["path"])
        chosen_set = ""
        if len(sets) > 1 or sets and sets[0]:  # a reward fine-tune: its human and its (replayed) synthetic pairs
            chosen_set = st.radio("Validation pairs", sets, horizontal=True, key="rm-inspect-set",
                                  format_func=lambda n: f"{n} pairs" if n else "validation pairs")
        rows = load_valid_rewards(model["path"], chosen_set)
        meta = model["metadata"]
        c1, c2, c3, c4 = st.columns(4)
        acc = accuracy(rows)
        c1.metric("Validation accuracy", f"{acc:.1%}" if acc is not None else "—",
                  help="Share of validation pairs where the chosen translation gets the higher reward. "
                       "The project brief's bar for the cold-start model is 70%.")
        curve = calibration(rows)
        ece = expected_calibration_error(curve)
        c2.metric("Calibration error", f"{ece:.3f}" if ece is not None else "—",
                  help="Mean gap between predicted and observed preference (lower is better).")
        c3.metric("Validation pairs", f"{len(rows):,}")
        c4.metric("Head", f"{meta.get('head', '?')}{' + LoRA' if meta.get('lora') else ''}")
        level, verdict = accuracy_verdict(acc, len(rows), meta.get("likelihood_accuracy"), meta.get("head"))
        if level == "warning":
            st.warning(verdict)
        elif level == "ok":
            st.caption(verdict)
        if not rows:
            st.caption("This model has no validation rewards (trained without validation pairs, or registered "
                       "from outside the studio).")
        else:
            left, right = st.columns(2)
            fig = go.Figure([
                go.Scatter(x=[0, 1], y=[0, 1], mode="lines", name="perfect", line={"dash": "dot", "color": "#999"}),
                go.Scatter(x=[c["predicted"] for c in curve], y=[c["observed"] for c in curve], mode="lines+markers",
                           name="this model", text=[f"{c['pairs']} comparisons" for c in curve]),
            ])
            fig.update_layout(title="Calibration: σ(Δreward) vs observed", xaxis_title="predicted P(preferred)",
                              yaxis_title="observed share preferred", height=350)
            left.plotly_chart(fig, width="stretch", key="rm-calibration")
            dist = go.Figure([go.Histogram(x=[r["chosen_reward"] for r in rows], name="chosen", opacity=0.6),
                              go.Histogram(x=[r["rejected_reward"] for r in rows], name="rejected", opacity=0.6)])
            dist.update_layout(barmode="overlay", title="Rewards of chosen vs rejected", xaxis_title="reward",
                               height=350)
            right.plotly_chart(dist, width="stretch", key="rm-distributions")
            st.subheader("Pairs the model gets wrong")
            wrong = wrong_pairs(rows)
            st.caption(f"{sum(r['chosen_reward'] <= r['rejected_reward'] for r in rows)} of {len(rows)} validation "
                       "pairs; the most confidently wrong first.")
            body = "".join(
                f"<tr><td dir='auto'>{html_text(r['source'])}</td>{arabic_cell(html_text(r['chosen']))}"
                f"<td>{r['chosen_reward']:.2f}</td>{arabic_cell(html_text(r['rejected']))}"
                f"<td>{r['rejected_reward']:.2f}</td></tr>" for r in wrong)
            st.markdown("<table class='tarjama-table'><thead><tr><th>Source</th><th>Chosen (by the data)</th>"
                        "<th>Reward</th><th>Rejected</th><th>Reward</th></tr></thead><tbody>" + body
                        + "</tbody></table>", unsafe_allow_html=True)

with versions_tab:
    if not reward_models:
        st.info("No reward model yet.")
    else:
        st.dataframe([{
            "version": m["name"], "validation accuracy": _accuracy_text(m["metadata"]),
            "policy likelihood's accuracy": metric_text(m["metadata"].get("likelihood_accuracy")),
            "head": m["metadata"].get("head"), "LoRA": m["metadata"].get("lora"),
            "base": m["metadata"].get("base_model") or m["parent"], "train pairs": m["metadata"].get("train_pairs"),
            "valid pairs": with_validation_accuracy(m["metadata"]).get("valid_pairs"),
            "pair sets": ", ".join(m["metadata"].get("pair_sets", [])),
            "run": m["run_id"], "registered (UTC)": m["created_at"],
        } for m in reward_models], hide_index=True, width="stretch")
