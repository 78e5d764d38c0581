"""chrF, BLEU and TER agree with sacrebleu's own sentence scores; Arabic normalisation; worker processes."""

from __future__ import annotations

import pytest
import sacrebleu
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.metrics import MetricSettings, get_metric, normalise_arabic, parallel_sentence_scores

HYPS = ["صباح الخير للجميع", "أعيش مع والدي.", "The cat sat on the mat.", "", "كم ثمن هذا الكتاب"]
REFS = ["صباح الخير للجميع.", "أعيش مع والديّ.", "The cat is on the mat.", "أود حجز غرفة.", "كم ثمن الكتاب؟"]


def test_scores_equal_sacrebleu_sentence_scores() -> None:
    srcs = ["x"] * len(HYPS)
    assert get_metric("chrf").score(srcs, HYPS, REFS) == [sacrebleu.sentence_chrf(h, [r]).score
                                                          for h, r in zip(HYPS, REFS, strict=True)]
    assert get_metric("bleu").score(srcs, HYPS, REFS) == [sacrebleu.sentence_bleu(h, [r]).score
                                                          for h, r in zip(HYPS, REFS, strict=True)]
    assert get_metric("ter").score(srcs, HYPS, REFS) == [sacrebleu.sentence_ter(h, [r]).score
                                                         for h, r in zip(HYPS, REFS, strict=True)]


def test_identical_candidate_scores_perfectly() -> None:
    ref = "يفتح المتحف في الساعة التاسعة."
    assert get_metric("chrf").score(["s"], [ref], [ref]) == [100.0]
    assert get_metric("bleu").score(["s"], [ref], [ref]) == [pytest.approx(100.0)]
    assert get_metric("ter").score(["s"], [ref], [ref]) == [0.0]


def test_ter_is_lower_is_better() -> None:
    ter, chrf = get_metric("ter"), get_metric("chrf")
    assert not ter.higher_is_better and chrf.higher_is_better
    ref = "يفتح المتحف في الساعة التاسعة"
    close, far = "يفتح المتحف في الساعة العاشرة", "السوق مغلق يوم الأحد"
    good, bad = ter.score(["s", "s"], [close, far], [ref, ref])
    assert good < bad


def test_arabic_normalisation_unifies_alef_ya_and_strips_tashkeel() -> None:
    assert normalise_arabic("أحمد إلى آخر") == "احمد الي اخر"
    assert normalise_arabic("مُحَمَّد") == "محمد"
    assert normalise_arabic("جمـــيل") == "جميل"
    assert normalise_arabic("Hello, World") == "Hello, World"
    assert normalise_arabic("ا\u0654") == "ا"  # decomposed hamza: composed by NFC, then unified


def test_invisible_marks_and_presentation_forms_do_not_cost_chrf() -> None:
    # a reference copied from the web with an RLM, a ZWJ inside a word (chrF 100 → 83), a ligature ﻻ
    ref = "\u200fذهبت إلى المحطة، ﻻ البيت."
    hyp = "ذهب\u200dت الى المحطة، لا البيت."
    assert normalise_arabic(ref) == normalise_arabic(hyp) == "ذهبت الي المحطة، لا البيت."
    assert normalise_arabic("ﷲ") == "الله" and normalise_arabic("a\u00adb\ufeff") == "ab"
    assert get_metric("chrf", MetricSettings(arabic_normalise=True)).score(["s"], [hyp], [ref]) == [100.0]
    from engine.metrics.sacrebleu_metrics import spec_is_normalised, string_metric_spec

    # scored the old way, an evaluation is scored again: its spec names the normalisation's version
    assert string_metric_spec(True).endswith("Arabic normalised v2") and spec_is_normalised(string_metric_spec(True))


def test_arabic_normalisation_changes_string_scores() -> None:
    hyp, ref = "ذهب احمد الى المدرسة", "ذهب أحمد إلى المدرسة"
    plain = get_metric("chrf").score(["s"], [hyp], [ref])[0]
    normalised = get_metric("chrf", MetricSettings(arabic_normalise=True)).score(["s"], [hyp], [ref])[0]
    assert plain < 100.0
    assert normalised == 100.0
    assert get_metric("ter", MetricSettings(arabic_normalise=True)).score(["s"], [hyp], [ref]) == [0.0]


@given(st.text(alphabet="أإآٱاىيءؤئةهبتـًٌٍَُِّْ abcABC.\u200d\u200fﻻﷲ", max_size=30))
@settings(max_examples=60, deadline=None)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_arabic(text)
    assert normalise_arabic(once) == once


def test_length_mismatch_and_missing_references_are_errors() -> None:
    with pytest.raises(ValueError, match="references"):
        get_metric("chrf").score(["a"], ["b"])
    with pytest.raises(ValueError):
        get_metric("chrf").score(["a", "b"], ["b"], ["c"])
    assert get_metric("chrf").score([], [], []) == []


def test_workers_split_big_batches_and_keep_order() -> None:
    hyps = [f"{h} {i}" for i in range(300) for h in HYPS]
    refs = [f"{r} {i}" for i in range(300) for r in REFS]
    single = parallel_sentence_scores("chrf", hyps, refs, workers=1)
    assert parallel_sentence_scores("chrf", hyps, refs, workers=2, min_items=100) == single
    metric = get_metric("ter", MetricSettings(workers=2, parallel_min_items=100))
    assert metric.score(hyps, hyps, refs) == parallel_sentence_scores("ter", hyps, refs)


def test_workers_start_clean_processes_when_threads_run() -> None:
    """With other threads alive (as in the studio) the pool must not fork; forkserver workers give the same."""
    import threading

    from engine.metrics.sacrebleu_metrics import _mp_context

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert _mp_context().get_start_method() != "fork"
        hyps, refs = HYPS * 40, REFS * 40
        assert parallel_sentence_scores("bleu", hyps, refs, workers=2, min_items=10) == \
            parallel_sentence_scores("bleu", hyps, refs)
    finally:
        stop.set()
        thread.join()
