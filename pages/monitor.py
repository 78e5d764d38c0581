"""Monitor: the translations the studio served, their quality over time per model version, drift alerts, and the
translation endpoint for other tools."""

from __future__ import annotations

import dataclasses
import json
from types import SimpleNamespace

import streamlit as st

from engine.models.registry import history
from engine.monitor.quality import MEASURES, PERIODS, aggregate, drift, store_observations
from engine.monitor.server import DEFAULT_PORT
from engine.monitor.settings import MonitorSettings, edited_over, load_settings, save_settings
from engine.store.clock import utc_now
from studio.components.arabic import bidi_table
from studio.components.header import workspace_header
from studio.components.job_panel import config_form
from studio.components.messages import show_error
from studio.components.monitor_charts import measure_chart
from studio.components.stored_toggle import stored_toggle
from studio.endpoint import running_endpoint, start_endpoint, stop_endpoint
from studio.state import services


@st.cache_resource(max_entries=4, show_spinner=False)
def _observations(home: str, models: tuple[str, ...], logged: int, judged: int) -> list:
    """Every observation of ``models``, read again only when something was logged or judged since (the log and the
    judgements only grow): the page recomputed them all — 100,000 log entries and every post-edit's TER — on each
    rerun, 1.75 s and growing."""
    return store_observations(services().store, list(models))

st.title("Monitor")
st.caption(
    "Every translation the studio serves — Translate page, batch jobs, the endpoint below — is logged with its "
    "model, scores and output checks; a share goes to the review queue. Quality is charted per model "
    "version, and a measure that drifts past its baseline raises an alert."
)
workspace_header(services())
services().refresh()
store = services().store
settings = load_settings(store)

# --- the endpoint --------------------------------------------------------------------------------------------
st.subheader("Translation endpoint")
endpoint = running_endpoint()
c1, c2 = st.columns([1, 3])
c1.number_input(
    "Port on 127.0.0.1",
    0,
    65535,
    DEFAULT_PORT,
    key="mon-port",
    disabled=endpoint is not None,
    help="Other tools on this machine send POST /translate here (0: any free port).",
)


def _serve(on: bool) -> None:
    """Start or stop the endpoint as the toggle was clicked (an error is shown by the run that follows)."""
    if on and running_endpoint() is None:
        try:
            start_endpoint(int(st.session_state.get("mon-port", DEFAULT_PORT)))
        except OSError as exc:
            st.session_state["mon-serve-error"] = str(exc)
    elif not on and running_endpoint() is not None:
        stop_endpoint()


stored_toggle(c2, "Serve POST /translate", key="mon-serve", stored=endpoint is not None, change=_serve,
              help="A thread of the studio, listening on 127.0.0.1 only; it stops with the studio.")
if error := st.session_state.pop("mon-serve-error", None):
    st.error(error)
endpoint = running_endpoint()
if endpoint is not None:
    example = json.dumps({"text": "Where is the station?", "pair": "en-ar"})
    st.success(f"Serving at {endpoint.url}")
    st.code(f"curl -s {endpoint.url} -H 'Content-Type: application/json' -d '{example}'", language="bash")
else:
    st.caption("Not serving. `python -m engine serve` serves the same endpoint while the studio is stopped.")

# --- settings ------------------------------------------------------------------------------------------------
with st.expander("Settings: review sampling, QE model, baseline and alert rule"):
    form = SimpleNamespace(
        config_cls=MonitorSettings,
        description="Saved in the studio's database; they apply to "
        "the next translation logged and to the alerts below.",
    )
    # what this form showed when it was drawn: a save stores the fields changed from it, over what is stored now
    drawn = st.session_state.setdefault("mon-settings::drawn", 0)  # a new form after each save: drawn from the store
    form_key = "mon-settings" + (f"-{drawn}" if drawn else "")
    if f"{form_key}-review_rate" not in st.session_state:  # its widgets are made now, from the stored settings
        st.session_state["mon-settings::shown"] = settings  # (again after the page was left and opened again)
    shown = st.session_state["mon-settings::shown"]
    submitted = config_form(form, key=form_key, defaults=dataclasses.asdict(settings), submit_label="Save settings")
    if submitted is not None:
        try:
            save_settings(store, edited_over(load_settings(store), shown, submitted))
        except ValueError as exc:
            show_error(exc)
        else:
            settings = load_settings(store)
            st.session_state["mon-settings::drawn"] = drawn + 1
            st.success("Saved.")

