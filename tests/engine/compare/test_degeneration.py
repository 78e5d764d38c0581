"""Compare flags degenerate outputs: a high failed-check rate, or one that rose against the parent."""

from __future__ import annotations

from engine.compare.comparison import CompareSettings, Comparison, System
from engine.compare.degeneration import degeneration_flags


def _comparison(rates: dict[str, float], rewards: dict[str, float] | None = None) -> Comparison:
    systems = [System(key=f"ev-{m}", label=m, model=m, decoding_label="greedy", run_id=None) for m in rates]
    summary = [{"key": f"ev-{m}", "metric": "hallucination", "level": "sentence", "value": v} for m, v in rates.items()]
    summary += [{"key": f"ev-{m}", "metric": "rm", "level": "sentence", "value": v}
                for m, v in (rewards or {}).items()]
    return Comparison(testset={}, systems=systems, settings=CompareSettings(), metrics=["hallucination", "rm"],
                      summary=summary, pairs=[], sentences=[], incomplete={})


def test_a_rate_that_rose_against_the_parent_is_flagged_with_the_reward_hacking_warning():
    comparison = _comparison({"sft": 0.02, "cold": 0.12, "final": 0.03}, {"sft": 0.1, "cold": 0.9, "final": 0.2})
    flags = degeneration_flags(comparison, {"cold": "sft", "final": "cold", "sft": None})
    assert [f.label for f in flags] == ["cold"]
    message = flags[0].message()
    assert "12% of its outputs fail" in message and "up from 2% for its parent sft" in message
    assert "reward rose from 0.100 to 0.900" in message and "reward hacking" in message


def test_a_high_rate_is_flagged_even_without_a_parent():
    """All three models failed the checks on every output: nothing was said."""
    flags = degeneration_flags(_comparison({"sft": 1.0, "cold": 1.0}), {"cold": "sft"})
    assert [f.label for f in flags] == ["sft", "cold"]
    assert "(its parent sft: 100%)" in flags[1].message() and "reward hacking" in flags[0].message()


def test_clean_systems_raise_nothing():
    assert degeneration_flags(_comparison({"sft": 0.0, "cold": 0.04}), {"cold": "sft"}) == []


def test_a_rise_of_exactly_five_points_is_flagged_whatever_the_rounding():
    # 3/20 - 2/20 is 0.04999… in floating point: about half of all exact 5-point rises went unflagged
    missed = [(k, n) for n in range(20, 201, 20) for k in range(0, n // 2)
              if not degeneration_flags(_comparison({"sft": k / n, "cold": (k + n // 20) / n}), {"cold": "sft"})]
    assert missed == []
    assert degeneration_flags(_comparison({"sft": 2 / 20, "cold": 3 / 20}), {"cold": "sft"})[0].rose
