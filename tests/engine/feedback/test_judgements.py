"""Each feedback format: what is accepted, what is refused (with the message), and storing exactly once."""

from __future__ import annotations

import pytest

from engine.feedback.judgements import Judgement, JudgementError, new_submission_id, submit, validate
from tests.engine.feedback.helpers import stored_request


def _j(kind: str, **kw) -> Judgement:
    values = {"submission_id": new_submission_id(), "request_id": "r", "linguist": "  Amina   B. ", "kind": kind,
              "shown": [0, 1, 2]}
    return Judgement(**{**values, **kw})


def test_ranking_is_a_permutation_of_the_shown_candidates_and_sets_best():
    j = validate(_j("ranking", ranking=[2, 0, 1], tags=["Fluency", "fluency"], comment="  ok "), 5)
    assert (j.ranking, j.best, j.tags, j.comment, j.linguist) == ([2, 0, 1], 2, ["fluency"], "ok", "Amina B.")
    assert not j.none_acceptable
    for bad in ([0, 1], [0, 1, 1], [0, 1, 3], []):
        with pytest.raises(JudgementError, match="different rank"):
            validate(_j("ranking", ranking=bad), 5)


def test_best_pick_must_be_shown():
    assert validate(_j("best", best=1), 5).best == 1
    with pytest.raises(JudgementError, match="one of those shown"):
        validate(_j("best", best=4), 5)
    with pytest.raises(JudgementError, match="pick the best"):
        validate(_j("best"), 5)
    # the pick of the only candidate shown approves it: no pair, but a good translation for KTO (it was refused, and
    # a linguist could not say a right translation was right)
    approved = validate(_j("best", shown=[0], best=0), 5)
    from engine.feedback.pairs import judgement_pairs
    from engine.feedback.unpaired import judgement_labels

    record = {"kind": "best", "best": 0, "shown": [0], "ranking": None, "correction": None,
              "candidates": [{"position": 0, "text": "أين المحطة؟"}]}
    assert approved.best == 0 and judgement_labels(record) == [("أين المحطة؟", True)]
    assert judgement_pairs(record) == ([], 0)


def test_none_acceptable_may_carry_an_arabic_correction():
    j = validate(_j("none"), 5)
    assert j.none_acceptable and j.best is None and j.correction is None
    assert validate(_j("none", correction=" القطة على الطاولة "), 5).correction == "القطة على الطاولة"


def test_post_edit_needs_an_arabic_correction():
    assert validate(_j("post_edit", correction="القطة فوق الطاولة."), 5).correction == "القطة فوق الطاولة."
    with pytest.raises(JudgementError, match="type the corrected"):
        validate(_j("post_edit", correction="   "), 5)
    with pytest.raises(JudgementError, match="mostly Arabic: 0 of its 6 words"):
        validate(_j("post_edit", correction="The cat is on the table"), 5)
    # Arabic with product names: more Latin letters than Arabic ones, but mostly Arabic words (it was refused)
    mixed = "افتح ملف report.pdf على Windows 11 الآن"
    assert validate(_j("post_edit", correction=mixed), 5).correction == mixed
    # a name kept as written from the source is no word against the correction (1 of 3 words was refused)
    with pytest.raises(JudgementError, match="mostly Arabic: 1 of its 3 words"):
        validate(_j("post_edit", correction="أحب New York"), 5)
    kept = validate(_j("post_edit", correction="أحب New York"), 5, source="I love New York")
    assert kept.correction == "أحب New York"
    with pytest.raises(JudgementError, match="mostly Arabic: 1 of its 3 words"):
        validate(_j("post_edit", correction="أحب London Paris"), 5, source="I love New York")
    for no_letter in ("123", "١٢٣", "...", "؟"):  # no word at all: refused, as before the count by words
        with pytest.raises(JudgementError, match="mostly Arabic: 0 of its 0 words"):
            validate(_j("post_edit", correction=no_letter), 5)
    with pytest.raises(JudgementError, match="goes with a post-edit"):
        validate(_j("best", best=0, correction="القطة"), 5)


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "vote"}, "unknown feedback format"),
    ({"linguist": ""}, "enter your name"),
    ({"linguist": "x" * 61}, "longer than 60 characters"),
    ({"linguist": "Eve\u202e"}, r"contains a bidirectional control character \(U\+202E\)"),
    ({"linguist": "Eve\x07"}, r"contains a control character \(U\+0007\)"),
    ({"submission_id": "../../etc"}, "submission id"),
    ({"shown": [0, 0]}, "distinct positions"),
    ({"shown": [0, 9]}, "distinct positions"),
    ({"shown": []}, "no candidate"),
    ({"tags": ["grammar"]}, "unknown error tag"),
    ({"comment": "x" * 2001}, "longer than 2000"),
])
def test_refusals_say_what_to_fix(change, message):
    values = {"kind": "best", "best": 0, **change}
    with pytest.raises(JudgementError, match=message):
        validate(_j(values.pop("kind"), **values), 5)


def test_submit_stores_once_per_submission_id_and_copies_the_models(store):
    rid = stored_request(store)
    j = _j("ranking", request_id=rid, ranking=[1, 0, 2], tags=["accuracy"], comment="close")
    first = submit(store, j)
    again = submit(store, j)  # a double click or a retry of the same form
    assert first.stored and not again.stored and again.judgement_id == first.judgement_id
    rows = store.feedback.judgements()
    assert len(rows) == 1
    row = rows[0]
    assert (row["model"], row["rm"], row["linguist"], row["best"], row["ranking"]) == (
        "tiny-sft", "tiny-rm", "Amina B.", 1, [1, 0, 2])
    assert row["source"] == "The cat is on the table." and row["tags"] == ["accuracy"]
    second = submit(store, _j("best", request_id=rid, linguist="Bilal", best=2))
    # the repeat took no number: the next judgement is #2 after #1, not #3 (linguists took a gap for a loss)
    assert second.stored and second.judgement_id == first.judgement_id + 1


