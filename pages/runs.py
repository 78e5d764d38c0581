"""Runs: every job the studio has launched, with its live monitor, config and log."""

from __future__ import annotations

import streamlit as st

from studio.components.header import workspace_header
from studio.components.job_panel import run_config, run_monitor
from studio.components.ppo_monitor import kind_monitor
from studio.state import services

st.title("Runs")
st.caption("Every job runs in its own process. Cancel stops it after a checkpoint; resume continues from there.")
workspace_header(services())
services().refresh()

runs = services().store.runs.list(limit=200)
if not runs:
    st.info("No runs yet. Start one from the Start page (demo set-up) or any step of the loop.")
    st.stop()

st.dataframe(
    [{"status": r["status"], "run": r["id"], "kind": r["kind"],
      "title": r["title"], "progress": (f"{r['progress_done']:.0f}/{r['progress_total']:.0f}"
                                        if r["progress_done"] is not None and r["progress_total"] else ""),
      "created (UTC)": r["created_at"]} for r in runs],
    hide_index=True, width="stretch",
)
ids = [r["id"] for r in runs]
wanted = st.query_params.get("run")  # a link from another page (e.g. a pipeline step) names the run
chosen = st.selectbox("Run", ids, index=ids.index(wanted) if wanted in ids else 0, key="runs-chosen")
run = services().store.runs.get(chosen)
run_monitor(chosen, key="runs", **kind_monitor(run["kind"]))
with st.expander("Config"):
    run_config(run)
