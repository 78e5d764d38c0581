"""5 · Compare: evaluate model versions on a test set, compare them with significance, and judge them blind."""

from __future__ import annotations

import hashlib
import random

import plotly.graph_objects as go
import streamlit as st

from engine.characters import shortened
from engine.compare.ab import draw_item, win_rates
from engine.compare.comparison import CompareSettings, build_comparison, metric_label, most_disagreed, system_labels
from engine.compare.degeneration import degeneration_flags
from engine.compare.diff import diff_html
from engine.compare.report import (
    ab_rows,
    fmt_score,
    interval_texts,
    pair_table,
    report_csv,
    report_html,
    report_markdown,
    score_table,
)
from engine.compare.testsets import testset_rows_from_upload
from engine.corpora import CorpusRejected, safe_display_name
from engine.jobs.config import FieldSpec
from engine.jobs.evaluate import REQUESTABLE_METRICS, plan_evaluation, runnable_metrics
from engine.markup import html_text, markdown_literal
from engine.models.lineage import model_lineage
from engine.models.registry import folder_missing
from engine.store.evaluations import AlreadyJudged
from engine.wording import as_sentence, counted
from studio.components.arabic import arabic_cell, arabic_text
from studio.components.glossary import terminology_section
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, run_monitor, start_once
from studio.components.messages import show_error
from studio.components.mqm_panel import mqm_panel
from studio.components.pickers import corpus_picker
from studio.components.scorecard import scorecard_panel
from studio.state import services

STAGE_ORDER = ("sft", "cold-start", "final", "production", "candidate", "archived")
PAGE_SIZE = 10

st.title("5 · Compare")
st.caption("Leads compare model versions — SFT, cold-start, final — on the same test set: every metric with its "
           "confidence interval, paired significance tests between every two systems, the sentences where they "
           "disagree most, and blind A/B judgements by linguists.")
workspace_header(services())
store = services().store
with st.container(border=True):
    scorecard_panel(store, key="compare-scorecard")


# --- form widgets -----------------------------------------------------------------------------------------------

def models_widget(spec: FieldSpec, value, key: str) -> list[str]:
    """Policy models, the newest of each stage preselected (SFT, cold-start, final …)."""
    models = store.models.list(kind="policy")
    stages = {m["name"]: m["stage"] for m in models}
    default = [v for v in (value or []) if v in stages]
    if not default:  # an archived version stays a choice, never a default; nor is one whose folder is gone
        live = [m for m in models if m["stage"] != "archived" and not folder_missing(m)]
        for stage in STAGE_ORDER:
            default += [m["name"] for m in live if m["stage"] == stage][:1]
        default = default[:3]
        default += [m["name"] for m in live if m["name"] not in default][:max(0, 2 - len(default))]
    return st.multiselect(spec.label, list(stages), default=default, help=spec.help, key=key,
                          format_func=lambda n: f"{n} ({stages[n]})")


def reward_widget(spec: FieldSpec, value, key: str) -> str:
    names = ["", *[m["name"] for m in store.models.list(kind="reward")]]
    return st.selectbox(spec.label, names, index=names.index(value) if value in names else 0, help=spec.help, key=key,
                        format_func=lambda n: n or "(none)")


def testset_widget(spec: FieldSpec, value, key: str) -> str:
    uploaded = {t["id"]: f"{t['name']} ({t['size']} sentences)" for t in store.evaluations.testsets()
                if t["origin"] == "upload"}
    options = ["", *uploaded]
    return st.selectbox(spec.label, options, index=options.index(value) if value in options else 0, help=spec.help,
                        key=key, format_func=lambda t: uploaded.get(t, "(the corpora's split)"))


def metrics_widget(spec: FieldSpec, value, key: str) -> list[str]:
    return st.multiselect(spec.label, list(REQUESTABLE_METRICS), default=[v for v in value or []
                                                                          if v in REQUESTABLE_METRICS],
                          help=spec.help, key=key)


# --- the comparison, cached per selection -----------------------------------------------------------------------

