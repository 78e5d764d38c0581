"""The Monitor page's charts: readable axes with a single period of data."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from studio.components.monitor_charts import measure_chart

DAY = datetime(2026, 12, 4, tzinfo=UTC)


def _rows(measure: str, value: float) -> list[dict]:
    return [{"model": "demo-sft", "measure": measure, "period": DAY, "n": 3, "value": value}]


def test_one_day_of_data_gets_day_ticks_and_a_day_of_room_each_side():
    # plotly's autorange spread one point over milliseconds ("23:59:59.9995 … 00:00:00.0005")
    fig = measure_chart(_rows("degenerate", 0.0), "degenerate", [], "day")
    low, high = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert (low, high) == (pd.Timestamp("2026-12-03", tz="UTC"), pd.Timestamp("2026-12-05", tz="UTC"))
    assert fig.layout.xaxis.dtick == 86_400_000 and fig.layout.xaxis.tickformat == "%b %-d"
    week = measure_chart(_rows("degenerate", 0.0), "degenerate", [], "week")
    assert week.layout.xaxis.dtick == 7 * 86_400_000
    # weekly ticks fall on the weeks' Mondays: plotly's default start for them is a Sunday (2000-01-02)
    assert pd.Timestamp(week.layout.xaxis.tick0).day_name() == "Monday"


def test_a_share_stays_between_0_and_100_percent_and_a_score_is_not_padded_with_zeros():
    share = measure_chart(_rows("degenerate", 0.0), "degenerate", [], "day")
    assert tuple(share.layout.yaxis.range) == (-0.02, 1.02) and share.layout.yaxis.tickformat == ".0%"
    score = measure_chart(_rows("reward", -161.0), "reward", [], "day")
    assert score.layout.yaxis.range is None and score.layout.yaxis.tickformat == "~r"  # "-161", not "-161.000"


def test_labels_of_promotions_minutes_apart_do_not_print_over_each_other():
    from datetime import timedelta

    promotions = [{"time": DAY + timedelta(minutes=m), "action": "promote", "model": f"v{m}"} for m in (0, 4, 9)]
    promotions.append({"time": DAY + timedelta(days=3), "action": "rollback", "model": "v0"})
    fig = measure_chart(_rows("reward", 0.5), "reward", promotions, "day")
    labels = {a.text: a.y for a in fig.layout.annotations}
    assert len({labels["promote: v0"], labels["promote: v4"], labels["promote: v9"]}) == 3
    assert labels["rollback: v0"] == 1  # days later: back on the top line
