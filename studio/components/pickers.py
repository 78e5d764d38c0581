"""Form widgets that pick studio objects (models, corpora, runs) for generated job forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from engine.corpora.fresh import fresh_source_corpora
from engine.jobs.config import FieldSpec
from engine.wording import counted
from studio.components.settings_text import UnreadableSettings, format_settings, parse_settings
from studio.state import services

Widget = Callable[[FieldSpec, Any, str], Any]


def with_named(names: list[str], named: list[str], kind: str) -> list[str]:
    """The models a picker offers (``names``) and those a form already ``named`` that they leave out — an archived
    model of ``kind``: the form keeps what it names instead of falling to another default."""
    store = services().store
    extra = [n for n in named if n and n not in names and (row := store.models.get(n)) is not None
             and row["kind"] == kind]
    return [*names, *dict.fromkeys(extra)]


def model_picker(kind: str = "policy", *, optional: str = "") -> Widget:
    """A select box of registered models of ``kind`` (the default value first when it is one of them).

    With none registered it warns — or, for a field the job can do without, says so quietly with ``optional``
    (why it is not needed); such a field also offers *none* when models are registered (the batch translation's
    consensus pick without a reward model could not be chosen once one was)."""

    def widget(spec: FieldSpec, value: Any, key: str) -> Any:
        store = services().store
        names = with_named([m["name"] for m in store.models.in_use(kind=kind)], [value], kind)  # archived: retired
        if not names:
            if optional:
                st.caption(f"**{spec.label}**: none registered yet — {optional}")
            else:
                st.warning(f"No {kind} model is registered yet.")
            return ""
        if optional:
            names = [*names, ""]
        # "" as the default means none given, not "none": GRPO's form opened on "none" and trained on chrF alone
        index = names.index(value) if value and value in names else 0
        return st.selectbox(spec.label, names, index=index, key=key, format_func=lambda n: n or "none",
                            help=f"{spec.help} None: {optional}" if optional else spec.help)

    return widget


def models_picker(kind: str = "reward") -> Widget:
    """A multiselect of registered models of ``kind`` (e.g. the further members of a reward-model ensemble)."""

    def widget(spec: FieldSpec, value: Any, key: str) -> Any:
        store = services().store
        names = with_named([m["name"] for m in store.models.in_use(kind=kind)], list(value or []), kind)
        default = [n for n in (value or []) if n in names]
        return st.multiselect(spec.label, names, default=default, help=spec.help, key=key)

    return widget


def corpus_label(corpus: dict) -> str:
    """A stored corpus as the pages name it: its name, language pair and size."""
    return f"{corpus['name']} ({corpus['pair']}, {counted(corpus['segments'], 'segment')})"


def corpus_picker(default_all: bool = True, fresh: bool = False, having: str | None = None) -> Widget:
    """A multiselect of corpora, by name with pair and size. With ``fresh`` (forms that sample the SFT model),
    nothing chosen yet preselects the corpora it was not trained on (:func:`engine.corpora.fresh.fresh_source_corpora`)
    rather than all of them; with ``having`` (a split), only the corpora that have rows in it when any has (the
    Evaluate form preselected the RL prompt pools, which have no test split, and named them in the test set)."""

    def widget(spec: FieldSpec, value: Any, key: str) -> Any:
        store = services().store
        corpora = store.corpora.list()
        names = {c["id"]: corpus_label(c) for c in corpora}
        with_split = [c["id"] for c in corpora if having and (c.get(having) or 0) > 0]
        everything = fresh_source_corpora(store) if fresh else (with_split or list(names))  # none has it: all
        default = [i for i in (value or []) if i in names] or (everything if default_all else [])
        return st.multiselect(spec.label, list(names), default=default, format_func=names.get, help=spec.help,
                              key=key)

    return widget


def glossary_widget(spec: FieldSpec, value: Any, key: str) -> list[str]:
    """A multiselect of glossaries; pre-selects the ones given, else those on by default (Data page)."""
    rows = services().store.glossaries.list()
    names = [g["name"] for g in rows]
    if not names:
        st.caption(f"{spec.label}: no glossary yet (Data page → Glossaries).")
        return []
    default = [n for n in (value or []) if n in names] or [g["name"] for g in rows if g["enabled"]]
    return st.multiselect(spec.label, names, default=default, help=spec.help, key=key)


def run_picker(kind: str) -> Widget:
    """A select box of the succeeded runs of a job kind, newest first."""

    def widget(spec: FieldSpec, value: Any, key: str) -> Any:
        runs = services().store.runs.list(kinds=(kind,), statuses=("succeeded",))
        ids = [r["id"] for r in runs]
        if not ids:
            st.warning(f"No finished {kind} run yet.")
            return ""
        index = ids.index(value) if value in ids else 0
        return st.selectbox(spec.label, ids, index=index, help=spec.help, key=key)

    return widget


def mapping_widget(spec: FieldSpec, value: Any, key: str, *,
                   numeric: bool = False) -> dict[str, Any] | UnreadableSettings:
    """A mapping as ``name=value`` pairs separated by commas (:mod:`studio.components.settings_text`);
    ``numeric``: metric weights, every value a number. Text that cannot be read all gives its errors
    (:class:`UnreadableSettings`), which the form refuses."""
    how = "name=weight pairs" if numeric else "name=value pairs (a word, a number, true/false or JSON)"
    text = st.text_input(spec.label, value=format_settings(value), key=key,
                         help=f"{spec.help} In the form: {how}, separated by commas.".strip())
    values, errors = parse_settings(text, numeric=numeric)
    for error in errors:
        st.error(error)
    return UnreadableSettings(errors) if errors else values


def pair_sets_picker(origin: str | None = None, preselect_newest: bool = True,
                     preselect_origin: str | None = None) -> Widget:
    """A multiselect of preference pair sets (the runs that made them) of ``origin`` (any when None), newest
    first; the newest (of ``preselect_origin`` when there is one of it) is preselected unless ``preselect_newest``
    is off."""

    def widget(spec: FieldSpec, value: Any, key: str) -> list[str]:
        sets = services().store.preferences.pair_sets(origin=origin)
        labels = {s["run_id"]: f"{s['run_id']} — {s['origin']}, " + (
            f"{s['train']} train / {s['valid']} valid" if s["valid"] else f"{s['train']} pairs, no validation split")
            for s in sets}  # "N train / 0 valid" read as if the job would validate on nothing
        preferred = [s for s in sets if s["origin"] == preselect_origin] or sets
        default = [v for v in (value or []) if v in labels] or (
            [s["run_id"] for s in preferred[:1]] if preselect_newest else [])
        return st.multiselect(spec.label, list(labels), default=default, format_func=labels.get, help=spec.help,
                              key=key)

    return widget


pair_set_picker = pair_sets_picker(preselect_origin="synthetic")
"""Any pair sets, the newest synthetic one preselected (the cold start's reward model and DPO learn from the synthetic
pairs; human pairs from feedback belong to Human alignment's fine-tune)."""
