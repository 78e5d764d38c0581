"""Models: the registry of every model version — stages, metrics, lineage, production, export — and registering
an existing model."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from engine.markup import markdown_literal
from engine.models.card import measured_on
from engine.models.lineage import Lineage, lineage
from engine.models.loading import check_loadable, stored_location
from engine.models.prompting import studio_prompt_format
from engine.models.registry import (
    EXPORT_DTYPES,
    RegistryError,
    archive,
    export_dir,
    export_refusal,
    export_standalone,
    history,
    missing_folders,
    new_model_name_problem,
    production,
    production_refusal,
    promote,
    restore,
    rollback,
    rollback_target,
)
from engine.promotion.gate import is_gated
from engine.reward.analysis import with_validation_accuracy
from engine.wording import metric_text
from studio.components.exports import zip_download
from studio.components.header import workspace_header
from studio.components.messages import show_error
from studio.components.promotion_gate import gate_panel, schedule_panel
from studio.state import services

METRICS = {"valid chrF": "valid_chrf", "held-out chrF": "heldout_chrf_end", "RM accuracy": "valid_accuracy",
           "final KL": "final_kl", "DPO accuracy": "eval_rewards_accuracies"}
COLOURS = {"data": "#4c78a8", "reward": "#f58518", "run": "#9d9da1", "model": "#54a24b"}
# the register form's default prompt format: the model card's (a studio-made model), else instruction
AUTO_FORMAT = "from the model card"


def _metrics(model: dict) -> dict[str, str]:
    """The table's metrics of a registered model; a fine-tuned reward model's accuracy is its held-out set's (it
    showed a dash: the fine-tune records its human and synthetic sets apart)."""
    meta = with_validation_accuracy(model["metadata"]) if model["kind"] == "reward" else model["metadata"]
    return {label: metric_text(meta.get(key)) + measured_on(meta, key) for label, key in METRICS.items()}


def _count(value: object) -> str:
    return f"{int(value):,}" if isinstance(value, int | float) and not isinstance(value, bool) else "—"


def _wrap(label: str, width: int = 18) -> str:
    """A node label broken into short lines (``<br>``); a very long word (a run id) is cut in the middle — the
    hover text has it whole."""
    lines: list[str] = []
    for word in label.split():
        word = word if len(word) <= width + 4 else f"{word[:width // 2]}…{word[-(width // 2):]}"
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


# Models whose origins the lineage graph follows (the selected one and its nearest ancestors): a model retrained
# fifty times drew a hundred nodes in one unreadable row.
LINEAGE_MODELS = 8


def lineage_figure(graph: Lineage) -> go.Figure:
    """The lineage as a left-to-right layered graph: data → reward model → run → model."""
    layers = graph.layers()
    columns: dict[int, list[str]] = {}
    for node_id in graph.nodes:
        columns.setdefault(layers[node_id], []).append(node_id)
    # nodes of a column 1.6 apart, labels alternating above and below: neighbours' labels overlapped
    pos = {n: (x, 1.6 * (-i + (len(ids) - 1) / 2)) for x, ids in columns.items() for i, n in enumerate(ids)}
    below = {n for ids in columns.values() for i, n in enumerate(ids) if i % 2}
    fig = go.Figure()
    annotations = []  # set at once: one add_annotation per edge re-validated the growing list (3 s for 100 edges)
    for edge in graph.edges:
        (x0, y0), (x1, y1) = pos[edge.source], pos[edge.target]
        annotations.append({"x": x1, "y": y1, "ax": x0, "ay": y0, "xref": "x", "yref": "y", "axref": "x",
                            "ayref": "y", "showarrow": True, "arrowhead": 2, "arrowwidth": 1.2, "arrowcolor": "#888",
                            "standoff": 14, "startstandoff": 14, "text": ""})
        annotations.append({"x": (x0 + x1) / 2, "y": (y0 + y1) / 2, "text": edge.label, "showarrow": False,
                            "font": {"size": 10, "color": "#666"}, "bgcolor": "rgba(255,255,255,0.7)"})
    fig.update_layout(annotations=annotations)
    for kind, colour in COLOURS.items():
        ids = [n for n, node in graph.nodes.items() if node.kind == kind]
        if ids:
            fig.add_trace(go.Scatter(
                x=[pos[n][0] for n in ids], y=[pos[n][1] for n in ids], mode="markers+text", name=kind,
                text=[_wrap(graph.nodes[n].label) for n in ids], cliponaxis=False,
                textposition=["bottom center" if n in below else "top center" for n in ids],
                hovertext=[graph.nodes[n].detail for n in ids], hoverinfo="text",
                marker={"size": 22 if graph.root in ids else 16, "color": colour,
                        "line": {"width": [3 if n == graph.root else 0 for n in ids], "color": "#222"}}))
    tallest = max((len(ids) for ids in columns.values()), default=1)
    height = 200 + 110 * tallest
    xs = [x for x, _ in pos.values()] or [0]
    ys = [y for _, y in pos.values()] or [0]
    # room around the outermost nodes for their labels (they were cut at the edges)
    fig.update_layout(height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10}, showlegend=True,
                      legend={"orientation": "h", "y": -0.02, "yanchor": "top"},
                      xaxis={"visible": False, "range": [min(xs) - 0.6, max(xs) + 0.6]},
                      yaxis={"visible": False, "range": [min(ys) - 1.2, max(ys) + 1.2]})
    return fig


def _roll_back(box: str, confirmed: tuple[str, str | None]) -> None:
    """The roll-back confirmed by ``box``, for what it named (``confirmed``): its message shows after the rerun."""
    try:
        restored = rollback(store, confirm=bool(st.session_state.get(box)), expected=confirmed)
    except RegistryError as exc:
        st.session_state["models-rb-error"] = str(exc)
    else:
        st.session_state["models-flash"] = f"Rolled back: {restored} is the production model again."


def flash(message: str) -> None:
    """Show ``message`` after the rerun that follows a change."""
    st.session_state["models-flash"] = message
    st.rerun()


st.title("Models")
st.caption("Every model version the studio knows: its stage (sft, cold-start, final, production, candidate, "
           "archived), metrics and lineage. Promote a policy to production, roll back, archive, or export a "
           "standalone folder. A model is a folder saved by `save_pretrained` or a Hugging Face hub id (hub ids "
           "need the model in the local cache when offline).")
workspace_header(services())
store, workspace = services().store, services().workspace
if message := st.session_state.pop("models-flash", None):
    st.success(message)

models = store.models.list()
current = production(store)
if models:
    st.markdown(f"**Production:** `{current}`" if current else "**Production:** none yet — promote a policy below.")
    st.dataframe(
        [{"name": m["name"], "kind": m["kind"], "stage": m["stage"],
          **_metrics(m),
          "parameters": _count(m["metadata"].get("parameters")), "parent": m["parent"] or "—",
          "run": m["run_id"] or "—",
          "registered (UTC)": m["created_at"]} for m in models],
        hide_index=True, width="stretch", key="models-table",
    )
    if gone := missing_folders(models):
        st.warning(f"The folder of {', '.join(f'**{markdown_literal(n)}**' for n in gone)} is gone (deleted or moved "
                   "outside the studio): jobs that use it are refused. Put the folder back, or archive the model.")
else:
    st.info("No models yet. Set up the demo on the Start page, or register a model below.")

if models:
    names = [m["name"] for m in models]
    # production first, else the newest model still in use (an archived one is the last thing to open on)
    opening = current if current in names else next((m["name"] for m in models if m["stage"] != "archived"),
                                                     names[0])
    chosen = st.selectbox("Model", names, index=names.index(opening), key="models-pick")
    row = next(m for m in models if m["name"] == chosen)
    st.subheader(f"{chosen}")
    left, right = st.columns([2, 3])
    with left:
        st.markdown(f"**Kind** {row['kind']} · **Stage** {row['stage']}  \n**Path** {markdown_literal(row['path'])}  \n"
                    f"**Run** {row['run_id'] or '—'} · **Parent** {row['parent'] or '—'}")
        with st.expander("Metadata"):
            st.json(row["metadata"])
    with right:
        graph = lineage(store, chosen, max_models=LINEAGE_MODELS)
        st.plotly_chart(lineage_figure(graph), width="stretch", key="models-lineage")
        if graph.cut:
            st.caption(f"The {LINEAGE_MODELS} nearest models are drawn with where they come from; older ancestors "
                       "are drawn without their own origins (select one to see its lineage).")

    promote_col, rollback_col = st.columns(2)
    with promote_col:
        st.markdown("**Promote to production**")
        if row["kind"] != "policy":
            st.caption("Only a policy can be promoted to production.")
        elif row["stage"] == "production":
            st.caption(f"{chosen} is the production model.")
        elif refusal := production_refusal(row):  # the form could only submit into this refusal
            st.caption(f"{refusal}, then promote it.")
        elif is_gated(store, chosen):  # a candidate must beat production first
            if message := gate_panel(store, chosen, current):
                flash(message)
        else:
            typed = st.text_input(f"Type {chosen} to confirm", key=f"models-confirm-{chosen}",
                                  help=f"{current or 'No model'} is production now; it goes back to the stage it "
                                       "had before its promotion.")
            if st.button("Promote to production", type="primary", key="models-promote",
                         disabled=typed.strip() != chosen,
                         help=None if typed.strip() == chosen else f"Type {chosen} above first."):
                try:
                    promote(store, chosen, confirm_name=typed.strip())
                except RegistryError as exc:
                    show_error(exc)
                else:
                    flash(f"{chosen} is now the production model" + (f" (was {current})." if current else "."))
    with rollback_col:
        st.markdown("**Roll back production**")
        target = rollback_target(store)
        target_row = store.models.get(target) if target else None
        if target is None:
            st.caption("No earlier production model on record to roll back to.")
        elif target_row is None:
            st.caption(f"{target}, production before {current}, is no longer registered: promote another model.")
        elif refusal := production_refusal(target_row):  # the roll-back could only fail
            st.caption(f"A roll-back would make {target} production again, but {refusal}, then roll back — or "
                       "promote another model.")
        else:
            # the box and the click name what they confirm: a box ticked for one roll-back stayed ticked for another,
            # and the click rolled back whatever production had become meanwhile (another tab's promotion)
            box = f"models-rb-ok-{target}-{current}"
            st.checkbox(f"Yes, make {target} production again (instead of {current})", key=box)
            st.button("Roll back production", key="models-rollback", on_click=_roll_back,
                      args=(box, (target, current)))
            if error := st.session_state.pop("models-rb-error", None):
                st.error(error)

    export_col, archive_col = st.columns(2)
    with export_col:
        dtype = st.selectbox("Weights precision", list(EXPORT_DTYPES), key="models-export-dtype",
                             format_func=lambda d: f"{d} — {EXPORT_DTYPES[d]}")
        refusal = export_refusal(store, chosen)
        if st.button("Export standalone folder", key="models-export", disabled=refusal is not None,
                     help=refusal or "A folder loadable by transformers' from_pretrained (a LoRA adapter is merged "
                                     "first), with safetensors, tokenizer (with a chat template for the studio's tag "
                                     "format), tarjama.json and a README model card. A reward model with an MLP or "
                                     "likelihood head is not exported: plain transformers would load it with a "
                                     "random head."):
            try:
                with st.spinner(f"Exporting {chosen}…"):
                    folder = export_standalone(store, chosen, export_dir(workspace, chosen), dtype=dtype)
            except (RegistryError, OSError, ValueError) as exc:
                show_error(f"Cannot export {chosen}: {exc}")
            else:
                st.session_state["models-export-folder"] = str(folder)
                st.success(f"Exported to `{folder}`")
        if refusal:
            st.caption(refusal)
        exported = st.session_state.get("models-export-folder")
        if exported and Path(exported).is_dir() and Path(exported).name == chosen:
            zip_download(Path(exported), key="models-export-zip")
    with archive_col:
        if row["stage"] == "archived":
            if st.button("Restore", key="models-restore",
                         help="Bring it back to the stage it had when it was archived (pickers offer it again)."):
                try:
                    stage = restore(store, chosen)
                except RegistryError as exc:
                    show_error(exc)
                else:
                    flash(f"{chosen} is restored (stage {stage}).")
        elif st.button("Archive", key="models-archive", disabled=row["stage"] == "production",
                       help="Retire it: pickers and defaults stop offering it; its files and history stay, and "
                            "Restore brings it back."):
            try:
                archive(store, chosen)
            except RegistryError as exc:
                show_error(exc)
            else:
                flash(f"{chosen} is archived.")

    events = history(store)
    if events:
        with st.expander(f"Production history ({len(events)})"):
            st.dataframe([{"time (UTC)": e["time"], "action": e["action"], "production": e["model"],
                           "before": e["previous_production"] or "", "its stage before": e["previous_stage"]}
                          for e in events], hide_index=True, width="stretch", key="models-history")

st.subheader("Promotion gate and retraining (leads)")
schedule_panel(store, services().pipelines)

st.subheader("Register an existing model")
TRUST_KEY = "models-register-trust"
with st.form("register-model"):
    location = st.text_input("Folder or hub id", placeholder="/models/gemma-2-2b-sft  or  google/gemma-2-2b",
                             help="A local folder saved with save_pretrained, or a hub id.")
    name = st.text_input("Name in the studio", placeholder="my-sft-v1")
    role = st.radio("Register as", ["SFT policy model", "Reward-model base"], horizontal=True)
    prompt_format = st.selectbox("Prompt format", [AUTO_FORMAT, "instruction", "tags"], key="models-register-format",
                                 help="'instruction' uses the tokenizer's chat template (or a plain instruction); "
                                      "'tags' is the studio's own <en> … <ar> format; "
                                      f"'{AUTO_FORMAT}' takes the one the model card of a model the studio made "
                                      "names, else 'instruction'.")
    trust = st.checkbox("Trust remote code", value=False, key=TRUST_KEY,
                        help="Runs Python code shipped with the model. Leave off unless you trust its source.")
    submitted = st.form_submit_button("Check and register", type="primary")
if submitted:
    if not location.strip():
        st.error("Give a folder or hub id.")
    elif name_problem := new_model_name_problem(services().store, name.strip()):
        st.error(name_problem)
    else:
        with st.spinner("Loading the model's config and tokenizer…"):
            check = check_loadable(location.strip(), trust_remote_code=trust, policy=role.startswith("SFT"))
        try:
            declared = studio_prompt_format(location.strip()) if check.ok else None
        except (OSError, ValueError):  # an unreadable card: the model's own check passed, the format is the form's
            declared = None
        if prompt_format == AUTO_FORMAT:
            prompt_format = declared or "instruction"
        if not check.ok:
            st.error(f"Cannot use this model: {check.message}")
        elif declared and declared != prompt_format:
            st.error(f"This folder's model card says it was trained with the '{declared}' prompt format: registered "
                     f"as '{prompt_format}' it would be prompted in a way it never saw. Choose '{declared}'.")
        else:
            kind = "policy" if role.startswith("SFT") else "reward-base"
            services().store.models.register(
                name.strip(), kind, stored_location(location), stage="sft" if kind == "policy" else "candidate",
                metadata={"prompt_format": prompt_format, "trust_remote_code": trust, "source": check.kind},
            )
            st.session_state.pop(TRUST_KEY, None)  # off again for the next model (it stayed ticked)
            flash(f"Registered {name.strip()} ({check.message})." + (
                " It is now the SFT model the loop starts from (the newest SFT model), and the Generate form no "
                "longer knows which corpora it was trained on: choose sources it never saw." if kind == "policy"
                else ""))
            st.rerun()
