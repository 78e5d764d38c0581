"""The workspace status line shown on every page: SFT model, corpora, running jobs."""

from __future__ import annotations

import streamlit as st

from engine.services import Services


def workspace_header(studio: Services) -> None:
    """One line of facts about the workspace, with links to where each is managed."""
    sft = studio.store.models.sft_model()
    corpora = studio.store.corpora.list()
    active = studio.store.runs.active()
    with st.container(key="studio-header"):
        # on a narrow window (800 px with the sidebar open) the four columns squeezed "demo-sft" into "dem…":
        # they wrap two by two there instead
        st.markdown("<style>.st-key-studio-header [data-testid='stHorizontalBlock'] { flex-wrap: wrap; }"
                    ".st-key-studio-header [data-testid='stColumn'] { min-width: 11rem; }</style>",
                    unsafe_allow_html=True)
        cols = st.columns([2, 2, 2, 3])
        cols[0].metric("SFT model", sft["name"] if sft else "none yet")
        cols[1].metric("Corpora", f"{len(corpora)}", help=", ".join(c["name"] for c in corpora) or None)
        cols[2].metric("Running jobs", f"{len(active)}", help=", ".join(r["id"] for r in active) or None)
        cols[3].caption(f"Workspace: `{studio.workspace.root}`")
