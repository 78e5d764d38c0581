"""Runs: every job the studio has launched, with its live monitor, config and log."""

from __future__ import annotations

import streamlit as st

from studio.components.header import workspace_header
from studio.components.job_panel import REFRESH_SECONDS, run_config, run_monitor
from studio.components.ppo_monitor import kind_monitor
from studio.state import services

st.title("Runs")
st.caption("Every job runs in its own process. Cancel stops it after a checkpoint; resume continues from there.")
workspace_header(services())
services().refresh()

SHOWN = 200  # runs listed at most (newest first); the filters reach older ones, and a link names any run

store = services().store
total = store.runs.count()
if not total:
    st.info("No runs yet. Start one from the Start page (demo set-up) or any step of the loop.")
    st.stop()
if total > SHOWN:
    f1, f2 = st.columns(2)
    kinds = tuple(f1.multiselect("Kind", store.runs.kinds(), key="runs-kinds"))
    statuses = tuple(f2.multiselect("Status", ["queued", "running", "succeeded", "failed", "cancelled"],
                                    key="runs-statuses"))
else:
    kinds, statuses = (), ()
runs = store.runs.list(kinds=kinds, statuses=statuses, limit=SHOWN)
matching = store.runs.count(kinds=kinds, statuses=statuses) if kinds or statuses else total
wanted = st.query_params.get("run")  # a link from another page (e.g. a pipeline step) names the run
if wanted and wanted not in {r["id"] for r in runs} and (linked := store.runs.get(wanted)) is not None:
    runs = [linked, *runs]  # older than the newest shown, or outside the filter: the link still opens it
if matching > SHOWN:
    st.caption(f"The newest {SHOWN} of {matching:,} runs" + (" of this kind and status" if kinds or statuses else "")
               + ": filter by kind or status to reach older ones.")
if not runs:
    st.info("No run of this kind and status.")
    st.stop()


# refreshed with the monitor below while a listed run is active (its progress lagged the monitor's)
@st.fragment(run_every=REFRESH_SECONDS if any(r["status"] in ("queued", "running") for r in runs) else None)
def runs_table(listed: list[str]) -> None:
    """The listed runs with their status and progress, read afresh on each refresh."""
    fresh = {r["id"]: r for r in store.runs.list(kinds=kinds, statuses=statuses, limit=SHOWN)}
    rows = [fresh.get(run_id) or store.runs.get(run_id) for run_id in listed]
    st.dataframe(
        [{"status": r["status"], "run": r["id"], "kind": r["kind"],
          "title": r["title"], "progress": (f"{r['progress_done']:.0f}/{r['progress_total']:.0f}"
                                            if r["progress_done"] is not None and r["progress_total"] else ""),
          "created (UTC)": r["created_at"]} for r in rows if r is not None],
        hide_index=True, width="stretch",
    )


ids = [r["id"] for r in runs]
runs_table(ids)
if wanted and wanted not in ids:
    st.warning(f"There is no run {wanted!r}: showing the newest run instead.")
chosen = st.selectbox("Run", ids, index=ids.index(wanted) if wanted in ids else 0, key="runs-chosen")
run = store.runs.get(chosen)
run_monitor(chosen, key="runs", **kind_monitor(run["kind"]))
with st.expander("Config"):
    run_config(run)
