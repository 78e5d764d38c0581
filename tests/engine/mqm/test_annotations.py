"""Error spans: words and offsets in Arabic text, checks with the reason, the store round trip, MQM scores per
segment and per model, the JSONL export, and span annotations turned into preference pairs."""

from __future__ import annotations

import json

import pytest

from engine.feedback.pairs import convert
from engine.mqm.annotate import save_annotation
from engine.mqm.export import export_jsonl
from engine.mqm.pairs import span_records
from engine.mqm.scoring import WEIGHTS, model_scores, penalty, per_100_words
from engine.mqm.spans import ErrorSpan, SpanError, check_spans, span_from_words, words
from tests.engine.feedback.helpers import ARABIC, stored_request

TEXT = "القطة على الطاولة."  # words: القطة (0–5), على (6–9), الطاولة. (10–18)


def test_words_keep_their_character_offsets_in_arabic_text():
    found = words(TEXT)
    assert [w.text for w in found] == ["القطة", "على", "الطاولة."]
    assert all(TEXT[w.start : w.end] == w.text for w in found)
    span = span_from_words(TEXT, [2, 1], "accuracy", "major")
    assert (span.start, span.end) == (6, len(TEXT)) and TEXT[span.start : span.end] == "على الطاولة."


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ({"start": 0, "end": 5, "category": "grammar", "severity": "minor"}, "span 1: category 'grammar'"),
        ({"start": 0, "end": 5, "category": "fluency", "severity": "fatal"}, "span 1: severity 'fatal'"),
        ({"start": 3, "end": 99, "category": "fluency", "severity": "minor"}, "not inside the text"),
        ({"start": 5, "end": 6, "category": "fluency", "severity": "minor"}, "only whitespace"),
        ({"start": "x", "end": 6, "category": "fluency", "severity": "minor"}, "integer start and end"),
    ],
)
def test_bad_spans_are_refused_with_the_reason(span, message):
    with pytest.raises(SpanError, match=message):
        check_spans(TEXT, [span])


def test_no_words_chosen_and_a_repeated_span_are_refused():
    with pytest.raises(SpanError, match="choose the word"):
        span_from_words(TEXT, [], "style", "minor")
    same = ErrorSpan(0, 5, "style", "minor")
    with pytest.raises(SpanError, match="span 2: the same error is marked twice"):
        check_spans(TEXT, [same, same])


def test_segment_scores_use_the_weights_and_count_words():
    spans = [{"severity": "minor"}, {"severity": "major"}, {"severity": "critical"}]
    assert WEIGHTS == {"minor": 1.0, "major": 5.0, "critical": 25.0}
    assert penalty(spans) == 31.0 and penalty([]) == 0.0
    assert per_100_words(31.0, 3) == pytest.approx(1033.333, rel=1e-4)


def test_annotations_round_trip_through_the_store_and_score_per_model(store):
    first = stored_request(store, model="final")
    second = stored_request(store, source="Where is the cat?", model="sft")
    saved = save_annotation(
        store,
        submission_id="s1",
        request_id=first,
        position=0,
        linguist="Amina",
        spans=[
            span_from_words(ARABIC[0], [0], "terminology", "minor", "قطة not قطّة"),
            ErrorSpan(6, 9, "fluency", "major"),
        ],
    )
    assert saved.created
    assert save_annotation(store, submission_id="s1", request_id=first, position=0, linguist="Amina", spans=[]) == (
        saved.__class__(saved.annotation_id, False)
    )  # a repeat of the same form is stored once
    save_annotation(store, submission_id="s2", request_id=first, position=1, linguist="Amina", spans=[])
    save_annotation(
        store,
        submission_id="s3",
        request_id=second,
        position=0,
        linguist="Karim",
        spans=[ErrorSpan(0, 4, "accuracy", "critical")],
    )
    rows = store.annotations.annotations()
    assert [(r["model"], r["position"], r["words"]) for r in rows] == [("final", 0, 3), ("final", 1, 3), ("sft", 0, 3)]
    assert rows[0]["target"] == ARABIC[0] and rows[0]["source"] == "The cat is on the table."
    assert rows[0]["spans"] == [
        {"start": 0, "end": 5, "category": "terminology", "severity": "minor", "note": "قطة not قطّة"},
        {"start": 6, "end": 9, "category": "fluency", "severity": "major", "note": ""},
    ]
    final, sft = model_scores(rows)
    assert (final.model, final.segments, final.words, final.penalty) == ("final", 2, 6, 6.0)
    assert final.errors == {"minor": 1, "major": 1, "critical": 0}
    assert final.errors_per_100_words == pytest.approx(100.0) and final.mean_penalty == 3.0
    assert final.by_category["terminology"] == 1.0 and final.by_category["fluency"] == 5.0
    assert sft.penalty == 25.0 and sft.errors_per_100_words == pytest.approx(25 * 100 / 3)
    # annotating the same candidate again replaces the earlier annotation in the scores
    save_annotation(store, submission_id="s4", request_id=first, position=0, linguist="Amina", spans=[])
    final, _ = model_scores(store.annotations.annotations())
    assert final.penalty == 0.0 and final.segments == 2
    assert store.annotations.count() == 4


