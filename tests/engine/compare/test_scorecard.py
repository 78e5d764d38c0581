"""The loop scorecard on constructed evaluations: known systems, known verdicts and p-values."""

from __future__ import annotations

import pytest

from engine.compare.comparison import CompareSettings
from engine.compare.scorecard import StepResult, build_scorecard, loop_chain
from engine.models.registry import promote
from tests.engine.compare.helpers import add_evaluation

FAST = CompareSettings(n_resamples=300)
REFS = [
    ("Where is the station?", "أين المحطة؟"), ("I would like a coffee, please.", "أريد قهوة من فضلك."),
    ("The museum opens at nine.", "يفتح المتحف في الساعة التاسعة."), ("How much does this cost?", "كم ثمن هذا؟"),
    ("My brother lives in Cairo.", "يعيش أخي في القاهرة."),
    ("We are going to the sea tomorrow.", "سنذهب إلى البحر غدا."),
    ("The weather is nice today.", "الطقس جميل اليوم."), ("Please close the window.", "من فضلك أغلق النافذة."),
    ("The children are playing in the garden.", "الأطفال يلعبون في الحديقة."),
    ("She reads a book every evening.", "تقرأ كتابا كل مساء."),
    ("The doctor is in the hospital.", "الطبيب في المستشفى."),
    ("We ate lunch at the restaurant.", "تناولنا الغداء في المطعم."),
]
ROWS = [(f"{s} ({i})", r) for i in range(4) for s, r in REFS]


def _testset(store) -> str:
    return store.evaluations.add_testset("loop test", "upload",
                                         [{"source": s, "reference": r, "pair": "en-ar"} for s, r in ROWS])


def _worse(text: str) -> str:
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 else "ال"


def _chain(store, names_stages):
    parent = None
    for name, stage in names_stages:
        store.models.register(name, "policy", f"/m/{name}", stage=stage, parent=parent)
        parent = name


def test_a_better_then_an_unchanged_step(store, tmp_path):
    _chain(store, [("sft", "sft"), ("cold", "cold-start"), ("fin", "final")])
    ts = _testset(store)
    refs = [r for _, r in ROWS]
    add_evaluation(store, tmp_path, ts, "sft", [_worse(r) for r in refs])
    add_evaluation(store, tmp_path, ts, "cold", refs)
    add_evaluation(store, tmp_path, ts, "fin", refs)
    card = build_scorecard(store, settings=FAST)
    assert [m.name for m in card.models] == ["sft", "cold", "fin"]
    assert [m.stage for m in card.models] == ["sft", "cold-start", "final"]
    for m in card.models:
        value, low, high = m.scores["chrf"]
        assert low <= value <= high
    assert card.models[1].scores["chrf"][0] == pytest.approx(100.0)
    first = next(s for s in card.steps if s.metric == "chrf" and s.after == "cold")
    assert first.delta > 5 and first.significant and first.p < 0.01 and first.verdict == "better"
    second = next(s for s in card.steps if s.metric == "chrf" and s.after == "fin")
    assert second.delta == 0 and second.p == pytest.approx(1.0) and second.verdict == "no significant difference"
    lines = card.headline()
    assert lines[0].startswith("cold-start (cold) is better than sft (sft): +") and "chrF" in lines[0]
    assert "not significantly different" in lines[1] and "(not significant)" in lines[1]
    assert card.flags == [] and card.missing == []


def test_a_step_that_made_things_worse_is_flagged(store, tmp_path):
    _chain(store, [("sft", "sft"), ("cold", "cold-start")])
    ts = _testset(store)
    refs = [r for _, r in ROWS]
    add_evaluation(store, tmp_path, ts, "sft", refs)
    add_evaluation(store, tmp_path, ts, "cold", ["the output the output"] * len(refs))  # non-Arabic: degenerate
    card = build_scorecard(store, settings=FAST)
    step = next(s for s in card.steps if s.metric == "chrf")
    assert step.verdict == "worse" and step.delta < 0
    assert any("made chrF worse" in f for f in card.flags)
    worse_flag = next(f for f in card.flags if "made chrF worse" in f)  # the p as the sentence beside it says it
    assert worse_flag.endswith(f"{step.delta:+.2f}, {step.sentence('a', 'b').rsplit(', ', 1)[1]})")
    assert any("degenerate" in f and "reward hacking" in f for f in card.flags)


def test_the_chain_follows_parents_and_a_promoted_final_model(store):
    _chain(store, [("sft", "sft"), ("cold", "cold-start"), ("fin", "final")])
    store.models.register("other-sft", "policy", "/m/o", stage="sft")
    assert [m["name"] for m in loop_chain(store)] == ["sft", "cold", "fin"]
    promote(store, "fin", confirm_name="fin")
    assert store.models.get("fin")["stage"] == "production"
    chain = loop_chain(store)
    assert [(m["name"], m["loop_stage"]) for m in chain] == [("sft", "sft"), ("cold", "cold-start"), ("fin", "final")]


def test_a_promoted_sft_or_cold_start_model_does_not_cut_the_chain(store):
    # the SFT model promoted (the final model was worse): the card showed the SFT model alone, and the step that made
    # things worse went off it; a promoted cold start hid the final model made from it
    _chain(store, [("sft", "sft"), ("cold", "cold-start"), ("fin", "final")])
    promote(store, "cold", confirm_name="cold")
    assert [(m["name"], m["loop_stage"]) for m in loop_chain(store)] == [
        ("sft", "sft"), ("cold", "cold-start"), ("fin", "final")]
    promote(store, "sft", confirm_name="sft")
    assert [(m["name"], m["loop_stage"]) for m in loop_chain(store)] == [
        ("sft", "sft"), ("cold", "cold-start"), ("fin", "final")]


