"""The MQM panel of the Compare page: weighted errors per model from the linguists' error spans, the annotated
segments with their spans highlighted, and the ``error_spans.jsonl`` download."""

from __future__ import annotations

import streamlit as st

from engine.markup import markdown_literal
from engine.mqm.export import EXPORT_NAME, export_jsonl
from engine.mqm.scoring import WEIGHTS, model_scores, penalty, per_100_words
from studio.components.span_marker import highlighted

RECENT = 20


def mqm_panel(store) -> None:
    """Per-model MQM scores (lower is better), recent annotated segments, and the export."""
    annotations = store.annotations.annotations()
    st.caption(
        "From the error spans linguists mark on 6 · Translate & feedback (Mark error spans). Weights: "
        + ", ".join(f"{s} {w:g}" for s, w in WEIGHTS.items())
        + ". Per model: 100 × the summed weights ÷ the words annotated (pooled over its segments; lower is "
        "better). A candidate saved with no span counts as a segment without errors."
    )
    if not annotations:
        st.info("No error spans yet: linguists mark them on 6 · Translate & feedback.")
        return
    scores = model_scores(annotations)
    for row_start in range(0, len(scores), 4):
        cols = st.columns(4)
        for col, score in zip(cols, scores[row_start : row_start + 4], strict=False):
            col.metric(
                f"MQM · {score.model}",
                f"{score.errors_per_100_words:.1f}",
                help=f"weighted errors per 100 words over {score.segments} segment(s), {score.words} words",
            )
    st.dataframe([s.as_row() for s in scores], hide_index=True, width="stretch", key="cmp-mqm-table")
    st.markdown(f"**Annotated segments** (the newest {min(RECENT, len(annotations))} of {len(annotations)})")
    for row in reversed(annotations[-RECENT:]):
        score = penalty(row["spans"])
        st.caption(  # the texts shown as written: a source's "$5 to $10" was read as maths, ![x](url) fetched
            f"{markdown_literal(row['model'])} · {markdown_literal(row['linguist'])} · candidate "
            f"#{row['position'] + 1} · {markdown_literal(row['source'])} · penalty "
            f"{score:g} ({per_100_words(score, row['words']):.1f} per 100 words)"
        )
        st.markdown(highlighted(row["target"], row["spans"]), unsafe_allow_html=True)
    st.download_button(
        f"Download {EXPORT_NAME}",
        export_jsonl(annotations),
        file_name=EXPORT_NAME,
        mime="application/jsonl",
        key="cmp-mqm-export",
        help="One JSON object per annotated segment: source, Arabic text, spans (offsets, text, category, "
        "severity, note), penalty and weighted errors per 100 words, model, linguist, time.",
    )