def test_spans_are_checked_against_the_candidate_they_mark(store):
    request = stored_request(store)
    with pytest.raises(SpanError, match="no candidate #9"):
        save_annotation(store, submission_id="x", request_id=request, position=8, linguist="A", spans=[])
    with pytest.raises(SpanError, match="not inside the text"):
        save_annotation(
            store,
            submission_id="x",
            request_id=request,
            position=0,
            linguist="A",
            spans=[ErrorSpan(0, 500, "style", "minor")],
        )
    with pytest.raises(SpanError, match="no translation request"):
        save_annotation(store, submission_id="x", request_id="nope", position=0, linguist="A", spans=[])
    assert store.annotations.count() == 0


def test_the_export_gives_the_spans_text_and_scores(store):
    request = stored_request(store)
    save_annotation(
        store,
        submission_id="s",
        request_id=request,
        position=0,
        linguist="Amina",
        spans=[ErrorSpan(6, 9, "accuracy", "major")],
    )
    (line,) = export_jsonl(store.annotations.annotations()).decode("utf-8").splitlines()
    record = json.loads(line)
    assert record["target"] == ARABIC[0] and record["spans"][0]["text"] == "على"
    assert record["penalty"] == 5.0 and record["errors_per_100_words"] == pytest.approx(500 / 3, abs=1e-3)
    assert record["linguist"] == "Amina" and record["model"] == "tiny-sft" and record["words"] == 3


def test_fewer_weighted_errors_is_preferred_in_the_human_pairs(store):
    request = stored_request(store)
    spans = {0: [ErrorSpan(0, 5, "accuracy", "critical")], 1: [ErrorSpan(0, 4, "fluency", "minor")], 2: []}
    for position, marked in spans.items():
        save_annotation(
            store, submission_id=f"a{position}", request_id=request, position=position, linguist="Amina", spans=marked
        )
    save_annotation(store, submission_id="k0", request_id=request, position=0, linguist="Karim", spans=[])
    records = span_records(store.annotations.annotations())
    assert len(records) == 1  # Karim annotated one candidate only: nothing to compare
    assert records[0]["kind"] == "mqm" and records[0]["penalties"] == [25.0, 1.0, 0.0]
    rows, report = convert(records, valid_share=0)
    got = {(r["chosen"], r["rejected"]): r["margin"] for r in rows}
    assert got == {
        (ARABIC[1], ARABIC[0]): pytest.approx(24 / 25),
        (ARABIC[2], ARABIC[0]): 1.0,
        (ARABIC[2], ARABIC[1]): pytest.approx(1 / 25),
    }
    assert report.per_kind == {"mqm": 3} and {r["strategy"] for r in rows} == {"mqm"}
    # no judgement made them: the annotation's number went into judgement_id (one of no judgement, or another's)
    assert {r["judgement_id"] for r in rows} == {None} and (report.judgements, report.annotated) == (0, 1)
    newest = max(a["id"] for a in store.annotations.annotations() if a["linguist"] == "Amina")
    assert all(json.loads(r["scores"])["annotations"] == [newest] for r in rows)


def test_the_feedback_pairs_job_exports_span_records_with_the_judgements(store, tiny_rm, tmp_path):
    from engine.jobs.feedback_pairs import JUDGEMENTS_FILE, FeedbackPairsConfig, prepare

    request = stored_request(store)
    save_annotation(store, submission_id="a", request_id=request, position=0, linguist="Amina", spans=[])
    save_annotation(
        store,
        submission_id="b",
        request_id=request,
        position=1,
        linguist="Amina",
        spans=[ErrorSpan(0, 4, "style", "minor")],
    )
    prepare(FeedbackPairsConfig(reward_model=tiny_rm), store, tmp_path / "run")
    lines = (tmp_path / "run" / "inputs" / JUDGEMENTS_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["kind"] for x in lines] == ["mqm"]
    with pytest.raises(ValueError, match="no judgements match"):
        prepare(FeedbackPairsConfig(reward_model=tiny_rm, error_spans=False), store, tmp_path / "run2")


def test_pairs_from_error_spans_alone_are_stored_without_a_judgement(supervisor, store, tiny_rm):
    from engine.jobs.feedback_pairs import FeedbackPairsConfig

    request = stored_request(store)
    save_annotation(store, submission_id="a", request_id=request, position=0, linguist="Amina", spans=[])
    save_annotation(store, submission_id="b", request_id=request, position=1, linguist="Amina",
                    spans=[ErrorSpan(0, 4, "style", "minor")])
    run_id = supervisor.start("feedback_pairs", FeedbackPairsConfig(reward_model=tiny_rm, valid_share=0))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=10)
    [pair] = store.preferences.pairs(run_ids=[run_id])
    assert pair["judgement_id"] is None and pair["linguist"] == "Amina"
    assert any("of the 0 judgements and 1 error-span group gave 1 pairs" in r["message"]
               for r in store.runs.logs(run_id))
