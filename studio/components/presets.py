"""The "Starting values" choice above a job or pipeline form (the presets of :mod:`engine.jobs.presets`)."""

from __future__ import annotations

import streamlit as st

from engine.jobs.presets import BRIEF, DEMO, preset, preset_names, preset_summary
from engine.markup import markdown_literal

HELP = ("The project brief's values suit real models (e.g. Gemma-2 2B) on GPUs; the small demo model's were chosen "
        "by measurement on the studio's own ~5M-parameter model on 2 CPU cores (see the README). On a machine "
        "without a GPU the demo values are offered first.")


def _default_name(names: list[str]) -> str:
    from engine.jobs.training import cuda_available

    return DEMO if DEMO in names and not cuda_available() else names[0]


def preset_choice(kind: str, *, key: str) -> tuple[str, dict]:
    """A horizontal radio of the presets of ``kind``; returns (the chosen name, a copy of its values)."""
    names = preset_names(kind)
    if len(names) == 1:
        return names[0], preset(kind, names[0])
    chosen = st.radio("Starting values", names, index=names.index(_default_name(names)), horizontal=True,
                      key=key, help=HELP)
    summary = preset_summary(kind, chosen)
    st.caption(f"*{chosen}* sets {markdown_literal(summary)}." if summary else
               f"*{chosen}* keeps every field at the form's own default.")
    return chosen, preset(kind, chosen)


__all__ = ["BRIEF", "DEMO", "preset_choice"]
