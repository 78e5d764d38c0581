"""The Monitor page's charts: one measure over time, a line per model version, promotions marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

from engine.monitor.quality import MEASURES


def measure_chart(rows: Sequence[dict], measure: str, promotions: Sequence[dict], period: str) -> go.Figure:
    """``rows`` from :func:`engine.monitor.quality.aggregate` (any measure; this one is drawn), one line per model;
    each promotion to production a dashed vertical line labelled with the model promoted."""
    m = MEASURES[measure]
    fig = go.Figure()
    for model in dict.fromkeys(r["model"] for r in rows if r["measure"] == measure):
        mine = [r for r in rows if r["measure"] == measure and r["model"] == model]
        fig.add_trace(
            go.Scatter(
                x=[r["period"] for r in mine],
                y=[r["value"] for r in mine],
                mode="lines+markers",
                name=model,
                customdata=[r["n"] for r in mine],
                hovertemplate=f"{model}<br>%{{x|%Y-%m-%d}}: %{{y:.3f}} (n %{{customdata}})<extra></extra>",
            )
        )
    step = timedelta(days=7 if period == "week" else 1)
    level, previous = 0, None
    for p in sorted(promotions, key=lambda p: p["time"]):
        # labels of promotions less than a period apart go one under the other (they printed over each other)
        level = level + 1 if previous is not None and p["time"] - previous < step else 0
        previous = p["time"]
        fig.add_vline(x=p["time"], line_dash="dash", line_color="#888")
        fig.add_annotation(
            x=p["time"],
            y=1 - 0.09 * (level % 8),
            yref="paper",
            text=f"{p['action']}: {p['model']}",
            showarrow=False,
            xanchor="left",
            font={"size": 10, "color": "#666"},
        )
    # one tick per period and a period of room each side (with one day of data plotly spread milliseconds over the
    # axis); a share stays on 0–100 % (its autorange ran from −50 % to 150 % around a single point)
    times = [pd.Timestamp(r["period"]) for r in rows if r["measure"] == measure]
    # ticks on the periods' starts: plotly starts weekly ticks on a Sunday (2000-01-02), the weeks on Mondays
    xaxis: dict = {"type": "date", "tickformat": "%b %-d", "dtick": int(step.total_seconds() * 1000),
                   "tick0": "2000-01-03"}
    if times:
        xaxis["range"] = [min(times) - step, max(times) + step]
    fig.update_layout(
        title=f"{m.label} per {period}",
        height=300,
        margin={"l": 40, "r": 10, "t": 40, "b": 30},
        legend={"orientation": "h", "y": -0.2},
        xaxis=xaxis,
        yaxis={"tickformat": ".0%", "range": [-0.02, 1.02]} if m.share else {"tickformat": "~r"},
    )
    return fig