def test_a_cold_start_rolled_back_to_ends_the_chain_over_the_final_model_it_replaced(store):
    # review mend: a final model that was production and was rolled back from is not the card's top
    from engine.models.registry import rollback

    _chain(store, [("sft", "sft"), ("cold", "cold-start"), ("fin", "final")])
    promote(store, "cold", confirm_name="cold")
    promote(store, "fin", confirm_name="fin")
    rollback(store, confirm=True)
    assert store.models.get("cold")["stage"] == "production"
    assert [m["name"] for m in loop_chain(store)] == ["sft", "cold"]


def test_an_archived_sft_model_still_starts_the_chain(store):
    from engine.models.registry import archive

    _chain(store, [("sft", "sft"), ("cold", "cold-start")])
    archive(store, "sft")
    assert [(m["name"], m["loop_stage"]) for m in loop_chain(store)] == [("sft", "sft"), ("cold", "cold-start")]


def test_the_corpus_test_split_comes_first_among_the_covered_test_sets(store, tmp_path):
    from engine.compare.scorecard import covered_testsets

    _chain(store, [("sft", "sft"), ("cold", "cold-start")])
    corpus_ts = store.evaluations.add_testset("demo · test", "corpus",
                                              [{"source": s, "reference": r, "pair": "en-ar"} for s, r in ROWS[:24]])
    upload_ts = _testset(store)  # test sets are content-addressed: this one has more rows
    only_sft = store.evaluations.add_testset("other", "upload", [{"source": "x", "reference": "س", "pair": "en-ar"}])
    for ts, n in ((corpus_ts, 24), (upload_ts, len(ROWS))):
        refs = [r for _, r in ROWS[:n]]
        add_evaluation(store, tmp_path / ts, ts, "sft", refs, decoding_label=f"greedy {n}")
        add_evaluation(store, tmp_path / ts, ts, "cold", refs, decoding_label=f"greedy {n}")
    add_evaluation(store, tmp_path / "o", only_sft, "sft", ["س"])
    assert [t["id"] for t in covered_testsets(store, loop_chain(store))] == [corpus_ts, upload_ts]


def test_no_scorecard_before_any_evaluation(store):
    _chain(store, [("sft", "sft")])
    assert build_scorecard(store) is None


def test_the_plain_words_of_a_step():
    step = StepResult("a", "b", "chrf", 2.43, 1.1, 3.8, 0.012, True)
    assert step.sentence("cold-start", "SFT") == "cold-start is better than SFT: +2.4 chrF, p = 0.012"
    worse = StepResult("a", "b", "bleu", -1.0, -2.0, -0.2, 0.0004, True)
    assert worse.sentence("final", "cold-start") == "final is worse than cold-start: -1.0 BLEU, p < 0.001"
    from engine.compare.scorecard import p_words

    assert p_words(1 / 1001) == "p < 0.001" and p_words(0.0012) == "p = 0.001" and p_words(0.38) == "p = 0.38"
    tiny = StepResult("a", "b", "chrf", 0.04, 0.01, 0.07, 0.003, True)  # it read "better than SFT: +0.0 chrF"
    assert tiny.sentence("cold-start", "SFT") == "cold-start is better than SFT: +0.04 chrF, p = 0.003"


def test_the_chain_skips_the_versions_between_the_loops_models(store):
    # a lab that retrained every month: the scorecard listed every intermediate version as "not evaluated"
    _chain(store, [("sft", "sft"), ("cand-1", "candidate"), ("cold", "cold-start"), ("cand-2", "candidate"),
                   ("fin-1", "final"), ("fin-2", "final"), ("fin-3", "final")])
    assert [(m["name"], m["loop_stage"]) for m in loop_chain(store)] == [
        ("sft", "sft"), ("cold", "cold-start"), ("fin-3", "final")]


def test_a_metric_scored_differently_along_the_chain_is_named_not_compared(store, tmp_path):
    from tests.engine.compare.helpers import add_evaluation, add_testset, references

    _chain(store, [("sft", "sft"), ("cold", "cold-start")])
    testset = add_testset(store)
    add_evaluation(store, tmp_path, testset, "sft", references(), specs={"chrf": "sacrebleu, Arabic normalised"})
    add_evaluation(store, tmp_path, testset, "cold", references(), specs={"chrf": "sacrebleu"})
    card = build_scorecard(store)
    assert card.mismatched == ["chrf"] and not any(s.metric == "chrf" for s in card.steps)


def test_a_rise_of_exactly_two_points_of_degenerate_outputs_is_not_flagged(store, tmp_path):
    # 6 → 7 of 50 is +2.0 points, which floating point makes 0.020000000000000018: flagged as "more than 2 points"
    rows = [(f"{s} ({i})", r) for i in range(5) for s, r in REFS][:50]
    ts = store.evaluations.add_testset("fifty", "upload", [{"source": s, "reference": r, "pair": "en-ar"}
                                                           for s, r in rows])
    refs = [r for _, r in rows]
    _chain(store, [("sft", "sft"), ("cold", "cold-start")])
    add_evaluation(store, tmp_path, ts, "sft", ["the output"] * 6 + refs[6:])
    add_evaluation(store, tmp_path, ts, "cold", ["the output"] * 7 + refs[7:])
    card = build_scorecard(store, settings=FAST)
    assert [m.degenerate_rate for m in card.models] == [pytest.approx(0.12), pytest.approx(0.14)]
    assert not any("degenerate" in f for f in card.flags)
    add_evaluation(store, tmp_path, ts, "cold", ["the output"] * 8 + refs[8:])  # +4 points: flagged
    assert any("degenerate" in f for f in build_scorecard(store, settings=FAST).flags)
