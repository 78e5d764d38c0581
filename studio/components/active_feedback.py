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


def seed_differences(data: dict, arm: str) -> list[float]:
    """Per seed: the arm's final accuracy minus random's (the same seed starts both from the same judgements)."""
    runs = data.get("curves_per_seed") or {}
    return [
        a[-1]["accuracy"] - r[-1]["accuracy"]
        for a, r in zip(runs.get(arm, []), runs.get("random", []), strict=False)
        if a and r
    ]


def _against_random(data: dict) -> list[str]:
    """One sentence per chosen-source arm: ahead of random only when the mean per-seed difference exceeds twice
    its standard error, else not measurably different."""
    out = []
    for arm in (a for a in (data.get("final") or {}) if a != "random"):
        diffs = seed_differences(data, arm)
        if len(diffs) < 2:
            continue
        mean = sum(diffs) / len(diffs)
        sd = (sum((d - mean) ** 2 for d in diffs) / (len(diffs) - 1)) ** 0.5
        margin = 2 * sd / len(diffs) ** 0.5
        label = ARM_LABELS.get(arm, arm)
        if mean - margin > 0:
            out.append(
                f"{label.capitalize()} beat random by {mean:+.3f} (± {margin:.3f}, 2 s.e. over {len(diffs)} seeds)."
            )
        elif mean + margin < 0:
            out.append(f"{label.capitalize()} did worse than random by {mean:+.3f} (± {margin:.3f}, 2 s.e.).")
        else:
            out.append(
                f"{label.capitalize()}: not measurably different from random ({mean:+.3f} ± {margin:.3f}, "
                f"2 s.e. over {len(diffs)} seeds)."
            )
    return out


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
    st.plotly_chart(fig, width="stretch", key=f"{key}-chart")
    final = data.get("final") or {}
    settings = data.get("settings") or {}
    if final:
        verdict = f"After {settings.get('budget', '?')} judgements: " + ", ".join(
            f"{ARM_LABELS.get(a, a)} {v:.3f}" for a, v in final.items()
        )
        st.markdown(verdict + ". " + " ".join(_against_random(data)))
    load = data.get("load_avg_at_start")
    st.caption(
        f"{data.get('what', '')}; {data.get('linguist', '')}. Means over {settings.get('repeats', '?')} seeds "
        f"(bars: min–max); {data.get('pool_sources', '?')} sources to choose from, "
        f"{data.get('heldout_pairs', '?')} held-out pairs. Measured {data.get('when_utc', '?')}"
        + (f", load {load[0]:.1f} on {data.get('machine', {}).get('cpus', '?')} CPUs" if load else "")
        + f" ({results_file().name})."
    )
