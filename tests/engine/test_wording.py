from engine.wording import counted, decimals, metric_text


def test_one_is_singular_and_every_other_count_plural():
    assert counted(1, "segment") == "1 segment"
    assert counted(0, "segment") == "0 segments"
    assert counted(4, "segment") == "4 segments"
    assert counted(12_000, "segment") == "12,000 segments"


def test_an_irregular_plural_is_used_as_given():
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"


def test_a_number_near_zero_never_reads_negative_zero():
    assert decimals(-0.0001) == "0.000" and metric_text(-0.0001) == "0"  # "KL -0.000" at a PPO run's first step
    assert decimals(-0.0012) == "-0.001" and decimals(0.12345) == "0.123" and decimals(1.5, 1) == "1.5"
    assert metric_text(-0.0012) == "-0.001" and metric_text(None) == "—"
