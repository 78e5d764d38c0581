"""Export buttons shared by the pages: a preference export (synthetic or human pairs) written to the workspace's
``exports/`` folder and offered as a zip download, and a zip download of any export folder."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from engine.preferences.export import EXPORT_NAMES, export_preferences, zip_folder
from studio.components.messages import show_error
from studio.state import services

EXPORT_HELP = ("train.jsonl / validation.jsonl (plain) and conversational/ (message lists), a DatasetDict, a README "
               "dataset card, LLaMA-Factory's dataset_info.json and OpenRLHF's flags — read by TRL, LLaMA-Factory "
               "and OpenRLHF as they are.")


def zip_download(folder: Path, *, key: str, label: str | None = None) -> None:
    """A download button with ``folder`` as ``<name>.zip``, zipped when the button is clicked: zipped at every page
    run, a model export (21 MB for the 5M demo model, gigabytes for a real one) was deflated into memory at each click
    anywhere on the page, a rerun taking 1.5 s instead of 0.1 s."""
    st.download_button(label or f"Download {folder.name}.zip", lambda: zip_folder(folder),
                       file_name=f"{folder.name}.zip", mime="application/zip", key=key)


def preference_export(store, origin: str, run_ids: list[str], *, key: str) -> None:
    """An *Export* button for the pairs of ``run_ids``; after it, where the folder is, its counts and a zip
    download (kept across reruns)."""
    name = EXPORT_NAMES[origin]
    state = f"{key}-folder"
    if st.button(f"Export {name}", disabled=not run_ids, key=key, help=EXPORT_HELP):
        try:
            out = export_preferences(store, services().workspace.root / "exports", origin=origin, run_ids=run_ids)
        except (ValueError, OSError) as exc:
            show_error(f"Cannot export: {exc}")
            return
        st.session_state[state] = str(out["folder"])
        st.success(f"Exported {out['train']} training and {out['validation']} validation pairs to "
                   f"{out['folder']}/" + (f" ({out['dropped']} training pairs that shared a source with a "
                                          "validation pair were left out)" if out["dropped"] else "") + ".")
    folder = Path(st.session_state[state]) if st.session_state.get(state) else None
    if folder is not None and folder.is_dir():
        zip_download(folder, key=f"{key}-zip")
