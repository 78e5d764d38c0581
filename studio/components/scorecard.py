"""The loop scorecard (Start page, Compare page header): does each step of the loop help, significantly?"""

from __future__ import annotations

import streamlit as st

from engine.compare.scorecard import LABELS, Scorecard, build_scorecard
from engine.markup import markdown_literal

_CACHE_KEY = "scorecard-cache"


def _cached(store, testset_id: str | None) -> Scorecard | None:
    # The bootstrap behind the intervals takes a moment on a large test set: recompute only when the chain or
    # its evaluations change (their keys and update times are the cache key).
    from engine.compare.scorecard import loop_chain

    chain = loop_chain(store)
    names = tuple(m["name"] for m in chain)
    evaluations = tuple((e["key"], str(e.get("updated_at") or e.get("created_at")))
                        for e in store.evaluations.list(testset_id=testset_id) if e["model"] in names)
    key = (names, testset_id, evaluations)
    cache = st.session_state.setdefault(_CACHE_KEY, {})
    if key not in cache:
        cache.clear()
        cache[key] = build_scorecard(store, testset_id, chain=chain)
    return cache[key]


def _cell(scores: dict, metric: str) -> str:
    if metric not in scores:
        return "—"
    value, low, high = scores[metric]
    digits = 3 if metric == "comet" else 1
    return f"{value:.{digits}f} [{low:.{digits}f}, {high:.{digits}f}]"


def scorecard_panel(store, testset_id: str | None = None, *, key: str = "scorecard") -> Scorecard | None:
    """Show the current chain's scorecard; returns it (``None`` when nothing is evaluated yet). When the chain was
    evaluated on several test sets, a select box chooses one (a corpus split first)."""
    from engine.compare.scorecard import covered_testsets, loop_chain

    if testset_id is None:
        choices = covered_testsets(store, loop_chain(store))
        if len(choices) > 1:
            labels = {t["id"]: f"{t['name']} ({t['size']} sentences)" for t in choices}
            testset_id = st.selectbox("Scorecard test set", list(labels), format_func=labels.get,
                                      key=f"{key}-testset")
        elif choices:
            testset_id = choices[0]["id"]
    card = _cached(store, testset_id)
    if card is None:
        st.caption("No scorecard yet: evaluate the SFT, cold-start and final models on one test set "
                   "(*5 · Compare* → Evaluate) and each step's gain and its significance appear here.")
        return None
    n = card.testset.get("size") or ""
    st.markdown(f"**Loop scorecard** — test set *{markdown_literal(card.testset['name'])}*"
                + (f" ({n} sentences)" if n else "") + f", {card.decoding}; corpus scores with 95% intervals")
    metrics = [m for m in LABELS if any(m in x.scores for x in card.models)]
    rows = []
    for m in card.models:
        row = {"model": m.name, "stage": m.stage}
        row.update({LABELS[metric]: _cell(m.scores, metric) for metric in metrics})
        row["degenerate outputs"] = "—" if m.degenerate_rate is None else f"{m.degenerate_rate:.1%}"
        rows.append(row)
    st.dataframe(rows, hide_index=True, width="stretch", key=f"{key}-table")
    stages = {m.name: m.stage for m in card.models}
    for step in card.steps:
        if step.metric != "chrf":
            continue
        text = step.sentence(f"{stages[step.after]} ({step.after})", f"{stages[step.before]} ({step.before})")
        {"better": st.success, "worse": st.error}.get(step.verdict, st.warning)(text)
    for flag in card.flags:
        st.error(flag)
    if card.missing:
        st.caption("Not evaluated on this test set yet: " + ", ".join(card.missing))
    if card.mismatched:
        st.warning("Left out, scored differently for these models (Arabic normalisation, metric models or reward "
                   f"model): {', '.join(card.mismatched)}. Evaluate them again with the same settings on "
                   "*5 · Compare*.")
    return card
