"""Pipelines in the studio: the one-click form of a template and a live view of a pipeline's steps."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from engine.jobs.config import config_to_dict
from engine.pipelines.templates import (
    RL_METHOD_FIELDS,
    RL_METHOD_HELP,
    RL_METHOD_LABELS,
    RL_METHODS,
    TEMPLATES,
    fields_unused_by,
    missing_to_start,
    phase3_start_models,
    start_template,
)
from studio.components.job_panel import REFRESH_SECONDS, STATUS_ICONS, config_form, remember_start, repeated_start
from studio.components.messages import show_error
from studio.components.pickers import corpus_picker, pair_sets_picker, with_named
from studio.state import services, shows_storage_errors

STEP_ICONS = {**STATUS_ICONS, "pending": ":material/hourglass_empty:"}


def _optional_model(kind: str, listed: Callable[[], list[str]]):
    """A select box of the models of ``kind`` that ``listed`` gives (and one the form names: :func:`with_named`),
    with an empty first option ("automatic")."""

    def widget(spec, value, key):
        options = ["", *with_named(listed(), [value], kind)]
        return st.selectbox(spec.label, options, index=options.index(value) if value in options else 0,
                            format_func=lambda n: n or "automatic (see help)", help=spec.help, key=key)

    return widget


def _widgets(template: str) -> dict:
    widgets = {"corpus_ids": corpus_picker(default_all=template == "phase2", fresh=True)}
    store = services().store
    if template == "phase2":
        widgets["policy"] = _optional_model("policy", lambda: [m["name"] for m in store.models.at_loop_stage("sft")])
    else:
        widgets["policy"] = _optional_model("policy", lambda: phase3_start_models(store))
        widgets["reward_model"] = _optional_model("reward",
                                                  lambda: [m["name"] for m in store.models.in_use(kind="reward")])
        widgets["replay_pair_sets"] = pair_sets_picker("synthetic", preselect_newest=False)
    return widgets


STARTED = "pipelines-started"
"""Session key: the pipeline a form just started, for the Pipelines page to select on its next run."""


def pipeline_form(template: str, *, key: str, defaults: dict | None = None) -> int | None:
    """The one-click form of a template; returns the started pipeline's id (and reruns) when submitted.

    The RL method is chosen above the form (a form's widgets cannot change it before it is submitted), and the form
    shows that method's own fields only: the other methods' settings keep their ``defaults`` unseen."""
    spec = TEMPLATES[template]
    if missing := missing_to_start(services().store, template):  # the form could only submit into that refusal
        st.info(missing)
        return None
    defaults = dict(defaults or {})
    current = defaults.get("rl_method", "ppo")
    method = st.radio("RL method", RL_METHODS, index=RL_METHODS.index(current) if current in RL_METHODS else 0,
                      format_func=RL_METHOD_LABELS.get, horizontal=True, help=RL_METHOD_HELP, key=f"{key}-rl-method")
    defaults["rl_method"] = method
    config = config_form(spec, key=key, defaults=defaults, widgets=_widgets(template),
                         hidden=("rl_method", *fields_unused_by(method)), shown=RL_METHOD_FIELDS[method],
                         submit_label=f"Run {spec.title}")
    if config is None:
        return None
    submission = config_to_dict(config)
    if repeated_start(f"pipeline:{template}", submission):
        return None
    try:
        pipeline_id = start_template(services().pipelines, services().store, template, config)
    except (ValueError, LookupError) as exc:
        show_error(f"Cannot start {spec.title}: {exc}")
        return None
    remember_start(f"pipeline:{template}", submission, f"Pipeline #{pipeline_id}")
    st.session_state[STARTED] = pipeline_id  # the Pipelines page selects it (it kept showing the one before)
    st.rerun()  # the page shows the new pipeline
    return pipeline_id


RESUMABLE_REFRESH_SECONDS = 10
"""How often a failed or cancelled pipeline's view looks whether it was resumed elsewhere (another tab, the Runs
page, ``python -m engine jobs resume``)."""


def pipeline_view(pipeline_id: int, *, key: str) -> None:
    """A pipeline's steps with their status and runs, refreshing while it runs; resume and cancel."""
    store = services().store
    first = store.pipelines.get(pipeline_id)
    if first is None:
        st.warning(f"No pipeline {pipeline_id}.")
        return

    # a failed or cancelled pipeline is looked at too, more slowly: resumed in another tab (or its run on the Runs
    # page), this view kept saying "failed" with its Resume button until the page was used
    every = {"running": REFRESH_SECONDS, "failed": RESUMABLE_REFRESH_SECONDS, "cancelled": RESUMABLE_REFRESH_SECONDS}

    @st.fragment(run_every=every.get(first["status"]))
    @shows_storage_errors
    def live() -> None:
        services().refresh()
        pipeline = store.pipelines.get(pipeline_id)
        if pipeline["status"] != first["status"]:  # the whole page follows: its refresh rate, the models made
            st.rerun()
        icon = STEP_ICONS.get(pipeline["status"], "")
        st.markdown(f"**{icon} {pipeline['name']}** — pipeline #{pipeline['id']} — **{pipeline['status']}**")
        rows = []
        for step in pipeline["steps"]:
            run = store.runs.get(step["run_id"]) if step["run_id"] else None
            progress = ""
            if run and run["progress_total"]:
                progress = f"{run['progress_done'] or 0:.0f}/{run['progress_total']:.0f} {run['progress_unit'] or ''}"
            models = store.models.by_run(step["run_id"]) if step["run_id"] else []
            rows.append({"step": f"{step['position'] + 1} · {step['name']}", "job": step["kind"],
                         "status": step["status"], "progress": progress,
                         "run": f"runs?run={step['run_id']}" if step["run_id"] else "",  # None printed "None"
                         "made": ", ".join(f"{m['name']} ({m['stage']})" for m in models),
                         "error": step["error"] or ""})
        st.dataframe(rows, hide_index=True, width="stretch", key=f"{key}-steps-{pipeline_id}",
                     column_config={"run": st.column_config.LinkColumn("run", display_text=r"run=(.*)")})
        st.caption("Each step is a normal run: open it on the Runs page for its charts and log.")
        if pipeline["status"] == "failed":
            st.error(f"{pipeline['error']}. Resume carries on from the failed step (its run continues from its last "
                     "checkpoint); the steps that succeeded are not run again.")
        elif pipeline["status"] == "cancelled":
            st.warning(f"Cancelled ({pipeline['error'] or 'by a user'}). Resume carries on from the cancelled step "
                       "(its run continues from its last checkpoint); resuming that run on the Runs page carries "
                       "the pipeline on too.")
        if pipeline["status"] == "running":
            if st.button("Cancel pipeline", key=f"{key}-cancel-{pipeline_id}",
                         help="Stop the running step after a checkpoint; nothing after it starts."):
                services().pipelines.cancel(pipeline_id)
                st.rerun()
        elif pipeline["status"] in ("failed", "cancelled") and st.button(
                "Resume pipeline", key=f"{key}-resume-{pipeline_id}", type="primary"):
            try:
                services().pipelines.resume(pipeline_id)
            except (ValueError, KeyError, OSError) as exc:
                show_error(exc)
            else:
                st.rerun()
        if first["status"] == "running" and pipeline["status"] != "running":
            st.rerun()

    live()
