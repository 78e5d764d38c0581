"""MQM / ESA error-span marking on an Arabic candidate.

Streamlit has no text-span selection, so a span is chosen by words: the candidate's words are shown as pills in
a right-to-left row (the first word of the sentence on the right), the linguist picks the first and the last
word of the error (any words in between may be picked too: the span runs from the first to the last chosen),
a category and a severity, and adds it. Spans pile up in the session until the linguist saves them; saving with
none marked records that the candidate has no error (a clean segment counts in the MQM score too).
"""

from __future__ import annotations

import itertools
import re

import streamlit as st

from engine.feedback.judgements import new_submission_id
from engine.markup import html_attribute, html_text, markdown_literal
from engine.mqm.annotate import save_annotation
from engine.mqm.scoring import WEIGHTS, penalty, per_100_words
from engine.mqm.spans import CATEGORIES, CATEGORY_HELP, SEVERITIES, SEVERITY_HELP, SpanError, span_from_words, words
from studio.components.messages import show_error

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
SEVERITY_COLOURS = {"minor": "#fde68a", "major": "#fdba74", "critical": "#fca5a5"}


def highlighted(text: str, spans: list[dict]) -> str:
    """``text`` as right-to-left HTML with its spans in ``<mark>`` (escaped). Where spans overlap, every span's text
    is marked, in the colour of the most severe span over it, and the tooltip names each of them (a later span that
    overlapped an earlier one was dropped, a critical error inside a minor one shown as minor)."""
    cuts = sorted({0, len(text), *(max(0, min(len(text), int(p))) for s in spans for p in (s["start"], s["end"]))})
    out = []
    for start, end in itertools.pairwise(cuts):
        over = [s for s in spans if s["start"] <= start and end <= s["end"]]
        piece = html_text(text[start:end])
        if not over:
            out.append(piece)
            continue
        worst = max(over, key=lambda s: SEVERITIES.index(s["severity"]))["severity"]
        title = "; ".join(f"{s['category']} · {s['severity']}" + (f" · {s.get('note')}" if s.get("note") else "")
                          for s in sorted(over, key=lambda s: (s["start"], -s["end"])))
        out.append(f"<mark style='background:{SEVERITY_COLOURS[worst]}' title='{html_attribute(title)}'>{piece}</mark>")
    # its own class (not the candidates' tarjama-rtl): the candidate cards stay the only tarjama-rtl texts
    style = (
        "direction: rtl; text-align: right; unicode-bidi: isolate; font-size: 1.1rem; "
        "font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"
    )
    return f"<div class='tarjama-spans' dir='rtl' lang='ar' style=\"{style}\">{''.join(out)}</div>"


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def word_labels(texts: list[str]) -> list[str]:
    """The word pills' labels: each word as written (escaped: pills read their labels as Markdown), a word the
    candidate has more than once numbered by its occurrence (``ذهبت ¹``, ``ذهبت ²``). Streamlit sends a pill's
    label, not its index, back to the script, and of two equal labels the last won: a click on the first «ذهبت» of
    «ذهبت إلى السوق ثم ذهبت إلى البيت» marked the second."""
    total = {t: texts.count(t) for t in set(texts)}
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
        label = markdown_literal(text)
        out.append(f"{label} {str(seen[text]).translate(_SUPERSCRIPT)}" if total[text] > 1 else label)
    return out


