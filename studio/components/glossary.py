"""Glossary widgets: the manager on the Data page, and term highlighting on the Translate page."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import streamlit as st

from engine.characters import check_label
from engine.compare.report import fmt_p
from engine.corpora.validation import SUPPORTED_PAIRS
from engine.glossary import TermIndex, glossary_format, parse_glossary
from engine.glossary.highlight import legend_html, source_html, translation_html
from engine.glossary.parsing import MAX_BYTES
from engine.glossary.terms import AppliedTerm, TermScore
from engine.glossary.users import GlossaryInUse, delete_glossary
from engine.markup import markdown_literal
from engine.store.glossaries import GlossaryExistsError
from engine.wording import counted
from studio.components.arabic import bidi_table
from studio.components.messages import show_error
from studio.components.stored_toggle import stored_toggle

GLOSSARY_CSS = """
<style>
mark.gl-term { background: #dbeafe; border-bottom: 2px solid #2563eb; padding: 0 2px; border-radius: 3px; }
mark.gl-kept, span.gl-kept { background: #dcfce7; color: #166534; padding: 0 2px; border-radius: 3px; }
span.gl-missed { background: #fee2e2; color: #991b1b; padding: 0 2px; border-radius: 3px; }
.gl-legend { font-size: 0.85rem; margin-top: 0.25rem; }
</style>
"""


def term_index(store, names: Sequence[str], pair: str) -> TermIndex:
    """The switched-on glossaries' terms for ``pair`` (rebuilt per call: glossaries are small)."""
    return TermIndex((name, entry) for name, _, entry in store.glossaries.entries(list(names), pair))


def glossary_picker(store, pair: str | None, key: str, label: str = "Glossaries") -> list[str]:
    """A multiselect of the glossaries (of ``pair``), pre-selecting those on by default."""
    rows = store.glossaries.list(pair)
    names = [g["name"] for g in rows]
    if not names:
        return []
    defaults = [g["name"] for g in rows if g["enabled"]]
    return st.multiselect(
        label,
        names,
        default=defaults,
        key=key,
        help="The glossaries whose terms are checked (and, for instruction models, put in the "
        "prompt). Manage them on the Data page → Glossaries.",
    )


def highlighted_source(source: str, terms: Sequence[AppliedTerm]) -> None:
    """The source with its glossary terms marked, and the terms listed with their notes."""
    st.markdown(
        GLOSSARY_CSS + f"<div dir='auto' class='gl-source' style='font-size:1.1rem'>{source_html(source, terms)}</div>",
        unsafe_allow_html=True,
    )
    if terms:
        lines = [
            f"**{markdown_literal(t.source)}** → {' / '.join(markdown_literal(a) for a in t.arabic)}"
            + (f" ({markdown_literal('; '.join(t.notes))})" if t.notes else "")
            for t in terms
        ]
        st.caption("Glossary: " + " · ".join(lines))


def highlighted_translation(text: str, score: TermScore) -> None:
    """A translation right-to-left with the glossary renderings it kept marked, and a kept / missed legend."""
    st.markdown(
        f"<div class='tarjama-rtl gl-candidate' dir='rtl'>{translation_html(text, score)}</div>", unsafe_allow_html=True
    )
    if score.applicable:
        st.markdown(
            f"<div class='gl-legend' dir='auto'>Terms {score.kept}/{score.applicable}: {legend_html(score)}</div>",
            unsafe_allow_html=True,
        )


def glossary_manager(store) -> None:
    """Upload, check and store glossaries; switch them on by default; look at and delete them."""
    st.caption(
        "A glossary is a TSV or CSV file: source term, Arabic term (alternatives separated by |), optional "
        "note, optional domain; a header line is optional. Every line is checked; a file with a bad line is "
        f"refused whole with each line and reason. At most {MAX_BYTES // (1024 * 1024)} MiB."
    )
    upload = st.file_uploader("Glossary file", type=["tsv", "csv", "txt"], key="gl-file",
                              max_upload_size=MAX_BYTES // (1024 * 1024))  # the widget says this limit, not 200 MB
    c1, c2 = st.columns(2)
    pair = c1.selectbox("Language pair", SUPPORTED_PAIRS, key="gl-pair")
    default_name = upload.name.rsplit(".", 1)[0] if upload is not None else ""
    name = c2.text_input("Glossary name", value=default_name, key=f"gl-name-{default_name}")
    if st.button("Check and store the glossary", type="primary", key="gl-store", disabled=upload is None):
        data = upload.getvalue()
        try:
            parsed = parse_glossary(data, glossary_format(upload.name), pair)
        except ValueError as exc:
            show_error(exc)
        else:
            if parsed.errors:
                st.error(f"The glossary was not stored: {len(parsed.errors)} problem(s).")
                st.dataframe(
                    [{"line": e.line or "file", "reason": e.reason} for e in parsed.errors[:200]],
                    hide_index=True,
                    width="stretch",
                    key="gl-errors",
                )
            else:
                try:
                    store.glossaries.add(name, pair, parsed.entries, source_file=upload.name)
                except (GlossaryExistsError, ValueError) as exc:
                    show_error(exc)
                else:
                    st.success(f"Stored glossary '{markdown_literal(check_label(name, 'glossary'))}': "  # as stored
                               f"{counted(len(parsed.entries), 'term')} for {pair}.")
                    for warning in parsed.warnings:  # terms that look like another language, a line read as header
                        st.warning(markdown_literal(warning))
    glossaries = store.glossaries.list()
    if not glossaries:
        st.info("No glossary yet. The demo set-up (Start page) adds one per language pair.")
        return
    st.subheader("Glossaries")
    for g in glossaries:
        c1, c2, c3 = st.columns([3, 2, 1])
        c1.markdown(f"**{markdown_literal(g['name'])}** · {g['pair']} · {g['entries']} terms")
        stored_toggle(c2, "On by default", key=f"gl-on-{g['id']}", stored=bool(g["enabled"]),
                      change=functools.partial(store.glossaries.set_enabled, g["name"]),
                      help="Pre-selected in the job forms and on the Translate page; each job can still choose.")
        if c3.button("Delete", key=f"gl-del-{g['id']}"):
            try:
                delete_glossary(store, g["name"])
            except GlossaryInUse as exc:
                show_error(f"Not deleted: {exc}.")
            else:
                st.rerun()
    shown = st.selectbox("Show the terms of", [g["name"] for g in glossaries], key="gl-show")
    rows = [
        {"source": e.source, "arabic": e.arabic_text, "note": e.note, "domain": e.domain}
        for _, _, e in store.glossaries.entries([shown])
    ]
    bidi_table(rows[:200], ["source", "arabic", "note", "domain"], arabic_columns=("arabic",))
    if len(rows) > 200:
        st.caption(f"The first 200 of {len(rows)} terms.")


@st.cache_data(max_entries=16, show_spinner="Checking the glossary terms…")
def _terminology(
    workspace: str,
    testset_id: str,
    keys: tuple[str, ...],
    names: tuple[str, ...],
    fingerprint: tuple,
    n_resamples: int,
    confidence: float,
    seed: int,
) -> list:
    """Terminology of the systems, cached per selection (``fingerprint``: the evaluations' and glossaries' state)."""
    from engine.glossary.evaluation import terminology_by_system
    from studio.state import services

    store = services().store
    segments = store.evaluations.segments(testset_id)
    indexes = {pair: term_index(store, names, pair) for pair in {s["pair"] for s in segments}}
    outputs = store.evaluations.outputs(list(keys))
    return terminology_by_system(
        segments, {k: outputs[k] for k in keys}, indexes, n_resamples=n_resamples, confidence=confidence, seed=seed
    )


def terminology_section(
    store, testset_id: str, keys: Sequence[str], label, *, n_resamples: int, confidence: float, seed: int
) -> None:
    """The Compare page's terminology table: each system's share of applicable glossary terms kept."""
    st.subheader("Terminology")
    names = glossary_picker(store, None, key="cmp-glossaries")
    if not names:
        st.caption("No glossary chosen: add one on the Data page → Glossaries (the demo set-up adds two).")
        return
    evaluations = {e["key"]: e for e in store.evaluations.list(testset_id)}
    glossaries = {g["name"]: g for g in store.glossaries.list()}
    fingerprint = (
        tuple(str(evaluations.get(k, {}).get("updated_at")) for k in keys),
        tuple((n, glossaries[n]["id"], glossaries[n]["entries"]) for n in names if n in glossaries),
    )
    results = _terminology(
        str(store.db.path), testset_id, tuple(keys), tuple(names), fingerprint, n_resamples, confidence, seed
    )
    if not results or not results[0].applicable:
        st.caption("No glossary term occurs in this test set's sources.")
        return
    first = label(results[0].key)
    st.caption(
        f"Share of the glossary terms found in the sources that each output renders as the glossary says, over "
        f"the {results[0].sentences} sentences with at least one term (terms kept ÷ terms applicable; "
        f"sentences without a term do not count), with its {confidence:.0%} bootstrap interval; Δ and p: "
        f"against {first}, paired bootstrap on the same sentences."
    )
    st.dataframe(
        [
            {
                "system": label(r.key),
                "terms kept": r.kept,
                "terms applicable": r.applicable,
                "terminology (%)": round(100 * r.share, 1),
                "interval (%)": f"{100 * r.low:.1f}–{100 * r.high:.1f}" if r.low is not None else "",
                "Δ vs first (points)": "" if r.diff_vs_first is None else f"{100 * r.diff_vs_first:+.1f}",
                "p": "" if r.p_vs_first is None else fmt_p(r.p_vs_first, round(1 - confidence, 10)),
            }
            for r in results
        ],
        hide_index=True,
        width="stretch",
        key="cmp-terminology",
    )
