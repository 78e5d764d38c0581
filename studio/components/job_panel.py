"""The shared job panel: a config form generated from a job's Config dataclass, and a live monitor
(status, progress with ETA, metric charts, log tail, cancel/resume) that refreshes in a fragment."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from engine.jobs.config import ConfigError, FieldSpec, choice_label, config_fields, config_from_dict, config_to_dict
from engine.jobs.events import FINAL_STATUSES
from engine.jobs.kinds import job_kind
from engine.jobs.metric_titles import metric_title
from engine.markup import markdown_literal
from engine.store.runs import settings_of
from engine.wording import counted
from studio.components.messages import show_error
from studio.components.settings_text import UnreadableSettings
from studio.state import services, shows_storage_errors

STATUS_ICONS = {"queued": ":material/schedule:", "running": ":material/autorenew:",
                "succeeded": ":material/check_circle:", "failed": ":material/error:",
                "cancelled": ":material/stop_circle:"}
REFRESH_SECONDS = 2.0

Widget = Callable[[FieldSpec, Any, str], Any]


def _default_widget(spec: FieldSpec, value: Any, key: str) -> Any:
    label, help_ = spec.label, spec.help or None
    if spec.choices:
        options = list(spec.choices)
        return st.selectbox(label, options, index=options.index(value) if value in options else 0, help=help_,
                            key=key, format_func=choice_label)
    if spec.type is bool:
        return st.checkbox(label, value=bool(value), help=help_, key=key)
    if spec.type is int:
        return st.number_input(label, value=int(value or 0), step=1, help=help_, key=key,
                               min_value=int(spec.min) if spec.min is not None else None,
                               max_value=int(spec.max) if spec.max is not None else None)
    if spec.type is float:
        return st.number_input(label, value=float(value or 0.0), help=help_, key=key, format="%g",
                               min_value=float(spec.min) if spec.min is not None else None,
                               max_value=float(spec.max) if spec.max is not None else None)
    if spec.type is list:
        text = st.text_input(label, value=", ".join(str(v) for v in (value or [])), help=help_, key=key)
        return _parse_list(text)
    if spec.type is dict:
        from studio.components.pickers import mapping_widget

        return mapping_widget(spec, value, key, numeric=spec.value_type in (float, int))
    text = st.text_input(label, value="" if value is None else str(value), help=help_, key=key)
    return None if (spec.optional and not text.strip()) else text


def _parse_list(text: str) -> list:
    items = [t.strip() for t in text.split(",") if t.strip()]
    return [int(t) if t.lstrip("-").isdigit() else t for t in items]


def config_form(kind_name: str | Any, *, key: str, defaults: dict[str, Any] | None = None,
                widgets: dict[str, Widget] | None = None, hidden: Sequence[str] = (),
                shown: Sequence[str] = (), submit_label: str = "Start") -> Any | None:
    """A form for a job kind's config; returns the checked config when submitted, else None.

    ``kind_name`` is a job kind's name, or any object with ``config_cls`` and ``description`` (a pipeline
    template). ``widgets`` replaces the generated widget of a field (e.g. a corpus picker); ``hidden`` fields
    keep their ``defaults`` value. Advanced fields are folded into an expander, but for those in ``shown``.
    """
    kind = job_kind(kind_name) if isinstance(kind_name, str) else kind_name
    defaults, widgets = dict(defaults or {}), dict(widgets or {})
    specs = [s for s in config_fields(kind.config_cls) if s.name not in hidden]
    values: dict[str, Any] = {name: defaults[name] for name in hidden if name in defaults}
    folded = [s for s in specs if s.advanced and s.name not in shown]
    # no submit on Enter: a number typed and Enter started a job of hours (three pipelines, one per field typed)
    with st.form(key=f"{key}-form", border=True, enter_to_submit=False):
        st.caption(kind.description)
        for group, fields in (("basic", [s for s in specs if s not in folded]), ("advanced", folded)):
            if not fields:
                continue
            container = st.container() if group == "basic" else st.expander("Advanced settings")
            with container:
                columns = st.columns(2)
                for i, spec in enumerate(fields):
                    with columns[i % 2]:
                        value = defaults.get(spec.name, spec.default)
                        widget = widgets.get(spec.name, _default_widget)
                        values[spec.name] = widget(spec, value, f"{key}-{spec.name}")
        submitted = st.form_submit_button(submit_label, type="primary")
    if not submitted:
        return None
    unreadable = [spec.label for spec in specs if isinstance(values.get(spec.name), UnreadableSettings)]
    if unreadable:  # the parts read would start without the rest (a settings box's max_steps dropped, say)
        st.error(f"Please fix the settings: {', '.join(unreadable)} cannot be read (see above); nothing was started.")
        return None
    try:
        return config_from_dict(kind.config_cls, values)
    except (ConfigError, TypeError, ValueError) as exc:
        show_error(f"Please fix the settings: {exc}")
        return None


DOUBLE_SUBMIT_S = 10.0
"""A form submitted again with the same settings within this many seconds is a double click, not a second run."""


def repeated_start(kind_name: str, submission: Any) -> str | None:
    """What this browser session started from the same ``submission`` (a form's settings, as JSON-able values) in
    the last :data:`DOUBLE_SUBMIT_S` seconds — a double click on the form's button, which starts two script runs
    that are each submitted — or ``None``. The page is told so. ``kind_name``: a job kind, or ``pipeline:<template>``
    for a pipeline's one-click form (a double click started two pipelines, each registering its own final model)."""
    key = json.dumps([kind_name, submission], sort_keys=True, default=str)
    last = st.session_state.get("job-panel-last-start")
    if last and last[0] == key and time.monotonic() - last[1] < DOUBLE_SUBMIT_S:
        st.info(f"{last[2]} started with these settings a moment ago: it is not started twice.")
        return last[2]
    return None


def remember_start(kind_name: str, submission: Any, started: str) -> None:
    """Record what was just started from ``submission`` — ``started`` names it: "Run <id>", "Pipeline #<id>" (see
    :func:`repeated_start`)."""
    key = json.dumps([kind_name, submission], sort_keys=True, default=str)
    st.session_state["job-panel-last-start"] = (key, time.monotonic(), started)


def start_once(kind_name: str, config: Any, *, title: str = "", launch: dict | None = None) -> str | None:
    """Start a run unless it repeats one this session started a moment ago (:func:`repeated_start`): the run id,
    or ``None`` for such a repeat. Raises what the supervisor raises."""
    submission = [config_to_dict(config), launch]
    if repeated_start(kind_name, submission):
        return None
    run_id = services().supervisor.start(kind_name, config, title=title, launch=launch)
    remember_start(kind_name, submission, f"Run {run_id}")
    return run_id


def start_run(kind_name: str, config: Any, launch: dict | None = None) -> None:
    """Start a run from a submitted form: the page reruns to show its monitor, or says why it could not start."""
    try:
        started = start_once(kind_name, config, launch=launch)
    except (ValueError, LookupError) as exc:
        show_error(exc)
    else:
        if started:
            st.rerun()


CHART_POINTS = 1000
"""Points per metric a chart draws at most (evenly spaced, first and last kept): a long run's charts sent every
step — 750,000 points for 50,000 PPO steps — to the browser on every refresh, and took minutes to appear."""
MARKERS_UP_TO = 200
"""A line with more points than this is drawn without markers."""


def _by_key(rows: Sequence[dict]) -> dict[str, list[tuple[Any, float]]]:
    points: dict[str, list[tuple[Any, float]]] = {}
    for r in rows:
        if r["value"] is not None:
            points.setdefault(r["key"], []).append((r["step"], r["value"]))
    return points


def _metric_figure(points: dict[str, list[tuple[Any, float]]], keys: Sequence[str], title: str) -> go.Figure:
    fig = go.Figure()
    for k in keys:
        if points.get(k):
            xs, ys = zip(*points[k], strict=True)
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers" if len(xs) <= MARKERS_UP_TO else "lines",
                                     name=metric_title(k), marker={"size": 4}))
    steps = [x for trace in fig.data for x in trace.x]
    if steps and all(isinstance(x, int) for x in steps) and max(steps) - min(steps) < 5:
        fig.update_xaxes(dtick=1)  # a few steps (one point): whole steps, not ticks at 3.5 and 4.5
    if fig.data and all(never_negative(k) for k in keys):
        fig.update_yaxes(rangemode="nonnegative")  # a share of 0 throughout drew an axis from -1 to 1
    if not fig.data:  # a metric this run has not logged (yet): say so rather than draw empty axes
        fig.add_annotation(text="no points yet", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                           font={"color": "#6b7280"})
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    # the title sits left and wraps, the modebar stands on the right edge: a long title ran under the toolbar
    fig.update_layout(title={"text": wrap_title(title), "x": 0.01, "xanchor": "left", "y": 0.97, "yanchor": "top"},
                      height=340, margin={"l": 10, "r": 40, "t": 64, "b": 84}, modebar={"orientation": "v"},
                      xaxis_title="step", yaxis_title=metric_title(keys[0]) if len(keys) == 1 else None,
                      # below the axis title, not over the tick labels (plotly's default spot for a horizontal one)
                      legend={"orientation": "h", "yanchor": "top", "y": -0.3, "x": 0, "xanchor": "left"})
    return fig