@st.cache_data(max_entries=16, show_spinner="Comparing the systems…")
def comparison_for(workspace: str, keys: tuple[str, ...], fingerprint: tuple, settings: CompareSettings):
    """The comparison of some evaluations of ``workspace`` (``fingerprint`` changes when one is re-scored)."""
    return build_comparison(services().store, list(keys), settings)


def system_options(testset_id: str) -> dict[str, str]:
    """Evaluations of a test set: key → "model · decoding", in the order of the loop (SFT, cold-start, final …),
    then oldest first."""
    stages = {m["name"]: m["stage"] for m in store.models.list(kind="policy")}

    def order(e: dict) -> tuple:
        stage = stages.get(e["model"])
        return (STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER), e["created_at"], e["model"])

    evaluations = sorted(store.evaluations.list(testset_id), key=order)
    return dict(zip([e["key"] for e in evaluations], system_labels(evaluations, with_decoding=True), strict=True))


def testset_picker(key: str, minimum: int = 1) -> dict | None:
    """A select box of test sets with at least ``minimum`` evaluations (the focused one preselected)."""
    testsets = [t for t in store.evaluations.testsets() if t["evaluations"] >= minimum]
    if not testsets:
        return None
    ids = [t["id"] for t in testsets]
    focus = st.session_state.get("cmp-focus", {}).get("testset")
    # "20 sentences, 1 evaluated" read as one sentence evaluated
    names = {t["id"]: f"{t['name']} — {counted(t['size'], 'sentence')} · {counted(t['evaluations'], 'evaluation')}"
             for t in testsets}
    chosen = st.selectbox("Test set", ids, index=ids.index(focus) if focus in ids else 0, format_func=names.get,
                          key=key)
    return next(t for t in testsets if t["id"] == chosen)


def bar_chart(comparison, metric: str, level: str) -> go.Figure:
    rows = [comparison.summary_row(s.key, metric, level) for s in comparison.systems]
    rows = [r for r in rows if r is not None]
    # the value goes under the bar with the system's name: printed above the bar it sat on the error bar
    fig = go.Figure(go.Bar(
        x=[f"{r['system']}<br><b>{value}</b> [{low}, {high}]"
           for r in rows for value, low, high in [interval_texts(r["value"], r["low"], r["high"], metric)]],
        y=[r["value"] for r in rows],
        error_y={"type": "data", "symmetric": False, "array": [r["high"] - r["value"] for r in rows],
                 "arrayminus": [r["value"] - r["low"] for r in rows]},
        hovertemplate="%{x}<extra></extra>", marker_color="#2563eb"))
    what = "corpus score" if level == "corpus" else "mean sentence score"
    fig.update_layout(title=f"{metric_label(metric)} — {what}, {comparison.settings.confidence:.0%} interval",
                      height=380, margin={"l": 10, "r": 10, "t": 50, "b": 10}, yaxis_title=metric_label(metric))
    return fig


def sentence_html(sentence: dict, comparison, baseline: str, metrics: list[str]) -> str:
    """One sentence side by side: source, reference, and each system's output (RTL) with its diff and scores."""
    rows = [f"<tr><th>Source</th><td dir='auto'>{html_text(sentence['source'])}</td><td></td></tr>",
            f"<tr><th>Reference</th>{arabic_cell(html_text(sentence['reference']))}<td></td></tr>"]
    base_text = sentence["outputs"][baseline]
    for system in comparison.systems:
        text = sentence["outputs"][system.key]
        shown = html_text(text) if system.key == baseline else diff_html(base_text, text)
        scores = sentence["scores"][system.key]
        score_text = " · ".join(f"{metric_label(m)} {fmt_score(m, scores[m])}" for m in metrics if m in scores)
        rows.append(f"<tr><th>{html_text(system.label)}</th>{arabic_cell(shown or '<em>(empty)</em>')}"
                    "<td style='font-size:0.8rem;color:#4b5563'>"
                    f"{html_text(score_text)}</td></tr>")
    return (f"<div class='cmp-sentence'><div style='color:#6b7280;font-size:0.8rem'>sentence {sentence['idx'] + 1}"
            f" · {html_text(sentence['pair'])}</div><table class='tarjama-table'><tbody>{''.join(rows)}</tbody>"
            "</table></div>")