# --- quality over time ---------------------------------------------------------------------------------------
st.subheader("Quality over time")
production = [m["name"] for m in store.models.list(kind="policy", stage="production")]
logged = store.translation_log.models()
judged = store.feedback.judged_models()
known = list(dict.fromkeys(production + logged + judged))
c1, c2, c3, c4 = st.columns(4)
c1.metric("Production model", production[0] if production else "none")
c2.metric("Translations logged", f"{store.translation_log.count():,}")
c3.metric("Sampled for review", f"{store.translation_log.sampled_count():,}")
c4.metric("Judgements", f"{store.feedback.volume()['judgements']:,}")
if not known:
    st.info("Nothing logged yet: translate on the Translate page, run a batch translation, or call the endpoint.")
    st.stop()
left, right = st.columns([3, 1])
# a version that began serving (or was judged) since the tab opened joins the selection: a newly promoted model and
# its alerts stayed hidden until the page was opened again
if (seen := st.session_state.get("mon-models::known")) is not None and "mon-models" in st.session_state:
    new = [m for m in known if m not in seen]
    st.session_state["mon-models"] = [m for m in st.session_state["mon-models"] if m in known] + new
st.session_state["mon-models::known"] = known
models = left.multiselect(
    "Model versions",
    known,
    default=None if "mon-models" in st.session_state else known,  # set above: a default too is warned of each rerun
    key="mon-models",
    help="Production first; every version that served translations or was judged.",
)
period = right.radio("Per", PERIODS, horizontal=True, key="mon-period")
observations = _observations(str(services().workspace.root), tuple(models), store.translation_log.count(),
                             store.feedback.count_judgements()) if models else []

measured = drift(observations, settings, utc_now())
found = [d for d in measured if d.alerting]
rule = (
    f"Baseline: a model's first {settings.baseline_days} days; window: the last {settings.window_days} days; "
    f"an alert when the window's mean is worse than the baseline's by more than {settings.sigmas:g} standard "
    f"errors, with at least {settings.min_count} observations in each."
)
if found:
    for alert in found:
        st.error(alert.message(), icon=":material/trending_down:")
elif any(d.comparable for d in measured):
    unjudged = sum(not d.comparable for d in measured)
    st.success("No measure has drifted past its baseline" + (f" ({unjudged} of {len(measured)} have too few "
               "observations to judge yet)" if unjudged else "") + ".", icon=":material/check_circle:")
else:  # a green check with nothing measured read as "all is well" on a model's first day
    st.info(f"Not enough observations to judge drift yet: each measure needs at least {settings.min_count} in its "
            f"baseline (a model's first {settings.baseline_days} days) and in its window (the last "
            f"{settings.window_days} days).", icon=":material/hourglass_empty:")
st.caption(rule)
with st.expander("Baseline and window of every measure"):
    st.dataframe(
        [
            {
                "model": d.model,
                "measure": MEASURES[d.measure].label,
                "baseline": d.baseline,
                "n baseline": d.n_baseline,
                "window": d.current,
                "n window": d.n_current,
                "control limit": d.limit,
                "status": d.status,
            }
            for d in measured
        ],
        hide_index=True,
        width="stretch",
    )

rows = aggregate(observations, period)
promotions = [p for p in history(store) if p["model"] in models or p.get("previous_production") in models]
measures = [m for m in MEASURES if any(r["measure"] == m for r in rows)]
for i in range(0, len(measures), 2):
    cols = st.columns(2)
    for col, measure in zip(cols, measures[i : i + 2], strict=False):
        col.plotly_chart(measure_chart(rows, measure, promotions, period), width="stretch", key=f"mon-{measure}")
missing = [MEASURES[m].label for m in MEASURES if m not in measures]
if missing:
    st.caption("No data yet for: " + "; ".join(missing) + ".")

# --- the log -------------------------------------------------------------------------------------------------
st.subheader("Latest translations")
latest = store.translation_log.entries(models=models, limit=50, newest_first=True)
bidi_table(
    [
        {
            **e,
            "created_at": f"{e['created_at']:%Y-%m-%d %H:%M}",
            "reward": "" if e["reward"] is None else f"{e['reward']:.3f}",
            "qe": "" if e["qe"] is None else f"{e['qe']:.3f}",
            "checks": ", ".join(e["flags"]) or "pass",
            "review": "sampled" if e["queue_id"] is not None else "",
        }
        for e in latest
    ],
    ["created_at", "origin", "model", "source", "output", "reward", "qe", "checks", "review"],
    arabic_columns=("output",),
    labels={"created_at": "time (UTC)"},
)
