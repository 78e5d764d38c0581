"""Pipelines: Phase 2 and Phase 3 in one click; every pipeline's steps, status, resume and cancel."""

from __future__ import annotations

import streamlit as st

from engine.pipelines.templates import TEMPLATES
from studio.components.header import workspace_header
from studio.components.pipeline_panel import STARTED, pipeline_form, pipeline_view
from studio.components.presets import preset_choice
from studio.state import services

st.title("Pipelines")
st.caption("A pipeline runs jobs in order, each a normal run with its own monitor on the Runs page. It advances "
           "on its own while the studio is running (no page needs to stay open); a failed step stops it, and "
           "resume carries on from that step.")
workspace_header(services())
store = services().store

pipelines = store.pipelines.list(limit=100)
if pipelines:
    # the chosen pipeline's steps first: below the form and a summary table they were out of sight
    st.subheader("Pipeline steps")
    labels = {p["id"]: f"#{p['id']} {p['name']} — {p['status']} (started {p['created_at']:%Y-%m-%d %H:%M} UTC)"
              for p in pipelines}
    if (started := st.session_state.pop(STARTED, None)) in labels:  # a pipeline this session just started
        st.session_state["pipelines-chosen"] = started
    chosen = st.selectbox("Pipeline", list(labels), format_func=labels.get, key="pipelines-chosen")
    pipeline_view(chosen, key="pipelines-view")
    with st.expander(f"All pipelines ({len(pipelines)})"):
        st.dataframe([{"#": p["id"], "name": p["name"], "status": p["status"],
                       "steps": " → ".join(f"{s['name']} ({s['status']})" for s in p["steps"]),
                       "started (UTC)": p["created_at"], "error": p["error"] or ""} for p in pipelines],
                     hide_index=True, width="stretch")

with st.expander("Start a pipeline", expanded=not pipelines):
    template = st.radio("Start", list(TEMPLATES), format_func=lambda t: TEMPLATES[t].title, horizontal=True,
                        key="pipelines-template")
    preset, values = preset_choice(template, key=f"pipelines-{template}-preset")
    pipeline_form(template, key=f"pipelines-{template}-{preset}", defaults=values)
if not pipelines:
    st.info("No pipeline yet.")