def span_marker(
    store,
    request: dict,
    shown: list[int],
    linguist: str,
    ctx: str,
    *,
    queue_id: int | None = None,
    item_id: int | None = None,
) -> None:
    """The error-span form for the shown candidates of ``request`` (inside an expander)."""
    request_id = request["id"]
    by_position = {c["position"]: c for c in request["candidates"]}
    with st.expander("Mark error spans (MQM)", expanded=False):
        st.caption(
            "Choose the first and the last word of an error (right to left, as the sentence reads; one click for "
            "a one-word error — a second click on the same word unchooses it), its category "
            "and severity, and add it; save when the candidate is done. Weights: "
            + ", ".join(f"{s} {WEIGHTS[s]:g}" for s in SEVERITIES)
            + ". Saving with no span marked records a candidate without errors."
        )
        position = st.selectbox(
            "Candidate", shown, format_func=lambda p: f"#{p + 1}", key=f"{ctx}-mqm-cand-{request_id}"
        )
        text = by_position[position]["text"]
        found = words(text)
        base = f"mqm::{linguist}::{request_id}::{position}"
        pending: list[dict] = st.session_state.setdefault(f"{base}::pending", [])
        round_ = st.session_state.setdefault(f"{base}::round", 0)
        st.markdown(highlighted(text, pending), unsafe_allow_html=True)
        if not found:
            st.info("This candidate is empty: nothing to mark.")
            return
        labels = word_labels([w.text for w in found])
        box = "mqm-words-" + _UNSAFE.sub("-", f"{ctx}-{request_id}-{position}")
        st.caption("Words of the error")
        with st.container(key=box):
            st.markdown(f"<style>.st-key-{box} {{ direction: rtl; }}</style>", unsafe_allow_html=True)
            chosen = st.pills(
                "Words of the error",
                list(range(len(found))),
                format_func=labels.__getitem__,
                selection_mode="multi",
                key=f"{ctx}-mqm-words-{request_id}-{position}-{round_}",
                label_visibility="collapsed",
            )
        if chosen:  # what "Add span" will mark: the words from the first to the last chosen, in between included
            picked = sorted(chosen)
            st.caption(f"To be marked: «{markdown_literal(text[found[picked[0]].start : found[picked[-1]].end])}»")
        c1, c2 = st.columns(2)
        category = c1.selectbox(
            "Category",
            CATEGORIES,
            key=f"{ctx}-mqm-cat-{request_id}",
            help="; ".join(f"{c}: {h}" for c, h in CATEGORY_HELP.items()),
        )
        severity = c2.radio(
            "Severity",
            SEVERITIES,
            horizontal=True,
            key=f"{ctx}-mqm-sev-{request_id}",
            help="; ".join(f"{s}: {h}" for s, h in SEVERITY_HELP.items()),
        )
        note = st.text_input("Note (optional)", key=f"{ctx}-mqm-note-{request_id}-{position}-{round_}")
        add_col, undo_col = st.columns(2)
        if add_col.button("Add span", key=f"{ctx}-mqm-add-{request_id}"):
            try:
                span = span_from_words(text, chosen or [], category, severity, note)
                if span.as_dict() in pending:
                    raise SpanError("this error is marked already")
            except SpanError as exc:
                show_error(exc)
            else:
                pending.append(span.as_dict())
                st.session_state[f"{base}::round"] = round_ + 1  # fresh word pills and note for the next span
                st.rerun()
        if pending and undo_col.button("Remove the last span", key=f"{ctx}-mqm-undo-{request_id}"):
            pending.pop()
            st.rerun()
        if pending:
            st.dataframe(
                [
                    {
                        "text": text[s["start"] : s["end"]],
                        "category": s["category"],
                        "severity": s["severity"],
                        "characters": f"{s['start']}–{s['end']}",
                        "note": s["note"],
                    }
                    for s in pending
                ],
                hide_index=True,
                key=f"{ctx}-mqm-pending-{request_id}-{position}",
            )
        total = penalty(pending)
        # what is marked and not saved yet: after a save it read "This candidate: penalty 0" beside "Saved: … penalty 5"
        st.caption(
            f"Marked, not saved yet: {len(pending)} span(s), penalty {total:g} · "
            f"{per_100_words(total, len(found)):.1f} weighted errors per 100 words"
            if pending else f"No span marked: saving records candidate #{position + 1} as without errors."
        )
        sub_key = f"{base}::submission"
        st.session_state.setdefault(sub_key, new_submission_id())
        if st.button("Save error spans", type="primary", key=f"{ctx}-mqm-save-{request_id}"):
            try:
                saved = save_annotation(
                    store,
                    submission_id=st.session_state[sub_key],
                    request_id=request_id,
                    position=position,
                    linguist=linguist,
                    spans=pending,
                    queue_id=queue_id,
                    item_id=item_id,
                )
            except SpanError as exc:
                show_error(f"Not saved: {exc}")
            else:
                st.session_state[sub_key] = new_submission_id()
                st.session_state[f"{base}::pending"] = []
                st.session_state[f"mqm-flash::{request_id}"] = (
                    f"Saved: annotation #{saved.annotation_id} of candidate #{position + 1} — {len(pending)} error "
                    f"span(s), penalty {total:g}."
                )
                st.rerun()
        if flash := st.session_state.pop(f"mqm-flash::{request_id}", None):
            st.success(flash)
        mine = [a for a in store.annotations.annotations(request_id=request_id) if a["linguist"] == linguist]
        if mine:
            st.markdown("**Your saved annotations of this translation**")
            for row in mine:
                score = penalty(row["spans"])
                st.caption(
                    f"#{row['position'] + 1}: {len(row['spans'])} span(s), penalty {score:g}, "
                    f"{per_100_words(score, row['words']):.1f} per 100 words"
                )
                st.markdown(highlighted(row["target"], row["spans"]), unsafe_allow_html=True)