def test_a_linguist_judges_a_translation_once(store):
    # the same queue item open in two tabs: both submits were stored, a pick of #1 and a pick of #2 by one linguist
    rid = stored_request(store)
    first = submit(store, _j("best", request_id=rid, best=0, queue_id=1, item_id=1))
    number = first.judgement_id
    with pytest.raises(JudgementError, match=rf"Amina B\. already judged this translation \(judgement #{number}"):
        submit(store, _j("best", request_id=rid, best=1, queue_id=1, item_id=1))
    assert submit(store, _j("best", request_id=rid, linguist="Bilal", best=1)).stored  # another linguist may
    assert store.feedback.count_judgements() == 2


def test_a_submission_id_reused_by_another_linguist_or_request_is_refused_not_taken_for_a_repeat(store):
    rid, other = stored_request(store), stored_request(store)
    first = submit(store, _j("best", request_id=rid, best=0))
    # the same form's id sent again by somebody else (a shared browser session): answering "saved" with Amina's
    # judgement number would drop Bilal's judgement while confirming it
    with pytest.raises(JudgementError, match="already submitted"):
        submit(store, _j("best", submission_id=first_id(store), request_id=rid, linguist="Bilal", best=1))
    with pytest.raises(JudgementError, match="already submitted"):
        submit(store, _j("best", submission_id=first_id(store), request_id=other, best=1))
    again = submit(store, _j("best", submission_id=first_id(store), request_id=rid, best=0))
    assert not again.stored and again.judgement_id == first.judgement_id
    assert [(r["linguist"], r["request_id"]) for r in store.feedback.judgements()] == [("Amina B.", rid)]


def first_id(store) -> str:
    return store.feedback.judgements()[0]["submission_id"]


def test_none_acceptable_with_a_shown_candidate_as_the_correction_is_refused(store):
    # it made that candidate the chosen one of a judgement saying none is acceptable
    from tests.engine.feedback.helpers import ARABIC

    rid = stored_request(store)
    with pytest.raises(JudgementError, match="is candidate #2: pick it as the best instead"):
        submit(store, _j("none", request_id=rid, correction=ARABIC[1]))
    assert submit(store, _j("none", request_id=rid, correction="القطة نائمة.")).stored


def test_an_untouched_prefill_is_no_post_edit_whatever_the_order_of_its_marks(store):
    # a candidate with shadda before fatha (as models write it) is stored NFC (fatha first): compared raw, the
    # untouched pre-filled candidate counted as an edit
    import unicodedata

    from engine.feedback.interactive import RankedCandidate, Translation, record

    text = "ال\u0634\u0651\u064e\u0645\u0633 مشرقة."
    assert unicodedata.normalize("NFC", text) != text
    rid = record(store, Translation(source="The sun is shining.", pair="en-ar", model="m", rm=None,
                                    strategies=["greedy"], settings={}, candidates=[
                                        RankedCandidate(text, None, "greedy", ["greedy"], 1),
                                        RankedCandidate("الشمس.", None, "greedy", ["greedy"], 1)],
                                    generate_s=0.1, score_s=0.0), linguist="Amina", detected="en")
    with pytest.raises(JudgementError, match="the candidate unchanged"):
        submit(store, _j("post_edit", request_id=rid, shown=[0, 1], correction=text))


def test_submit_refuses_an_unknown_request_and_an_unchanged_post_edit(store):
    with pytest.raises(JudgementError, match="no longer known"):
        submit(store, _j("best", request_id="nope", best=0))
    rid = stored_request(store)
    top = store.feedback.request(rid)["candidates"][0]["text"]
    with pytest.raises(JudgementError, match="unchanged"):
        submit(store, _j("post_edit", request_id=rid, correction=f"  {top} "))
    assert store.feedback.count_judgements() == 0


def test_a_typed_correction_with_markup_is_refused_and_an_import_keeps_an_earlier_one(store):
    # as a corpus row refuses it: a correction is the chosen side of a pair the policy is trained towards
    rid = stored_request(store)
    for kind, marked in (("post_edit", "<b>افتح</b> الملف"), ("none", "افتح الملف&nbsp;الآن")):
        with pytest.raises(JudgementError, match="contains markup"):
            submit(store, _j(kind, request_id=rid, correction=marked))
    assert store.feedback.count_judgements() == 0
    assert submit(store, _j("post_edit", request_id=rid, correction="افتح الملف **الآن** < 5")).stored  # no tag
    # one stored before the check (the forms took it) still exports and imports back whole
    from engine.feedback.argilla import export_files, import_feedback

    other = stored_request(store)
    store.feedback.add_judgement(validate(_j("post_edit", request_id=other, linguist="Bilal",
                                             correction="<b>افتح</b> الملف"), 5), model="m", rm=None)
    files = export_files(store)
    report = import_feedback(store, files)
    assert report.stored == 0 and report.repeated == 2  # both judgements there already: nothing refused
    # typed in Argilla, one is held to the forms' rule (into another store, it is no repeat there)
    from engine.feedback.argilla import ArgillaImportError
    from engine.store import Store

    fresh = Store(store.db.path.parent / "fresh.duckdb")
    try:
        with pytest.raises(ArgillaImportError, match="the correction contains markup"):
            import_feedback(fresh, files)
        assert fresh.feedback.count_judgements() == 0
    finally:
        fresh.close()
