"""The studio's long-lived services, shared by every browser session of this server process."""

from __future__ import annotations

import streamlit as st

from engine.studio import Studio
from engine.workspace import Workspace


@st.cache_resource(show_spinner="Opening the workspace…")
def _open(root: str) -> Studio:
    import os
    from pathlib import Path

    opened = Studio.open(Workspace(Path(root)))
    if os.environ.get("TARJAMA_WATCHER", "1") == "1":
        opened.watch()  # runs are ingested and pipelines advance even with no page open
    return opened


def studio() -> Studio:
    """The :class:`Studio` of the workspace named by ``$TARJAMA_HOME`` (opened once per process)."""
    return _open(str(Workspace.from_env().root))
