"""2 · Synthetic preferences: the SFT model samples candidates, metrics score them, pairs are drawn."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import plotly.express as px
import streamlit as st

from engine.decoding.labels import candidate_origin
from engine.jobs.metric_titles import metric_title
from engine.jobs.score import ScoreConfig, fusion_plan, run_fusion_description
from engine.markup import html_text, markdown_literal
from engine.models.refs import cold_start_base
from engine.preferences.fusion import FusionError
from studio.components.arabic import arabic_text, arabic_text_cell
from studio.components.exports import preference_export
from studio.components.follow import follow_newest
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, run_monitor, start_once
from studio.components.messages import show_error
from studio.components.pickers import corpus_picker, glossary_widget, model_picker, run_picker
from studio.components.presets import preset_choice
from studio.state import services

SOURCES_PER_PAGE = 10


def _number(value: float | None, digits: int) -> str:
    """A score for a table cell; a dash when it is missing (not scored, or no MBR for a lone candidate)."""
    return "—" if value is None or value != value else f"{value:.{digits}f}"


st.title("2 · Synthetic preferences")
st.caption("Cold start without human data: the SFT model samples 3–8 candidates per source with varied decoding, "
           "automatic metrics score them, and pairs with a clear quality gap become training data for the reward "
           "model.")
workspace_header(services())
store = services().store

generate_tab, score_tab, browse_tab, charts_tab, export_tab = st.tabs(
    ["Generate candidates", "Score and pair", "Browse candidates", "Charts", "Export"])

with generate_tab:
    if not store.models.list(kind="policy"):
        st.info("Register an SFT model first (Start page: demo set-up, or the Models page).")
    elif not store.corpora.list():
        st.info("Add a corpus on the Data page first.")
    else:
        preset, values = preset_choice("generate", key="pref-generate-preset")
        config = config_form("generate", key=f"pref-generate-{preset}",
                             defaults={"model": cold_start_base(store), **values},
                             widgets={"model": model_picker("policy"), "corpus_ids": corpus_picker(fresh=True),
                                      "glossaries": glossary_widget},
                             submit_label="Generate")
        if config is not None:
            try:
                started = start_once("generate", config)
            except ValueError as exc:
                show_error(exc)
            else:
                if started:
                    st.rerun()
    latest = store.runs.list(kinds=("generate",), limit=1)
    if latest:
        run_monitor(latest[0]["id"], key="pref-gen", charts=[("Throughput", ["sources_per_s"]),
                                                              ("Tokens per second", ["tokens_per_s"]),
                                                              # how varied the candidates are: what scoring pairs
                                                              # needs (the Runs page showed it, this one did not)
                                                              ("Distinct candidates per source",
                                                               ["distinct_per_source"])])

with score_tab:
    config = None
    if not store.runs.list(kinds=("generate",), statuses=("succeeded",), limit=1):
        # no form to fill in and submit for nothing: the form's run picker would be empty
        st.info("Nothing to score yet: generate candidates first (*Generate candidates*). The form opens here once "
                "a generate run has finished.")
    else:
        config = config_form("score", key="pref-score", widgets={"generate_run": run_picker("generate"),
                                                                 "glossaries": glossary_widget},
                             submit_label="Score and pair")
        st.caption("Metric models are optional: leave a model empty and its weight is shared among the metrics "
                   "that can run. Without references (reference-free mode) use comet_qe and mbr_chrf.")
    if config is not None:
        try:
            plan = fusion_plan(config)
            started = start_once("score", config)
        except (FusionError, ValueError) as exc:
            show_error(exc)
        else:
            st.info(plan.describe())
            if started:
                st.rerun()
    latest = store.runs.list(kinds=("score",), limit=1)
    if latest:
        def fusion_note(run: dict) -> None:
            st.info(run_fusion_description(services().workspace.run_dir(run["id"]),
                                           ScoreConfig(**json.loads(run["config"]))))

        run_monitor(latest[0]["id"], key="pref-score-run", extra=fusion_note,
                    charts=[("Pairs", ["pairs", "valid_pairs"]), ("Mean margin", ["mean_margin"])])

@st.cache_data(max_entries=4, show_spinner="Reading the run's scores…")
def _score_table(workspace: str, score_run: str) -> pd.DataFrame:
    """A finished score run's candidate scores, one row per candidate, read once per run of ``workspace`` (they do
    not change): the Charts tab read every score row on each rerun of the page, 1.3 s for 210,000 of them."""
    return pd.DataFrame(services().store.preferences.score_table(score_run))


score_runs = store.runs.list(kinds=("score",), statuses=("succeeded",))
gen_runs = store.runs.list(kinds=("generate",), statuses=("succeeded",))

with browse_tab:
    if not gen_runs:
        st.info("No finished generate run yet.")
    else:
        c1, c2, c3 = st.columns(3)
        gen_ids = [r["id"] for r in gen_runs]
        scored_gen = {r["id"]: json.loads(r["config"]).get("generate_run") for r in score_runs}
        # open on the candidates of the newest finished score run (its generate run may not be the newest one)
        newest_scored = next((scored_gen[r["id"]] for r in score_runs if scored_gen[r["id"]] in gen_ids), None)
        follow_newest("pref-browse-gen", gen_ids, newest_scored)
        gen = c1.selectbox("Generate run", gen_ids, key="pref-browse-gen")
        matching = [r["id"] for r in score_runs if scored_gen[r["id"]] == gen]
        follow_newest(f"pref-browse-score-{gen}", matching or [None])
        score = c2.selectbox("Score run", matching or [None], key=f"pref-browse-score-{gen}",
                             format_func=lambda r: r or "not scored yet")
        # every strategy that wrote a candidate (one that always matched an earlier strategy was not offered), and
        # the page count of the sources it wrote (it counted them all: pages 2–3 of a filter were blank)
        strategy = c3.selectbox("Strategy", ["any", *store.preferences.run_strategies(gen)],
                                key="pref-browse-strategy")
        written_by = None if strategy == "any" else strategy
        total = store.preferences.count_sources(gen, written_by)
        pages = max(1, -(-total // SOURCES_PER_PAGE))
        page = st.number_input(f"Page (of {pages}, {total} sources)", 1, pages, 1, key=f"pref-page-{gen}-{strategy}")
        groups = store.preferences.scored_sources(gen, score, strategy=written_by,
                                                  limit=SOURCES_PER_PAGE, offset=(page - 1) * SOURCES_PER_PAGE)
        for group in groups:
            with st.container(border=True):
                st.markdown(f"**{markdown_literal(group['source'])}**")
                if group["reference"]:
                    arabic_text(group["reference"], label="Reference")
                ranked = sorted(group["candidates"], key=lambda c: -(c["scores"].get("quality") or 0))
                rows = []
                for c in ranked:
                    s = c["scores"]
                    badge = " / ".join(c["roles"])
                    checks = {1.0: "passed", 0.0: "<b style='color:#b91c1c'>failed</b>"}.get(s.get("check_passed"), "—")
                    rows.append(
                        f"<tr>{arabic_text_cell(c['text'])}"
                        f"<td>{html_text(candidate_origin(c['strategies'] or c['strategy'], c['n_samples']))}</td>"
                        f"<td>{_number(s.get('quality'), 2)}</td><td>{_number(s.get('chrf'), 1)}</td>"
                        f"<td>{_number(s.get('mbr_chrf'), 1)}</td><td>{checks}</td>"
                        f"<td><b>{html_text(badge)}</b></td></tr>")
                st.markdown("<table class='tarjama-table'><thead><tr><th>Candidate</th><th>Strategy</th>"
                            "<th>Quality</th><th>chrF</th><th>MBR</th><th title='Empty, not Arabic, a copy of the "
                            "source, repetitive or a wrong length: never chosen for a pair'>Checks</th>"
                            "<th>Pair role</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>",
                            unsafe_allow_html=True)

        if score:
            st.subheader("Pairs of this score run")
            margin = st.slider("Smallest margin shown", 0.0, 1.0, 0.0, 0.05, key="pref-pairs-margin")
            split = st.radio("Split", ["train", "valid"], horizontal=True, key="pref-pairs-split")
            shown = store.preferences.pairs(run_ids=[score], split=split, min_margin=margin, limit=50)
            st.caption(f"{store.preferences.count_pairs(run_ids=[score], split=split, min_margin=margin)} pairs; "
                       "the first 50 are shown.")
            rows = "".join(
                f"<tr><td dir='auto'>{html_text(p['source'])}</td>"
                f"{arabic_text_cell(p['chosen'])}"
                f"{arabic_text_cell(p['rejected'])}"  # a blank cell read as missing
                f"<td>{p['margin']:.2f}</td></tr>" for p in shown)
            st.markdown("<table class='tarjama-table'><thead><tr><th>Source</th><th>Chosen</th><th>Rejected</th>"
                        f"<th>Margin</th></tr></thead><tbody>{rows}</tbody></table>", unsafe_allow_html=True)

with charts_tab:
    if not score_runs:
        st.info("Charts appear once a score run has finished.")
    else:
        score_ids = [r["id"] for r in score_runs]
        follow_newest("pref-charts-score", score_ids)
        score = st.selectbox("Score run", score_ids, key="pref-charts-score")
        min_margin = st.slider("Only pairs with a margin of at least", 0.0, 1.0, 0.0, 0.05, key="pref-charts-margin")
        margins = [m for m in store.preferences.margins([score]) if m >= min_margin]
        st.metric("Pairs", f"{len(margins):,}")
        if margins:
            fig = px.histogram(x=margins, nbins=30, labels={"x": "quality margin (chosen − rejected)"},
                               title="Margin of the pairs")
            # a count has no fractions: a few pairs were drawn on steps of 0.5
            tallest = int(np.histogram(margins, bins=30)[0].max())
            fig.update_yaxes(title="pairs", tickformat=",d", dtick=max(1, math.ceil(tallest / 5)))
            st.plotly_chart(fig, width="stretch", key="pref-margin-hist")
        table = _score_table(str(services().workspace.root), score)
        metric_cols = [c for c in table.columns if c not in ("cand_id", "strategy", "strategies", "check_passed")]
        if len(table) and metric_cols:
            # a metric equal for every candidate has no rank correlation: its row and column were left empty
            constant = [c for c in metric_cols if table[c].astype(float).nunique(dropna=True) <= 1]
            varied = [c for c in metric_cols if c not in constant]
            corr = table[varied].astype(float).corr(method="spearman").rename(index=metric_title,
                                                                              columns=metric_title)
            st.plotly_chart(px.imshow(corr, text_auto=".2f", zmin=-1, zmax=1, color_continuous_scale="RdBu",
                                      title="Metric correlation (Spearman)"), width="stretch",
                            key="pref-corr")
            if constant:
                st.caption("Left out of the correlation — the same for every candidate: "
                           + ", ".join(metric_title(c) for c in constant) + ".")
            metric = st.selectbox("Metric by sampling strategy", metric_cols,
                                  index=metric_cols.index("quality") if "quality" in metric_cols else 0,
                                  format_func=metric_title, key="pref-strategy-metric")
            # a candidate counts for every strategy that wrote it (beam:4's, all greedy's too, had no box)
            by_strategy = table.explode("strategies")
            st.plotly_chart(px.box(by_strategy, x="strategies", y=metric,
                                   title=f"{metric_title(metric)} by sampling strategy",
                                   labels={metric: metric_title(metric), "strategies": "Sampling strategy"}),
                            width="stretch", key="pref-strategy-box")
            st.caption("A candidate several strategies wrote counts in each of their boxes.")

with export_tab:
    sets = store.preferences.pair_sets(origin="synthetic")
    if not sets:
        st.info("No synthetic pairs yet.")
    else:
        st.dataframe(sets, hide_index=True, width="stretch")
        chosen = st.multiselect("Pair sets to export", [s["run_id"] for s in sets],
                                default=[sets[0]["run_id"]], key="pref-export-sets")
        preference_export(store, "synthetic", chosen, key="pref-export")
