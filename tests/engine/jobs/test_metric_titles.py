"""Metric keys become chart titles people can read."""

from __future__ import annotations

from engine.jobs.metric_titles import metric_title


def test_known_and_unknown_keys_read_as_words():
    assert metric_title("sources_per_s") == "Sources per second"
    assert metric_title("distinct_per_source") == "Distinct candidates per source"
    assert metric_title("eval_accuracy") == "Validation accuracy"
    assert metric_title("valid_chrf") == "Validation chrF"
    assert metric_title("rewards/chosen") == "Rewards chosen"
    assert metric_title("mean_mbr_chrf") == "Mean MBR chrF"
    assert metric_title("x") == "X"


def test_an_acronym_first_keeps_its_own_case():
    from engine.jobs.metric_titles import metric_title

    assert metric_title("chrf") == "chrF" and metric_title("bleu") == "BLEU"
    assert metric_title("lr") == "Learning rate"
