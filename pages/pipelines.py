"""Pipelines: Phase 2 and Phase 3 in one click; every pipeline's steps, status, resume and cancel."""

from __future__ import annotations

import streamlit as st

from engine.pipelines.templates import TEMPLATES
from studio.components.header import workspace_header
from studio.components.pipeline_panel import pipeline_form, pipeline_view
from studio.state import studio

st.title("Pipelines")
st.caption("A pipeline runs jobs in order, each a normal run with its own monitor on the Runs page. It advances "
           "on its own while the studio is running (no page needs to stay open); a failed step stops it, and "
           "resume carries on from that step.")
workspace_header(studio())
store = studio().store

template = st.radio("Start", list(TEMPLATES), format_func=lambda t: TEMPLATES[t].title, horizontal=True,
                    key="pipelines-template")
pipeline_form(template, key=f"pipelines-{template}")

pipelines = store.pipelines.list(limit=100)
if not pipelines:
    st.info("No pipeline yet.")
    st.stop()
st.subheader("Pipelines")
st.dataframe([{"#": p["id"], "name": p["name"], "status": p["status"],
               "steps": " → ".join(f"{s['name']} ({s['status']})" for s in p["steps"]),
               "started (UTC)": p["created_at"], "error": p["error"] or ""} for p in pipelines],
             hide_index=True, use_container_width=True)
chosen = st.selectbox("Pipeline", [p["id"] for p in pipelines], format_func=lambda i: f"#{i}",
                      key="pipelines-chosen")
pipeline_view(chosen, key="pipelines-view")
