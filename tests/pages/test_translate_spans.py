"""Error-span (MQM) marking on the Translate page: words chosen right to left become a span with character
offsets into the Arabic candidate, pile up until saved, and are stored with the linguist and the model."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.engine.feedback.helpers import ARABIC, stored_request


def _page(open_page, **params) -> AppTest:
    at = open_page()
    at.query_params.update(params)
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_marking_two_spans_and_saving_them(open_page, store):
    rid = stored_request(store)  # candidate #1 is ARABIC[0]: القطة على الطاولة.
    at = _page(open_page, linguist="Amina", request=rid)
    words = at.button_group(key=f"tr-mqm-words-{rid}-0-0")
    # pills read their labels as Markdown: the words go escaped, and read as written ("الطاولة.")
    assert [words.format_func(i) for i in range(3)] == ["القطة", "على", "الطاولة\\."]
    _click(at, "Add span")  # no word chosen yet
    assert any("choose the word" in e.value for e in at.error)
    at.button_group(key=f"tr-mqm-words-{rid}-0-0").set_value([2, 1]).run()
    # what Add span will mark is said before it is added (from the first to the last chosen word)
    assert "To be marked: «على الطاولة\\.»" in [c.value for c in at.caption]  # Markdown-escaped
    at.selectbox(key=f"tr-mqm-cat-{rid}").set_value("accuracy")
    at.radio(key=f"tr-mqm-sev-{rid}").set_value("major")
    _click(at, "Add span")
    captions = [c.value for c in at.caption]
    assert any("Marked, not saved yet: 1 span(s), penalty 5 · 166.7 weighted errors per 100 words" in c
               for c in captions), (
        captions,
        [e.value for e in at.error],
    )
    at.button_group(key=f"tr-mqm-words-{rid}-0-1").set_value([0])  # fresh pills for the next span
    at.selectbox(key=f"tr-mqm-cat-{rid}").set_value("terminology")
    at.radio(key=f"tr-mqm-sev-{rid}").set_value("minor")
    _click(at, "Add span")
    assert store.annotations.count() == 0  # nothing is stored before Save
    _click(at, "Save error spans")
    assert any(
        s.value.startswith("Saved: annotation #1 of candidate #1 — 2 error span(s), penalty 6") for s in at.success
    )
    (row,) = store.annotations.annotations()
    assert row["linguist"] == "Amina" and row["model"] == "tiny-sft" and row["target"] == ARABIC[0]
    assert [(s["start"], s["end"], s["category"], s["severity"]) for s in row["spans"]] == [
        (6, 18, "accuracy", "major"),
        (0, 5, "terminology", "minor"),
    ]
    assert ARABIC[0][6:18] == "على الطاولة."
    assert any(c.value.startswith("#1: 2 span(s), penalty 6") for c in at.caption)
    # beside the confirmation, nothing pending: it read "This candidate: penalty 0" beside "Saved: … penalty 6"
    assert "No span marked: saving records candidate #1 as without errors." in [c.value for c in at.caption]


def test_saving_without_spans_records_a_clean_candidate_of_the_one_chosen(open_page, store):
    rid = stored_request(store)
    at = _page(open_page, linguist="Karim", request=rid)
    at.selectbox(key=f"tr-mqm-cand-{rid}").set_value(2)
    at.run()
    _click(at, "Save error spans")
    (row,) = store.annotations.annotations()
    assert row["position"] == 2 and row["spans"] == [] and row["target"] == ARABIC[2]


def test_spans_marked_in_the_review_queue_keep_the_queue_item(open_page, store, tiny_policy, demo_corpus):
    from engine.feedback.queue import create_queue

    queue_id = create_queue(
        store,
        name="travel",
        corpus_ids=[demo_corpus],
        split="test",
        k=2,
        model=tiny_policy,
        rm=None,
        created_by="Lead",
        sample_size=2,
    )
    rid = stored_request(store)  # the item's candidates, as the queue's first opening would have stored them
    at = open_page()
    at.query_params.update({"linguist": "Amina"})
    at.session_state[f"tr_item::Amina::{queue_id}"] = {
        "queue_id": queue_id,
        "item_id": 1,
        "source": "The cat is on the table.",
        "pair": "en-ar",
        "request_id": rid,
    }
    at.switch_page("../pages/translate.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    at.button_group(key=f"q{queue_id}-mqm-words-{rid}-0-0").set_value([0])
    at.radio(key=f"q{queue_id}-mqm-sev-{rid}").set_value("critical")
    _click(at, "Add span")
    _click(at, "Save error spans")
    (row,) = store.annotations.annotations()
    assert (row["queue_id"], row["item_id"]) == (queue_id, 1)
    assert row["spans"] == [{"start": 0, "end": 5, "category": "accuracy", "severity": "critical", "note": ""}]


def test_a_word_the_candidate_has_twice_is_marked_where_it_was_chosen(open_page, store):
    from dataclasses import replace

    from engine.feedback.interactive import record
    from tests.engine.feedback.helpers import fake_translation

    text = "ذهبت إلى السوق ثم ذهبت إلى البيت"
    translation = fake_translation(source="I went to the market then I went home.")
    translation = replace(translation, candidates=[replace(translation.candidates[0], text=text),
                                                   *translation.candidates[1:]])
    rid = record(store, translation, linguist="Amina", detected="en")
    at = _page(open_page, linguist="Amina", request=rid)
    words = at.button_group(key=f"tr-mqm-words-{rid}-0-0")
    assert [words.format_func(i) for i in range(7)] == ["ذهبت ¹", "إلى ¹", "السوق", "ثم", "ذهبت ²", "إلى ²", "البيت"]
    # Streamlit sends a pill's label back, not its index: with two pills labelled «ذهبت» the first chose the second
    words.set_value([0]).run()
    _click(at, "Add span")
    _click(at, "Save error spans")
    (row,) = store.annotations.annotations()
    assert [(s["start"], s["end"]) for s in row["spans"]] == [(0, 4)]
