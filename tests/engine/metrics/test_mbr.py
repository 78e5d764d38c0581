"""MBR consensus: mean chrF against the other candidates of the same source."""

from __future__ import annotations

import math

import sacrebleu
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.metrics import MetricSettings, consensus_scores, get_metric
from engine.metrics.mbr import _group_consensus_slow, group_consensus


def test_consensus_candidate_scores_highest() -> None:
    cands = [
        "يفتح المتحف في الساعة التاسعة",  # the consensus: each other candidate changes one word of it
        "يفتح المتحف في الساعة العاشرة",
        "يفتح المعرض في الساعة التاسعة",
        "تفتح المكتبة في الساعة التاسعة",
        "The museum opens at nine",  # the outlier
    ]
    scores = get_metric("mbr_chrf").score(["src"] * 5, cands, groups=[7] * 5)
    assert max(range(5), key=scores.__getitem__) == 0
    assert min(range(5), key=scores.__getitem__) == 4
    expected = [sum(sacrebleu.sentence_chrf(a, [b]).score for j, b in enumerate(cands) if j != i) / 4
                for i, a in enumerate(cands)]
    assert scores == expected  # exactly sacrebleu's sentence chrF, averaged in order


@given(st.lists(st.text(alphabet="ابتث جحخ abc.", max_size=12), min_size=1, max_size=5))
@settings(max_examples=40, deadline=None)
def test_fast_path_equals_every_ordered_pair(texts: list[str]) -> None:
    fast = group_consensus(texts)
    if len(texts) == 1:
        assert math.isnan(fast[0])
    else:
        assert fast == _group_consensus_slow(texts)


def test_groups_are_independent_and_singletons_are_nan() -> None:
    cands = ["كتاب جديد", "كتاب جديد", "قلم", "سيارة حمراء", "سيارة حمراء"]
    scores = consensus_scores(cands, ["a", "a", "b", "c", "c"])
    assert scores[0] == scores[1] == 100.0
    assert math.isnan(scores[2])
    assert scores[3] == scores[4] == 100.0


def test_groups_default_to_the_source_text() -> None:
    srcs = ["one", "one", "two", "two"]
    cands = ["كتاب", "كتاب", "بيت", "بيت كبير"]
    metric = get_metric("mbr_chrf")
    assert metric.score(srcs, cands) == metric.score(srcs, cands, groups=[1, 1, 2, 2])
    assert not metric.needs_reference and not metric.needs_model


def test_normalisation_and_workers() -> None:
    cands = ["أحمد", "احمد"] * 1500
    groups = [i // 2 for i in range(3000)]
    plain = get_metric("mbr_chrf").score(cands, cands, groups=groups)
    assert plain[0] < 100.0
    normalised = MetricSettings(arabic_normalise=True, workers=2, parallel_min_items=1000)
    assert set(get_metric("mbr_chrf", normalised).score(cands, cands, groups=groups)) == {100.0}
    mixed = [f"{c} {i % 7}" for i, c in enumerate(cands)]
    uneven = [i // 3 if i < 2000 else i for i in range(3000)]  # groups of 3, then singletons
    single = consensus_scores(mixed, uneven)
    parallel = consensus_scores(mixed, uneven, workers=2, min_items=1000)
    assert str(parallel) == str(single)  # equal, nan included


def test_a_distinct_candidate_counts_as_often_as_it_was_sampled() -> None:
    # the score job scored the distinct candidates once each: the answer sampled five times ranked below two
    # one-off samples, and in the reference-free mode that alone chose the pair
    cands = ["يفتح المتحف في التاسعة", "المتحف مغلق اليوم", "المكتبة مغلقة اليوم"]
    counts = [5, 1, 1]
    scores = get_metric("mbr_chrf").score(["src"] * 3, cands, groups=[0] * 3, counts=counts)
    assert max(range(3), key=scores.__getitem__) == 0
    expanded = [c for c, n in zip(cands, counts, strict=True) for _ in range(n)]
    full = consensus_scores(expanded, [0] * len(expanded))
    assert scores == [full[0], full[5], full[6]]  # each as its first sample scores against the other six
    assert get_metric("mbr_chrf").score(["s"] * 3, cands, groups=[0] * 3, counts=[1, 1, 1]) == \
        get_metric("mbr_chrf").score(["s"] * 3, cands, groups=[0] * 3)
