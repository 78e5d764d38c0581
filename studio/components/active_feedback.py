"""The Human alignment page's chart of ``bench/results/active_feedback.json``: how the fine-tuned reward model's
accuracy grew per step of judgements when linguists were handed random vs uncertain sources."""

from __future__ import annotations

import json
import os
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

RESULTS_ENV = "TARJAMA_ACTIVE_FEEDBACK_RESULTS"
DEFAULT_RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results" / "active_feedback.json"
ARM_LABELS = {
    "random": "random sources",
    "disagreement": "ensemble disagreement first",
    "margin": "smallest top-two gap first",
}


def results_file() -> Path:
    """Where the measurement is read from (``$TARJAMA_ACTIVE_FEEDBACK_RESULTS`` overrides the bench's file)."""
    return Path(os.environ.get(RESULTS_ENV) or DEFAULT_RESULTS)


def load_results(path: Path) -> dict | None:
    """The measurement, or ``None`` when the file is absent or not a measurement this page can draw."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("curves_mean"), dict) else None


def active_feedback_chart(key: str) -> None:
    """Draw the learning curves with their min–max over seeds, and say plainly which order won."""
    data = load_results(results_file())
    if data is None:
        st.info("No measurement yet: run `python -m bench.active_feedback` (a few minutes on the demo).")
        return
    fig = go.Figure()
    for arm, points in data["curves_mean"].items():
        xs = [p["judgements"] for p in points]
        ys = [p["accuracy"] for p in points]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+markers",
                name=ARM_LABELS.get(arm, arm),
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": [p["max"] - p["accuracy"] for p in points],
                    "arrayminus": [p["accuracy"] - p["min"] for p in points],
                },
            )
        )
    fig.update_layout(
        xaxis_title="judgements",
        yaxis_title="held-out pairwise accuracy",
        height=360,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h"},
    )
    st.plotly_chart(fig, use_container_width=True, key=f"{key}-chart")
    final = data.get("final") or {}
    settings = data.get("settings") or {}
    if final:
        best = max(final, key=final.get)
        random_final = final.get("random")
        verdict = (
            f"After {settings.get('budget', '?')} judgements: "
            + ", ".join(f"{ARM_LABELS.get(a, a)} {v:.3f}" for a, v in final.items())
            + ". "
        )
        if random_final is not None and best != "random" and final[best] > random_final:
            verdict += f"Chosen sources ({ARM_LABELS.get(best, best)}) ended ahead of random by "
            verdict += f"{final[best] - random_final:+.3f}."
        else:
            verdict += "Chosen sources did not beat random sources here."
        st.markdown(verdict)
    load = data.get("load_avg_at_start")
    st.caption(
        f"{data.get('what', '')}; {data.get('linguist', '')}. Means over {settings.get('repeats', '?')} seeds "
        f"(bars: min–max); {data.get('pool_sources', '?')} sources to choose from, "
        f"{data.get('heldout_pairs', '?')} held-out pairs. Measured {data.get('when_utc', '?')}"
        + (f", load {load[0]:.1f} on {data.get('machine', {}).get('cpus', '?')} CPUs" if load else "")
        + f" ({results_file().name})."
    )
