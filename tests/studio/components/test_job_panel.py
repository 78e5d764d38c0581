"""The run monitor's summary table: figures a reader can take in."""

from __future__ import annotations

from studio.components.job_panel import _metric_figure, summary_figure


def test_summary_figures_keep_four_significant_digits_but_never_round_away_units():
    # the Runs page read "BLEU per second 75.1748" and "Tokens per second 2308.2908"
    assert [summary_figure(v) for v in (75.1748, 2308.2908, 0.123456)] == [75.17, 2308.3, 0.1235]
    assert [summary_figure(v) for v in (12345.0, 1.0, 40.0)] == [12345.0, 1.0, 40.0]  # counts stay whole


def test_a_chart_of_a_few_steps_ticks_whole_steps_and_a_long_one_is_left_to_plotly():
    # one logged point was drawn with ticks at 3, 3.5, 4, 4.5, 5 along "step"
    few = _metric_figure({"loss": [(4, 0.5)]}, ["loss"], "Loss")
    assert few.layout.xaxis.dtick == 1
    long = _metric_figure({"loss": [(i, 1.0 / (i + 1)) for i in range(0, 500, 10)]}, ["loss"], "Loss")
    assert long.layout.xaxis.dtick is None


def test_a_share_never_draws_an_axis_below_zero():
    share = _metric_figure({"degenerate_share": [(1, 0.0), (2, 0.0)]}, ["degenerate_share"], "Degenerate (share)")
    assert share.layout.yaxis.rangemode == "nonnegative"  # all zero: plotly drew -1 to 1
    kl = _metric_figure({"kl": [(1, -0.001), (2, 0.02)]}, ["kl"], "KL")  # an estimate that can go below zero
    assert kl.layout.yaxis.rangemode is None
    orpo = _metric_figure({"log_odds_ratio": [(1, -0.69), (2, -0.5)]}, ["log_odds_ratio"], "Log odds")
    assert orpo.layout.yaxis.rangemode is None  # a log-sigmoid: every point fell below a "nonnegative" axis
    clipped = _metric_figure({"completions_clipped_ratio": [(1, 0.0)]}, ["completions_clipped_ratio"], "Cut")
    assert clipped.layout.yaxis.rangemode == "nonnegative"
    both = _metric_figure({"loss": [(1, 0.1)], "grad_norm": [(1, 0.3)]}, ["loss", "grad_norm"], "Loss")
    assert both.layout.yaxis.rangemode is None  # one of them can be negative