def not_computed(skipped: dict[str, str]) -> None:
    """The metrics an evaluation was asked for and cannot compute here, with the reasons (they were said only in
    the run's log)."""
    if skipped:
        st.warning("Not computed in this evaluation: " + "; ".join(
            f"{markdown_literal(metric_label(m))} ({markdown_literal(why)})" for m, why in skipped.items()))


def evaluate_section() -> None:
    """Evaluate: translate a test set with chosen models and score them (an evaluate job)."""
    if not store.models.list(kind="policy"):
        st.info("No policy model yet: set up the demo on the Start page, or register a model on the Models page.")
    else:
        with st.expander("Upload a test file"):
            upload = st.file_uploader("Test file (TSV, CSV or JSONL: source, Arabic reference)",
                                      type=["tsv", "csv", "jsonl", "txt"], key="cmp-upload")
            up_cols = st.columns(3)
            up_pair = up_cols[0].selectbox("Language pair", ["en-ar", "fr-ar"], key="cmp-upload-pair")
            up_header = up_cols[1].checkbox("First line is a header", key="cmp-upload-header")
            up_name = up_cols[2].text_input("Name of the test set", key="cmp-upload-name")
            if st.button("Add the test set", key="cmp-upload-add", disabled=upload is None):
                try:
                    rows = testset_rows_from_upload(upload.getvalue(), upload.name, up_pair, has_header=up_header)
                    name = up_name.strip() or shortened(safe_display_name(upload.name))
                    before = {t["id"] for t in store.evaluations.testsets()}
                    added = store.evaluations.add_testset(name, "upload", rows,
                                                          {"file": safe_display_name(upload.name)})
                except CorpusRejected as exc:
                    st.error("The file was rejected, nothing was stored:\n\n" + "\n".join(
                        f"- line {e.line}: {e.reason}" for e in exc.errors[:20]))
                except ValueError as exc:
                    show_error(exc)
                else:
                    if added in before:  # the same sentences are stored once, under the name they came with first
                        st.info(f"These {len(rows)} sentences are already the test set "
                                f"{markdown_literal(store.evaluations.get_testset(added)['name'])}: nothing new was "
                                "stored. Choose it as the test set below.")
                    else:
                        st.success(f"Added {markdown_literal(name)}: {len(rows)} sentences. Choose it as the test "
                                   "set below.")
        config = config_form(
            "evaluate", key="cmp-eval", defaults={"metrics": runnable_metrics()},
            widgets={"models": models_widget, "corpus_ids": corpus_picker(having="test"), "reward_model": reward_widget,
                     "testset": testset_widget, "metrics": metrics_widget}, submit_label="Evaluate")
        if config is not None:
            try:
                plan = plan_evaluation(config, store)
            except (ValueError, LookupError) as exc:
                show_error(exc)
            else:
                st.session_state["cmp-focus"] = {"testset": plan.testset_id, "keys": [s.key for s in plan.systems]}
                if plan.all_cached:
                    for warning in plan.warnings():  # a model evaluated on a direction it was not trained for
                        st.warning(markdown_literal(warning))
                    st.success(f"Every evaluation is cached ({len(plan.systems)} on {plan.testset_name}): nothing to "
                               "translate. See the Compare tab.")
                    not_computed(plan.skipped)
                else:
                    try:
                        started = start_once("evaluate", config)
                    except (ValueError, LookupError) as exc:
                        show_error(exc)
                    else:
                        if started:
                            # said on the page beside its run, not only in the run's log
                            st.session_state["cmp-skipped"] = (started, plan.skipped, plan.warnings())
                            st.rerun()
        latest = store.runs.list(kinds=("evaluate",), limit=1)
        run_id, skipped, warnings = st.session_state.get("cmp-skipped") or (None, {}, [])
        if latest and latest[0]["id"] == run_id:  # of the run shown below, not of an earlier one
            for warning in warnings:
                st.warning(markdown_literal(warning))
            not_computed(skipped)
        if latest:
            run_monitor(latest[0]["id"], key="cmp-run", charts=[])