_NEVER_NEGATIVE = ("share", "fraction", "frac_", "clipped_ratio", "clip_ratio", "accurac", "length", "entropy",
                   "per_s", "lr", "std", "grad_norm")
"""Parts of the names of metrics that cannot go below zero: shares, rates, lengths, entropies, spreads (not every
"ratio": ORPO's ``log_odds_ratio`` is a log-sigmoid, never above zero)."""


def never_negative(key: str) -> bool:
    """Whether a logged metric (by its key) cannot go below zero, so its chart's axis need not either."""
    return any(part in key.lower() for part in _NEVER_NEGATIVE)


def wrap_title(title: str, width: int = 32) -> str:
    """A chart title broken into lines of at most about ``width`` characters (Plotly's ``<br>``)."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def matching_keys(points: dict[str, Any], keys: Sequence[str]) -> list[str]:
    """``keys`` with each pattern (``rewards_*_mean``: :mod:`fnmatch`) replaced by the logged keys it matches, in
    key order: a GRPO run logs one series per reward function, named after it."""
    import fnmatch

    found: list[str] = []
    for k in keys:
        for key in (sorted(fnmatch.filter(points, k)) if any(c in k for c in "*?[") else [k]):
            if key not in found:
                found.append(key)
    return found


def charts_and_others(points: dict[str, list[tuple[Any, float]]], charts: Sequence[tuple[str, Sequence[str]]]
                      ) -> tuple[list[tuple[str, list[str]]], dict[str, float]]:
    """``charts`` with their patterns expanded (:func:`matching_keys`; a chart that matches nothing is left out), then
    one chart per logged key none of them draws, and the keys logged once (:func:`generic_charts`): a GRPO run's 26
    metrics were 26 charts in alphabetical order, the reward and the KL among the clip ratios."""
    grouped = [(title, found) for title, keys in charts if (found := matching_keys(points, keys))]
    drawn = {k for _, keys in grouped for k in keys}
    rest, once = generic_charts({k: v for k, v in points.items() if k not in drawn})
    return grouped + rest, once


def generic_charts(points: dict[str, list[tuple[Any, float]]]) -> tuple[list[tuple[str, list[str]]], dict[str, float]]:
    """For a run without its own chart list (``points`` by key, as :func:`_by_key` groups them): one chart per metric
    key logged at two steps or more, and the keys logged at one step only with their value (key order)."""
    charts = [(metric_title(k), [k]) for k in sorted(points) if len(points[k]) > 1]
    return charts, {k: points[k][0][1] for k in sorted(points) if len(points[k]) == 1}


def summary_figure(value: float) -> float:
    """A summary figure as a table shows it: a count whole, others to about 4 significant digits ("BLEU per second
    75.17", not 75.1748) but never fewer than the units ("pairs 12345", not 12350)."""
    if float(value).is_integer():
        return float(value)
    return round(value, 1) if abs(value) >= 1000 else float(f"{value:.4g}")


def metric_charts(run_id: str, charts: Sequence[tuple[str, Sequence[str]]] | None = None, key: str = "",
                  others: bool = False) -> None:
    """Plotly charts of a run's metrics: one per (title, keys) group, or one per metric key; with ``others``, the
    groups first (keys may be patterns) and then one chart per key they leave out (:func:`charts_and_others`)."""
    store = services().store
    rows = store.runs.metrics(run_id, max_points=CHART_POINTS)
    if not rows:
        st.caption("No metrics yet — the first points appear after the first logged steps.")
        return
    points = _by_key(rows)
    if charts is None or others:
        charts, once = charts_and_others(points, charts or [])
        if once:  # a run's summary figures (a score run logs ~15 once): one table, not a chart of one point each
            st.dataframe([{"metric": metric_title(k), "value": summary_figure(v)} for k, v in once.items()],
                         hide_index=True)
        if not charts:
            return
    cols = st.columns(min(2, len(charts)) or 1)
    for i, (title, keys) in enumerate(charts):
        with cols[i % len(cols)]:
            st.plotly_chart(_metric_figure(points, keys, title), key=f"{key}-chart-{run_id}-{i}",
                            width="stretch")
    longest = max(len(v) for v in points.values()) if points else 0
    if longest >= CHART_POINTS:
        st.caption(f"Long run: each chart draws about {CHART_POINTS:,} of its points, evenly spaced, the first and "
                   "the last included (every point is stored).")


def _progress(run: dict) -> None:
    done, total = run["progress_done"], run["progress_total"]
    if done is not None and total:
        fraction = max(0.0, min(1.0, done / total))
        eta = run["eta_seconds"]
        eta_text = f" · about {_duration(eta)} left" if eta and run["status"] == "running" else ""
        st.progress(fraction, text=f"{done:.0f} / {total:.0f} {run['progress_unit'] or ''}{eta_text}")
    if run["message"]:
        st.caption(run["message"])


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def _status_line(run: dict) -> None:
    icon = STATUS_ICONS.get(run["status"], "")
    st.markdown(f"**{icon} {run['title'] or run['kind']}** — `{run['id']}` — **{run['status']}**")
    if run["status"] == "failed" and run["error"]:
        st.error(f"The job failed: {run['error']}. The log below has the details. Its checkpoints and outputs "
                 "are kept: once the cause is fixed, *Resume* continues from the last checkpoint (a job that "
                 "failed before its first starts over).")
    if run["status"] == "cancelled":
        st.warning("Cancelled. Checkpoints and data are kept; resume continues from the last checkpoint.")


def _made(models: list[dict]) -> None:
    """What a finished run registered, and where to look at it (it was only in the log)."""
    for model in reversed(models):
        kind = "reward model" if model["kind"] == "reward" else f"{model['stage']} model"
        st.success(f"Registered the {kind} **{markdown_literal(model['name'])}**: see it on *Models*; compare it on "
                   f"*5 · Compare*" + (" or inspect it on *3 · Reward model* → *Inspect*." if model["kind"] == "reward"
                                       else "."), icon=":material/check_circle:")


def _controls(run: dict, key: str) -> None:
    sup = services().supervisor
    if run["status"] in ("queued", "running"):
        if run["cancel_requested_at"]:
            st.caption("Cancel requested — the job is saving a checkpoint before it stops.")
        elif st.button("Cancel", key=f"{key}-cancel-{run['id']}", help="Stop after a checkpoint (SIGTERM)."):
            sup.cancel(run["id"])
            st.rerun(scope="fragment")
    elif run["status"] in ("failed", "cancelled") and st.button(
            "Resume", key=f"{key}-resume-{run['id']}", help="Launch again from the last checkpoint."):
        try:
            sup.resume(run["id"])
        except (ValueError, KeyError, OSError) as exc:  # e.g. its folder was deleted, or resumed in another tab
            show_error(f"Cannot resume: {exc}")
        else:
            st.rerun()


def _ingest_notice(run_id: str) -> None:
    """What reading the run's event log ran into: corrupt lines skipped, a truncated or replaced file."""
    report = services().store.runs.ingest_report(run_id)
    if not (report["bad_lines"] or report["resets"]):
        return
    facts = []
    if report["bad_lines"]:
        facts.append(f"{counted(report['bad_lines'], 'corrupt line')} skipped")
    if report["resets"]:
        facts.append(f"the file was truncated or replaced {report['resets']}× and read again "
                     f"({report['duplicates']} events already seen were skipped)")
    st.warning(f"Event log (`events.jsonl`): {'; '.join(facts)}. Nothing else was dropped; details below.",
               icon=":material/warning:")
    with st.expander("What the studio saw in the event log"):
        st.code("\n".join(report["notes"]) or "(no notes)", language=None)


def _log_tail(run_id: str, lines: int) -> None:
    logs = services().store.runs.logs(run_id, tail=lines)
    text = "\n".join(f"{r['time']:%H:%M:%S} {r['level']:<7} {r['message']}" for r in logs)
    st.code(text or "(no log lines yet)", language=None, height=220)


def run_monitor(run_id: str, *, charts: Sequence[tuple[str, Sequence[str]]] | None = None, key: str = "monitor",
                log_lines: int = 30, extra: Callable[[dict], None] | None = None, others: bool = False) -> None:
    """Live view of one run; refreshes every few seconds while it is active, then stops refreshing. ``charts`` and
    ``others``: see :func:`metric_charts`."""
    store = services().store
    first = store.runs.get(run_id)
    if first is None:
        st.warning(f"No run {run_id}.")
        return
    was_active = first["status"] not in FINAL_STATUSES
    _also_running(first)

    @st.fragment(run_every=REFRESH_SECONDS if was_active else None)
    @shows_storage_errors
    def live() -> None:
        services().refresh()
        run = store.runs.get(run_id)
        _status_line(run)
        if run["status"] == "succeeded":
            _made(store.models.by_run(run_id))
        _progress(run)
        _controls(run, key)
        _ingest_notice(run_id)
        if extra is not None:  # alarms and notes above the charts: below ten charts nobody saw them
            extra(run)
        metric_charts(run_id, charts, key=key, others=others)
        with st.expander("Log", expanded=run["status"] == "failed"):
            _log_tail(run_id, log_lines)
        with st.expander("Settings it runs with"):  # a form may show a value it did not submit (an invalid number)
            run_config(run)
        if was_active and run["status"] in FINAL_STATUSES:
            st.rerun()  # the whole page: outputs of the finished run appear, refreshing stops

    live()


def newest_run(kind: str, *, final: bool | None = None) -> dict | None:
    """The newest run of ``kind``; with ``final``, only those that register a ``final`` model (PPO stage 2, on
    *Human alignment*) or, ``False``, only those that do not (page 4's cold start): each page showed the other's
    newest PPO run as its own — a cancelled cold-start run read as "stage 2 cancelled", its *Resume* restarting it."""
    for run in services().store.runs.list(kinds=(kind,), limit=200):
        if final is None or (settings_of(run).get("register_stage") == "final") == final:
            return run
    return None


def _also_running(run: dict) -> None:
    """Name the other runs of ``run``'s kind still going: the pages show a kind's newest run, and one started beside
    another took the first's monitor and Cancel button off the page with nothing said (they are on the Runs page)."""
    others = [r for r in services().store.runs.active() if r["kind"] == run["kind"] and r["id"] != run["id"]]
    if others:
        names = "; ".join(f"{r['title'] or r['id']} ({r['id']}, {r['status']})" for r in others)
        st.info(markdown_literal(f"Also running: {names} (the Runs page lists every run, with its monitor and "
                                 "Cancel)."), icon=":material/layers:")


def run_config(run: dict) -> None:
    """The resolved config of a run, as it was launched."""
    st.json(json.loads(run["config"]), expanded=False)
