"""The Compare page's MQM tab: weighted errors per 100 words per model from stored error spans, and the export."""

from __future__ import annotations

from engine.markup import markdown_literal
from engine.mqm.annotate import save_annotation
from engine.mqm.spans import ErrorSpan
from tests.engine.feedback.helpers import stored_request


def test_mqm_scores_per_model_and_the_export(open_page, store):
    at = open_page("compare")
    assert any("No error spans yet" in i.value for i in at.info)
    final = stored_request(store, model="final")
    sft = stored_request(store, model="sft")
    save_annotation(store, submission_id="a", request_id=final, position=0, linguist="Amina", spans=[])
    save_annotation(
        store,
        submission_id="b",
        request_id=sft,
        position=0,
        linguist="Amina",
        spans=[ErrorSpan(0, 5, "accuracy", "critical"), ErrorSpan(6, 9, "fluency", "minor")],
    )
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    metrics = {m.label: m.value for m in at.metric if m.label.startswith("MQM · ")}
    assert metrics == {"MQM · final": "0.0", "MQM · sft": "866.7"}  # 100 × (25 + 1) / 3 words
    exported = at.get("download_button")
    assert exported
    assert any(c.value.startswith("sft · Amina · candidate #1") and "penalty 26" in c.value for c in at.caption)
    assert exported[-1].proto.label == "Download error_spans.jsonl"


def test_annotated_segments_show_the_source_as_written(open_page, store):
    # the caption was Markdown: "$5 to $10" read as maths, :red[…] coloured, an image address fetched
    source = "Prices rose from $5 to $10 :red[URGENT] ![x](http://127.0.0.1:9/t.png) **now**"
    request = stored_request(store, model="sft", source=source)
    save_annotation(store, submission_id="a", request_id=request, position=0, linguist="Amina", spans=[])
    at = open_page("compare")
    assert not at.exception, [e.message for e in at.exception]
    [caption] = [c.value for c in at.caption if c.value.startswith("sft · Amina")]
    assert markdown_literal(source) in caption and "![x]" not in caption