def compare_section() -> None:
    """Compare: evaluations side by side with intervals, significance, degeneration flags and reports."""
    testset = testset_picker("cmp-testset")
    if testset is None:
        st.info("Nothing evaluated yet: run an evaluation on the Evaluate tab.")
    else:
        options = system_options(testset["id"])
        focus = st.session_state.get("cmp-focus", {})
        default = [k for k in focus.get("keys", []) if k in options] or list(options)[:4]
        selected = st.multiselect("Systems", list(options), default=default, format_func=options.get,
                                  key=f"cmp-systems-{testset['id']}-{len(options)}",
                                  help="Each system is one model under one decoding setting.")
        with st.expander("Significance settings"):
            s_cols = st.columns(5)
            method = s_cols[0].radio("Test", ["bootstrap", "randomisation"], key="cmp-method",
                                     format_func={"bootstrap": "Paired bootstrap",
                                                  "randomisation": "Approximate randomisation"}.get,
                                     help="Both are paired: sentence i of one system against sentence i of the "
                                          "other.")
            n_resamples = s_cols[1].number_input("Resamples / trials", 100, 20_000, 1000, step=100, key="cmp-n")
            confidence = s_cols[2].selectbox("Confidence", [0.9, 0.95, 0.99], index=1, key="cmp-confidence")
            seed = s_cols[3].number_input("Seed", 0, 2**31 - 1, 0, key="cmp-seed")
            corpus_level = s_cols[4].checkbox("Corpus-level BLEU/chrF/TER", True, key="cmp-corpus")
        if not selected:
            st.info("Choose the systems to compare.")
        else:
            settings = CompareSettings(method=method, n_resamples=int(n_resamples), confidence=float(confidence),
                                       seed=int(seed), corpus_level=corpus_level)
            evaluations = {e["key"]: e for e in store.evaluations.list(testset["id"])}
            fingerprint = tuple((k, str(evaluations[k]["updated_at"])) for k in selected)
            comparison = comparison_for(str(services().workspace.root), tuple(selected), fingerprint, settings)
            if comparison.incomplete:
                st.warning("Some metrics were computed for only some systems and are left out: " + "; ".join(
                    f"{comparison.label(k)} lacks {', '.join(v)}" for k, v in comparison.incomplete.items())
                    + ". Evaluate the systems again with the same metric settings to compare them.")
            if comparison.mismatched:
                how = {metric: ", ".join(f"{markdown_literal(who)}: {markdown_literal(spec)}"
                                         for who, spec in specs.items())
                       for metric, specs in comparison.mismatched.items()}
                st.warning("Some metrics were computed differently for these systems and are left out: "
                           + "; ".join(f"{metric} ({text})" for metric, text in how.items())
                           + ". Evaluate the systems again with the same settings (Arabic normalisation, metric "
                           "models, reward model) to compare them.")

            parents = {m["name"]: m["parent"] for m in store.models.list(kind="policy")}
            for flag in degeneration_flags(comparison, parents):
                st.warning(flag.message(), icon=":material/warning:")

            st.subheader("Scores")
            st.caption(f"Mean sentence score with its {settings.confidence:.0%} paired bootstrap interval "
                       f"({settings.n_resamples} resamples, seed {settings.seed}), {len(comparison.sentences)} "
                       "sentences. TER and the check rates: lower is better.")
            st.dataframe(score_table(comparison, "sentence"), hide_index=True, width="stretch")
            corpus_rows = score_table(comparison, "corpus")
            if corpus_rows:
                st.caption("Corpus-level BLEU, chrF and TER (sacrebleu), with bootstrap intervals:")
                st.dataframe(corpus_rows, hide_index=True, width="stretch")
            if comparison.metrics:
                c_cols = st.columns([2, 1])
                chart_metric = c_cols[0].selectbox("Metric in the chart", comparison.metrics, format_func=metric_label,
                                                   key="cmp-chart-metric")
                levels = ["sentence"] + (["corpus"] if comparison.summary_row(
                    comparison.systems[0].key, chart_metric, "corpus") else [])
                level = c_cols[1].radio("Score", levels, horizontal=True, key="cmp-chart-level",
                                        format_func={"sentence": "sentence mean", "corpus": "corpus"}.get)
                st.plotly_chart(bar_chart(comparison, chart_metric, level), width="stretch", key="cmp-chart")

            terminology_section(store, testset["id"], [s.key for s in comparison.systems], comparison.label,
                                n_resamples=settings.n_resamples,
                                confidence=settings.confidence, seed=settings.seed)

            if len(comparison.systems) > 1:
                st.subheader("Pairwise significance")
                method_name = {"bootstrap": "paired bootstrap resampling",
                               "randomisation": "approximate randomisation"}[settings.method]
                st.caption(f"B − A with its {settings.confidence:.0%} interval; p from {method_name}; p (Holm) "
                           "adjusts for testing every pair of systems. A difference counts when its Holm-adjusted p < "
                           f"{settings.alpha:g}.")
                only_sig = st.toggle("Only significant differences", key="cmp-only-sig")
                rows = pair_table(comparison)
                if only_sig:
                    rows = [r for r, raw in zip(rows, comparison.pairs, strict=True) if raw["significant"]]
                st.dataframe(rows, hide_index=True, width="stretch")

            st.subheader("Sentence by sentence")
            labels = {s.key: s.label for s in comparison.systems}
            v_cols = st.columns([2, 2, 1, 1])
            baseline = v_cols[0].selectbox("Highlight differences from", list(labels), format_func=labels.get,
                                           key="cmp-baseline")
            disagree_metric = v_cols[1].selectbox("Disagreement measured by", comparison.metrics or ["chrf"],
                                                  format_func=metric_label, key="cmp-disagree-metric")
            # on from the start: a lead opens the viewer to see where the systems differ (it listed the test set in
            # order, identical outputs first as often as not)
            only_disagree = v_cols[2].toggle("Where systems disagree most", value=True, key="cmp-disagree",
                                             help="Sorted by the spread of the metric across systems; only "
                                                  "sentences whose outputs differ. Off: every sentence, in order.")
            top = int(v_cols[3].number_input("How many", 1, max(1, len(comparison.sentences)),
                                             min(20, max(1, len(comparison.sentences))), key="cmp-top"))
            sentences = (most_disagreed(comparison, disagree_metric, top=top, only_differing=True)
                         if only_disagree else comparison.sentences)
            if not sentences:  # on from the start, the filter showed nothing but this line
                st.caption("The systems' outputs are identical on every sentence: all of them are shown, in order.")
                sentences = comparison.sentences
            pages = max(1, -(-len(sentences) // PAGE_SIZE))
            page = int(st.number_input(f"Page (of {pages})", 1, pages, 1, key="cmp-page")) if pages > 1 else 1
            st.markdown("".join(sentence_html(s, comparison, baseline, comparison.metrics[:4])
                                for s in sentences[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]),
                        unsafe_allow_html=True)

            st.subheader("Lineage")
            lineage = {m: model_lineage(store, m) for m in dict.fromkeys(s.model for s in comparison.systems)}
            for model, chain in lineage.items():
                st.markdown(f"**{model}**")
                st.dataframe([{"model": s["model"], "stage": s["stage"],
                               "made by": f"{s['run_kind']} {s['run']}".strip(), "data": s["data"],
                               "reward model": s["reward_model"], "parent": s["parent"]} for s in chain],
                             hide_index=True, width="stretch")

            st.subheader("Export")
            rates = win_rates(store.evaluations.judgements(testset["id"], systems=list(selected)))
            # what the reports hold of the Blind A/B tab (a judgement made there reran that tab alone until this one
            # was opened again)
            judged = sum(r.n for r in rates)
            st.caption(f"The reports include {counted(judged, 'blind A/B judgement')} of these systems."
                       if judged else "No blind A/B judgement of these systems yet: the reports have no win rates.")
            e_cols = st.columns(3)
            stem = f"comparison-{testset['id']}"
            e_cols[0].download_button("Markdown report", report_markdown(comparison, win_rates=rates, lineage=lineage),
                                      file_name=f"{stem}.md", mime="text/markdown", key="cmp-export-md")
            e_cols[1].download_button("HTML report", report_html(comparison, win_rates=rates, lineage=lineage),
                                      file_name=f"{stem}.html", mime="text/html", key="cmp-export-html")
            e_cols[2].download_button("CSV", report_csv(comparison, win_rates=rates), file_name=f"{stem}.csv",
                                      mime="text/csv", key="cmp-export-csv")


def _record_ab(testset_id: str, item, user: dict, choice: str, item_key: str) -> None:
    """Record a blind A/B click for the item it was shown with; a sentence judged meanwhile in another tab is said,
    not judged again (the next item is drawn by the run that follows)."""
    try:
        store.evaluations.record_judgement(testset_id, item.idx, user["name"], item.left, item.right, choice,
                                           role=user["role"])
    except AlreadyJudged:
        st.session_state["ab-notice"] = ("You judged that sentence already (in another tab): your click was not "
                                         "counted. Here is the next one.")
    st.session_state.pop(item_key, None)


@st.fragment
def blind_ab_section() -> None:
    """Blind A/B: linguists judge two systems' outputs without knowing which is which. A fragment: a judgement
    reruns this tab, not the comparison's charts and reports."""
    user = st.session_state.get("ab-user")
    if not user:
        st.caption("Sign in once for this browser session: your judgements are stored under your name.")
        with st.form("ab-signin"):
            # the role comes first and has no default: Enter in the name box submits the form, and must not sign
            # a lead in as a linguist
            role = st.radio("Role", ["linguist", "lead"], index=None, horizontal=True, key="ab-role")
            name = st.text_input("Your name", key="ab-name")
            if st.form_submit_button("Sign in", type="primary"):
                if role is None:
                    st.error("Choose your role.")
                else:
                    try:
                        st.session_state["ab-user"] = {"name": store.evaluations.judge_name(name), "role": role}
                    except ValueError as exc:
                        show_error(as_sentence(str(exc)))
                    else:
                        st.rerun()
    else:
        head = st.columns([4, 1])
        head[0].markdown(f"Signed in as **{markdown_literal(user['name'])}** ({user['role']}).")
        if head[1].button("Sign out", key="ab-signout"):
            del st.session_state["ab-user"]
            st.rerun()
        testset = testset_picker("ab-testset", minimum=2)
        if testset is None:
            st.info("Blind A/B needs two evaluated systems on one test set: evaluate them first.")
        else:
            options = system_options(testset["id"])
            keys = list(options)
            lead = user["role"] == "lead"
            if not lead:  # a linguist picks among unnamed systems, in an order of their own (it named the models)
                keys = sorted(keys, key=lambda k: hashlib.sha256(f"{testset['id']}:{k}".encode()).hexdigest())
            labels = options if lead else {k: f"System {chr(ord('A') + i)}" if i < 26 else f"System {i + 1}"
                                           for i, k in enumerate(keys)}
            pick = st.columns(2)
            first = pick[0].selectbox("System 1", keys, format_func=labels.get, key="ab-system-1")
            second = pick[1].selectbox("System 2", keys, index=1, format_func=labels.get, key="ab-system-2")
            if first == second:
                st.warning("Choose two different systems.")
            else:
                outputs = store.evaluations.outputs([first, second])
                item_key = f"ab-item-{testset['id']}-{first}-{second}"
                judged = store.evaluations.judged(user["name"], testset["id"], (first, second))
                item = st.session_state.get(item_key)
                if item is None or item.idx in judged:
                    item = draw_item(outputs[first], outputs[second], (first, second), judged, random.Random())
                    st.session_state[item_key] = item
                if item is None and outputs[first] == outputs[second]:  # sentence index → output, both
                    st.info("These two systems give the same output on every sentence of this test set: there is "
                            "nothing to choose between. Pick two systems that differ.")
                elif item is None:
                    st.success("You have judged every sentence where these two systems differ.")
                else:
                    segment = store.evaluations.segments(testset["id"])[item.idx]
                    st.caption(f"{len(judged)} judged by you for this pair. Which translation is better?")
                    st.markdown(f"<div dir='auto' style='font-size:1.1rem'>{html_text(segment['source'])}</div>",
                                unsafe_allow_html=True)
                    shown = st.columns(2)
                    for column, label, system in ((shown[0], "A", item.left), (shown[1], "B", item.right)):
                        with column:
                            st.markdown(f"**Translation {label}**")
                            arabic_text(outputs[system][item.idx])
                    with st.expander("Show the reference"):
                        arabic_text(segment["reference"] or "")
                    buttons = st.columns(3)
                    for column, label, choice in ((buttons[0], "A is better", "left"), (buttons[1], "Tie", "tie"),
                                                  (buttons[2], "B is better", "right")):
                        # the item shown is bound to the click: the run a click starts drew a new item first when
                        # this one had been judged in another tab, and the vote went to a sentence never seen
                        column.button(label, key=f"ab-{choice}", width="stretch", on_click=_record_ab,
                                      args=(testset["id"], item, user, choice, item_key))
                    if notice := st.session_state.pop("ab-notice", None):
                        st.warning(notice)
            st.subheader("Win rates")
            rates = win_rates(store.evaluations.judgements(testset["id"]))
            reveal = lead and st.toggle(
                "Reveal the systems", key="ab-reveal",
                help="Until then the results name the systems as you picked them (System 1, System 2) and show "
                     "only this pair, so they do not sway your next judgements. Leads only: a linguist judges blind.")
            if reveal:
                names = options
            else:  # a linguist's pickers' own labels (System A …), a lead's order; this pair's rows only — also
                # when both pickers name one system (no pair: nothing, where every pair's rows showed real names)
                names = {first: labels[first], second: labels[second]} if not lead else \
                    {first: "System 1", second: "System 2"}
                rates = [w for w in rates if {w.system_a, w.system_b} == {first, second}]
            if not rates:
                st.caption("No judgements on this test set yet." if reveal else
                           "No judgements of this pair yet.")
            else:
                st.caption("Wins are the first column's system's. Win rate counts a tie as half a win; both intervals "
                           "are Wilson 95% intervals; the sign test leaves ties out. On screen, A and B were a fresh "
                           "random order for every sentence.")
                st.dataframe(ab_rows(rates, names, first=first if not reveal else None), hide_index=True,
                             width="stretch")



def mqm_section() -> None:
    """MQM: error-span scores per model."""
    mqm_panel(store)



# Opening a tab reruns the page (on_change="rerun"): the Compare tab's reports count the A/B judgements just made
# in the Blind A/B tab, whose clicks rerun only that tab. Every tab is still drawn on each run.
evaluate_tab, compare_tab, ab_tab, mqm_tab = st.tabs(["Evaluate", "Compare", "Blind A/B", "MQM (error spans)"],
                                                     key="cmp-tab", on_change="rerun")

# --- Evaluate ---------------------------------------------------------------------------------------------------
with evaluate_tab:
    evaluate_section()
# --- Compare ----------------------------------------------------------------------------------------------------
with compare_tab:
    compare_section()
# --- Blind A/B --------------------------------------------------------------------------------------------------
with ab_tab:
    blind_ab_section()
# --- MQM ------------------------------------------------------------------------------------------------------
with mqm_tab:
    mqm_section()
