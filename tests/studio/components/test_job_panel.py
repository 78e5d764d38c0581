"""The run monitor's summary table: figures a reader can take in."""

from __future__ import annotations

from studio.components.job_panel import summary_figure


def test_summary_figures_keep_four_significant_digits_but_never_round_away_units():
    # the Runs page read "BLEU per second 75.1748" and "Tokens per second 2308.2908"
    assert [summary_figure(v) for v in (75.1748, 2308.2908, 0.123456)] == [75.17, 2308.3, 0.1235]
    assert [summary_figure(v) for v in (12345.0, 1.0, 40.0)] == [12345.0, 1.0, 40.0]  # counts stay whole
